// @ts-check
'use strict';
// What is left of option handling on the JS side: the core reads and checks
// every option; here a call's argument object is split into endpoint
// parameters, `$sandbox`, `$options` and `signal`, `Headers` become pairs,
// and the official SDK's hooks (`on_request`, `on_success`, `on_error`,
// `fetch_agent`) are checked and kept per scope.

const { UsageError, describe } = require('./errors.cjs');

/**
 * Headers given as a `Headers` or a `Map`, as the [name, value] pairs the core reads.
 * @param {any} headers
 */
function headerPairs(headers) {
  const iterable = headers != null && typeof headers === 'object' && !Array.isArray(headers) && typeof headers.entries === 'function';
  return iterable ? Array.from(headers.entries()) : headers;
}

/**
 * `$options` as the addon takes them: the core reads and checks every key
 * (an unknown key or a bad value is a `UsageError` naming it); here only the
 * shape of the argument is checked, and `Headers` become pairs.
 * @param {any} options
 */
function nativeOptions(options) {
  if (options == null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`$options must be an object, not ${describe(options)}`);
  }
  const headers = headerPairs(options.headers);
  return headers === options.headers ? options : { ...options, headers };
}

/**
 * The official `$options.values`: defaults below the values given beside them.
 * @param {Record<string, unknown>} values
 * @param {any} options
 */
function withOptionValues(values, options) {
  const defaults = options != null && typeof options === 'object' ? options.values : undefined;
  return defaults == null ? values : { ...defaults, ...values };
}

/**
 * A FormData's fields as an object, as the official SDK takes them (`name[]` for lists).
 * @param {FormData} form
 */
function formToObject(form) {
  return Object.fromEntries(Array.from(form.keys(), (k) => (k.endsWith('[]') ? [k.slice(0, -2), form.getAll(k)] : [k, form.get(k)])));
}

/**
 * The one argument of a call, `set` or a category constructor must be an object.
 * @param {any} value
 * @param {string} what
 * @returns {Record<string, any> | null | undefined}
 */
function checkShape(value, what) {
  if (value == null) return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return typeof FormData !== 'undefined' && value instanceof FormData ? formToObject(value) : value;
  }
  throw new TypeError(`${what} takes one object of named values ({ username: 'lilyachty' }), not ${describe(value)}`);
}

/**
 * Split a call's argument object into endpoint parameters and per-call settings.
 * @param {any} params
 * @returns {{ args: Record<string, unknown> | undefined, settings: { sandbox?: boolean, options?: object } | undefined, signal: AbortSignal | undefined }}
 */
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
// The calls that run them are in calls.cjs.

/** @typedef {{ on_success?: Function, on_error?: Function, on_request?: Function, fetch_agent?: any }} Hooks */
/** @typedef {{ hooks: Hooks, instance: object | undefined, prefix: string }} Scope */

const HOOK_NAMES = /** @type {const} */ (['on_success', 'on_error', 'on_request', 'fetch_agent']);
/** @type {WeakMap<object, Scope>} native client -> its hooks, the object the app holds, its key prefix */
const scopes = new WeakMap();

/**
 * The scope of a native client (made by `registerScope`).
 * @param {object} client
 * @returns {Scope}
 */
function scopeOf(client) {
  const scope = scopes.get(client);
  if (scope === undefined) throw new Error('tikapi: a native client without a scope');
  return scope;
}

/**
 * @param {object} client
 * @param {object | null} parent
 * @param {string} [prefix]
 */
function registerScope(client, parent, prefix = '') {
  scopes.set(client, { hooks: parent ? { ...scopeOf(parent).hooks } : {}, instance: undefined, prefix });
}

/** @param {any} value */
function isAgent(value) {
  return value == null || value === false || typeof value === 'function' || (typeof value === 'object' && typeof value.addRequest === 'function');
}

/**
 * Check the hooks of an `$options` object; a bad one throws a UsageError naming it.
 * @param {any} options
 */
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

/**
 * @param {object} client
 * @param {any} options
 */
function rememberHooks(client, options) {
  if (options == null || typeof options !== 'object') return;
  checkHooks(options);
  const scope = scopeOf(client);
  for (const name of HOOK_NAMES) if (name in options) scope.hooks[name] = options[name];
}

/**
 * A per-call `$options.fetch_agent`, checked, or undefined.
 * @param {any} params
 */
function perCallAgent(params) {
  const options = params != null && typeof params === 'object' ? params.$options : undefined;
  if (options == null || typeof options !== 'object' || options.fetch_agent == null || options.fetch_agent === false) return undefined;
  if (!isAgent(options.fetch_agent)) checkHooks({ fetch_agent: options.fetch_agent });
  return options.fetch_agent;
}

/**
 * Whether a call of this scope must take the hooked path rather than the native fast one.
 * @param {object} client
 * @param {any} agent a per-call agent
 */
function hooked(client, agent) {
  const h = scopeOf(client).hooks;
  return agent != null || h.on_request != null || h.on_success != null || h.on_error != null || (h.fetch_agent != null && h.fetch_agent !== false);
}

module.exports = {
  headerPairs,
  nativeOptions,
  withOptionValues,
  checkShape,
  splitParams,
  scopeOf,
  registerScope,
  checkHooks,
  rememberHooks,
  perCallAgent,
  hooked,
};
