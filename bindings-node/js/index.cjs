'use strict';
// The JavaScript face of `tikapi`: the official SDK's shapes and idioms over
// the native core. Categories and methods are built from the catalogue the
// addon exports; validation, requests, pagination and downloads all happen in
// Rust, off the JS thread. This file only adapts shapes.

const { validateHeaderName, validateHeaderValue } = require('node:http');
const { inspect } = require('node:util');
const native = require('../native/index.cjs');

const CATALOGUE = deepFreeze(JSON.parse(native.catalogue()));
const VERSION = native.version();

// The official SDK's words, kept so that apps matching on them still match.
const KEY_REQUIRED = 'The API Key is required.';
const CATEGORY_NEEDS_NEW =
  "This is a category, you can initalize this category to update values using 'new' command.";

function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------- errors

/** Base of the errors this package throws that are `Error`s. */
class TikAPIError extends Error {
  constructor(message, kind) {
    super(message);
    Object.defineProperty(this, 'name', { value: new.target.name, configurable: true, writable: true });
    /** `validation`, `network`, `usage` or `internal` (API errors are `ResponseError`s). */
    this.kind = kind;
  }
}

/** A parameter broke a rule; nothing was sent. `field` names the parameter. */
class ValidationError extends TikAPIError {
  constructor(message, field, rule) {
    super(message, 'validation');
    this.field = field;
    this.rule = rule;
  }
}

/** No usable answer came back: the message names the URL and the reason. */
class NetworkError extends TikAPIError {
  constructor(message, target, reason, code) {
    super(message, 'network');
    const space = target ? target.indexOf(' ') : -1;
    this.method = space > 0 ? target.slice(0, space) : undefined;
    this.url = space > 0 ? target.slice(space + 1) : target;
    this.reason = reason;
    /** connect, timeout, tls, proxy, body, decode, redirect, too_large, io, other. */
    this.code = code;
  }
}

/** The call itself was malformed (an unknown endpoint, a bad option). `field` names a bad option (`$options.timeout`). */
class UsageError extends TikAPIError {
  constructor(message, kind = 'usage', field = undefined) {
    super(message, kind);
    if (field !== undefined) this.field = field;
  }
}

function abortError(signal) {
  if (signal && signal.reason !== undefined) return signal.reason;
  return new DOMException('This operation was aborted', 'AbortError');
}

/** Turn a native failure into what the app sees. The one place this happens. */
function toError(failure, signal) {
  switch (failure.kind) {
    case 'validation':
      return new ValidationError(failure.message, failure.field, failure.rule);
    case 'api':
      return new ResponseError(failure.response);
    case 'network':
      return new NetworkError(failure.message, failure.target, failure.reason, failure.transportKind);
    case 'abort':
      return abortError(signal);
    default:
      return new UsageError(failure.message, failure.kind);
  }
}

/** Await a native promise, throwing its failure as the app-facing error. */
async function settle(promise, signal) {
  const out = await promise;
  if (out instanceof native.NativeFailure) throw toError(out, signal);
  return out;
}

/**
 * Run `start(cancelHandle)` so that `signal` can cancel it; without a signal
 * no handle is made.
 */
