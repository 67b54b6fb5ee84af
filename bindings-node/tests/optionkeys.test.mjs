// The `Options` interface of types.d.ts lists exactly the option keys the
// core reads in JavaScript (the core's one table, exported with the catalogue
// as `optionKeys`), as a set: the declaration groups them by purpose.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const native = require('../native/index.cjs');

test('the Options interface declares the core option keys', () => {
  const core = JSON.parse(native.catalogue()).optionKeys.js;
  const text = readFileSync(new URL('../js/types.d.ts', import.meta.url), 'utf8');
  const block = /export interface Options \{([\s\S]*?)\n\}/.exec(text);
  assert.ok(block, 'types.d.ts has an Options interface');
  const declared = [...block[1].matchAll(/^ {2}(\$?[A-Za-z_]+)\?:/gm)].map((m) => m[1]);
  assert.deepEqual([...declared].sort(), [...core].sort());
});
