// @ts-check
'use strict';
// The drop-in surface: `TikAPI(key)`, its categories and endpoint methods
// built from the core's category tree, `set()`, category constructors
// (`new api.user({...})`) and the page / item walks.

const { inspect } = require('node:util');
const native = require('../native/index.cjs');
const { toError, throwIfFailed, withSignal } = require('./errors.cjs');
const { nativeOptions, withOptionValues, checkShape, splitParams, scopeOf, registerScope, checkHooks, rememberHooks, perCallAgent, hooked } =
  require('./options.cjs');
const { HANDLE, Response } = require('./response.cjs');
const { respond, runPrepared, hookedCall } = require('./calls.cjs');
const { observer, watched } = require('./observe.cjs');

/**
 * @template T
 * @param {T} value
 * @returns {T}
 */
function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const CATALOGUE = deepFreeze(JSON.parse(native.catalogue()));

// The official SDK's words, kept so that apps matching on them still match.
const KEY_REQUIRED = 'The API Key is required.';
const CATEGORY_NEEDS_NEW =
  "This is a category, you can initalize this category to update values using 'new' command.";

/** @typedef {{ entries: Map<string, string | Tree> }} Tree each name to its sub-tree or endpoint key */
/** @typedef {{ maxPages?: number, maxItems?: number, resume?: object | null } | null | undefined} Limits */
/** @typedef {{ walk: any, error: unknown, handed: number, started: boolean }} WalkState the walk, and how many items of its current page were handed out */

/**
 * The core's category tree as nested maps: each name to its sub-tree or endpoint key, in catalogue order.
 * @param {any} category
 * @returns {Tree}
 */
function toTree(category) {
  return { entries: new Map(category.entries.map((/** @type {any} */ e) => [e.name, e.endpoint ?? toTree(e.category)])) };
}

const TREE = toTree(CATALOGUE.categories);

/**
 * @param {object} target
 * @param {string} name
 * @param {unknown} value
 */