async function withSignal(signal, start) {
  if (signal == null) return settle(start(null), null);
  if (signal.aborted) throw abortError(signal);
  const handle = new native.CancelHandle();
  const onAbort = () => handle.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await settle(start(handle), signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

// ---------------------------------------------------------------- options

// `$options` keys the addon takes, each with its check.
const positive = (v) => typeof v === 'number' && Number.isFinite(v) && v > 0;
const MAX_MILLIS = 2147483647; // as setTimeout
const millis = (v) => positive(v) && v <= MAX_MILLIS;
const OPTION_CHECKS = {
  base: [(v) => typeof v === 'string', 'a URL string'],
  sandboxBase: [(v) => typeof v === 'string', 'a URL string'],
  proxy: [(v) => typeof v === 'string', 'a proxy URL string'],
  timeout: [millis, `a positive number of milliseconds (at most ${MAX_MILLIS})`],
  connectTimeout: [millis, `a positive number of milliseconds (at most ${MAX_MILLIS})`],
  retries: [(v) => Number.isSafeInteger(v) && v >= 0 && v <= 0xffffffff, 'a whole number >= 0'],
  maxBodySize: [(v) => positive(v) && v >= 1, 'a positive number of bytes'],
  maxConnections: [(v) => Number.isSafeInteger(v) && v >= 1 && v <= 0xffffffff, 'a whole number >= 1'],
  dangerouslyAcceptInvalidCertificates: [(v) => typeof v === 'boolean', 'true or false'],
};
const OPTION_NAMES = Object.keys(OPTION_CHECKS);
// The official SDK's own `$options` keys: the hooks and the agent are kept
// and run on the JS side (on_success, on_error, on_request, fetch_agent: see
// "hooks" below), `values` are defaults like set's, and the others (params,
// $other) are accepted and have no effect.
const OFFICIAL_OPTION_NAMES = ['on_success', 'on_error', 'on_request', 'fetch_agent', 'params', 'values', '$other'];
const KNOWN_OPTION_NAMES = new Set(['headers', ...OPTION_NAMES, ...OFFICIAL_OPTION_NAMES]);

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** The closest known option name, for "did you mean". */
function closest(name) {
  const distance = (a, b) => {
    const d = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = d[0];
      d[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = d[j];
        d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
        prev = cur;
      }
    }
    return d[b.length];
  };
  let best;
  let bestDistance = Infinity;
  for (const known of KNOWN_OPTION_NAMES) {
    const dist = distance(name, known);
    if (dist < bestDistance) [best, bestDistance] = [known, dist];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function plainHeaders(headers, where = '$options.headers') {
  if (headers == null) return undefined;
  if (typeof headers !== 'object') {
    throw new UsageError(`${where} must be an object of header names to values, not ${describe(headers)}`, 'usage', where);
  }
  const out = {};
  const pairs =
    typeof headers.entries === 'function' && !Array.isArray(headers) ? headers.entries() : Array.isArray(headers) ? headers : Object.entries(headers);
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new UsageError(`${where} must hold [name, value] pairs`, 'usage', where);
    }
    const [k, v] = pair;
    if (v == null) continue;
    const name = String(k);
    const value = String(v);
    // Node's own rules (those fetch applies): a token for the name, no CR, LF or NUL in the value.
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch (e) {
      throw new UsageError(`${where}: the header ${JSON.stringify(name)} cannot be sent (${e.message})`, 'usage', where);
    }
    out[name] = value;
  }
  return out;
}

/**
 * `$options` as the addon takes them. Throws a `UsageError` naming the key
 * for an unknown key or a bad value, so that a typo never goes unnoticed.
 */
function nativeOptions(options) {
  if (options == null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`$options must be an object, not ${describe(options)}`);
  }
  for (const name of Object.keys(options)) {
    if (KNOWN_OPTION_NAMES.has(name)) continue;
    const guess = closest(name);
    throw new UsageError(
      `Unknown $options key ${JSON.stringify(name)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}; ` +
        `the known keys are ${[...KNOWN_OPTION_NAMES].join(', ')}`,
      'usage',
      `$options.${name}`,
    );
  }
  const out = {};
  for (const name of OPTION_NAMES) {
    const value = options[name];
    if (value == null) continue;
    const [ok, what] = OPTION_CHECKS[name];
    if (!ok(value)) throw new UsageError(`$options.${name} must be ${what}, not ${describe(value)}`, 'usage', `$options.${name}`);
    out[name] = value;
  }
  if (options.headers != null) out.headers = plainHeaders(options.headers);
  if (options.values != null && !isPlainObject(options.values)) {
    throw new UsageError(`$options.values must be an object of parameter values, not ${describe(options.values)}`, 'usage', '$options.values');
  }
  return out;
}

/** The official `$options.values`: defaults below the values given beside them. */
function withOptionValues(values, options) {
  const defaults = options != null && typeof options === 'object' ? options.values : undefined;
  return defaults == null ? values : { ...defaults, ...values };
}

