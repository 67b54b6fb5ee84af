// What an app's observability tools see (issue 25): with the real
// OpenTelemetry SDK (an in-memory span exporter, a metric reader collected on
// demand, async-local context), each request the SDK sends (every retry,
// page and download: natively, after an on_request hook, and through an
// app's agent) is one CLIENT span under the app's span, with the HTTP client
// conventions' attributes and a `traceparent` on the wire (unless `traceContext: false`); a call that fails
// validation makes none; `http.client.request.duration` is recorded;
// `NODE_DEBUG=tikapi` prints a line per request and retry; diagnostics
// channel subscribers see start / finish / error. No key appears in any of
// them. Without OpenTelemetry set up, nothing changes.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import dc from 'node:diagnostics_channel';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { context, metrics, propagation, trace, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { ACCOUNT_KEY, API_KEY, ROOT, startSandbox } from './sandbox.mjs';
import { close, recorder } from './servers.mjs';

const require = createRequire(import.meta.url);
const TikAPI = require('../js/index.cjs');

const SEC_UID = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';
const SECRETS = [API_KEY, ACCOUNT_KEY];

/** A reader collected when the test asks (no timer). */
class TestReader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}

const exporter = new InMemorySpanExporter();
const reader = new TestReader();
const appTracer = () => trace.getTracer('app');

/** Everything a tool was given, for the key scan. */
const seen = [];

let sandbox;
let api; // a recording server: 429 twice per `flaky_*` username, a video at /video.mp4, no answer to `hang`
let onHang = () => {};
let dir;

before(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  sandbox = await startSandbox();
  const flaky = new Map();
  api = await recorder((req, res) => {
    const u = new URL(req.url, 'http://x');
    const name = u.searchParams.get('username') || '';
    if (name.startsWith('flaky_') && (flaky.get(name) || 0) < 2) {
      flaky.set(name, (flaky.get(name) || 0) + 1);
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(JSON.stringify({ status: 'error', message: 'slow down', statusCode: 10201 }));
      return true;
    }
    if (name === 'hang') {
      onHang();
      return true; // never answered
    }
    if (u.pathname === '/video.mp4') {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.end(Buffer.alloc(2048, 7));
      return true;
    }
    return undefined;
  });
  dir = mkdtempSync(join(tmpdir(), 'tikapi-observe-'));
});

after(async () => {
  await close(api.server);
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
  trace.disable();
  metrics.disable();
  propagation.disable();
  context.disable();
  const all = seen.join('\n');
  for (const secret of SECRETS) assert.ok(!all.includes(secret), 'a key reached an observability tool');
});

beforeEach(() => exporter.reset());

/** The finished spans, recorded for the key scan. */
function spans() {
  const out = exporter.getFinishedSpans();
  for (const s of out) seen.push(JSON.stringify({ name: s.name, attributes: s.attributes, status: s.status }));
  return out;
}

const clientSpans = () => spans().filter((s) => s.kind === SpanKind.CLIENT);
const parentOf = (s) => s.parentSpanContext?.spanId;

/** Run `f` inside an app span; resolves to [f's result, the app span's id]. */
function inAppSpan(f) {
  return appTracer().startActiveSpan('app', async (span) => {
    try {
      return [await f(), span.spanContext().spanId];
    } finally {
      span.end();
    }
  });
}

const recorded = (n) => api.seen.slice(-n);
const client = (options = {}) => TikAPI(API_KEY).set({ $options: options });
const agent = () => new http.Agent();

/** A URL on a closed loopback port. */
async function closedPort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}

