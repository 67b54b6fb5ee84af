'use strict';
// Sending a request with Node's own `http` / `https`, for the calls the
// native transport cannot make: those of a client with `$options.fetch_agent`
// (an `http.Agent`, or a function of the URL returning one, as node-fetch
// takes it in the official SDK) and those an `$options.on_request` hook
// changed. The answer goes back to the core (`NativeRequest.complete`) for
// parsing, API errors and the next page, so only the wire is here.
//
// Kept from the native path: the call's total timeout, the body size cap,
// AbortSignal, at most 10 redirects and none to another origin (the request
// carries the keys), gzip / deflate / brotli bodies. As node-fetch does:
// `Accept: */*` and `Accept-Encoding` when absent, `Content-Length` for a
// string or bytes body, 303 (and 301 / 302 after a POST) turn into a GET
// without a body.

const http = require('node:http');
const https = require('node:https');
const zlib = require('node:zlib');
const { Readable } = require('node:stream');

const MAX_REDIRECTS = 10;

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

/** Which transport kind a Node error is (the codes Node and the common agents use). */
function kindOf(err, answered) {
  const code = (err && err.code) || '';
  const text = String((err && err.message) || '').toLowerCase();
  if (answered) return code === 'Z_DATA_ERROR' || code === 'ERR_ZLIB' || /incorrect header|invalid (block|distance|code)/.test(text) ? 'decode' : 'body';
  if (/CERT|SSL|TLS/.test(code) || /certificate|tls|ssl/.test(text)) return 'tls';
  if (/proxy/.test(text)) return 'proxy';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE'].includes(code)) return 'connect';
  if (code === 'ERR_INVALID_PROTOCOL' || code === 'ERR_INVALID_ARG_TYPE') return 'other';
  return 'other';
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
 * Send `url` with node-fetch-style `options` ({method, headers, body, agent}).
 * `limits` = {timeoutMs, maxBodySize, userAgent, anyOrigin}; `fail(kind, method, url,
 * reason)` makes the failure to reject with (never naming a key);
 * `aborted()` the error for an aborted signal.
 * Resolves to {status, statusText, headers: [[name, value]], url, body, elapsedMs}.
 */
function send(url, options, limits, signal, fail, aborted) {
  const started = Date.now();
  const opts = options && typeof options === 'object' ? options : {};
  let method = String(opts.method || 'GET').toUpperCase();
  let headers = headerPairs(opts.headers);
  let body = bodyOf(opts.body);
  if (!has(headers, 'Accept')) headers.push(['Accept', '*/*']);
  if (!has(headers, 'User-Agent')) headers.push(['User-Agent', limits.userAgent]);
  if (!has(headers, 'Accept-Encoding')) headers.push(['Accept-Encoding', 'gzip, deflate, br']);
  if (body.type && !has(headers, 'Content-Type')) headers.push(['Content-Type', body.type]);

  return new Promise((resolve, reject) => {
    let settled = false;
    let timer;
    let current; // the ClientRequest in flight
    let target = String(url);
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (signal) signal.removeEventListener('abort', onAbort);
      if (current) current.destroy();
      fn(value);
    };
    const failWith = (kind, reason) => finish(reject, fail(kind, method, target, reason));
    const onAbort = () => finish(reject, aborted());
    if (signal) {
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    }
    timer = setTimeout(
      () => failWith('timeout', `timed out (no complete answer within ${(limits.timeoutMs / 1000).toFixed(1)}s)`),
      limits.timeoutMs,
    );

    const attempt = (hops) => {
      let parsed;
      try {
        parsed = new URL(target);
      } catch {
        return failWith('other', 'the URL is not valid');
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return failWith('other', `only http and https URLs can be requested, not ${parsed.protocol}`);
      }
      let agent = opts.agent;
      try {
        if (typeof agent === 'function') agent = agent(parsed);
      } catch (e) {
        return failWith('other', `$options.fetch_agent threw: ${e && e.message}`);
      }
      const lib = parsed.protocol === 'https:' ? https : http;
      const sent = body.bytes ? without(headers, 'Content-Length').concat([['Content-Length', String(body.bytes.length)]]) : headers;
      let req;
      try {
        req = lib.request(parsed, { method, headers: headerObject(sent), agent: agent == null || agent === false ? undefined : agent });
      } catch (e) {
        // A header Node refuses, or an agent for the other protocol: Node names the header, never its value.
        return failWith('other', e && e.message);
      }
      current = req;
      let answered = false;
      req.on('error', (e) => failWith(kindOf(e, answered), (e && e.message) || 'the request failed'));
      req.on('response', (res) => {
        answered = true;
        const status = res.statusCode;
        const location = res.headers.location;
        if ([301, 302, 303, 307, 308].includes(status) && location) {
          let next;
          try {
            next = new URL(location, parsed);
          } catch {
            next = null;
          }
          // Another origin: not followed, the app gets the 3xx itself (the request carries keys);
          // `anyOrigin` (a video download, no keys): followed anywhere.
          if (next && (next.origin === parsed.origin || (limits.anyOrigin && /^https?:$/.test(next.protocol)))) {
            if (hops >= MAX_REDIRECTS) return failWith('redirect', `too many redirects (more than ${MAX_REDIRECTS})`);
            if (body.stream && status !== 303 && !((status === 301 || status === 302) && method === 'POST')) {
              return failWith('redirect', 'a redirect cannot resend a streamed body');
            }
            res.resume();
            if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
              method = 'GET';
              body = { bytes: null };
              headers = without(headers, 'Content-Length', 'Content-Type');
            }
            target = next.href;
            return attempt(hops + 1);
          }
        }
        const length = Number(res.headers['content-length']);
        if (Number.isFinite(length) && length > limits.maxBodySize) return failWith('too_large', tooLarge(limits.maxBodySize));
        const decode = method === 'HEAD' || status === 204 || status === 304 ? null : decoder(res.headers['content-encoding']);
        const stream = decode ? res.pipe(decode) : res;
        if (decode) res.on('error', (e) => failWith('body', (e && e.message) || 'the body could not be read'));
        const chunks = [];
        let size = 0;
        stream.on('data', (chunk) => {
          size += chunk.length;
          if (size > limits.maxBodySize) return failWith('too_large', tooLarge(limits.maxBodySize));
          chunks.push(chunk);
        });
        stream.on('error', (e) =>
          failWith(kindOf(e, true), e && e.message && e.message !== 'aborted' ? e.message : 'the connection closed before the body was complete'),
        );
        res.on('close', () => {
          if (!res.complete) failWith('body', 'the connection closed before the body was complete');
        });
        stream.on('end', () => {
          if (!res.complete) return failWith('body', 'the connection closed before the body was complete');
          current = null;
          finish(resolve, {
            status,
            statusText: res.statusMessage || '',
            headers: pairsOf(res.rawHeaders),
            url: target,
            body: Buffer.concat(chunks, size),
            elapsedMs: Date.now() - started,
          });
        });
      });
      if (body.stream) body.stream.pipe(req);
      else req.end(body.bytes || undefined);
    };
    attempt(0);
  });
}

/** Pairs as the object http.request takes; a repeated name gets an array. */
function headerObject(pairs) {
  const out = {};
  const names = new Map();
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase();
    const first = names.get(lower);
    if (first === undefined) {
      names.set(lower, name);
      out[name] = value;
    } else {
      out[first] = [].concat(out[first], value);
    }
  }
  return out;
}

function tooLarge(cap) {
  return `the response body is larger than the ${cap}-byte limit (option max_body_size / maxBodySize)`;
}

function pairsOf(raw) {
  const out = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

module.exports = { send };