/** A FormData's fields as an object, as the official SDK takes them (`name[]` for lists). */
function formToObject(form) {
  return Object.fromEntries(Array.from(form.keys(), (k) => (k.endsWith('[]') ? [k.slice(0, -2), form.getAll(k)] : [k, form.get(k)])));
}

/** The one argument of a call, `set` or a category constructor must be an object. */
function checkShape(value, what) {
  if (value == null) return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return typeof FormData !== 'undefined' && value instanceof FormData ? formToObject(value) : value;
  }
  throw new TypeError(`${what} takes one object of named values ({ username: 'lilyachty' }), not ${describe(value)}`);
}

/** Split a call's argument object into endpoint parameters and per-call settings. */
function splitParams(params) {
  params = checkShape(params, 'An endpoint call');
  if (params == null) return { args: undefined, settings: undefined, signal: undefined };
  let args = params;
  let settings;
  let signal;
  if ('$sandbox' in params || '$options' in params || 'signal' in params) {
    const { $sandbox, $options, signal: s, ...rest } = params;
    args = withOptionValues(rest, $options);
    signal = s;
    settings = {
      sandbox: typeof $sandbox === 'boolean' ? $sandbox : undefined,
      options: nativeOptions($options),
    };
  }
  return { args, settings, signal };
}

// ---------------------------------------------------------------- responses

const HANDLE = Symbol('tikapi.native');
const ORIGIN = Symbol('tikapi.origin');

// ---------------------------------------------------------------- hooks

// The official SDK's `$options` hooks, kept on the JS side (rests 1.1.1's
// rules, which the official npm SDK runs on):
// - `on_request(request)` is awaited after validation, once the URL, query,
//   headers and body are built; `request` is {url, options: {method,
//   headers, agent, body}, params, key, instance, self}. Changes made to
//   `request.options` in place are sent; a returned `{url}` and/or
//   `{options}` replaces them (a returned `options` replaces, not merges);
//   any other truthy value is the call's result and nothing is sent;
//   `false` resolves to `false`; a throw rejects the call.
// - `fetch_agent`: an `http.Agent`, or a function of the URL returning one.
//   Such calls (and those `on_request` changed) are sent by Node's own
//   http / https (node-send.cjs), the others natively.
// - `on_success(response, request)` / `on_error(error, request)`: a value
//   other than undefined becomes the call's result. `on_error` sees API
//   errors (a status outside 2xx) and a throw of `on_success`, never a
//   validation, network or abort error, nor an `on_request` throw.
// Set by `set()` and by a category constructor; a per-call `$options` hook
// is not called (as in the official SDK), a per-call `fetch_agent` is used.
// A scope made with `new` copies the hooks in force when it is made: a later
// `set()` on its parent does not reach it.
const HOOK_NAMES = ['on_success', 'on_error', 'on_request', 'fetch_agent'];
const scopes = new WeakMap(); // native client -> { hooks, instance, prefix }
const nodeSend = require('./node-send.cjs');

function registerScope(client, parent, prefix = '') {
  scopes.set(client, { hooks: parent ? { ...scopes.get(parent).hooks } : {}, instance: undefined, prefix });
}

function isAgent(value) {
  return value == null || value === false || typeof value === 'function' || (typeof value === 'object' && typeof value.addRequest === 'function');
}

/** Check the hooks of an `$options` object; a bad one throws a UsageError naming it. */
function checkHooks(options) {
  if (options == null || typeof options !== 'object') return;
  for (const name of ['on_success', 'on_error', 'on_request']) {
    const value = options[name];
    if (value != null && typeof value !== 'function') {
      throw new UsageError(`$options.${name} must be a function, not ${describe(value)}`, 'usage', `$options.${name}`);
    }
  }
  if (!isAgent(options.fetch_agent)) {
    throw new UsageError(
      `$options.fetch_agent must be an http.Agent or a function of the URL returning one, not ${describe(options.fetch_agent)}`,
      'usage',
      '$options.fetch_agent',
    );
  }
}

function rememberHooks(client, options) {
  if (options == null || typeof options !== 'object') return;
  checkHooks(options);
  const scope = scopes.get(client);
  for (const name of HOOK_NAMES) if (name in options) scope.hooks[name] = options[name];
}