for (const [driver, extra] of [
  ['native', () => ({})],
  ['on_request', () => ({ on_request: () => undefined })], // the hooked path, sent natively
  ['fetch_agent', () => ({ fetch_agent: agent() })],
]) {
  describe(`spans (${driver})`, () => {
    test('one CLIENT span per request, under the app span, with the conventions attributes and its traceparent on the wire', async () => {
      const [r] = await inAppSpan(() => client({ base: api.url, ...extra() }).public.check({ username: 'lilyachty' }));
      assert.equal(r.statusCode, 200);
      const [app] = spans().filter((s) => s.name === 'app');
      const [span, ...more] = clientSpans();
      assert.equal(more.length, 0);
      assert.equal(span.name, 'GET');
      assert.equal(parentOf(span), app.spanContext().spanId);
      assert.equal(span.spanContext().traceId, app.spanContext().traceId);
      const port = Number(new URL(api.url).port);
      assert.deepEqual(
        {
          method: span.attributes['http.request.method'],
          url: span.attributes['url.full'],
          address: span.attributes['server.address'],
          port: span.attributes['server.port'],
          status: span.attributes['http.response.status_code'],
          endpoint: span.attributes['tikapi.endpoint'],
          resends: span.attributes['http.request.resend_count'],
          error: span.attributes['error.type'],
        },
        {
          method: 'GET',
          url: `${api.url}/public/check?username=lilyachty`,
          address: '127.0.0.1',
          port,
          status: 200,
          endpoint: 'public.check',
          resends: undefined,
          error: undefined,
        },
      );
      assert.equal(span.status.code, SpanStatusCode.UNSET);
      const [sent] = recorded(1);
      assert.equal(sent.headers.traceparent, `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    });

    test('each retry is a span with http.request.resend_count, its error status and its own traceparent', async () => {
      const username = `flaky_${driver}`;
      await inAppSpan(() => client({ base: api.url, retries: 2, ...extra() }).public.check({ username }));
      const got = clientSpans();
      assert.deepEqual(
        got.map((s) => [s.attributes['http.request.resend_count'], s.attributes['http.response.status_code'], s.attributes['error.type'], s.status.code]),
        [
          [undefined, 429, '429', SpanStatusCode.ERROR],
          [1, 429, '429', SpanStatusCode.ERROR],
          [2, 200, undefined, SpanStatusCode.UNSET],
        ],
      );
      assert.equal(got[0].attributes['tikapi.status_code'], 10201);
      const sent = recorded(3);
      assert.deepEqual(
        sent.map((s) => s.headers.traceparent),
        got.map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`),
      );
    });

    test('traceContext: false sends no traceparent; the span is still there', async () => {
      await inAppSpan(() => client({ base: api.url, traceContext: false, ...extra() }).public.check({ username: 'quiet' }));
      assert.equal(clientSpans().length, 1);
      assert.equal(recorded(1)[0].headers.traceparent, undefined);
    });

    test('a call that fails validation sends nothing and makes no span', async () => {
      const before = api.seen.length;
      await assert.rejects(client({ base: api.url, ...extra() }).public.check({ username: 'bad value!' }));
      assert.equal(clientSpans().length, 0);
      assert.equal(api.seen.length, before);
    });

    test('a walk of three pages (for await) is three spans under the app span', async () => {
      const [pages, appId] = await inAppSpan(async () => {
        const out = [];
        for await (const page of client(extra()).public.posts.pages({ secUid: SEC_UID }, { maxPages: 3 })) out.push(page);
        return out;
      });
      assert.equal(pages.length, 3);
      const got = clientSpans();
      assert.equal(got.length, 3);
      for (const s of got) {
        assert.equal(parentOf(s), appId);
        assert.equal(s.attributes['tikapi.endpoint'], 'public.posts');
        assert.equal(s.attributes['http.response.status_code'], 200);
      }
    });

    test('nextItems() is a span under the app span', async () => {
      const [, appId] = await inAppSpan(async () => {
        const first = await client(extra()).public.posts({ secUid: SEC_UID });
        return first.nextItems();
      });
      const got = clientSpans();
      assert.equal(got.length, 2);
      for (const s of got) assert.equal(parentOf(s), appId);
    });

    test('a video download is a span with its body size, the link signature redacted', async () => {
      const r = await client({ base: api.url, ...extra() }).public.check({ username: 'video' });
      exporter.reset();
      const path = join(dir, `${driver}.mp4`);
      const options = driver === 'fetch_agent' ? { agent: agent() } : {};
      const [written, appId] = await inAppSpan(() => r.saveVideo(`${api.url}/video.mp4?x-signature=s3cr3t`, path, options));
      assert.equal(written, 2048);
      assert.equal(readFileSync(path).length, 2048);
      const [span, ...more] = clientSpans();
      assert.equal(more.length, 0);
      assert.equal(parentOf(span), appId);
      assert.equal(span.attributes['tikapi.purpose'], 'download');
      assert.equal(span.attributes['http.response.body.size'], 2048);
      assert.equal(span.attributes['url.full'], `${api.url}/video.mp4?x-signature=REDACTED`);
      assert.ok(recorded(1)[0].headers.traceparent, 'the download carries a traceparent');
    });

    test('a call aborted while its request is in flight ends the span as cancelled', async () => {
      const controller = new AbortController();
      onHang = () => controller.abort();
      await assert.rejects(client({ base: api.url, ...extra() }).public.check({ username: 'hang', signal: controller.signal }), { name: 'AbortError' });
      const [span, ...more] = clientSpans();
      assert.equal(more.length, 0);
      assert.equal(span.status.code, SpanStatusCode.ERROR);
      assert.equal(span.attributes['error.type'], 'cancelled');
    });

    test('a refused connection ends its span with error.type and no status', async () => {
      const base = await closedPort();
      await assert.rejects(client({ base, ...extra() }).public.check({ username: 'x' }));
      const [span] = clientSpans();
      assert.equal(span.status.code, SpanStatusCode.ERROR);
      assert.equal(span.attributes['error.type'], 'connect');
      assert.equal(span.attributes['http.response.status_code'], undefined);
    });
  });
}

