#!/usr/bin/env node
// Extracts every JavaScript request sample of the TikAPI REST API docs, verbatim,
// into bindings-node/tests/fixtures/doc-samples.json (the tests run each one).
//
//   node bindings-node/tools/extract-doc-samples.mjs <tikapi-rest-api-docs-v3.1.4.txt>
//
// A sample is the text between a "Request samples" line and the next
// "Response samples" line, when it imports 'tikapi' (the others are JSON
// payload samples of POST bodies).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = process.argv[2];
if (!source) {
  console.error('usage: extract-doc-samples.mjs <tikapi-rest-api-docs-v3.1.4.txt>');
  process.exit(2);
}
const lines = readFileSync(source, 'utf8').split(/\r?\n/);
const samples = [];
for (let i = 0; i < lines.length; i++) {
  if (lines[i].trim() !== 'Request samples') continue;
  let end = i + 1;
  while (end < lines.length && lines[end].trim() !== 'Response samples') end++;
  const code = lines.slice(i + 1, end).join('\n').trim() + '\n';
  if (/^import TikAPI from 'tikapi';/m.test(code)) {
    // The call the sample makes, for naming it in test output.
    const call = /await\s+(api|User)\.([\w.]+)\(/.exec(code);
    samples.push({ line: i + 2, call: call ? `${call[1]}.${call[2]}` : null, code });
  }
  i = end;
}
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'doc-samples.json');
writeFileSync(out, JSON.stringify({ source: 'tikapi-rest-api-docs-v3.1.4.txt', samples }, null, 2) + '\n');
console.log(`${samples.length} samples -> ${out}`);
