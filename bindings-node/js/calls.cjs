// @ts-check
'use strict';
// One call on its way out and back: the hooked path (`on_request`, Node's own
// send through an agent, `on_success` / `on_error`), the native fast path's
// responses, and what a response does next (its next page, a download).
// Everything here makes `Response`s with `ACTIONS` (below), so response.cjs
// needs nothing of this file.

const { inspect } = require('node:util');
const native = require('../native/index.cjs');
const nodeSend = require('./node-send.cjs');
const { abortError, toError, withSignal } = require('./errors.cjs');
const { headerPairs, splitParams, scopeOf, checkHooks, hooked } = require('./options.cjs');
const { HANDLE, ORIGIN, Response, ResponseError, ResponseFields } = require('./response.cjs');
const { observer, watched, withTrace } = require('./observe.cjs');

/** The header names whose values are never shown: the core's list. */
const SECRET_HEADERS = new Set(JSON.parse(native.catalogue()).secretHeaders.map((/** @type {string} */ n) => n.toLowerCase()));

/**
 * The call a response answers: the scope, the endpoint key, the app's
 * argument object, the endpoint function and a per-call agent.
 * @typedef {{ client: any, key: string, params: any, self: Function, agent: any }} Origin
 */

/**
 * A response of `origin` (none for a page of the native page walk).
 * @param {any} handle
 * @param {Origin} [origin]
 */
function respond(handle, origin) {
  return new Response(handle, origin, ACTIONS);
}

/**
 * `on_success` / `on_error` around a call's outcome, with the official rules.
 * @param {import('./options.cjs').Hooks} hooks
 * @param {object} request
 * @param {Promise<any>} outcome
 */
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

/**
 * @param {import('./options.cjs').Hooks} hooks
 * @param {object} request
 * @param {unknown} err
 */
function onError(hooks, request, err) {
  const out = /** @type {Function} */ (hooks.on_error)(err, request);
  if (out !== undefined) return out;
  throw err;
}

/**
 * A request's wire shape, to tell whether `on_request` changed it.
 * @param {string} url
 * @param {any} options
 */
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

/**
 * @param {ReturnType<typeof wireOf>} a
 * @param {ReturnType<typeof wireOf>} b
 */
function sameWire(a, b) {
  return (
    a.url === b.url && a.method === b.method && a.headers !== undefined && a.headers === b.headers && a.body === b.body && a.agent === b.agent && a.keys === b.keys
  );
}

/**
 * Run a prepared call: `on_request`, then the native send or Node's own
 * (agent, or a request the hook changed), then `on_success` / `on_error`
 * unless `resultHooks` is false (the page walkers).
 * @param {any} client
 * @param {string} key
 * @param {any} prepared the native prepared request
 * @param {any} params
 * @param {Function} self
 * @param {AbortSignal | undefined} signal
 * @param {any} agentForCall
 * @param {boolean} [resultHooks]
 * @returns {Promise<any>}
 */
async function runPrepared(client, key, prepared, params, self, signal, agentForCall, resultHooks = true) {
  const watch = observer(); // before any await: the caller's context
  const scope = scopeOf(client);
  const hooks = { ...scope.hooks }; // the settings in force when the call starts
  const fetchAgent = agentForCall != null ? agentForCall : hooks.fetch_agent === false || hooks.fetch_agent == null ? null : hooks.fetch_agent;
  let url = prepared.url;
  /** @type {Record<string, string>} */
  const headers = { 'User-Agent': prepared.userAgent };
  for (const [k, v] of prepared.headers) {
    if (k.toLowerCase() === 'user-agent') delete headers['User-Agent'];
    headers[k] = v;
  }
  // The app's own keys are in these headers (as in the official SDK); util.inspect / console.log hide them.
  Object.defineProperty(headers, inspect.custom, { value: inspectHeaders });
  /** @type {any} */
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
  const sent = watched(watch, own ? sendOwn(prepared, url, options, signal, watch) : withSignal(signal, (cancel) => prepared.send(cancel, watch)));
  const response = sent.then((r) => respond(r, origin));
  return resultHooks ? withResultHooks(hooks, request, response) : response;
}

/**
 * `util.inspect` of request headers: the API and account keys hidden.
 * @this {Record<string, string>}
 * @param {number} depth
 * @param {import('node:util').InspectOptions} options
 * @param {typeof inspect} [inspectFn]
 */
