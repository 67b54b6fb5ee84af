// The addon loader (bindings-node/native/index.cjs) on a platform with no
// addon: a clear error naming the detected platform, arch and libc and the
// supported list, never a bare MODULE_NOT_FOUND. The platform is faked with a
// preload script that redefines process.platform / process.arch.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './sandbox.mjs';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tikapi-loader-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function loadAs(platform, arch) {
  const preload = join(dir, `fake-${platform}-${arch}.cjs`);
  writeFileSync(
    preload,
    `Object.defineProperty(process, 'platform', { value: ${JSON.stringify(platform)} });
Object.defineProperty(process, 'arch', { value: ${JSON.stringify(arch)} });`,
  );
  const script = `try { require(${JSON.stringify(join(ROOT, 'bindings-node', 'native', 'index.cjs'))}); console.log('loaded'); }
catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;
  const { stdout } = await run(process.execPath, ['-r', preload, '-e', script], { cwd: dir });
  return JSON.parse(stdout);
}

test('an unsupported platform: names it and lists the supported ones', async () => {
  const { code, message } = await loadAs('freebsd', 'x64');
  assert.equal(code, 'TIKAPI_NO_NATIVE_ADDON');
  assert.match(message, /no native addon for this platform: freebsd x64 \[freebsd-x64\]/);
  for (const abi of ['linux-x64-gnu', 'linux-arm64-gnu', 'linux-x64-musl', 'linux-arm64-musl', 'darwin-x64', 'darwin-arm64', 'win32-x64-msvc', 'win32-arm64-msvc']) {
    assert.ok(message.includes(`[${abi}]`), `${abi} is listed: ${message}`);
  }
  assert.match(message, /WASI preview 1 cannot open sockets/);
});

test('a supported platform whose package is missing: names the package to install', async () => {
  const { code, message } = await loadAs('linux', 'riscv64');
  assert.equal(code, 'TIKAPI_NO_NATIVE_ADDON');
  assert.match(message, /linux riscv64 \((glibc|musl)\)/);

  // linux arm64 is supported, but its package is not installed here.
  const arm = await loadAs('linux', 'arm64');
  assert.equal(arm.code, 'TIKAPI_NO_NATIVE_ADDON');
  assert.notEqual(arm.code, 'MODULE_NOT_FOUND');
  assert.match(arm.message, /linux arm64 \((glibc|musl)\) \[linux-arm64-(gnu|musl)\], is not installed/);
  assert.match(arm.message, /@tikapi-rs\/tikapi-linux-arm64-(gnu|musl)/);
  assert.match(arm.message, /--omit=optional/);
});
