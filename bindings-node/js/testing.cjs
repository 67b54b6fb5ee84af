// @ts-check
'use strict';
// `tikapi/testing`: the offline sandbox for an app's own tests, in-process
// (the sandbox crate, linked into the addon): no subprocess, no network.
// Scripted answers and faults, the record of the calls that arrived, and
// cassettes are the crate's; this only adapts them to JavaScript.

const native = require('../native/index.cjs');

/** The production base a recording forwards to unless told otherwise. */
const TIKAPI_BASE = 'https://api.tikapi.io';

/**
 * @typedef {{ endpoint: string, method: string, params: Record<string, unknown> }} Arrival
 * @typedef {{ times?: number, params?: Record<string, unknown> }} RuleOptions
 */

/** A running sandbox; `url` is the value for `TIKAPI_BASE_URL` / `TIKAPI_SANDBOX_URL`. */
class Sandbox {
  /** @param {any} handle the native sandbox */
  constructor(handle) {
    /** @private */
    this.native = handle;
    /** `http://127.0.0.1:PORT` (`https://` with `tls: true`). */
    this.url = /** @type {string} */ (handle.url);
  }

  /**
   * Make `endpoint` (`'public.check'`) answer `status` with the JSON `body`:
   * `times` times, or until `reset()`; only for calls with `params` when given.
   * @param {string} endpoint
   * @param {unknown} [body]
   * @param {RuleOptions & { status?: number, headers?: Record<string, string> }} [options]
   */
  answer(endpoint, body, options = {}) {
    /** @type {Record<string, unknown>} */
    const rule = { endpoint, status: options.status ?? 200 };
    if (body !== undefined) rule.body = body;
    if (options.headers) rule.headers = options.headers;
    this.script(rule, options);
  }

  /**
   * Make `endpoint` misbehave: `'tiktok=CODE'`, `'rate_limit=SECONDS'`, `'timeout'`,
   * `'drop'`, `'reset'`, `'slow=MS'`, `'status=CODE'`, ... (the README's fault table).
   * @param {string} endpoint
   * @param {string} fault
   * @param {RuleOptions} [options]
   */
  fail(endpoint, fault, options = {}) {
    this.script({ endpoint, fault }, options);
  }

  /**
   * @private
   * @param {Record<string, unknown>} rule
   * @param {RuleOptions} options
   */
  script(rule, options) {
    if (options.times !== undefined) rule.times = options.times;
    if (options.params) rule.params = options.params;
    this.native.script(JSON.stringify(rule));
  }

  /**
   * The calls that arrived since the last reset (never a key); only `endpoint`'s when given.
   * @param {string} [endpoint]
   * @returns {Arrival[]}
   */
  requests(endpoint) {
    /** @type {Arrival[]} */
    const all = JSON.parse(this.native.requests());
    return endpoint === undefined ? all : all.filter((r) => r.endpoint === endpoint);
  }

  /** Forget scripted rules, arrived calls and the cassette. */
  reset() {
    this.native.reset();
  }

  /**
   * Forward every call to `upstream` and write each answer to the cassette file (keys scrubbed).
   * @param {string} cassette
   * @param {{ upstream?: string }} [options]
   */
  record(cassette, options = {}) {
    this.native.record(String(cassette), options.upstream ?? TIKAPI_BASE);
  }

  /**
   * Answer every call from the cassette file, offline.
   * @param {string} cassette
   */
  replay(cassette) {
    this.native.replay(String(cassette));
  }

  /**
   * Replay `cassette`, or record it from `TIKAPI_RECORD` (a base URL; `1` for
   * TikAPI's) when that is set.
   * @param {string} cassette
   */
  cassette(cassette) {
    const upstream = process.env.TIKAPI_RECORD;
    if (upstream) this.record(cassette, { upstream: upstream === '1' ? TIKAPI_BASE : upstream });
    else this.replay(cassette);
  }

  /** Stop recording or replaying. */
  eject() {
    this.native.eject();
  }

  /**
   * The calls a replayed cassette did not hold, as messages.
   * @returns {string[]}
   */
  misses() {
    return this.native.misses();
  }

  /** Stop serving; closing twice is fine. */
  async close() {
    this.native.close();
  }
}

/**
 * Start a sandbox on a loopback port of this process. A port in use rejects, naming it.
 * @param {{ port?: number, seed?: number, latencyMs?: number, tls?: boolean }} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
  const handle = new native.NativeSandbox(options.port, options.seed, options.latencyMs, options.tls);
  return new Sandbox(handle);
}

module.exports = { startSandbox, Sandbox };
