// `npm install` installs the `tikapi` command (package.json `bin`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startSandbox } from './sandbox.mjs';

let sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox?.stop());

const run = (args) =>
  spawnSync(process.execPath, [join(ROOT, 'bindings-node/js/cli.cjs'), ...args], {
    env: { ...process.env, TIKAPI_SANDBOX_URL: sandbox.url, TIKAPI_KEY: '' },
    encoding: 'utf8',
  });

test('package.json names the command', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.bin.tikapi, 'bindings-node/js/cli.cjs');
  // `files` names the JS face by glob; the command must be among what it packs.
  const packed = pkg.files.some((p) => p === 'bindings-node/js/cli.cjs' || p === 'bindings-node/js/*.cjs');
  assert.ok(packed, `package.json files does not pack the command: ${pkg.files.join(', ')}`);
});

test('the command calls the sandbox', () => {
  const r = run(['--sandbox', 'call', 'public.check', '--username', 'lilyachty']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).userInfo.user.uniqueId, 'lilyachty');
});

test('a bad parameter exits 2', () => {
  const r = run(['--sandbox', 'call', 'public.posts', '--cursor', 'abc']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cursor/);
});
