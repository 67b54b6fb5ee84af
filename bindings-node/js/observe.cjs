// @ts-check
'use strict';
// What the app's observability tools see of each request the SDK sends
// (every retry, page and video download): an OpenTelemetry CLIENT span and a
// point of the `http.client.request.duration` histogram (when the app has
// `@opentelemetry/api` and a tracer / meter provider set), a `NODE_DEBUG=tikapi`
// line, and messages on the diagnostics channels `tikapi:request:start`,
// `tikapi:request:finish` (answered, any status) and `tikapi:request:error`
// (no answer). What each carries is decided by the core (tikapi_core::observe):
// the descriptions it hands over are already named after the HTTP client
// semantic conventions and hold no key; this file only passes them on.
//
// `observer()` is called by the face at each call, in the caller's async
// context. With nothing listening it returns undefined at once and the call
// runs as if this file did not exist.

const util = require('node:util');
const dc = require('node:diagnostics_channel');

/**
 * The observer of one call, handed to the native side (which calls its
 * functions without `this`) or told directly on the agent path.
 * `close()` is the face's, once the call has settled.
 * @typedef {{ start(attempt: import('./types').ObservedRequest): string[][], finish(finished: import('./types').ObservedEnd): void, close(): void }} Observer
 */

/** The diagnostics channels' names. */
const CHANNELS = Object.freeze({
  start: 'tikapi:request:start',
  finish: 'tikapi:request:finish',
  error: 'tikapi:request:error',
});

const startChannel = dc.channel(CHANNELS.start);
const finishChannel = dc.channel(CHANNELS.finish);
const errorChannel = dc.channel(CHANNELS.error);
const debug = util.debuglog('tikapi');
/** Whether `NODE_DEBUG` names `tikapi` (Node reads it once, at start). */
let logging;

/** The buckets the HTTP semantic conventions advise for request durations, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** @type {any} `@opentelemetry/api`; undefined: not looked for yet, null: not installed. */
let otel;

/** The app's `@opentelemetry/api`, looked for once (an optional peer dependency). */
function otelApi() {
  if (otel === undefined) {
    try {
      otel = require('@opentelemetry/api');
    } catch {
      otel = null;
    }
  }
  return otel;
}

/** @type {string | undefined} */
let version;
function sdkVersion() {
  if (version === undefined) {
    try {
      version = String(require('../native/index.cjs').version());
    } catch {
      version = '';
    }
  }
  return version || undefined;
}

/**
 * Whether `provider` is the API's no-op (no provider set): the global is a
 * proxy without a delegate, or the no-op itself. Named by class, so that a
 * second copy of the API in the app's tree is recognised too.
 * @param {any} provider
 */
function isNoop(provider) {
  const real = provider && typeof provider.getDelegate === 'function' ? provider.getDelegate() : provider;
  const name = real && real.constructor && real.constructor.name;
  return !real || name === 'NoopTracerProvider' || name === 'NoopMeterProvider';
}

/** @type {{ provider: any, tracer: any }} */
const tracing = { provider: undefined, tracer: undefined };
/** @type {{ provider: any, histogram: any }} */
const metering = { provider: undefined, histogram: undefined };

/**
 * The SDK's tracer, when a tracer provider is set.
 * @param {any} api
 */
function tracerOf(api) {
  const provider = api.trace.getTracerProvider();
  if (isNoop(provider)) return null;
  const real = typeof provider.getDelegate === 'function' ? provider.getDelegate() : provider;
  if (tracing.provider !== real) {
    tracing.tracer = api.trace.getTracer('tikapi', sdkVersion());
    tracing.provider = real;
  }
  return tracing.tracer;
}

/**
 * The SDK's `http.client.request.duration` histogram, when a meter provider is set.
 * @param {any} api
 */
function histogramOf(api) {
  const provider = api.metrics.getMeterProvider();
  if (isNoop(provider)) return null;
  if (metering.provider !== provider) {
    metering.histogram = provider.getMeter('tikapi', sdkVersion()).createHistogram('http.client.request.duration', {
      description: 'Duration of HTTP client requests.',
      unit: 's',
      advice: { explicitBucketBoundaries: BUCKETS },
    });
    metering.provider = provider;
  }
  return metering.histogram;
}

/**
 * An observer of one call, or undefined when nothing listens (no tracer or
 * meter provider, `NODE_DEBUG` without `tikapi`, no channel subscriber).
 * Spans of the call's requests are children of the span active here.
 * @returns {Observer | undefined}
 */
