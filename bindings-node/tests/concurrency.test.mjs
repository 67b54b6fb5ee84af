// Load and process life: 10,000 concurrent promises on one client; a process
// that exits (process.exit, or its event loop ending) with calls in flight; a
// worker thread terminated with calls in flight. Everything completes or
// fails cleanly: no deadlock, no crash, exit code 0.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import TikAPI from 'tikapi';
import { API_KEY, ROOT, startSandbox } from './sandbox.mjs';

const ENTRY = join(ROOT, 'bindings-node', 'js', 'index.cjs');

let sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

test('10,000 concurrent promises on one client all resolve', async () => {
  const api = TikAPI(API_KEY).set({ $sandbox: true });
  const N = 10_000;
  const started = performance.now();
  let resolved = 0;
  const calls = Array.from({ length: N }, (_, i) =>
    api.public.check({ username: `user${i}` }).then((r) => {
      resolved += 1;
      return r.json.userInfo.user.uniqueId;
    }),
  );
  const names = await Promise.all(calls);
  console.log(`# ${N} concurrent calls resolved in ${(performance.now() - started).toFixed(0)} ms`);
  assert.equal(resolved, N);
  assert.equal(names.length, N);
  assert.equal(new Set(names).size, N, 'every call got its own answer');
});

/** Run `code` (CommonJS; `TikAPI` and `SANDBOX` are defined) in a child process. */
function child(code, limitMs) {
  const prelude = `const TikAPI = require(${JSON.stringify(ENTRY)}); const SANDBOX = ${JSON.stringify(sandbox.url)};\n`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, ['-e', prelude + code], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the child did not exit within ${limitMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, limitMs);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

function assertClean(out, what) {
  console.log(`# ${what}: exit ${out.code} after ${out.ms.toFixed(0)} ms`);
  assert.equal(out.signal, null, `${what}: killed by ${out.signal}; stderr: ${out.stderr}`);
  assert.equal(out.code, 0, `${what}: stderr: ${out.stderr}`);
  assert.doesNotMatch(out.stderr, /panic|fatal|abort|segmentation|error/i, `${what}: ${out.stderr}`);
}

const START_500 = (fault, extra = '') => `
  const api = TikAPI('${API_KEY}').set({ $options: { base: SANDBOX${extra} } });
  let settled = 0;
  for (let i = 0; i < 500; i++) {
    api.public.check({ username: 'user' + i, $options: { headers: { 'X-Sandbox-Fault': '${fault}' } } })
      .then(() => settled++, () => settled++);
  }
  process.on('exit', () => require('node:fs').writeSync(1, 'settled ' + settled + '\\n'));
`;

test('process.exit(0) with 500 calls in flight exits cleanly', async () => {
  const out = await child(`${START_500('slow=5000')} setTimeout(() => process.exit(0), 200);`, 20_000);
  assertClean(out, 'process.exit with calls in flight');
  assert.match(out.stdout, /settled 0/);
});

test('process.exit(0) at once, before the calls could start', async () => {
  const out = await child(`${START_500('hang')} process.exit(0);`, 20_000);
  assertClean(out, 'process.exit at once');
});

test('the event loop ending with 500 calls in flight: they complete, then the process exits', async () => {
  const out = await child(START_500('slow=1000'), 60_000);
  assertClean(out, 'event loop end');
  assert.match(out.stdout, /settled 500/);
});

test('500 calls to a server that never answers: the timeouts fire, then the process exits', async () => {
  const out = await child(START_500('hang', ', timeout: 1000'), 60_000);
  assertClean(out, 'hang with timeouts');
  assert.match(out.stdout, /settled 500/);
});

test('an uncaught exception with calls in flight exits with its code, no crash', async () => {
  const out = await child(`${START_500('slow=5000')} setTimeout(() => { throw new Error('app bug'); }, 200);`, 20_000);
  console.log(`# uncaught exception: exit ${out.code} after ${out.ms.toFixed(0)} ms`);
  assert.equal(out.signal, null, out.stderr);
  assert.equal(out.code, 1);
  assert.match(out.stderr, /app bug/);
  assert.doesNotMatch(out.stderr, /panic|segmentation|fatal error/i);
});

test('a worker thread terminated with calls in flight; the process goes on', async () => {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const TikAPI = require(${JSON.stringify(ENTRY)});
     const api = TikAPI('${API_KEY}').set({ $options: { base: ${JSON.stringify(sandbox.url)} } });
     for (let i = 0; i < 200; i++) api.public.check({ username: 'w' + i, $options: { headers: { 'X-Sandbox-Fault': 'slow=1000' } } }).catch(() => {});
     parentPort.postMessage('started');`,
    { eval: true },
  );
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(await worker.terminate(), 1);
  // The calls the worker left keep running natively and find no one to tell; this thread is unharmed.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const r = await TikAPI(API_KEY).set({ $sandbox: true }).public.check({ username: 'after' });
  assert.equal(r.statusCode, 200);
});