function inspectHeaders(depth, options, inspectFn = inspect) {
  /** @type {Record<string, string>} */
  const shown = {};
  for (const [k, v] of Object.entries(this)) shown[k] = SECRET_HEADERS.has(k.toLowerCase()) ? '<hidden>' : v;
  return inspectFn(shown, options);
}

/**
 * Send through Node's http / https (and the agent), driven by the core's
 * exchange: each answer or failure goes to the core, which says whether to
 * send again after a wait, follow a redirect, or what the result is. An
 * observer is told of each request (the first and each retry; a redirect's
 * hops belong to the request they follow, and carry its trace headers).
 * @param {any} prepared
 * @param {string} url
 * @param {any} options
 * @param {AbortSignal | undefined} signal
 * @param {import('./observe.cjs').Observer} [watch]
 */
async function sendOwn(prepared, url, options, signal, watch) {
  const limits = { timeoutMs: prepared.timeoutMs, maxBodySize: prepared.maxBodySize, userAgent: prepared.userAgent };
  let target = url;
  let opts = options;
  let fresh = true;
  for (;;) {
    if (watch && fresh) {
      const trace = watch.start(prepared.observe());
      if (prepared.propagateTrace && trace.length > 0) opts = { ...opts, headers: withTrace(opts.headers, trace) };
    }
    let step;
    try {
      const raw = await nodeSend.send(target, opts, limits, signal, () => abortError(signal));
      step = prepared.answer(raw);
    } catch (e) {
      if (!(e instanceof nodeSend.WireError)) throw e;
      step = prepared.failed(e.code, e.answered, e.message);
    }
    if (watch) {
      const finished = prepared.takeFinished();
      if (finished) watch.finish(finished);
    }
    fresh = 'retryMs' in step; // a retry is a new request; a redirect's hop is not
    if (step instanceof native.NativeResponse) return step;
    if (step instanceof native.NativeFailure) throw toError(step, signal);
    if ('retryMs' in step) {
      await sleep(step.retryMs, signal);
    } else {
      target = step.url;
      opts = { ...opts, method: step.method };
      if (step.dropBody) {
        delete opts.body;
        opts.headers = nodeSend.without(headerPairs(opts.headers), 'Content-Length', 'Content-Type');
      }
    }
  }
}

/**
 * Wait `ms`, or reject when the signal fires.
 * @param {number} ms
 * @param {AbortSignal | undefined} signal
 */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(undefined);
    }, ms);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The hooked path of an endpoint call.
 * @param {any} client
 * @param {string} key
 * @param {any} params
 * @param {Function} self
 * @param {any} agentForCall
 */
async function hookedCall(client, key, params, self, agentForCall) {
  const { args, settings, signal } = splitParams(params);
  if (signal != null && signal.aborted) throw abortError(signal);
  const prepared = client.prepare(key, args, settings);
  if (prepared instanceof native.NativeFailure) throw toError(prepared, signal);
  const info = params != null && typeof params === 'object' ? params : {};
  return runPrepared(client, key, prepared, info, self, signal, agentForCall);
}

/**
 * `response.nextItems()`: a promise of the next page, or null at once.
 * @param {any} response
 * @param {{ signal?: AbortSignal }} [options]
 */
function nextItemsOf(response, options) {
  const handle = response[HANDLE];
  if (!handle.hasNextPage) return null;
  const signal = options && options.signal;
  /** @type {Origin | undefined} */
  const origin = response[ORIGIN];
  if (origin && hooked(origin.client, origin.agent)) {
    // As the official `req.self({...req.params, ...cursor})`: the whole path again (on_request, agent, hooks).
    const next = native.prepareNext(handle);
    if (next == null) return null;
    if (next instanceof native.NativeFailure) return Promise.reject(toError(next, signal));
    const params = { ...origin.params, ...JSON.parse(next.argsJson()) };
    return runPrepared(origin.client, origin.key, next, params, origin.self, signal, origin.agent);
  }
  const watch = observer();
  return watched(watch, withSignal(signal, (cancel) => handle.nextPage(cancel, watch))).then((page) => (page ? respond(page, origin) : null));
}

/**
 * `response.saveVideo(link, path, options)`.
 * @param {any} response
 * @param {unknown} link
 * @param {unknown} path
 * @param {any} [options]
 */
