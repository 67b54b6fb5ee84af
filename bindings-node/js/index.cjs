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
// The official SDK's own `$options` keys: the hooks run here (on_success,
// on_error), `values` are defaults like set's, and the others (on_request,
// fetch_agent, params, $other) are accepted and have no effect: requests are
// built natively (use `proxy` for proxies).
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

// The official SDK's `on_success(response, request)` and `on_error(error,
// request)` hooks: a value other than undefined that a hook returns becomes
// the call's result. The nearest scope's hook wins (a category scope's over
// the root's). They run on the JS thread after the native call settles.
const HOOK_NAMES = ['on_success', 'on_error'];
const scopes = new WeakMap(); // native client -> { parent, hooks }

function registerScope(client, parent) {
  scopes.set(client, { parent, hooks: {} });
}

function rememberHooks(client, options) {
  if (options == null || typeof options !== 'object') return;
  const scope = scopes.get(client);
  for (const name of HOOK_NAMES) if (name in options) scope.hooks[name] = options[name];
}

function hook(client, name) {
  for (let c = client; c; c = scopes.get(c).parent) {
    const h = scopes.get(c).hooks[name];
    if (typeof h === 'function') return h;
  }
  return undefined;
}

function applyHooks(client, request, promise) {
  const onSuccess = hook(client, 'on_success');
  const onError = hook(client, 'on_error');
  if (!onSuccess && !onError) return promise;
  return promise.then(
    (response) => {
      const out = onSuccess ? onSuccess(response, request) : undefined;
      return out !== undefined ? out : response;
    },
    (error) => {
      const out = onError ? onError(error, request) : undefined;
      if (out !== undefined) return out;
      throw error;
    },
  );
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
    // The scope and request of the call, so that the next page runs its hooks too.
    if (origin) Object.defineProperty(this, ORIGIN, { value: origin });
  }

  /**
   * A promise of the next page, or null (at once, not a promise) when this
   * was the last: the official rule and the official return shape.
   */
  nextItems(options) {
    const handle = this[HANDLE];
    if (!handle.hasNextPage) return null;
    const signal = options && options.signal;
    const origin = this[ORIGIN];
    const next = withSignal(signal, (cancel) => handle.nextPage(cancel)).then((page) => (page ? new Response(page, origin) : null));
    return origin ? applyHooks(origin.client, origin.request, next) : next;
  }

  /**
   * Stream `link` to `path`, sending this response's video link headers.
   * The file appears only once complete. Resolves to the bytes written.
   */
  saveVideo(link, path, options) {
    const handle = this[HANDLE];
    const opts = options || {};
    // `progress` (also accepted as `onProgress`) is called with (bytesWritten, totalOrNull).
    const cb = opts.progress ?? opts.onProgress;
    const progress = typeof cb === 'function' ? cb : null;
    const save = {
      headers: plainHeaders(opts.headers, 'saveVideo options.headers'),
      options: nativeOptions(opts.timeout != null ? { timeout: opts.timeout } : undefined),
    };
    return withSignal(opts.signal, (cancel) => handle.saveVideo(String(link), String(path), save, progress, cancel));
  }
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
    // What the official hooks receive as `request` (the URL is built natively).
    const request = { url: undefined, options: undefined, params, key, self: method };
    let call;
    try {
      const { args, settings, signal } = splitParams(params);
      const origin = { client, request };
      call = withSignal(signal, (cancel) => client.call(key, args, settings, cancel)).then((r) => new Response(r, origin));
    } catch (e) {
      call = Promise.reject(e);
    }
    return applyHooks(client, request, call);
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
  const { args, settings, signal } = splitParams(params);
  const walk = client.pages(key, args, settings, limits || undefined);
  if (walk instanceof native.NativeFailure) throw toError(walk, signal);
  for (;;) {
    const page = await withSignal(signal, (cancel) => walk.next(cancel));
    if (!page) return;
    yield new Response(page);
  }
}

async function* itemWalk(client, key, params, limits) {
  for await (const page of pageWalk(client, key, params, limits)) {
    const path = page[HANDLE].itemsPath();
    let list = page.json;
    for (const step of path || []) list = list == null ? undefined : list[step];
    if (Array.isArray(list)) yield* list;
  }
}

/** Put the methods and sub-categories of `node` on `target`, calling through `client`. */
function attach(target, node, client) {
  for (const [name, entry] of node.entries) {
    define(target, name, typeof entry === 'string' ? endpointMethod(client, entry) : category(client, entry));
  }
}

function setter(client) {
  return function set(values) {
    const { $sandbox, $options, ...defaults } = checkShape(values, 'set()') || {};
    const options = nativeOptions($options);
    client.set(withOptionValues(defaults, $options), typeof $sandbox === 'boolean' ? $sandbox : undefined, options);
    rememberHooks(client, $options);
    return this;
  };
}

/**
 * A category: call its methods directly (`api.user.info()`) or make a scope
 * with bound values (`new api.user({accountKey})`).
 */
function category(client, node) {
  const Category = function (values) {
    if (!new.target) throw new Error(CATEGORY_NEEDS_NEW);
    const { $sandbox, $options, ...bound } = checkShape(values, 'A category constructor') || {};
    const options = nativeOptions($options);
    const scoped = client.scope(withOptionValues(bound, $options));
    registerScope(scoped, client);
    rememberHooks(scoped, $options);
    if (typeof $sandbox === 'boolean' || $options != null) {
      scoped.set(undefined, typeof $sandbox === 'boolean' ? $sandbox : undefined, options);
    }
    const scope = {};
    define(scope, 'set', setter(scoped));
    attach(scope, node, scoped);
    return scope;
  };
  attach(Category, node, client);
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
  attach(api, TREE, client);
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
