// The local sandbox for a test file: built with cargo (or taken from
// TIKAPI_SANDBOX_BIN), started on a free loopback port, stopped after the tests.
// Clients reach it through TIKAPI_SANDBOX_URL / TIKAPI_BASE_URL, as an app would.

import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const API_KEY = 'DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s';
export const ACCOUNT_KEY = 'DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A';

/** The sandbox executable: TIKAPI_SANDBOX_BIN, or what cargo builds. */
export function sandboxBinary() {
  if (process.env.TIKAPI_SANDBOX_BIN) return process.env.TIKAPI_SANDBOX_BIN;
  const out = execFileSync('cargo', ['build', '-q', '-p', 'tikapi-sandbox', '--message-format=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const msg = JSON.parse(line);
    if (msg.reason === 'compiler-artifact' && msg.executable && msg.target.name === 'tikapi-sandbox') {
      process.env.TIKAPI_SANDBOX_BIN = msg.executable;
      return msg.executable;
    }
  }
  throw new Error('cargo built no tikapi-sandbox executable');
}

/**
 * Start the sandbox; resolves to {url, stop}. Also points TIKAPI_SANDBOX_URL
 * and TIKAPI_BASE_URL at it (the core reads them when a client is created),
 * unless `env: false`. `tls: true` serves HTTPS with a certificate of the sandbox's test CA, which nothing trusts by default.
 */
export function startSandbox({ tls = false, env = true } = {}) {
  const args = ['--addr', '127.0.0.1:0', ...(tls ? ['--tls'] : [])];
  const proc = spawn(sandboxBinary(), args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before it listened`)));
    const lines = createInterface({ input: proc.stdout });
    lines.once('line', (first) => {
      const m = /^listening on (\S+)/.exec(first);
      if (!m) return reject(new Error(`the sandbox did not start: ${first}`));
      proc.removeAllListeners('exit');
      lines.on('line', () => {}); // keep draining
      const url = m[1];
      if (env) {
        process.env.TIKAPI_SANDBOX_URL = url;
        process.env.TIKAPI_BASE_URL = url;
      }
      const stop = () =>
        new Promise((done) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return done();
          proc.once('exit', () => done());
          proc.kill('SIGTERM');
        });
      resolve({ url, stop, pid: proc.pid });
    });
  });
}