/** A per-call `$options.fetch_agent`, checked, or undefined. */
function perCallAgent(params) {
  const options = params != null && typeof params === 'object' ? params.$options : undefined;
  if (options == null || typeof options !== 'object' || options.fetch_agent == null || options.fetch_agent === false) return undefined;
  if (!isAgent(options.fetch_agent)) checkHooks({ fetch_agent: options.fetch_agent });
  return options.fetch_agent;
}

/** Whether a call of this scope must take the hooked path rather than the native fast one. */
function hooked(client, agent) {
  const h = scopes.get(client).hooks;
  return agent != null || h.on_request != null || h.on_success != null || h.on_error != null || (h.fetch_agent != null && h.fetch_agent !== false);
}

/** `on_success` / `on_error` around a call's outcome, with the official rules. */
async function withResultHooks(hooks, request, outcome) {
  let response;
  try {
    response = await outcome;
  } catch (err) {
    // Only an answer with an error status reaches on_error (not validation, network or abort).
    if (!(err instanceof ResponseError) || typeof hooks.on_error !== 'function') throw err;
    return onError(hooks, request, err);
  }
  if (typeof hooks.on_success !== 'function') return response;
  let out;
  try {
    out = hooks.on_success(response, request);
  } catch (err) {
    if (typeof hooks.on_error !== 'function') throw err;
    return onError(hooks, request, err);
  }
  return out !== undefined ? out : response;
}

function onError(hooks, request, err) {
  const out = hooks.on_error(err, request);
  if (out !== undefined) return out;
  throw err;
}

/** A request's wire shape, to tell whether `on_request` changed it. */
function wireOf(url, options) {
  const o = options && typeof options === 'object' ? options : {};
  let headers;
  try {
    headers = JSON.stringify(o.headers && typeof o.headers === 'object' ? Object.entries(o.headers) : o.headers);
  } catch {
    headers = undefined; // unusual headers: treated as changed
  }
  return { url, method: o.method, headers, body: o.body, agent: o.agent, keys: Object.keys(o).join() };
}

function sameWire(a, b) {
  return (
    a.url === b.url && a.method === b.method && a.headers !== undefined && a.headers === b.headers && a.body === b.body && a.agent === b.agent && a.keys === b.keys
  );
}

/**
 * Run a prepared call: `on_request`, then the native send or Node's own
 * (agent, or a request the hook changed), then `on_success` / `on_error`
 * unless `resultHooks` is false (the page walkers).
 */
async function runPrepared(client, key, prepared, params, self, signal, agentForCall, resultHooks = true) {
  const scope = scopes.get(client);
  const hooks = { ...scope.hooks }; // the settings in force when the call starts
  const fetchAgent = agentForCall != null ? agentForCall : hooks.fetch_agent === false || hooks.fetch_agent == null ? null : hooks.fetch_agent;
  let url = prepared.url;
  const headers = { 'User-Agent': prepared.userAgent };
  for (const [k, v] of prepared.headers) {
    if (k.toLowerCase() === 'user-agent') delete headers['User-Agent'];
    headers[k] = v;
  }
  // The app's own keys are in these headers (as in the official SDK); util.inspect / console.log hide them.
  Object.defineProperty(headers, inspect.custom, { value: inspectHeaders });
  let options = { method: prepared.method, headers, agent: fetchAgent };
  const body = prepared.body;
  if (body != null) options.body = body;
  const request = {
    url,
    options,
    params,
    key: scope.prefix && key.startsWith(scope.prefix) ? key.slice(scope.prefix.length) : key,
    instance: scope.instance,
    self,
  };
  let own = fetchAgent != null;
  if (typeof hooks.on_request === 'function') {
    const before = wireOf(url, options);
    const out = await hooks.on_request(request);
    if (out) {
      // A response of ours has a `url`: returned from the hook (a cache), it is the result.
      if (!(out instanceof ResponseFields) && (out.url || out.options)) {
        url = out.url || url;
        options = out.options || options;
      } else {
        return out;
      }
    }
    if (out === false) return false;
    own = own || !sameWire(before, wireOf(url, options));
  }
  const origin = { client, key, params, self, agent: agentForCall };
  const sent = own ? sendOwn(prepared, url, options, signal) : withSignal(signal, (cancel) => prepared.send(cancel));
  const response = sent.then((r) => new Response(r, origin));
  return resultHooks ? withResultHooks(hooks, request, response) : response;
}

