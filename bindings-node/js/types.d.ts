// The hand-written declarations of `tikapi`: the client's settings, hooks,
// responses, errors and the catalogue's shape. The endpoint types (each
// endpoint's parameters, the categories and `Client`) are generated from the
// core's catalogue into endpoints.d.ts; index.d.ts and index.d.mts re-export
// both (bindings-node/tools/gen-types.mjs).

/** The package version. */
export declare const version: string;

/** The catalogue the core enforces (endpoints and parameters, in resolution order). */
export declare const catalogue: Catalogue;

export interface CatalogueParam {
  key: string;
  wire: string;
  location: 'headers' | 'path' | 'query' | 'body';
  type: 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any';
  required: boolean;
  inherited: boolean;
  /** The API or account key: its value never appears in text. */
  secret: boolean;
  pattern: string | null;
  default: unknown;
  example: unknown;
  max: number | null;
  min: number | null;
  enum: unknown[] | null;
}

export interface CatalogueEndpoint {
  key: string;
  method: 'GET' | 'POST';
  path: string;
  variant: string | null;
  hidden: boolean;
  deprecated: boolean;
  enctype: string | null;
  inOfficialSdk: boolean;
  inDocs: boolean;
  params: CatalogueParam[];
  /** Whether the endpoint pages (it declares a cursor parameter). */
  paged: boolean;
}

/** A category of the surface (`user.posts`; the root is `""`): its endpoints and sub-categories, in order. */
export interface CatalogueCategory {
  path: string;
  entries: ({ name: string; endpoint: string } | { name: string; category: CatalogueCategory })[];
}

export interface Catalogue {
  version: string;
  base: string;
  sandboxBase: string;
  endpoints: CatalogueEndpoint[];
  categories: CatalogueCategory;
}

/** Anything shaped like an `AbortSignal`. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** `$options` of `set`, a category constructor or one call. Times are in milliseconds. */
export interface Options {
  /** Production base URL (default `catalogue.base`, https://api.tikapi.io; env `TIKAPI_BASE_URL`). */
  base?: string;
  /** Sandbox base URL (default `catalogue.sandboxBase`, http://sandbox.tikapi.io; env `TIKAPI_SANDBOX_URL`). */
  sandboxBase?: string;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | Iterable<[string, string]>;
  /** A proxy URL (`http://`, `https://`, `socks5://`). */
  proxy?: string;
  /** Total time allowed for a call, in ms (default 60000). */
  timeout?: number;
  /** Time allowed to connect, in ms (default 10000). */
  connectTimeout?: number;
  /** Retries on 429, 5xx (GET only) and refused connections (default 0). */
  retries?: number;
  /** Largest response body accepted, in bytes. */
  maxBodySize?: number;
  /**
   * At most this many requests in flight to one host at a time in this
   * process; the others wait their turn, within their `timeout`. No limit by
   * default.
   */
  maxConnections?: number;
  /**
   * Turns off TLS certificate verification (on by default). Only for test
   * servers whose certificates cannot be verified: never in production. A
   * private CA is trusted through `SSL_CERT_FILE` / `SSL_CERT_DIR` instead.
   */
  dangerouslyAcceptInvalidCertificates?: boolean;
  /**
   * `false`: no W3C `traceparent` header on requests, even when
   * OpenTelemetry traces them (on by default, as HTTP instrumentations do).
   */
  traceContext?: boolean;
  /**
   * A budget taken from before each request (each retry too), in this
   * process or, with `redis`, shared by every process naming the same
   * bucket. A 429 with `Retry-After` pauses the whole budget.
   */
  rateLimit?: RateLimit;
  /** Default values for any parameter of that name, below the ones given beside `$options`. */
  values?: Record<string, unknown>;
  /**
   * Called with each successful response; a value it returns (other than
   * undefined) becomes the call's result. A throw goes to `on_error`.
   * Set by `set` or a category constructor (a per-call one is not called).
   */
  on_success?: (response: Response, request: HookRequest) => any;
  /**
   * Called with an API error (a status outside 2xx) or a throw of
   * `on_success`; never with a validation, network or abort error. A value
   * it returns (other than undefined) becomes the call's result.
   */
  on_error?: (error: any, request: HookRequest) => any;
  /**
   * Awaited before each request is sent, once it is built and validated.
   * Changes to `request.options` are sent; a returned `{url}` and/or
   * `{options}` replaces them; any other truthy value is the call's result
   * and nothing is sent; `false` resolves the call to `false`; a throw
   * rejects it.
   */
  on_request?: (request: HookRequest) => any;
  /**
   * An `http.Agent` (such as an `https-proxy-agent`), or a function of the
   * URL returning one for each request: the calls then go through it, sent
   * by Node's own `http` / `https`.
   */
  fetch_agent?: AgentLike | ((parsedURL: { href: string; protocol: string; hostname: string; port: string; pathname: string }) => AgentLike) | null | false;
  /** Official SDK options this package accepts and ignores. Any key not listed here is rejected with a `UsageError` naming it. */
  params?: unknown;
  $other?: unknown;
}