function define(target, name, value) {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * @param {any} client
 * @param {string} key
 */
function endpointMethod(client, key) {
  /** @param {any} params */
  const method = function (params) {
    // The official words; a rejection, as the official async endpoint gives.
    if (new.target) return Promise.reject(new TypeError("This is an endpoint, you can't initialize this."));
    try {
      const agent = perCallAgent(params);
      // Hooks or an agent: the hooked path (prepare, on_request, send, on_success / on_error).
      if (hooked(client, agent)) return hookedCall(client, key, params, method, agent);
      const { args, settings, signal } = splitParams(params);
      const origin = { client, key, params: params != null && typeof params === 'object' ? params : {}, self: method, agent };
      const watch = observer();
      return watched(watch, withSignal(signal, (cancel) => client.call(key, args, settings, cancel, watch))).then((r) => respond(r, origin));
    } catch (e) {
      return Promise.reject(e);
    }
  };
  /**
   * Every page of the call, for `for await`.
   * @param {any} params
   * @param {Limits} limits
   */
  method.pages = function (params, limits) {
    const state = startWalk(client, key, params, limits);
    return withToken(pageWalk(client, key, params, state), state, false);
  };
  /**
   * Every item across the pages, for `for await`.
   * @param {any} params
   * @param {Limits} limits
   */
  method.items = function (params, limits) {
    const state = startWalk(client, key, params, limits);
    return withToken(itemWalk(client, key, params, state), state, true);
  };
  Object.defineProperty(method, 'name', { value: key.slice(key.lastIndexOf('.') + 1) });
  Object.defineProperty(method, 'endpoint', { value: key });
  return method;
}

/**
 * The core's walk of a call (or the failure that refuses it, thrown when
 * iteration starts), and how far an item walk is into its current page.
 * @param {any} client
 * @param {string} key
 * @param {any} params
 * @param {Limits} limits
 * @returns {WalkState}
 */
function startWalk(client, key, params, limits) {
  try {
    const { args, settings } = splitParams(params);
    return { walk: client.pages(key, args, settings, limits || undefined), error: undefined, handed: 0, started: false };
  } catch (e) {
    return { walk: undefined, error: e, handed: 0, started: false };
  }
}

/**
 * `gen` with `resumeToken`: where the walk stands, as a JSON-serialisable
 * object holding no key (null once it is over), to pass back as
 * `{resume: token}` here or in another process.
 * @template T
 * @param {T} gen
 * @param {WalkState} state
 * @param {boolean} items
 * @returns {T}
 */
function withToken(gen, state, items) {
  Object.defineProperty(gen, 'resumeToken', {
    get() {
      const walk = state.walk;
      if (walk == null || walk instanceof native.NativeFailure) return null;
      const text = walk.resumeToken(items && state.started ? state.handed : undefined);
      return text == null ? null : JSON.parse(text);
    },
  });
  return gen;
}

/**
 * Every page of a call: the core's walk (its limits, counts and next-page
 * rule), over the native transport, or, for a scope with `on_request` or
 * `fetch_agent`, each page's call taking the hooked path (the hook, the
 * agent). A value `on_request` returns instead of a page ends the walk after it.
 * @param {any} client
 * @param {string} key
 * @param {any} params
 * @param {WalkState} state
 * @returns {AsyncGenerator<any, void, undefined>}
 */
async function* pageWalk(client, key, params, state) {
  if (state.error !== undefined) throw state.error;
  const agent = perCallAgent(params);
  const { signal } = splitParams(params);
  const walk = state.walk;
  if (walk instanceof native.NativeFailure) throw toError(walk, signal);
  const scope = scopeOf(client).hooks;
  if (agent == null && scope.on_request == null && (scope.fetch_agent == null || scope.fetch_agent === false)) {
    for (;;) {
      const watch = observer(); // per page, in the context of the loop asking for it
      const page = await watched(watch, withSignal(signal, (cancel) => walk.next(cancel, watch)));
      if (!page) return;
      yield respond(page);
    }
  }
  let info = params != null && typeof params === 'object' ? params : {};
  const self = (/** @type {any} */ p) => endpointMethod(client, key)(p);
  for (let first = true; ; first = false) {
    const prepared = walk.prepare();
    if (prepared == null) return;
    if (prepared instanceof native.NativeFailure) throw toError(prepared, signal);
    // The hook sees the app's arguments, with the cursor of a page after the first.
    if (!first) info = { ...info, ...JSON.parse(prepared.argsJson()) };
    let page;
    try {
      page = await runPrepared(client, key, prepared, info, self, signal, agent, false);
    } catch (e) {
      walk.end();
      throw e;
    }
    if (!(page instanceof Response)) {
      walk.end();
      if (page !== false && page != null) yield page;
      return;
    }
    walk.accept(/** @type {any} */ (page)[HANDLE]);
    yield page;
  }
}

/**
 * A page's list of items (where the core says they are), if it has one.
 * @param {Response} page
 * @returns {unknown}
 */
function itemsOf(page) {
  let list = page.json;
  for (const step of /** @type {any} */ (page)[HANDLE].itemsPath() || []) list = list == null ? undefined : list[step];
  return list;
}

/**
 * @param {any} client
 * @param {string} key
 * @param {any} params
 * @param {WalkState} state
 */
async function* itemWalk(client, key, params, state) {
  for await (const page of pageWalk(client, key, params, state)) {
    // A value on_request answered with instead of a page has no items to take.
    if (!(page instanceof Response)) continue;
    const list = itemsOf(page);
    // The core counts: which of a page's items belong to the walk (maxItems, a resumed walk).
    const handle = /** @type {any} */ (page)[HANDLE];
    const skip = handle.itemsSkip;
    const take = handle.itemsTake;
    state.handed = 0;
    state.started = true;
    if (!Array.isArray(list)) continue;
    const end = take == null ? list.length : Math.min(take, list.length);
    for (let i = skip; i < end; i++) {
      // Counted before the item is handed out: a token read while the app
      // holds it resumes after it.
      state.handed += 1;
      yield list[i];
    }
  }
}

/**
 * Put the methods and sub-categories of `node` on `target`, calling through `client`.
 * @param {object} target
 * @param {Tree} node
 * @param {any} client
 * @param {string} path
 */
function attach(target, node, client, path) {
  for (const [name, entry] of node.entries) {
    const here = path ? `${path}.${name}` : name;
    define(target, name, typeof entry === 'string' ? endpointMethod(client, entry) : category(client, entry, here));
  }
}

/** @param {any} client */
function setter(client) {
  /**
   * @this {unknown}
   * @param {any} values
   */
  return function set(values) {
    const { $sandbox, $options, ...defaults } = checkShape(values, 'set()') || {};
    const options = nativeOptions($options);
    checkHooks($options);
    throwIfFailed(client.set(withOptionValues(defaults, $options), typeof $sandbox === 'boolean' ? $sandbox : undefined, options));
    rememberHooks(client, $options);
    return this;
  };
}

/**
 * A category: call its methods directly (`api.user.info()`) or make a scope
 * with bound values (`new api.user({accountKey})`).
 * @param {any} client
 * @param {Tree} node
 * @param {string} path
 */
function category(client, node, path) {
  /** @param {any} values */
  const Category = function (values) {
    if (!new.target) throw new Error(CATEGORY_NEEDS_NEW);
    const { $sandbox, $options, ...bound } = checkShape(values, 'A category constructor') || {};
    const options = nativeOptions($options);
    checkHooks($options);
    const scoped = client.scope(withOptionValues(bound, $options));
    if (typeof $sandbox === 'boolean' || $options != null) {
      throwIfFailed(scoped.set(undefined, typeof $sandbox === 'boolean' ? $sandbox : undefined, options));
    }
    // The hook's `key` is relative to the scope, as in the official SDK (`info` in `new api.user(...)`).
    registerScope(scoped, client, `${path}.`);
    rememberHooks(scoped, $options);
    const scope = {};
    define(scope, 'set', setter(scoped));
    attach(scope, node, scoped, path);
    scopeOf(scoped).instance = scope;
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
 * @param {string} apiKey
 * @returns {any}
 */
function TikAPI(apiKey) {
  if (!apiKey) throw new Error(KEY_REQUIRED);
  const client = new native.NativeClient(String(apiKey));
  registerScope(client, null);
  const api = {};
  define(api, 'set', setter(client));
  attach(api, TREE, client, '');
  scopeOf(client).instance = api;
  Object.defineProperty(api, inspect.custom, {
    value: () => `TikAPI { ${[...TREE.entries.keys()].join(', ')}, sandbox: ${client.sandbox} }`,
  });
  return api;
}

module.exports = { TikAPI, CATALOGUE };
