// @ts-check
'use strict';
// Moving the bytes of one request with Node's own `http` / `https`, for the
// calls the native transport cannot make: those of a client with
// `$options.fetch_agent` (an `http.Agent`, or a function of the URL returning
// one, as node-fetch takes it in the official SDK), those an
// `$options.on_request` hook changed, and downloads through an agent.
//
// One hop, no decisions: redirects, retries, error kinds and the answer are
// the core's (`NativeRequest.answer` / `failed`, `NativeDownload.head`). What
// is here is the wire: the timeout and body cap the core hands out, the
// AbortSignal, gzip / deflate / brotli bodies, and, as node-fetch does,
// `Accept: */*`, `Accept-Encoding` and `Content-Length` when absent. A
// failure rejects with a `WireError` carrying Node's error `code` (or the
// core's kind names `timeout` / `too_large`) for the core to classify.

const http = require('node:http');
const https = require('node:https');
const zlib = require('node:zlib');
const { Readable } = require('node:stream');

/** Header pairs from what node-fetch takes: a Headers / Map, [name, value] pairs, or an object. */
function headerPairs(headers) {
  if (headers == null) return [];
  if (typeof headers !== 'object') throw new TypeError(`options.headers must be an object of header names to values, not a ${typeof headers}`);
  let pairs;
  if (typeof headers.entries === 'function' && !Array.isArray(headers)) pairs = Array.from(headers.entries());
  else if (Array.isArray(headers)) pairs = headers;
  else pairs = Object.entries(headers);
  const out = [];
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError('options.headers must hold [name, value] pairs');
    const [name, value] = pair;
    if (Array.isArray(value)) for (const v of value) out.push([String(name), String(v)]);
    else out.push([String(name), String(value)]);
  }
  return out;
}

function has(pairs, name) {
  const lower = name.toLowerCase();
  return pairs.some(([k]) => k.toLowerCase() === lower);
}

function without(pairs, ...names) {
  const lower = names.map((n) => n.toLowerCase());
  return pairs.filter(([k]) => !lower.includes(k.toLowerCase()));
}

