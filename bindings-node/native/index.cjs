'use strict';
// Loads the native addon (napi-rs) for this machine, from one of two places:
//   1. `tikapi.<platform>.node` beside this file: a development build
//      (`npm run build` in a clone of the repository; needs Rust);
//   2. the platform package `@tikapi-rs/tikapi-<platform>`, one per supported
//      platform, which npm installs from the root package's
//      optionalDependencies (it picks the one whose os / cpu / libc fit).
// When neither fits, it throws an error naming the platform it detected and
// the supported ones (code TIKAPI_NO_NATIVE_ADDON), never a bare MODULE_NOT_FOUND.
// No WebAssembly fallback: WASI preview 1 has no socket connect, so the HTTP
// stack cannot run there.

const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const SCOPE = '@tikapi-rs/tikapi';
// platform-arch-abi (napi-rs naming) -> what a person calls it.
const SUPPORTED = {
  'linux-x64-gnu': 'Linux x64 (glibc >= 2.17)',
  'linux-arm64-gnu': 'Linux arm64 (glibc >= 2.17)',
  'linux-x64-musl': 'Linux x64 (musl, e.g. Alpine)',
  'linux-arm64-musl': 'Linux arm64 (musl, e.g. Alpine)',
  'darwin-x64': 'macOS x64',
  'darwin-arm64': 'macOS arm64',
  'win32-x64-msvc': 'Windows x64',
  'win32-arm64-msvc': 'Windows arm64',
};

/** 'gnu' or 'musl' on Linux, from the process report (as napi-rs does); null elsewhere. */
function linuxLibc() {
  if (process.platform !== 'linux') return null;
  try {
    const lddPath = '/usr/bin/ldd';
    if (existsSync(lddPath) && readFileSync(lddPath, 'utf8').includes('musl')) return 'musl';
  } catch {
    // unreadable: ask the process report below
  }
  try {
    /** @type {any} */
    const reporter = process.report;
    if (reporter && typeof reporter.getReport === 'function') {
      reporter.excludeNetwork = true;
      /** @type {any} */
      const report = reporter.getReport();
      const header = typeof report === 'string' ? JSON.parse(report).header : report.header;
      return header && header.glibcVersionRuntime ? 'gnu' : 'musl';
    }
  } catch {
    // fall through
  }
  return 'gnu';
}

function detect() {
  const { platform, arch } = process;
  const libc = linuxLibc();
  let abi = `${platform}-${arch}`;
  if (platform === 'linux') abi += `-${libc}`;
  else if (platform === 'win32') abi += '-msvc';
  return { platform, arch, libc, abi };
}

function failure(message, cause) {
  /** @type {Error & { code?: string }} */
  const err = new Error(message, cause ? { cause } : undefined);
  err.code = 'TIKAPI_NO_NATIVE_ADDON';
  return err;
}

function describe({ platform, arch, libc }) {
  return `${platform} ${arch}${libc ? ` (${libc === 'gnu' ? 'glibc' : libc})` : ''}`;
}

const supportedList = () => Object.entries(SUPPORTED).map(([abi, name]) => `${name} [${abi}]`).join(', ');

function load() {
  const found = detect();
  const local = join(__dirname, `tikapi.${found.abi}.node`);
  if (existsSync(local)) {
    try {
      return require(local);
    } catch (e) {
      throw failure(`tikapi: the native addon ${local} failed to load on ${describe(found)}: ${e.message}`, e);
    }
  }
  if (!Object.hasOwn(SUPPORTED, found.abi)) {
    throw failure(
      `tikapi: no native addon for this platform: ${describe(found)} [${found.abi}]. ` +
        `Prebuilt addons exist for: ${supportedList()}. ` +
        'There is no WebAssembly fallback (WASI preview 1 cannot open sockets). ' +
        'On another platform, build from a clone of the repository with `npm run build` (needs Rust).',
    );
  }
  const pkg = `${SCOPE}-${found.abi}`;
  let addon;
  try {
    addon = require(pkg);
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(pkg)) {
      throw failure(
        `tikapi: the native addon for this platform, ${describe(found)} [${found.abi}], is not installed: ` +
          `it comes in the package ${pkg}, an optional dependency of ${SCOPE}. ` +
          'npm skips it with --omit=optional / --no-optional, and a node_modules installed on another ' +
          'platform (e.g. copied from macOS into a Linux container) lacks it: reinstall on this machine, ' +
          `or add ${pkg} to your dependencies. Prebuilt addons exist for: ${supportedList()}.`,
        e,
      );
    }
    throw failure(`tikapi: the native addon ${pkg} failed to load on ${describe(found)}: ${e.message}`, e);
  }
  // The JS half and the addon come from one release.
  const want = require('../../package.json').version;
  const got = require(`${pkg}/package.json`).version;
  if (want !== got) {
    throw failure(
      `tikapi: version mismatch: ${SCOPE} is ${want} but ${pkg} is ${got}; install the same version of both.`,
    );
  }
  return addon;
}

module.exports = load();