function observer() {
  const api = otelApi();
  let tracer = null;
  let histogram = null;
  if (api) {
    try {
      tracer = tracerOf(api);
      histogram = histogramOf(api);
    } catch {
      tracer = null;
      histogram = null;
    }
  }
  if (logging === undefined) logging = debug.enabled;
  const channels = startChannel.hasSubscribers || finishChannel.hasSubscribers || errorChannel.hasSubscribers;
  if (!tracer && !histogram && !logging && !channels) return undefined;
  return makeObserver(api, tracer, histogram, logging);
}

/**
 * @param {any} api
 * @param {any} tracer
 * @param {any} histogram
 * @param {boolean} logging
 * @returns {Observer}
 */
function makeObserver(api, tracer, histogram, logging) {
  const parent = tracer ? api.context.active() : undefined;
  /** @type {Map<number, any>} the open span of each request, by the core's id */
  const spans = new Map();
  // Plain functions (the native side calls them without `this`) that never throw.
  return {
    start(attempt) {
      /** @type {string[][]} */
      let headers = [];
      try {
        if (tracer) {
          const span = tracer.startSpan(attempt.name, { kind: api.SpanKind.CLIENT, attributes: attempt.attributes }, parent);
          spans.set(attempt.id, span);
          /** @type {Record<string, unknown>} */
          const carrier = {};
          api.propagation.inject(api.trace.setSpan(parent, span), carrier);
          headers = Object.entries(carrier)
            .filter(([, v]) => typeof v === 'string')
            .map(([k, v]) => [k, /** @type {string} */ (v)]);
        }
      } catch {
        headers = [];
      }
      try {
        if (logging && attempt.resendCount > 0) debug('%s', attempt.log);
        if (startChannel.hasSubscribers) startChannel.publish(attempt);
      } catch {
        // A subscriber's throw is the app's; the call goes on.
      }
      return headers;
    },
    finish(finished) {
      try {
        const span = spans.get(finished.id);
        if (span) {
          spans.delete(finished.id);
          span.setAttributes(finished.attributes);
          if (finished.error) span.setStatus({ code: api.SpanStatusCode.ERROR, message: finished.errorType || undefined });
          span.end();
        }
        if (histogram) histogram.record(finished.metric.value, finished.metric.attributes);
      } catch {
        // The app's tools failed: the call goes on.
      }
      try {
        if (logging) debug('%s', finished.log);
        const channel = finished.status == null ? errorChannel : finishChannel;
        if (channel.hasSubscribers) channel.publish(finished);
      } catch {
        // A subscriber's throw is the app's; the call goes on.
      }
    },
    close() {
      // A call aborted while a request was in flight: the core tells no end
      // of it, so its span ends here, as the failure the call rejected with.
      for (const span of spans.values()) {
        try {
          span.setAttribute('error.type', 'cancelled');
          span.setStatus({ code: api.SpanStatusCode.ERROR, message: 'cancelled' });
          span.end();
        } catch {
          // The app's tools failed: nothing to do.
        }
      }
      spans.clear();
    },
  };
}

/**
 * `promise` (a call's outcome), the observer closed once it settles.
 * @template T
 * @param {Observer | undefined} watch
 * @param {Promise<T>} promise
 * @returns {Promise<T>}
 */
function watched(watch, promise) {
  return watch ? promise.finally(watch.close) : promise;
}

/**
 * Request headers (an object, [name, value] pairs, a Headers or a Map) with
 * the observer's trace headers in place of any of the same name, in the
 * same shape (an object keeps its hidden properties, such as the one that
 * hides the keys from util.inspect).
 * @param {any} headers
 * @param {string[][]} trace
 * @returns {any}
 */
function withTrace(headers, trace) {
  const names = new Set(trace.map(([k]) => k.toLowerCase()));
  if (headers == null) return trace;
  if (Array.isArray(headers) || typeof headers.entries === 'function') {
    const pairs = Array.isArray(headers) ? headers : Array.from(headers.entries());
    return pairs.filter(([k]) => !names.has(String(k).toLowerCase())).concat(trace);
  }
  /** @type {Record<string | symbol, any>} */
  const out = {};
  for (const [k, v] of Object.entries(headers)) if (!names.has(k.toLowerCase())) out[k] = v;
  for (const [k, v] of trace) out[k] = v;
  for (const sym of Object.getOwnPropertySymbols(headers)) {
    const d = Object.getOwnPropertyDescriptor(headers, sym);
    if (d) Object.defineProperty(out, sym, d);
  }
  return out;
}

module.exports = { observer, watched, withTrace, CHANNELS };
