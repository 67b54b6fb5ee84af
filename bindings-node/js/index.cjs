// @ts-check
'use strict';
// The JavaScript face of `tikapi`: the official SDK's shapes and idioms over
// the native core. Validation, requests, retries, redirects, pagination and
// downloads are decided in Rust: natively they also run there, off the JS
// thread; a call sent through an app's agent or a changed request is driven
// by the same core state machine, with Node moving only the bytes
// (node-send.cjs). The modules beside this one only adapt shapes:
//
//   surface.cjs    TikAPI(key), categories, endpoint methods, set(), walks
//   calls.cjs      the hooked call path, next pages, downloads
//   options.cjs    splitting a call's argument object, the hooks per scope
//   errors.cjs     the error classes, toError, AbortSignal handling
//   response.cjs   Response, ResponseError
//   node-send.cjs  Node's own http / https: one request's bytes (agents, changed requests)
//   observe.cjs    each request to the app's tools: OpenTelemetry spans and metric,
//                  NODE_DEBUG=tikapi, diagnostics channels (the core describes it)
//   oauth.cjs      account authorisation: the link, the redirect, scopes
//   cli.cjs        the `tikapi` command (runs the native CLI)
//
// This file only assembles and exports them.

const native = require('../native/index.cjs');
const { TikAPI, CATALOGUE } = require('./surface.cjs');
const { TikAPIError, ValidationError, NetworkError, UsageError } = require('./errors.cjs');
const { Response, ResponseError } = require('./response.cjs');

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
  version: native.version(),
  oauth: require('./oauth.cjs'),
};
for (const [name, value] of Object.entries(exported)) {
  Object.defineProperty(TikAPI, name, { value, enumerable: false });
}

module.exports = TikAPI;
