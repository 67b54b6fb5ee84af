// Error shapes: API errors reject with the official response-shaped object
// (statusCode, message, json, ok: false) plus `kind: 'api'`; transport
// failures reject with an Error naming the URL and the reason. No key appears
// in any message or inspect output.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import TikAPI, { NetworkError, ResponseError } from 'tikapi';
import { ACCOUNT_KEY, API_KEY, startSandbox } from './sandbox.mjs';

let sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

const rejection = (p) =>
  p.then(
    (r) => assert.fail(`resolved with ${r.statusCode}`),
    (e) => e,
  );
const fault = (name) => ({ $options: { headers: { 'X-Sandbox-Fault': name } } });

function assertApiError(err, status) {
  assert.ok(!(err instanceof Error), 'API errors are not Errors, as in the official SDK');
  assert.ok(err instanceof ResponseError);
  assert.equal(err.kind, 'api');
  assert.equal(err.statusCode, status);
  assert.equal(err.ok, false);
  assert.equal(typeof err.message, 'string');
  assert.equal(typeof err.statusText, 'string');
  assert.equal(typeof err.headers.get, 'function');
  assert.equal(err.nextItems, undefined);
  for (const key of [API_KEY, ACCOUNT_KEY, 'InvalidApiKey0000000', 'RateLimitedKey000000', 'ExpiredAccountKey000']) {
    assert.ok(!inspect(err, { depth: 9 }).includes(key), 'no key in inspect output');
    assert.ok(!JSON.stringify(err).includes(key), 'no key in JSON');
  }
}

describe('API errors', () => {
  test('400 with the fields the server names', async () => {
    // A base whose fragment swallows the path sends the call to /public/video without its id.
    const api = TikAPI(API_KEY).set({ $options: { base: `${sandbox.url}/public/video#` } });
    const err = await rejection(api.public.check({ username: 'lilyachty' }));
    assertApiError(err, 400);
    assert.equal(err.message, 'Missing fields.');
    assert.equal(typeof err.json.fields.id, 'string');
    assert.equal(err.errorKind, 'bad_request');
  });

  test('401 for an invalid API key', async () => {
    const err = await rejection(TikAPI('InvalidApiKey0000000').public.check({ username: 'lilyachty' }));
    assertApiError(err, 401);
    assert.equal(err.errorKind, 'authentication');
    assert.equal(err.message, err.json.message);
  });

  test('403 with TikTok codes', async () => {
    const api = TikAPI(API_KEY);
    const cases = [
      [() => api.public.check({ username: 'doesnotexist' }), 10202],
      [() => api.public.video({ id: '1' }), 10204],
      [() => api.public.music({ id: '1' }), 10203],
      [() => api.public.hashtag({ name: 'blacklisted' }), 10209],
      [() => new api.user({ accountKey: ACCOUNT_KEY }).live.info({ room_id: '1' }), 10210],
    ];
    for (const [call, code] of cases) {
      const err = await rejection(call());
      assertApiError(err, 403);
      assert.equal(err.json.statusCode, code);
      assert.equal(err.tiktokCode, code);
      assert.equal(err.errorKind, 'tiktok');
    }
  });

  test('428 for an expired account session', async () => {
    const User = new (TikAPI(API_KEY).user)({ accountKey: 'ExpiredAccountKey000' });
    const err = await rejection(User.info());
    assertApiError(err, 428);
    assert.equal(err.json.statusCode, 8);
    assert.equal(err.errorKind, 'account_session_expired');
  });

  test('429 with Retry-After', async () => {
    const err = await rejection(TikAPI('RateLimitedKey000000').public.check({ username: 'lilyachty' }));
    assertApiError(err, 429);
    assert.equal(err.headers.get('retry-after'), '1');
    assert.equal(err.retryAfter, 1000);
    assert.equal(err.errorKind, 'rate_limit');
  });

  test('an HTML 502 keeps its text and the official default message', async () => {
    const err = await rejection(TikAPI(API_KEY).public.check({ username: 'lilyachty', ...fault('html502') }));
    assertApiError(err, 502);
    assert.equal(err.message, 'Something went wrong.');
    assert.equal(err.json, undefined);
    assert.match(err.text, /<html>/);
    assert.equal(err.errorKind, 'server');
  });
});

describe('network errors', () => {
  const assertNetwork = (err, code) => {
    assert.ok(err instanceof Error);
    assert.ok(err instanceof NetworkError);
    assert.equal(err.kind, 'network');
    assert.equal(err.code, code);
    assert.match(err.message, /http:\/\/127\.0\.0\.1:\d+\/public\/check/);
    assert.ok(err.message.includes(err.reason));
    assert.ok(!err.message.includes(API_KEY) && !inspect(err).includes(API_KEY));
  };

  test('connection refused names the URL and the reason', async () => {
    const port = await new Promise((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
    });
    const api = TikAPI(API_KEY).set({ $options: { base: `http://127.0.0.1:${port}` } });
    const err = await rejection(api.public.check({ username: 'lilyachty' }));
    assertNetwork(err, 'connect');
    assert.match(err.message, /refused/i);
  });

  test('a timeout while the server is slow', async () => {
    const api = TikAPI(API_KEY).set({ $options: { timeout: 200 } });
    const err = await rejection(api.public.check({ username: 'lilyachty', ...fault('slow=60000') }));
    assertNetwork(err, 'timeout');
  });

  test('a dropped, reset or truncated answer', async () => {
    for (const f of ['drop', 'reset', 'truncate']) {
      const err = await rejection(TikAPI(API_KEY).public.check({ username: 'lilyachty', ...fault(f) }));
      assertNetwork(err, 'body');
    }
  });
});

describe('cancellation', () => {
  test('an AbortSignal cancels a call in flight', async () => {
    const ac = new AbortController();
    const call = TikAPI(API_KEY).public.check({ username: 'lilyachty', signal: ac.signal, ...fault('slow=60000') });
    setImmediate(() => ac.abort());
    const err = await rejection(call);
    assert.equal(err.name, 'AbortError');
  });

  test('an aborted signal rejects at once with its reason', async () => {
    const reason = new Error('stop');
    const err = await rejection(TikAPI(API_KEY).public.check({ username: 'lilyachty', signal: AbortSignal.abort(reason) }));
    assert.equal(err, reason);
  });
});