function inspectHeaders(depth, options, inspectFn = inspect) {
  const shown = {};
  for (const [k, v] of Object.entries(this)) shown[k] = /^x-(api|account)-key$/i.test(k) ? '<hidden>' : v;
  return inspectFn(shown, options);
}

/** Send with Node's http / https (and the agent); the core takes the answer. */
async function sendOwn(prepared, url, options, signal) {
  const limits = { timeoutMs: prepared.timeoutMs, maxBodySize: prepared.maxBodySize, userAgent: prepared.userAgent };
  const fail = (kind, method, target, reason) => toError(prepared.failure(kind, method, target, String(reason)), signal);
  const raw = await nodeSend.send(url, options, limits, signal, fail, () => abortError(signal));
  const out = prepared.complete(raw.status, raw.statusText, raw.headers, raw.url, raw.body, raw.elapsedMs);
  if (out instanceof native.NativeFailure) throw toError(out, signal);
  return out;
}

/** The hooked path of an endpoint call. */
async function hookedCall(client, key, params, self, agentForCall) {
  const { args, settings, signal } = splitParams(params);
  if (signal != null && signal.aborted) throw abortError(signal);
  const prepared = client.prepare(key, args, settings);
  if (prepared instanceof native.NativeFailure) throw toError(prepared, signal);
  const info = params != null && typeof params === 'object' ? params : {};
  return runPrepared(client, key, prepared, info, self, signal, agentForCall);
}

function toHeaders(pairs) {
  const headers = new Headers();
  for (const [k, v] of pairs) headers.append(k, v);
  return headers;
}

/** Fields shared by a success and by the rejection for a non-2xx status. */
class ResponseFields {
  constructor(handle) {
    Object.defineProperty(this, HANDLE, { value: handle });
    // Own, enumerable data properties as in the official SDK's plain object,
    // so spreading or serialising a response keeps them.
    this.statusCode = handle.status;
    this.statusText = handle.reason;
    this.headers = toHeaders(handle.headers);
    this.type = 'default';
    this.url = handle.url;
    this.ok = handle.ok;
    if (handle.isJson) {
      const text = handle.text();
      try {
        this.json = JSON.parse(text);
      } catch {
        // Labelled JSON but not JSON: the response stays usable, with its text.
        this.json = undefined;
        this.text = text;
      }
    } else {
      this.text = handle.text();
    }
    this.message = handle.message();
  }

  /** TikTok's own error code in the body (for example 10202), if any. */
  get tiktokCode() {
    return this[HANDLE].tiktokCode ?? undefined;
  }

  /** For a 429: how long the server asked to wait, in milliseconds. */
  get retryAfter() {
    return this[HANDLE].retryAfterMs ?? undefined;
  }

  toJSON() {
    const { statusCode, statusText, ok, url, message, json, text } = this;
    return { statusCode, statusText, ok, url, message, json, text, headers: Object.fromEntries(this.headers) };
  }

