// tikapi/testing: startSandbox in-process, its errors, and the README's
// "Testing your app" Node example run as printed with node:test: once
// recording its cassette from a second sandbox standing in for the real API,
// then replaying it offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import TikAPI from 'tikapi';
import { startSandbox } from 'tikapi/testing';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KEY = 'MyRealApiKey0123456789';
const run = promisify(execFile);

function readmeBlock(lang) {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = text.split('## Testing your app')[1].split('\n## ')[0];
  const found = section.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  assert.ok(found, `no ${lang} block in the README's Testing your app`);
  return found[1];
}

test('CommonJS and ESM give the same startSandbox', () => {
  const require = createRequire(import.meta.url);
  assert.equal(typeof require('tikapi/testing').startSandbox, 'function');
  assert.equal(require('tikapi/testing').startSandbox, startSandbox);
});

test('a sandbox serves, scripts and closes', async () => {
  const sandbox = await startSandbox({ seed: 1 });
  try {
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const api = TikAPI(KEY);
    api.set({ $options: { base: sandbox.url } });
    sandbox.fail('public.check', 'status=503', { times: 1, params: { username: 'x' } });
    await assert.rejects(api.public.check({ username: 'x' }), (err) => err.statusCode === 503);
    assert.equal((await api.public.check({ username: 'x' })).json.status, 'success');
    assert.equal(sandbox.requests('public.check').length, 2);
    assert.ok(!JSON.stringify(sandbox.requests()).includes(KEY));
  } finally {
    await sandbox.close();
    await sandbox.close();
  }
});

test('bad input names what is wrong', async () => {
  const sandbox = await startSandbox();
  try {
    assert.throws(() => sandbox.answer('public.chek', {}), /unknown endpoint "public\.chek"/);
    assert.throws(() => sandbox.fail('public.check', 'explode'), /unknown fault "explode"/);
    const dir = join(ROOT, 'target', 'kit-node-bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bad.json'), '{"tikapiCassette": 1,');
    assert.throws(() => sandbox.replay(join(dir, 'bad.json')), /bad\.json: not valid JSON/);
    const port = Number(new URL(sandbox.url).port);
    await assert.rejects(startSandbox({ port }), new RegExp(`port ${port} is in use`));
  } finally {
    await sandbox.close();
  }
});

test('the README node:test example records its cassette, then replays it offline', async () => {
  const dir = join(ROOT, 'target', 'kit-node-example');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.test.mjs'), readmeBlock('js'));
  const env = { ...process.env };
  // NODE_TEST_CONTEXT would make the inner runner report to this one instead of running.
  for (const k of Object.keys(env)) if (k.startsWith('TIKAPI_') || k === 'NODE_TEST_CONTEXT') delete env[k];
  const realApi = await startSandbox();
  try {
    await run(process.execPath, ['--test', 'app.test.mjs'], {
      cwd: dir,
      env: { ...env, TIKAPI_RECORD: realApi.url },
    });
  } finally {
    await realApi.close();
  }
  const cassette = readFileSync(join(dir, 'cassettes', 'check.json'), 'utf8');
  assert.ok(!cassette.includes(KEY));
  assert.equal(JSON.parse(cassette).interactions[0].request.endpoint, 'public.check');
  const { stdout } = await run(process.execPath, ['--test', 'app.test.mjs'], { cwd: dir, env });
  assert.match(stdout, /# pass 5/);
});

test('startSandbox under Vitest', async () => {
  const dir = join(ROOT, 'target', 'kit-node-vitest');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.test.mjs'), readFileSync(new URL('fixtures/kit-vitest.mjs', import.meta.url)));
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('TIKAPI_') || k === 'NODE_TEST_CONTEXT') delete env[k];
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  // Vitest colours its summary under CI=true: read it without the colour codes.
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
  const { stdout } = await run(process.execPath, [vitest, 'run', '--root', dir], { cwd: dir, env });
  assert.match(stripVTControlCharacters(stdout), /Tests\s+2 passed/);
});