/** The body as bytes, or a stream to pipe; `type` is a Content-Type to add when absent. */
function bodyOf(body) {
  if (body == null) return { bytes: null };
  if (typeof body === 'string') return { bytes: Buffer.from(body), type: 'text/plain;charset=UTF-8' };
  if (Buffer.isBuffer(body)) return { bytes: body };
  if (ArrayBuffer.isView(body)) return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  if (body instanceof ArrayBuffer) return { bytes: Buffer.from(body) };
  if (body instanceof URLSearchParams) return { bytes: Buffer.from(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof Readable || (typeof body.pipe === 'function' && typeof body.on === 'function')) return { stream: body };
  return { bytes: Buffer.from(String(body)) };
}

/** A failure to move the bytes: `code` for the core, `answered` once the status line came. */
class WireError extends Error {
  /**
   * @param {string} code
   * @param {boolean} answered
   * @param {string} message
   */
  constructor(code, answered, message) {
    super(message);
    this.code = code;
    this.answered = answered;
  }
}

function decoder(encoding) {
  switch (String(encoding || '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate':
    case 'x-deflate':
      return zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * Open one request: `options` as node-fetch takes them ({method, headers, body,
 * agent}); `limits` = {timeoutMs, userAgent}. Resolves at the answer's head to
 * {status, statusText, headers: [[name, value]], url, body: a readable of the
 * decoded body, done: () => void (clears the timer)}. The timer runs until
 * `done()`: the body is read within it. Rejects with a WireError, or with
 * `aborted()` when the signal fires.
 * @param {string} url
 * @param {any} options
 * @param {{ timeoutMs: number, userAgent?: string }} limits
 * @param {AbortSignal | undefined} signal
 * @param {() => unknown} aborted
 * @returns {Promise<any>}
 */
function open(url, options, limits, signal, aborted) {
  const opts = options && typeof options === 'object' ? options : {};
  const method = String(opts.method || 'GET').toUpperCase();
  const headers = headerPairs(opts.headers);
  const body = bodyOf(opts.body);
  if (!has(headers, 'Accept')) headers.push(['Accept', '*/*']);
  if (limits.userAgent && !has(headers, 'User-Agent')) headers.push(['User-Agent', limits.userAgent]);
  if (!has(headers, 'Accept-Encoding')) headers.push(['Accept-Encoding', 'gzip, deflate, br']);
  if (body.type && !has(headers, 'Content-Type')) headers.push(['Content-Type', body.type]);
  const sent = body.bytes ? without(headers, 'Content-Length').concat([['Content-Length', String(body.bytes.length)]]) : headers;

  return new Promise((resolve, reject) => {
    let answered = false;
    /** @type {any} */
    let req;
    /** @type {any} */
    let stream;
    const stop = () => {
      clearTimeout(timer);
      if (signal) signal.removeEventListener('abort', onAbort);
    };
    /** @param {unknown} err */
    const fail = (err) => {
      stop();
      if (req) req.destroy();
      if (answered && stream) stream.destroy(/** @type {Error} */ (err));
      else reject(err);
    };
    const onAbort = () => fail(aborted());
    const timer = setTimeout(() => fail(new WireError('timeout', answered, 'timed out')), limits.timeoutMs);
    if (signal) {
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    }
    let parsed;
    try {
      parsed = new URL(String(url));
    } catch {
      return fail(new WireError('other', false, 'the URL is not valid'));
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return fail(new WireError('other', false, `only http and https URLs can be requested, not ${parsed.protocol}`));
    }
    let agent = opts.agent;
    try {
      if (typeof agent === 'function') agent = agent(parsed);
    } catch (e) {
      return fail(new WireError('other', false, `$options.fetch_agent threw: ${/** @type {Error} */ (e).message}`));
    }
    const lib = parsed.protocol === 'https:' ? https : http;
    try {
      req = lib.request(parsed, { method, headers: headerObject(sent), agent: agent == null || agent === false ? undefined : agent });
    } catch (e) {
      // A header Node refuses, or an agent for the other protocol: Node names the header, never its value.
      return fail(new WireError('other', false, String(/** @type {Error} */ (e).message)));
    }
    req.on('error', (/** @type {any} */ e) => fail(new WireError((e && e.code) || 'other', answered, (e && e.message) || 'the request failed')));
    req.on('response', (/** @type {any} */ res) => {
      answered = true;
      const status = /** @type {number} */ (res.statusCode);
      const decode = method === 'HEAD' || status === 204 || status === 304 ? null : decoder(res.headers['content-encoding']);
      stream = decode ? res.pipe(decode) : res;
      if (decode) res.on('error', (/** @type {any} */ e) => stream.destroy(e));
      res.on('close', () => {
        if (!res.complete) stream.destroy(new WireError('ECONNRESET', true, 'the connection closed before the body was complete'));
      });
      resolve({
        status,
        statusText: res.statusMessage || '',
        headers: pairsOf(res.rawHeaders),
        url: parsed.href,
        body: stream,
        done: stop,
        wasAborted: () => Boolean(signal && signal.aborted),
      });
    });
    if (body.stream) body.stream.pipe(req);
    else req.end(body.bytes || undefined);
  });
}

/**
 * Read an opened answer's whole body, at most `maxBodySize` bytes (the core's
 * cap; a larger one rejects with `too_large`).
 * @param {any} opened
 * @param {number} maxBodySize
 * @returns {Promise<Buffer>}
 */
async function readAll(opened, maxBodySize) {
  try {
    const length = Number(headerOf(opened.headers, 'content-length'));
    if (Number.isFinite(length) && length > maxBodySize) throw new WireError('too_large', true, 'too large');
    const chunks = [];
    let size = 0;
    for await (const chunk of opened.body) {
      size += chunk.length;
      if (size > maxBodySize) throw new WireError('too_large', true, 'too large');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, size);
  } catch (e) {
    opened.body.destroy();
    throw opened.wasAborted() ? e : asWireError(e);
  } finally {
    opened.done();
  }
}

/**
 * A failure while the body was read, as a WireError (an abort stays as it is).
 * @param {any} e
 */
function asWireError(e) {
  if (e instanceof WireError) return e;
  return new WireError((e && e.code) || 'ECONNRESET', true, (e && e.message) || 'the body could not be read');
}

/**
 * @param {[string, string][]} pairs
 * @param {string} name
 */
function headerOf(pairs, name) {
  const found = pairs.find(([k]) => k.toLowerCase() === name);
  return found ? found[1] : undefined;
}

/**
 * Send one request and read its whole answer: {status, statusText, headers, url, body, elapsedMs}.
 * @param {string} url
 * @param {any} options
 * @param {{ timeoutMs: number, maxBodySize: number, userAgent?: string }} limits
 * @param {AbortSignal | undefined} signal
 * @param {() => unknown} aborted
 */
async function send(url, options, limits, signal, aborted) {
  const started = Date.now();
  const opened = await open(url, options, limits, signal, aborted);
  const body = await readAll(opened, limits.maxBodySize);
  return { status: opened.status, statusText: opened.statusText, headers: opened.headers, url: opened.url, body, elapsedMs: Date.now() - started };
}

/** Pairs as the object http.request takes; a repeated name gets an array. */
/**
 * @param {[string, string][]} pairs
 * @returns {Record<string, string | string[]>}
 */
function headerObject(pairs) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  const names = new Map();
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase();
    const first = names.get(lower);
    if (first === undefined) {
      names.set(lower, name);
      out[name] = value;
    } else {
      out[first] = /** @type {string[]} */ ([]).concat(out[first], value);
    }
  }
  return out;
}

function pairsOf(raw) {
  const out = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

module.exports = { open, send, readAll, asWireError, headerOf, without, WireError };