  [inspect.custom](depth, options, inspectFn = inspect) {
    const shown = { ...this.toJSON(), headers: this.headers };
    if (shown.text === undefined) delete shown.text;
    return `${this.constructor.name} ${inspectFn(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

/** A successful (2xx) answer. */
class Response extends ResponseFields {
  constructor(handle, origin) {
    super(handle);
    // The scope and request of the call, so that the next page takes the same path and hooks.
    if (origin) Object.defineProperty(this, ORIGIN, { value: origin });
    // Own, enumerable, as in the official SDK: `{...response}` and
    // `Object.assign({}, response)` keep them, and they work on the copy.
    const self = this;
    this.nextItems = function nextItems(options) {
      return nextItemsOf(self, options);
    };
    this.saveVideo = function saveVideo(link, path, options) {
      return saveVideoOf(self, link, path, options);
    };
  }

  /**
   * A promise of the next page, or null (at once, not a promise) when this
   * was the last: the official rule and the official return shape.
   */
  nextItems(options) {
    return nextItemsOf(this, options);
  }

  /**
   * Stream `link` to `path`, sending this response's video link headers.
   * The file appears only once complete. Resolves to the bytes written.
   */
  saveVideo(link, path, options) {
    return saveVideoOf(this, link, path, options);
  }
}

function nextItemsOf(response, options) {
  const handle = response[HANDLE];
  if (!handle.hasNextPage) return null;
  const signal = options && options.signal;
  const origin = response[ORIGIN];
  if (origin && hooked(origin.client, origin.agent)) {
    // As the official `req.self({...req.params, ...cursor})`: the whole path again (on_request, agent, hooks).
    const next = handle.prepareNext();
    if (next == null) return null;
    if (next instanceof native.NativeFailure) return Promise.reject(toError(next, signal));
    const params = { ...origin.params, ...JSON.parse(next.argsJson()) };
    return runPrepared(origin.client, origin.key, next, params, origin.self, signal, origin.agent);
  }
  return withSignal(signal, (cancel) => handle.nextPage(cancel)).then((page) => (page ? new Response(page, origin) : null));
}

function saveVideoOf(response, link, path, options) {
  const handle = response[HANDLE];
  const opts = options || {};
  // `progress` (also accepted as `onProgress`) is called with (bytesWritten, totalOrNull).
  const cb = opts.progress ?? opts.onProgress;
  const progress = typeof cb === 'function' ? cb : null;
  // The official third argument is node-fetch's options: an `agent` there routes the download.
  if (opts.agent != null && opts.agent !== false) return saveThroughAgent(handle, link, path, opts, progress);
  try {
    const save = {
      headers: plainHeaders(opts.headers, 'saveVideo options.headers'),
      options: nativeOptions(opts.timeout != null ? { timeout: opts.timeout } : undefined),
    };
    return withSignal(opts.signal, (cancel) => handle.saveVideo(String(link), String(path), save, progress, cancel));
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * `saveVideo(link, path, {agent})`: the download goes through the app's
 * agent, sent by Node's own http / https (the official SDK hands the agent to
 * node-fetch). The same headers as the native download (browser
 * `User-Agent`, the response's `videoLinkHeaders`, `options.headers`),
 * redirects followed anywhere (no key is sent), the timeout, AbortSignal; the
 * file appears only once complete (written beside it, then renamed).
 */
async function saveThroughAgent(handle, link, path, opts, progress) {
  checkHooks({ fetch_agent: opts.agent });
  const extra = plainHeaders(opts.headers, 'saveVideo options.headers') || {};
  // The app's headers win over the defaults of the same name.
  const byName = new Map();
  for (const [k, v] of [...handle.videoDownloadHeaders(), ...Object.entries(extra)]) byName.set(k.toLowerCase(), [k, v]);
  const headers = [...byName.values()];
  const target = String(link);
  const limits = {
    timeoutMs: handle.downloadTimeoutMs(opts.timeout == null ? undefined : opts.timeout),
    maxBodySize: Number.MAX_SAFE_INTEGER,
    userAgent: byName.get('user-agent')[1],
    anyOrigin: true,
  };
  const signal = opts.signal;
  const fail = (kind, method, url, reason) => toError(native.transportFailure(kind, method, url, String(reason)), signal);
  const raw = await nodeSend.send(target, { method: 'GET', headers, agent: opts.agent }, limits, signal, fail, () => abortError(signal));
  if (raw.status !== 200) {
    throw toError(native.answerFailure(raw.status, raw.statusText, raw.headers, raw.url, raw.body), signal);
  }
  const fs = require('node:fs/promises');
  const nodePath = require('node:path');
  const file = String(path);
  const temp = nodePath.join(nodePath.dirname(file), `.${nodePath.basename(file)}.${process.pid}.${Date.now().toString(16)}.part`);
  try {
    await fs.writeFile(temp, raw.body);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw toError(native.transportFailure('io', 'GET', target, `could not write ${file}: ${e.message}`), signal);
  }
  if (progress) progress(raw.body.length, raw.body.length);
  return raw.body.length;
}

/**
 * The rejection for a status outside 2xx: the official shape (`statusCode`,
 * `message`, `json`, `ok: false`), not an `Error`, as in the official SDK.
 * `kind === 'api'` and `instanceof ResponseError` tell it from other failures.
 */
class ResponseError extends ResponseFields {
  constructor(handle) {
    super(handle);
    this.kind = 'api';
    this.name = 'ResponseError';
  }

  /** `bad_request`, `authentication`, `tiktok`, `account_session_expired`, `rate_limit`, `server` or `other`. */
  get errorKind() {
    return this[HANDLE].errorKind;
  }
}

// ---------------------------------------------------------------- the surface

/** The catalogue as a tree: each category's methods and sub-categories, in catalogue order. */
function buildTree(endpoints) {
  const root = { entries: new Map() };
  for (const e of endpoints) {
    const parts = e.key.split('.');
    const method = parts.pop();
    let node = root;
    for (const part of parts) {
      let child = node.entries.get(part);
      if (!child) {
        child = { entries: new Map() };
        node.entries.set(part, child);
      }
      node = child;
    }
    if (!node.entries.has(method)) node.entries.set(method, e.key);
  }
  return root;
}

const TREE = buildTree(CATALOGUE.endpoints);

function define(target, name, value) {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function endpointMethod(client, key) {
  const method = function (params) {
    // The official words; a rejection, as the official async endpoint gives.
    if (new.target) return Promise.reject(new TypeError("This is an endpoint, you can't initialize this."));
    try {
      const agent = perCallAgent(params);
      // Hooks or an agent: the hooked path (prepare, on_request, send, on_success / on_error).
      if (hooked(client, agent)) return hookedCall(client, key, params, method, agent);
      const { args, settings, signal } = splitParams(params);
      const origin = { client, key, params: params != null && typeof params === 'object' ? params : {}, self: method, agent };
      return withSignal(signal, (cancel) => client.call(key, args, settings, cancel)).then((r) => new Response(r, origin));
    } catch (e) {
      return Promise.reject(e);
    }
  };
  /** Every page of the call, for `for await`. */
  method.pages = function (params, limits) {
    return pageWalk(client, key, params, limits);
  };
  /** Every item across the pages, for `for await`. */
  method.items = function (params, limits) {
    return itemWalk(client, key, params, limits);
  };
  Object.defineProperty(method, 'name', { value: key.split('.').pop() });
  Object.defineProperty(method, 'endpoint', { value: key });
  return method;
}

async function* pageWalk(client, key, params, limits) {
  const agent = perCallAgent(params);
  const { args, settings, signal } = splitParams(params);
  const scope = scopes.get(client).hooks;
  if (agent != null || scope.on_request != null || (scope.fetch_agent != null && scope.fetch_agent !== false)) {
    yield* ownPageWalk(client, key, params, args, settings, signal, agent, limits);
    return;
  }
  const walk = client.pages(key, args, settings, limits || undefined);
  if (walk instanceof native.NativeFailure) throw toError(walk, signal);
  for (;;) {
    const page = await withSignal(signal, (cancel) => walk.next(cancel));
    if (!page) return;
    yield new Response(page);
  }
}

/**
 * The page walk of a scope with `on_request` or `fetch_agent`: each page
 * takes the hooked path, so that it goes through the agent and the hook;
 * the limits are those of the native walk. A value `on_request` returns
 * instead of a page ends the walk after it.
 */
async function* ownPageWalk(client, key, params, args, settings, signal, agent, limits) {
  const maxPages = limits && limits.maxPages != null ? limits.maxPages : Infinity;
  const maxItems = limits && limits.maxItems != null ? limits.maxItems : Infinity;
  let prepared = client.prepare(key, args, settings);
  let info = params != null && typeof params === 'object' ? params : {};
  const self = (p) => endpointMethod(client, key)(p);
  let pages = 0;
  let items = 0;
  while (prepared != null && pages < maxPages && items < maxItems) {
    if (prepared instanceof native.NativeFailure) throw toError(prepared, signal);
    const page = await runPrepared(client, key, prepared, info, self, signal, agent, false);
    if (!(page instanceof Response)) {
      if (page !== false && page != null) yield page;
      return;
    }
    pages += 1;
    const path = page[HANDLE].itemsPath();
    let list = page.json;
    for (const step of path || []) list = list == null ? undefined : list[step];
    if (Array.isArray(list)) items += list.length;
    yield page;
    prepared = page[HANDLE].prepareNext();
    if (prepared != null && !(prepared instanceof native.NativeFailure)) info = { ...info, ...JSON.parse(prepared.argsJson()) };
  }
}

async function* itemWalk(client, key, params, limits) {
  for await (const page of pageWalk(client, key, params, limits)) {
    // A value on_request answered with instead of a page has no items to take.
    if (!(page instanceof Response)) continue;
    const path = page[HANDLE].itemsPath();
    let list = page.json;
    for (const step of path || []) list = list == null ? undefined : list[step];
    if (Array.isArray(list)) yield* list;
  }
}

/** Put the methods and sub-categories of `node` on `target`, calling through `client`. */
function attach(target, node, client, path) {
  for (const [name, entry] of node.entries) {
    const here = path ? `${path}.${name}` : name;
    define(target, name, typeof entry === 'string' ? endpointMethod(client, entry) : category(client, entry, here));
  }
}

function setter(client) {
  return function set(values) {
    const { $sandbox, $options, ...defaults } = checkShape(values, 'set()') || {};
    const options = nativeOptions($options);
    checkHooks($options);
    client.set(withOptionValues(defaults, $options), typeof $sandbox === 'boolean' ? $sandbox : undefined, options);
    rememberHooks(client, $options);
    return this;
  };
}

/**
 * A category: call its methods directly (`api.user.info()`) or make a scope
 * with bound values (`new api.user({accountKey})`).
 */
function category(client, node, path) {
  const Category = function (values) {
    if (!new.target) throw new Error(CATEGORY_NEEDS_NEW);
    const { $sandbox, $options, ...bound } = checkShape(values, 'A category constructor') || {};
    const options = nativeOptions($options);
    checkHooks($options);
    const scoped = client.scope(withOptionValues(bound, $options));
    // The hook's `key` is relative to the scope, as in the official SDK (`info` in `new api.user(...)`).
    registerScope(scoped, client, `${path}.`);
    rememberHooks(scoped, $options);
    if (typeof $sandbox === 'boolean' || $options != null) {
      scoped.set(undefined, typeof $sandbox === 'boolean' ? $sandbox : undefined, options);
    }
    const scope = {};
    define(scope, 'set', setter(scoped));
    attach(scope, node, scoped, path);
    scopes.get(scoped).instance = scope;
    return scope;
  };
  attach(Category, node, client, path);
  return Category;
}

/**
 * A TikAPI client for `apiKey`. Throws at once without a key.
 *
 * @example
 * const api = TikAPI('myAPIKey');
 * const r = await api.public.check({ username: 'lilyachty' });
 */
function TikAPI(apiKey) {
  if (!apiKey) throw new Error(KEY_REQUIRED);
  const client = new native.NativeClient(String(apiKey));
  registerScope(client, null);
  const api = {};
  define(api, 'set', setter(client));
  attach(api, TREE, client, '');
  scopes.get(client).instance = api;
  Object.defineProperty(api, inspect.custom, {
    value: () => `TikAPI { ${[...TREE.entries.keys()].join(', ')}, sandbox: ${client.sandbox} }`,
  });
  return api;
}

const exported = {
  default: TikAPI,
  TikAPI,
  TikAPIError,
  ValidationError,
  NetworkError,
  UsageError,
  ResponseError,
  Response,
  catalogue: CATALOGUE,
  version: VERSION,
  oauth: require('./oauth.cjs'),
};
for (const [name, value] of Object.entries(exported)) {
  Object.defineProperty(TikAPI, name, { value, enumerable: false });
}

module.exports = TikAPI;
