'use strict';
// The JavaScript face of `tikapi`: the official SDK's shapes and idioms over
// the native core. Categories and methods are built from the catalogue the
// addon exports; validation, requests, pagination and downloads all happen in
// Rust, off the JS thread. This file only adapts shapes.

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
      return new UsageError(failure.message, failure.kind, failure.field ?? undefined);
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

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

/** Headers given as a `Headers` or a `Map`, as the [name, value] pairs the core reads. */
function headerPairs(headers) {
  const iterable = headers != null && typeof headers === 'object' && !Array.isArray(headers) && typeof headers.entries === 'function';
  return iterable ? Array.from(headers.entries()) : headers;
}

/**
 * `$options` as the addon takes them: the core reads and checks every key
 * (an unknown key or a bad value is a `UsageError` naming it); here only the
 * shape of the argument is checked, and `Headers` become pairs.
 */
function nativeOptions(options) {
  if (options == null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`$options must be an object, not ${describe(options)}`);
  }
  const headers = headerPairs(options.headers);
  return headers === options.headers ? options : { ...options, headers };
}

/** Throw the app-facing error for a native failure, if there is one. */
function throwIfFailed(failure) {
  if (failure) throw toError(failure);
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
    const save = { headers: headerPairs(opts.headers), timeout: opts.timeout };
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

/** The core's category tree as nested maps: each name to its sub-tree or endpoint key, in catalogue order. */
function toTree(category) {
  return { entries: new Map(category.entries.map((e) => [e.name, e.endpoint ?? toTree(e.category)])) };
}

const TREE = toTree(CATALOGUE.categories);

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
    const handle = page[HANDLE];
    let list = page.json;
    for (const step of handle.itemsPath() || []) list = list == null ? undefined : list[step];
    // The core counts: all of a page's items, or fewer where maxItems is reached.
    const take = handle.itemsTake;
    if (Array.isArray(list)) yield* take == null ? list : list.slice(0, take);
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
    throwIfFailed(client.set(withOptionValues(defaults, $options), typeof $sandbox === 'boolean' ? $sandbox : undefined, options));
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
    if (typeof $sandbox === 'boolean' || $options != null) {
      throwIfFailed(scoped.set(undefined, typeof $sandbox === 'boolean' ? $sandbox : undefined, options));
    }
    registerScope(scoped, client);
    rememberHooks(scoped, $options);
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
};
for (const [name, value] of Object.entries(exported)) {
  Object.defineProperty(TikAPI, name, { value, enumerable: false });
}

module.exports = TikAPI;