describe('metrics', () => {
  test('http.client.request.duration (s) is recorded per request with the low-cardinality attributes', async () => {
    await client({ base: api.url }).public.check({ username: 'metered' });
    const { resourceMetrics } = await reader.collect();
    const all = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
    const m = all.find((x) => x.descriptor.name === 'http.client.request.duration');
    assert.ok(m, 'the histogram is there');
    assert.equal(m.descriptor.unit, 's');
    const points = m.dataPoints;
    for (const p of points) seen.push(JSON.stringify(p.attributes));
    const ok = points.find((p) => p.attributes['tikapi.endpoint'] === 'public.check' && p.attributes['http.response.status_code'] === 200);
    assert.ok(ok, 'a point for public.check 200');
    assert.ok(ok.value.count >= 1 && ok.value.sum >= 0);
    assert.equal(ok.attributes['url.full'], undefined);
    const scope = resourceMetrics.scopeMetrics.find((s) => s.metrics.includes(m)).scope;
    assert.equal(scope.name, 'tikapi');
  });
});

describe('diagnostics channels', () => {
  test('subscribers see each request start and end (finish when answered, error when not)', async () => {
    const got = [];
    const subscribers = {};
    for (const name of ['tikapi:request:start', 'tikapi:request:finish', 'tikapi:request:error']) {
      subscribers[name] = (message) => {
        got.push([name, message]);
        seen.push(JSON.stringify(message));
      };
      dc.subscribe(name, subscribers[name]);
    }
    try {
      await client({ base: api.url, retries: 1 }).public.check({ username: 'flaky_channels' }).catch(() => {});
      await assert.rejects(client({ base: await closedPort() }).public.check({ username: 'x' }));
    } finally {
      for (const [name, f] of Object.entries(subscribers)) dc.unsubscribe(name, f);
    }
    assert.deepEqual(
      got.map(([name, m]) => [name, m.attempt ? m.attempt.resendCount : m.resendCount, m.status ?? null]),
      [
        ['tikapi:request:start', 0, null],
        ['tikapi:request:finish', 0, 429],
        ['tikapi:request:start', 1, null],
        ['tikapi:request:finish', 1, 429],
        ['tikapi:request:start', 0, null],
        ['tikapi:request:error', 0, null],
      ],
    );
    const [, start] = got[0];
    const [, end] = got[1];
    assert.equal(start.id, end.id);
    assert.equal(start.endpoint, 'public.check');
    assert.equal(end.errorType, '429');
    assert.equal(got[5][1].errorType, 'connect');
  });
});

describe('no key anywhere', () => {
  test('an account-key call, keys in the query and a proxy-less failure leave no key in spans, metrics or channels', async () => {
    const messages = [];
    const sub = (m) => messages.push(JSON.stringify(m));
    dc.subscribe('tikapi:request:finish', sub);
    try {
      const user = new (client().user)({ accountKey: ACCOUNT_KEY });
      await user.info().catch(() => {});
      await client({ base: api.url }).public.check({ username: 'scan' }).catch(() => {});
      const agentUser = new (client({ fetch_agent: agent() }).user)({ accountKey: ACCOUNT_KEY });
      await agentUser.info().catch(() => {});
    } finally {
      dc.unsubscribe('tikapi:request:finish', sub);
    }
    assert.ok(messages.length >= 2);
    const texts = [...messages, ...clientSpans().map((s) => JSON.stringify(s.attributes))];
    const { resourceMetrics } = await reader.collect();
    texts.push(JSON.stringify(resourceMetrics.scopeMetrics.map((s) => s.metrics.map((m) => m.dataPoints.map((p) => p.attributes)))));
    seen.push(...texts);
    const all = texts.join('\n');
    assert.ok(all.includes('user.info'), 'the account calls were observed');
    for (const secret of SECRETS) assert.ok(!all.includes(secret));
  });
});

/**
 * Run `source` (an ES module) in a fresh Node with `env`; resolves to {code, stdout, stderr}.
 * @param {string} source
 * @param {Record<string, string>} env
 */
async function child(source, env) {
  const proc = spawn(process.execPath, ['--input-type=module', '-e', source], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => (stdout += d));
  proc.stderr.on('data', (d) => (stderr += d));
  const [code] = await once(proc, 'exit');
  return { code, stdout, stderr };
}

const TIKAPI = JSON.stringify(join(ROOT, 'bindings-node', 'js', 'index.cjs'));
const OBSERVE = JSON.stringify(join(ROOT, 'bindings-node', 'js', 'observe.cjs'));

