// The packed tarball in a fresh project: installs with no Rust toolchain,
// imports as ESM (default and named) and CJS (the function and .default), and
// runs the unchanged official-style app against the local sandbox.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT, startSandbox } from './sandbox.mjs';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let sandbox;
let dir;
let project;
// Only node and npm on the PATH: no cargo, no rustc.
const bare = () => ({ ...process.env, PATH: dirname(process.execPath) });

before(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'tikapi-pack-'));
  // The root package carries the JS half only; the addon comes in a platform
  // package (npm/<platform>/, as the release publishes it). Pack both from the
  // development build, as tests/dist.sh does from the release build.
  const { stdout } = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT });
  const [packed] = JSON.parse(stdout);
  const files = packed.files.map((f) => f.path);
  // Every module and declaration file of the JS face (index, surface, calls, options, errors, response, node-send; types, endpoints).
  const face = readdirSync(join(ROOT, 'bindings-node', 'js')).map((f) => `bindings-node/js/${f}`);
  assert.ok(face.length >= 11, face.join(', '));
  for (const f of [...face, 'bindings-node/native/index.cjs', 'package.json']) {
    assert.ok(files.includes(f), `${f} is in the tarball: ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.endsWith('.node')), 'no addon in the root package');
  assert.ok(!files.some((f) => f.endsWith('.rs')), 'no Rust sources');

  const addon = readdirSync(join(ROOT, 'bindings-node', 'native')).find((f) => /^tikapi\..+\.node$/.test(f));
  assert.ok(addon, 'the addon is built (tests/node.sh runs npm run build)');
  const platform = addon.slice('tikapi.'.length, -'.node'.length);
  const platformDir = join(dir, platform);
  mkdirSync(platformDir);
  copyFileSync(join(ROOT, 'npm', platform, 'package.json'), join(platformDir, 'package.json'));
  copyFileSync(join(ROOT, 'bindings-node', 'native', addon), join(platformDir, addon));
  const { stdout: out2 } = await run(NPM, ['pack', '--json', '--pack-destination', dir], { cwd: platformDir });
  const [platformPacked] = JSON.parse(out2);
  assert.deepEqual(platformPacked.files.map((f) => f.path).filter((f) => f.endsWith('.node')), [addon]);

  project = join(dir, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  // The swap an app makes: the name `tikapi` now points at ours (an npm alias).
  await run(
    NPM,
    ['install', '--offline', '--no-audit', '--no-fund', `tikapi@file:${join(dir, packed.filename)}`, join(dir, platformPacked.filename)],
    { cwd: project, env: bare() },
  );
  assert.ok(readdirSync(join(project, 'node_modules', 'tikapi')).includes('bindings-node'));
});
after(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

const node = (file) => run(process.execPath, [file], { cwd: project, env: { ...bare(), TIKAPI_SANDBOX_URL: sandbox.url } });

test('ESM: default and named imports', async () => {
  writeFileSync(
    join(project, 'esm.mjs'),
    `import TikAPI, { TikAPI as Named, ValidationError } from 'tikapi';
if (typeof TikAPI !== 'function' || Named !== TikAPI || typeof ValidationError !== 'function') throw new Error('bad ESM exports');
const api = TikAPI('DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s');
api.set({ $sandbox: true });
const r = await api.public.check({ username: 'lilyachty' });
console.log('esm', r.statusCode);
`,
  );
  const { stdout } = await node('esm.mjs');
  assert.equal(stdout.trim(), 'esm 200');
});

test('CJS: require() and require().default', async () => {
  writeFileSync(
    join(project, 'cjs.cjs'),
    `const TikAPI = require('tikapi');
const Default = require('tikapi').default;
if (typeof TikAPI !== 'function' || Default !== TikAPI) throw new Error('bad CJS exports');
const api = Default('DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s');
api.set({ $sandbox: true });
api.public.check({ username: 'lilyachty' }).then((r) => console.log('cjs', r.statusCode));
`,
  );
  const { stdout } = await node('cjs.cjs');
  assert.equal(stdout.trim(), 'cjs 200');
});

test('the unchanged official-style app runs', async () => {
  copyFileSync(join(ROOT, 'examples', 'node', 'official_app.mjs'), join(project, 'official_app.mjs'));
  const { stdout } = await node('official_app.mjs');
  assert.match(stdout, /Lil Yachty/);
  assert.match(stdout, /expected error: 403/);
  assert.match(stdout, /expected validation error on count/);
  assert.doesNotMatch(stdout, /failed:/);
});
