// The examples run against the local sandbox: the official-style app as it
// is, and the TypeScript example of the extras compiled with tsc.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT, startSandbox } from './sandbox.mjs';

const run = promisify(execFile);
let sandbox;
let dir;
before(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'tikapi-examples-'));
});
after(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ ...process.env, TIKAPI_SANDBOX_URL: sandbox.url });

test('examples/node/official_app.mjs', async () => {
  const { stdout } = await run(process.execPath, [join(ROOT, 'examples', 'node', 'official_app.mjs')], { env: env() });
  assert.match(stdout, /65 posts in 3 pages/);
  assert.match(stdout, /signed in as/);
  assert.match(stdout, /expected error: 403 User doesn't exist \(TikTok code 10202\)/);
  assert.doesNotMatch(stdout, /failed:/);
});

test('examples/node/extras.ts, compiled', async () => {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', join(ROOT, 'bindings-node', 'tsconfig.json'), '--noEmit', 'false', '--outDir', dir]);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'tikapi'), 'dir');
  const { stdout } = await run(process.execPath, [join(dir, 'examples', 'node', 'extras.js')], { env: env() });
  assert.match(stdout, /65 posts in all/);
  assert.match(stdout, /cancelled: AbortError/);
  assert.match(stdout, /saved \d+ bytes/);
  assert.match(stdout, /API error 403/);
});

test('examples/node/otel_console.mjs: three CLIENT spans of a walk of three pages, under the app span', async () => {
  const { stdout } = await run(process.execPath, [join(ROOT, 'examples', 'node', 'otel_console.mjs')], { env: env() });
  const traceId = /each request a span of trace ([0-9a-f]{32})/.exec(stdout)?.[1];
  assert.ok(traceId, stdout);
  assert.match(stdout, /65 posts in 3 pages/);
  const requests = stdout.split(/\n(?=\{)/).filter((s) => /instrumentationScope: \{ name: 'tikapi'/.test(s));
  assert.equal(requests.length, 3);
  for (const span of requests) {
    assert.match(span, /name: 'GET'/);
    assert.match(span, /kind: 2/); // SpanKind.CLIENT
    assert.match(span, /'tikapi\.endpoint': 'public\.posts'/);
    assert.match(span, /'http\.response\.status_code': 200/);
    assert.ok(span.includes(`traceId: '${traceId}'`));
    assert.match(span, /parentSpanContext: \{/);
  }
});