/**
 * The `node:diagnostics_channel` channels each request the SDK sends (every
 * retry, page and video download) is published on: `tikapi:request:start`
 * (an `ObservedRequest`), then `tikapi:request:finish` when an answer came
 * (any status) or `tikapi:request:error` when none did (an `ObservedEnd`).
 */
export type ObservabilityChannel = 'tikapi:request:start' | 'tikapi:request:finish' | 'tikapi:request:error';

/**
 * A request about to be sent, as OpenTelemetry, `NODE_DEBUG=tikapi` and the
 * diagnostics channels see it. Never holds a key: the URL's secret query
 * values are `REDACTED` and headers are not described.
 */
export interface ObservedRequest {
  /** Unique in the process; the `ObservedEnd` of this request has the same. */
  id: number;
  purpose: 'api' | 'download';
  /** The catalogue key (`public.check`); null for a download. */
  endpoint: string | null;
  method: string;
  url: string;
  path: string;
  /** 0 for the first send of a call, then 1, 2, ... for its retries. */
  resendCount: number;
  /** The span's name (the method, as HTTP instrumentations name theirs). */
  name: string;
  /** The span's attributes (OpenTelemetry HTTP client semantic conventions, plus `tikapi.endpoint`). */
  attributes: Record<string, string | number>;
  /** The `NODE_DEBUG=tikapi` line of a retry. */
  log: string;
}

/** A request that is over: answered (any status) or failed. */
export interface ObservedEnd {
  id: number;
  attempt: ObservedRequest;
  /** The HTTP status; null when no answer came. */
  status: number | null;
  /** TikTok's `statusCode` in the answer, when it has one. */
  tiktokCode: number | null;
  /** `error.type`: the failure's kind (`timeout`, `connect`, ...) or the status of a 4xx / 5xx. */
  errorType: string | null;
  error: boolean;
  durationSeconds: number;
  /** When the call sends again: after this many seconds. */
  retryInSeconds: number | null;
  /** The span's attributes at its end (with `http.response.status_code`, `error.type`, `tikapi.status_code`). */
  attributes: Record<string, string | number>;
  /** The point of `http.client.request.duration` (unit `s`). */
  metric: { name: string; unit: string; value: number; attributes: Record<string, string | number> };
  /** The `NODE_DEBUG=tikapi` line. */
  log: string;
}

/** An `http.Agent` or anything Node's `http.request` takes as `agent`. */
export interface AgentLike {
  addRequest(...args: any[]): unknown;
}

/** The request as `on_request` may change it (node-fetch's options). */
export interface HookRequestOptions {
  method: string;
  headers: Record<string, string>;
  agent: AgentLike | ((parsedURL: any) => AgentLike) | null;
  /** The JSON body of a POST, as text. */
  body?: string;
}

/** What the hooks receive about the call. */
export interface HookRequest {
  /** The full URL, query included. */
  url: string;
  options: HookRequestOptions;
  /** The call's argument object. */
  params: any;
  /** The endpoint key (`public.check`), relative to a scope made with `new` (`info`). */
  key: string;
  /** The client or scope object the call was made on. */
  instance: any;
  /** The endpoint function, to call again. */
  self: (params?: any) => Promise<Response>;
}

