// @ts-check
'use strict';
// The errors this package throws, and the one place a native failure becomes
// one of them (`toError`), with the helpers that await a native promise under
// an AbortSignal. Depends on response.cjs (an API failure is a ResponseError),
// never the other way.

const native = require('../native/index.cjs');
const { ResponseError } = require('./response.cjs');

/** Base of the errors this package throws that are `Error`s. */
class TikAPIError extends Error {
  /**
   * @param {string} message
   * @param {string} kind
   */
  constructor(message, kind) {
    super(message);
    Object.defineProperty(this, 'name', { value: new.target.name, configurable: true, writable: true });
    /** `validation`, `network`, `usage` or `internal` (API errors are `ResponseError`s). */
    this.kind = kind;
  }
}

/**
 * A parameter broke a rule; nothing was sent. The message is the official
 * SDK's words; `field` names the parameter, `detail` explains precisely.
 */
class ValidationError extends TikAPIError {
  /**
   * @param {string} message
   * @param {string} field
   * @param {string} rule
   * @param {string} [detail]
   */
  constructor(message, field, rule, detail = undefined) {
    super(message, 'validation');
    this.field = field;
    this.rule = rule;
    /** The rule, the pattern, the value received (never a key), a likely fix. */
    this.detail = detail ?? message;
  }
}

/** No usable answer came back: the message names the URL and the reason. */
class NetworkError extends TikAPIError {
  /**
   * @param {string} message
   * @param {string | undefined} target `METHOD url`
   * @param {string | undefined} reason
   * @param {string | undefined} code
   */
  constructor(message, target, reason, code) {
    super(message, 'network');
    const space = target ? target.indexOf(' ') : -1;
    this.method = space > 0 && target ? target.slice(0, space) : undefined;
    this.url = space > 0 && target ? target.slice(space + 1) : target;
    this.reason = reason;
    /** connect, timeout, tls, proxy, body, decode, redirect, too_large, io, other. */
    this.code = code;
  }
}

/** The call itself was malformed (an unknown endpoint, a bad option). `field` names a bad option (`$options.timeout`). */
class UsageError extends TikAPIError {
  /**
   * @param {string} message
   * @param {string} [kind]
   * @param {string} [field]
   */
  constructor(message, kind = 'usage', field = undefined) {
    super(message, kind);
    if (field !== undefined) this.field = field;
  }
}

/** A value, described for a message (`the string "x"`, `number 3`, `an array`). */
function describe(/** @type {unknown} */ value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

/**
 * What an aborted call rejects with: the signal's reason, or an AbortError.
 * @param {AbortSignal | null | undefined} signal
 */
function abortError(signal) {
  if (signal && signal.reason !== undefined) return signal.reason;
  return new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Turn a native failure into what the app sees. The one place this happens.
 * @param {any} failure a `NativeFailure`
 * @param {AbortSignal | null} [signal]
 */
function toError(failure, signal) {
  switch (failure.kind) {
    case 'validation':
      return new ValidationError(failure.message, failure.field, failure.rule, failure.detail ?? undefined);
    case 'api':
      return new ResponseError(native.failureResponse(failure));
    case 'network':
      return new NetworkError(failure.message, failure.target, failure.reason, failure.transportKind);
    case 'abort':
      return abortError(signal);
    default:
      return new UsageError(failure.message, failure.kind, failure.field ?? undefined);
  }
}

/**
 * Throw the app-facing error for a native failure, if there is one.
 * @param {any} failure
 */
function throwIfFailed(failure) {
  if (failure) throw toError(failure);
}

/**
 * Await a native promise, throwing its failure as the app-facing error.
 * @param {Promise<any>} promise
 * @param {AbortSignal | null} signal
 */
async function settle(promise, signal) {
  const out = await promise;
  if (out instanceof native.NativeFailure) throw toError(out, signal);
  return out;
}

/**
 * Run `start(cancelHandle)` so that `signal` can cancel it; without a signal
 * no handle is made.
 * @param {AbortSignal | null | undefined} signal
 * @param {(cancel: any) => Promise<any>} start
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

module.exports = {
  TikAPIError,
  ValidationError,
  NetworkError,
  UsageError,
  describe,
  abortError,
  toError,
  throwIfFailed,
  settle,
  withSignal,
};
