// @ts-check
'use strict';
// Account authorisation (OAuth): the camelCase twins of Python's
// `tikapi.oauth`, over the core's `tikapi_core::oauth`. Only shapes are
// adapted here; every rule is the core's.

const { inspect } = require('node:util');
const native = require('../native/index.cjs');

/** A bad argument, or a redirect that does not authorise. Never holds a token. */
class OAuthError extends Error {
  constructor(message, kind) {
    super(message);
    Object.defineProperty(this, 'name', { value: 'OAuthError', configurable: true, writable: true });
    /** invalid_argument, bad_redirect, state_mismatch, denied, missing_token, unknown_endpoint. */
    this.kind = kind;
  }
}

function unwrap(text) {
  const r = JSON.parse(text);
  if (r.error) throw new OAuthError(r.error.message, r.error.kind);
  return r.ok;
}

const optionalString = (value, name) => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new OAuthError(`${name} must be a string`, 'invalid_argument');
  return value;
};

/** What the redirect brought back; `accountKey` is hidden from inspection and JSON. */
class Authorization {
  constructor(accountKey, scopes, state) {
    Object.defineProperty(this, 'accountKey', { value: accountKey, enumerable: false });
    this.scopes = scopes;
    this.state = state;
  }

  [inspect.custom]() {
    return `Authorization { accountKey: <redacted>, scopes: ${inspect(this.scopes)}, state: ${inspect(this.state)} }`;
  }
}

/**
 * The `https://tikapi.io/account/authorize?...` link.
 * @param {{clientId: string, redirectUri: string, scopes: string[], state?: string, country?: string, email?: string}} options
 */
function authorizationUrl(options) {
  if (!options || typeof options !== 'object') {
    throw new OAuthError('authorizationUrl takes { clientId, redirectUri, scopes, state?, country?, email? }', 'invalid_argument');
  }
  const { clientId, redirectUri, scopes } = options;
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) {
    throw new OAuthError('scopes must be an array of scope names', 'invalid_argument');
  }
  return unwrap(
    native.oauthAuthorizationUrl(
      optionalString(clientId, 'clientId') ?? '',
      optionalString(redirectUri, 'redirectUri') ?? '',
      scopes,
      optionalString(options.state, 'state'),
      optionalString(options.country, 'country'),
      optionalString(options.email, 'email'),
    ),
  );
}

/** Read TikAPI's redirect URL: account key, granted scopes, state (checked when `expectedState` is given). */
function parseRedirect(url, expectedState) {
  if (typeof url !== 'string') throw new OAuthError('the redirect URL must be a string', 'bad_redirect');
  const r = unwrap(native.oauthParseRedirect(url, optionalString(expectedState, 'expectedState')));
  return new Authorization(r.accountKey, r.scopes, r.state ?? null);
}

/** The scopes an endpoint needs (`'user.info'` -> `['VIEW_PROFILE']`). */
function requiredScopes(endpoint) {
  return unwrap(native.oauthRequiredScopes(String(endpoint)));
}

const SCOPES = Object.freeze(JSON.parse(native.oauthScopes()).map((s) => Object.freeze(s)));

module.exports = { authorizationUrl, parseRedirect, requiredScopes, OAuthError, Authorization, SCOPES };