function saveVideoOf(response, link, path, options) {
  const handle = response[HANDLE];
  const opts = options || {};
  // `progress` (also accepted as `onProgress`) is called with (bytesWritten, totalOrNull).
  const cb = opts.progress ?? opts.onProgress;
  const progress = typeof cb === 'function' ? cb : null;
  // The official third argument is node-fetch's options: an `agent` there routes the download.
  if (opts.agent != null && opts.agent !== false) return saveThroughAgent(handle, link, path, opts, progress);
  try {
    const save = { headers: headerPairs(opts.headers), timeout: opts.timeout };
    const watch = observer();
    return watched(watch, withSignal(opts.signal, (cancel) => handle.saveVideo(String(link), String(path), save, progress, cancel, watch)));
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * `saveVideo(link, path, {agent})`: the download goes through the app's
 * agent (the official SDK hands the agent to node-fetch), sent by Node's own
 * http / https and driven by the core's download: its headers (the same as a
 * native download's), its redirects, its errors, and the file written beside
 * the target and renamed into place once complete.
 * @param {any} handle
 * @param {unknown} link
 * @param {unknown} path
 * @param {any} opts
 * @param {Function | null} progress
 */
async function saveThroughAgent(handle, link, path, opts, progress) {
  const watch = observer();
  checkHooks({ fetch_agent: opts.agent });
  const signal = opts.signal;
  const download = native.download(handle, String(link), String(path), { headers: headerPairs(opts.headers), timeout: opts.timeout });
  if (download instanceof native.NativeFailure) throw toError(download, signal);
  if (!watch) return fetchThroughAgent(download, opts, progress, download.headers);
  const trace = watch.start(download.observe());
  const headers = download.propagateTrace && trace.length > 0 ? withTrace(download.headers, trace) : download.headers;
  try {
    return await fetchThroughAgent(download, opts, progress, headers);
  } finally {
    // Every way the download ends went through the core, which kept how.
    const finished = download.takeFinished();
    if (finished) watch.finish(finished);
    watch.close();
  }
}

/**
 * The requests and writes of `saveThroughAgent`.
 * @param {any} download the core's download
 * @param {any} opts
 * @param {Function | null} progress
 * @param {string[][]} headers
 */
async function fetchThroughAgent(download, opts, progress, headers) {
  const signal = opts.signal;
  const limits = { timeoutMs: download.timeoutMs };
  const options = { method: 'GET', headers, agent: opts.agent };
  let target = download.url;
  for (;;) {
    let opened;
    try {
      opened = await nodeSend.open(target, options, limits, signal, () => abortError(signal));
    } catch (e) {
      if (!(e instanceof nodeSend.WireError)) throw e;
      throw toError(download.failed(e.code, e.answered, e.message), signal);
    }
    const length = nodeSend.headerOf(opened.headers, 'content-length');
    const head = download.head(opened.status, nodeSend.headerOf(opened.headers, 'location') ?? null, opened.url, length == null ? null : Number(length));
    if (head instanceof native.NativeFailure) {
      opened.body.destroy();
      opened.done();
      throw toError(head, signal);
    }
    if (head.step === 'redirect') {
      opened.body.resume();
      opened.done();
      target = /** @type {string} */ (head.url);
      continue;
    }
    if (head.step === 'refused') {
      let body;
      try {
        body = await nodeSend.readAll(opened, 1 << 20);
      } catch {
        body = Buffer.alloc(0);
      }
      throw toError(download.refuse({ status: opened.status, statusText: opened.statusText, headers: opened.headers, url: opened.url, body }), signal);
    }
    const total = length == null ? null : Number(length);
    /** @param {unknown} err */
    const abandon = (err) => {
      opened.body.destroy();
      opened.done();
      download.failed('cancelled', true, 'the download was abandoned');
      return err;
    };
    const chunks = opened.body[Symbol.asyncIterator]();
    for (;;) {
      let next;
      try {
        next = await chunks.next();
      } catch (e) {
        if (opened.wasAborted()) throw abandon(e);
        opened.done();
        const wire = nodeSend.asWireError(e);
        throw toError(download.failed(wire.code, wire.answered, wire.message), signal);
      }
      if (next.done) break;
      const written = download.write(next.value);
      if (written instanceof native.NativeFailure) throw abandon(toError(written, signal));
      if (progress) {
        try {
          progress(written, total);
        } catch (e) {
          throw abandon(e);
        }
      }
    }
    opened.done();
    const written = download.commit();
    if (written instanceof native.NativeFailure) throw toError(written, signal);
    return written;
  }
}

/** What every `Response` made here can do next. */
const ACTIONS = { nextItems: nextItemsOf, saveVideo: saveVideoOf };

module.exports = { respond, runPrepared, hookedCall };
