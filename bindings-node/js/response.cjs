// @ts-check
'use strict';
// Responses: a success (`Response`) and the rejection for a status outside
// 2xx (`ResponseError`), with the official SDK's own, enumerable fields.
// Requires nothing of the client: what a response can do next (its next
// page, a download) comes in as `actions` from the call path (calls.cjs).

const { inspect } = require('node:util');

/** The native response handle behind a response. */
const HANDLE = Symbol('tikapi.native');
/** The scope and request a response came from, so that its next page takes the same path. */
const ORIGIN = Symbol('tikapi.origin');
/** `{ nextItems(response, options), saveVideo(response, link, path, options) }`. */
const ACTIONS = Symbol('tikapi.actions');

/**
 * @param {Iterable<[string, string]>} pairs
 * @returns {Headers}
 */
function toHeaders(pairs) {
  const headers = new Headers();
  for (const [k, v] of pairs) headers.append(k, v);
  return headers;
}

/** Fields shared by a success and by the rejection for a non-2xx status. */
class ResponseFields {
  /** @param {any} handle the native response */
  constructor(handle) {
    Object.defineProperty(this, HANDLE, { value: handle });
    // Own, enumerable data properties as in the official SDK's plain object,
    // so spreading or serialising a response keeps them.
    /** @type {number} */
    this.statusCode = handle.status;
    /** @type {string} */
    this.statusText = handle.reason;
    this.headers = toHeaders(handle.headers);
    this.type = 'default';
    /** @type {string} */
    this.url = handle.url;
    /** @type {boolean} */
    this.ok = handle.ok;
    if (handle.isJson) {
      const text = handle.text();
      try {
        /** @type {any} */
        this.json = JSON.parse(text);
      } catch {
        // Labelled JSON but not JSON: the response stays usable, with its text.
        this.json = undefined;
        /** @type {string | undefined} */
        this.text = text;
      }
    } else {
      this.text = handle.text();
    }
    /** @type {string} */
    this.message = handle.message();
  }

  /** TikTok's own error code in the body (for example 10202), if any. */
  get tiktokCode() {
    return /** @type {any} */ (this)[HANDLE].tiktokCode ?? undefined;
  }

  /** For a 429: how long the server asked to wait, in milliseconds. */
  get retryAfter() {
    return /** @type {any} */ (this)[HANDLE].retryAfterMs ?? undefined;
  }

  toJSON() {
    const { statusCode, statusText, ok, url, message, json, text } = this;
    return { statusCode, statusText, ok, url, message, json, text, headers: Object.fromEntries(this.headers) };
  }

  /**
   * @param {number} depth
   * @param {import('node:util').InspectOptionsStylized} options
   * @param {typeof inspect} [inspectFn]
   */
  [inspect.custom](depth, options, inspectFn = inspect) {
    /** @type {Record<string, unknown>} */
    const shown = { ...this.toJSON(), headers: this.headers };
    if (shown.text === undefined) delete shown.text;
    return `${this.constructor.name} ${inspectFn(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

/** A successful (2xx) answer. */
class Response extends ResponseFields {
  /**
   * @param {any} handle the native response
   * @param {object | undefined} origin the call it answers (calls.cjs)
   * @param {{ nextItems: Function, saveVideo: Function }} actions
   */
  constructor(handle, origin, actions) {
    super(handle);
    // The scope and request of the call, so that the next page takes the same path and hooks.
    if (origin) Object.defineProperty(this, ORIGIN, { value: origin });
    Object.defineProperty(this, ACTIONS, { value: actions });
    // Own, enumerable, as in the official SDK: `{...response}` and
    // `Object.assign({}, response)` keep them, and they work on the copy.
    const self = this;
    /** @param {{ signal?: AbortSignal }} [options] */
    this.nextItems = function nextItems(options) {
      return actions.nextItems(self, options);
    };
    /**
     * @param {string} link
     * @param {string} path
     * @param {object} [options]
     */
    this.saveVideo = function saveVideo(link, path, options) {
      return actions.saveVideo(self, link, path, options);
    };
  }

  /**
   * A promise of the next page, or null (at once, not a promise) when this
   * was the last: the official rule and the official return shape.
   * @param {{ signal?: AbortSignal }} [options]
   */
  nextItems(options) {
    return /** @type {any} */ (this)[ACTIONS].nextItems(this, options);
  }

  /**
   * Stream `link` to `path`, sending this response's video link headers.
   * The file appears only once complete. Resolves to the bytes written.
   * @param {string} link
   * @param {string} path
   * @param {object} [options]
   */
  saveVideo(link, path, options) {
    return /** @type {any} */ (this)[ACTIONS].saveVideo(this, link, path, options);
  }
}

/**
 * The rejection for a status outside 2xx: the official shape (`statusCode`,
 * `message`, `json`, `ok: false`), not an `Error`, as in the official SDK.
 * `kind === 'api'` and `instanceof ResponseError` tell it from other failures.
 */
class ResponseError extends ResponseFields {
  /** @param {any} handle the native response */
  constructor(handle) {
    super(handle);
    this.kind = 'api';
    this.name = 'ResponseError';
  }

  /** `bad_request`, `authentication`, `tiktok`, `account_session_expired`, `rate_limit`, `server` or `other`. */
  get errorKind() {
    return /** @type {any} */ (this)[HANDLE].errorKind;
  }
}

module.exports = { HANDLE, ORIGIN, ResponseFields, Response, ResponseError };