describe('NODE_DEBUG=tikapi', () => {
  test('prints one line per request and one per retry, no key', async () => {
    const source = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const TikAPI = require(${TIKAPI});
      const api = TikAPI(${JSON.stringify(API_KEY)}).set({ $options: { base: process.env.BASE, retries: 2 } });
      await api.public.check({ username: 'flaky_debug' });
      const user = new (TikAPI(${JSON.stringify(API_KEY)}).set({ $options: { base: process.env.BASE, fetch_agent: new (require('node:http').Agent)() } }).user)({ accountKey: ${JSON.stringify(ACCOUNT_KEY)} });
      await user.info();
    `;
    const { code, stderr } = await child(source, { NODE_DEBUG: 'tikapi', BASE: api.url });
    seen.push(stderr);
    assert.equal(code, 0, stderr);
    const lines = stderr.split('\n').filter((l) => l.startsWith('TIKAPI '));
    const texts = lines.map((l) => l.replace(/^TIKAPI \d+: /, '').replace(/ \d+ms/, ' Nms').replace(/in [\d.]+s/, 'in Xs'));
    assert.deepEqual(texts, [
      'GET /public/check 429 Nms statusCode=10201, retry 1 in Xs',
      'GET /public/check sending again (retry 1)',
      'GET /public/check 429 Nms statusCode=10201, retry 2 in Xs',
      'GET /public/check sending again (retry 2)',
      'GET /public/check 200 Nms',
      'GET /user/info 200 Nms',
    ]);
    for (const secret of SECRETS) assert.ok(!stderr.includes(secret));
  });

  test('without NODE_DEBUG nothing is printed', async () => {
    const source = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const TikAPI = require(${TIKAPI});
      await TikAPI(${JSON.stringify(API_KEY)}).set({ $options: { base: process.env.BASE } }).public.check({ username: 'silent' });
    `;
    const { code, stderr } = await child(source, { NODE_DEBUG: '', BASE: api.url });
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
  });
});

describe('without OpenTelemetry set up', () => {
  test('no provider, or no @opentelemetry/api at all: no observer, no header, the same answer', async () => {
    const source = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const Module = require('node:module');
      if (process.env.HIDE_OTEL) {
        const resolve = Module._resolveFilename;
        Module._resolveFilename = function (request, ...rest) {
          if (request.startsWith('@opentelemetry/')) throw Object.assign(new Error('not installed'), { code: 'MODULE_NOT_FOUND' });
          return resolve.call(this, request, ...rest);
        };
      } else {
        // The API is there, with a propagator and a context manager, but no provider.
        const { context, propagation } = require('@opentelemetry/api');
        const { W3CTraceContextPropagator } = require('@opentelemetry/core');
        const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
        propagation.setGlobalPropagator(new W3CTraceContextPropagator());
        context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      }
      const { observer } = require(${OBSERVE});
      const TikAPI = require(${TIKAPI});
      if (observer() !== undefined) throw new Error('an observer with nothing listening');
      const r = await TikAPI(${JSON.stringify(API_KEY)}).set({ $options: { base: process.env.BASE } }).public.check({ username: 'dark' });
      const a = await TikAPI(${JSON.stringify(API_KEY)}).set({ $options: { base: process.env.BASE, fetch_agent: new (require('node:http').Agent)() } }).public.check({ username: 'dark' });
      console.log(JSON.stringify([r.statusCode, a.statusCode]));
    `;
    for (const hide of ['', '1']) {
      const before = api.seen.length;
      const { code, stdout, stderr } = await child(source, { NODE_DEBUG: '', BASE: api.url, HIDE_OTEL: hide });
      assert.equal(code, 0, stderr);
      assert.equal(stdout.trim(), '[200,200]');
      const sent = api.seen.slice(before);
      assert.equal(sent.length, 2);
      for (const s of sent) assert.equal(s.headers.traceparent, undefined);
    }
  });
});

describe('broken tools', () => {
  test('a tracer and a meter that throw never break a call', async () => {
    const source = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const { trace, metrics } = require('@opentelemetry/api');
      const broken = () => { throw new Error('broken tool'); };
      trace.setGlobalTracerProvider({ getTracer: () => ({ startSpan: broken, startActiveSpan: broken }) });
      metrics.setGlobalMeterProvider({ getMeter: () => ({ createHistogram: () => ({ record: broken }) }) });
      const TikAPI = require(${TIKAPI});
      const r = await TikAPI(${JSON.stringify(API_KEY)}).set({ $options: { base: process.env.BASE } }).public.check({ username: 'broken' });
      const a = await TikAPI(${JSON.stringify(API_KEY)}).set({ $options: { base: process.env.BASE, fetch_agent: new (require('node:http').Agent)() } }).public.check({ username: 'broken' });
      console.log(JSON.stringify([r.statusCode, a.statusCode]));
    `;
    const { code, stdout, stderr } = await child(source, { NODE_DEBUG: '', BASE: api.url });
    assert.equal(code, 0, stderr);
    assert.equal(stdout.trim(), '[200,200]');
  });
});