/** Settings any call accepts beside the endpoint's parameters. */
export interface CallSettings {
  /** Send this call to the sandbox (or not), whatever `set` said. */
  $sandbox?: boolean;
  $options?: Options;
  /** Cancels the call: it rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignalLike;
}

/** What `set` and category constructors take: defaults for any parameter of that name. */
export interface Defaults {
  $sandbox?: boolean;
  $options?: Options;
  [param: string]: unknown;
}

/** Response headers; `get` answers as fetch's `Headers` does. */
export interface ResponseHeaders extends Iterable<[string, string]> {
  get(name: string): string | null;
  has(name: string): boolean;
  forEach(callback: (value: string, name: string) => void): void;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
}

/** Fields a success and an API error share. */
export interface ResponseFields {
  statusCode: number;
  statusText: string;
  headers: ResponseHeaders;
  type: string;
  /** The URL of the request, without credentials. */
  url: string;
  /** The parsed body when the server sent JSON. */
  json: any;
  /** The body text when the server did not send JSON. */
  text?: string;
  /** The body's `message`, or "Success." / "Something went wrong.". */
  message: string;
  /** TikTok's own error code in the body (for example 10202), if any. */
  readonly tiktokCode: number | undefined;
  /** For a 429: how long the server asked to wait, in ms. */
  readonly retryAfter: number | undefined;
}

export interface SaveVideoOptions {
  /** Extra headers for the download (the response's `videoLinkHeaders` are always sent). */
  headers?: Record<string, string> | Iterable<[string, string]>;
  /** Called as the file is written, with the bytes so far and the total when known. */
  progress?: (written: number, total: number | null) => void;
  /** The same as `progress`. */
  onProgress?: (written: number, total: number | null) => void;
  /** Total time allowed for the download, in ms. */
  timeout?: number;
  signal?: AbortSignalLike;
  /**
   * An `http.Agent` (a proxy agent) for the download, as the official SDK's
   * node-fetch options take it: the download then goes through it.
   */
  agent?: AgentLike | ((parsedURL: any) => AgentLike) | null | false;
}

/** A successful (2xx) answer. */
export declare class Response implements ResponseFields {
  private constructor();
  statusCode: number;
  statusText: string;
  headers: ResponseHeaders;
  type: string;
  url: string;
  ok: true;
  json: any;
  text?: string;
  message: string;
  readonly tiktokCode: number | undefined;
  readonly retryAfter: number | undefined;
  /**
   * A promise of the next page, or **null** (at once, not a promise) when
   * this was the last: the official rule and return shape.
   * Typed without `| null` so that the official loop
   * `while (response) { ...; response = await Promise.resolve(response?.nextItems()) }`
   * compiles under --strict, as it does with the official SDK's types; check
   * for null when calling it any other way.
   */
  nextItems: (options?: { signal?: AbortSignalLike }) => Promise<Response>;
  /** Streams `link` to `path`; the file appears only once complete. Resolves to the bytes written. */
  saveVideo: (link: string, path: string, options?: SaveVideoOptions) => Promise<number>;
}

/** The rejection for a status outside 2xx: the official shape, not an `Error`. */
export declare class ResponseError implements ResponseFields {
  private constructor();
  readonly kind: 'api';
  readonly name: 'ResponseError';
  statusCode: number;
  statusText: string;
  headers: ResponseHeaders;
  type: string;
  url: string;
  ok: false;
  json: any;
  text?: string;
  message: string;
  readonly tiktokCode: number | undefined;
  readonly retryAfter: number | undefined;
  /** What kind of API error this is (from the status and TikTok code). */
  readonly errorKind: 'bad_request' | 'authentication' | 'tiktok' | 'account_session_expired' | 'rate_limit' | 'server' | 'other';
}

/** Base of the errors this package throws that are `Error`s. */
export declare class TikAPIError extends Error {
  readonly kind: 'validation' | 'network' | 'usage' | 'internal';
}

/** A parameter broke a rule; nothing was sent. `message` is the official SDK's words, byte for byte. */
export declare class ValidationError extends TikAPIError {
  readonly kind: 'validation';
  /** The parameter, as the official SDK names it. */
  readonly field: string;
  readonly rule: 'required' | 'type' | 'pattern' | 'max' | 'min' | 'enum' | 'finite';
  /** The precise explanation: the rule, the pattern, the value received (never a key), a likely fix. */
  readonly detail: string;
}

/** No usable answer came back; the message names the URL and the reason. */
export declare class NetworkError extends TikAPIError {
  readonly kind: 'network';
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly reason: string | undefined;
  readonly code: 'connect' | 'timeout' | 'tls' | 'proxy' | 'body' | 'decode' | 'redirect' | 'too_large' | 'io' | 'other';
}

/** The call itself was malformed (an unknown endpoint, a bad option). */
export declare class UsageError extends TikAPIError {
  /** The option at fault, for a bad or unknown option (`$options.timeout`). */
  readonly field?: string;
}

/** What a call can reject with. */
export type CallError = ResponseError | ValidationError | NetworkError | UsageError;

/** Account authorisation (OAuth): the link, the redirect, and each endpoint's scopes. */
export declare const oauth: {
  /** The `https://tikapi.io/account/authorize?...` link; scopes in either spelling (`VIEW_PROFILE` / `view_profile`). */
  authorizationUrl(options: { clientId: string; redirectUri: string; scopes: string[]; state?: string; country?: string; email?: string }): string;
  /** Read TikAPI's redirect: account key, granted scopes, state (checked against `expectedState`). */
  parseRedirect(url: string, expectedState?: string): OAuthAuthorization;
  /** The scopes an endpoint needs, as sent in the link. */
  requiredScopes(endpoint: string): string[];
  /** Every scope: the spelling sent in the link and the official schema's. */
  readonly SCOPES: ReadonlyArray<{ readonly sent: string; readonly schema: string }>;
  readonly OAuthError: new (message: string, kind: OAuthErrorKind) => OAuthError;
};

/** What an authorisation redirect brought back. `accountKey` is hidden from inspection and JSON. */
export interface OAuthAuthorization {
  readonly accountKey: string;
  scopes: string[];
  state: string | null;
}

export type OAuthErrorKind = 'invalid_argument' | 'bad_redirect' | 'state_mismatch' | 'denied' | 'missing_token' | 'unknown_endpoint';

/** A bad argument, or a redirect that does not authorise. */
export interface OAuthError extends Error {
  readonly kind: OAuthErrorKind;
}

/** When an auto-paginating walk stops, beside the last page; where it starts. */
export interface PageLimits {
  maxPages?: number;
  maxItems?: number;
  /** Continue the walk a `resumeToken` describes (its endpoint; arguments given must agree with it). */
  resume?: ResumeToken | null;
}

/**
 * Where a `pages()` / `items()` walk stands: the endpoint, the next page's
 * arguments and how many of that page's items were already handed out.
 * JSON-serialisable and holding no key.
 */
export interface ResumeToken {
  endpoint: string;
  args: Record<string, unknown>;
  skip: number;
}

/** A walk of `pages()` / `items()`: an async generator that can say where it stands. */
export type Walk<T> = AsyncGenerator<T, void, undefined> & {
  /** Where the walk continues after what it handed out (null once it is over): pass as `{resume: token}`. */
  readonly resumeToken: ResumeToken | null;
};

/** A page of an endpoint's `pages()`: its `json` has the endpoint's body type `B`. */
export type PageResponse<B = any> = Omit<Response, 'json'> & { json: B };

/**
 * An endpoint: call it for one page (`json` is `any`, as in the official SDK);
 * `pages` (typed bodies `B`) and `items` (typed items `I`) walk to the end.
 */
export interface Endpoint<P, Optional extends boolean = false, B = any, I = any> {
  (...params: Optional extends true ? [params?: P] : [params: P]): Promise<Response>;
  pages(...params: Optional extends true ? [params?: P, limits?: PageLimits] : [params: P, limits?: PageLimits]): Walk<PageResponse<B>>;
  items(...params: Optional extends true ? [params?: P, limits?: PageLimits] : [params: P, limits?: PageLimits]): Walk<I>;
  readonly endpoint: string;
}

/** `$options.rateLimit`: `rate` or `maxInFlight` is required. */
export interface RateLimit {
  /** Requests per second, on average. */
  rate?: number;
  /** How many may go at once after a quiet spell (default: a second's worth). */
  burst?: number;
  /** Requests in flight at a time among all users of the budget. */
  maxInFlight?: number;
  /** `redis://[:password@]host[:port][/db]`: share the budget through Redis. */
  redis?: string;
  /** The bucket's name (default `"default"`); Redis keys `tikapi:limit:<name>:...`. */
  name?: string;
}
