// The official SDK's surface: imports, TikAPI(key), set, categories with and
// without `new`, response shape, headers.get, and many calls in flight.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { inspect } from 'node:util';
import TikAPI, * as named from 'tikapi';
import { ACCOUNT_KEY, API_KEY, startSandbox } from './sandbox.mjs';

const require = createRequire(import.meta.url);

let sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

test('ESM default and named exports, CJS require and .default are one function', () => {
  const cjs = require('tikapi');
  assert.equal(typeof TikAPI, 'function');
  assert.equal(cjs, TikAPI);
  assert.equal(cjs.default, TikAPI);
  assert.equal(named.TikAPI, TikAPI);
  assert.equal(named.default, TikAPI);
});

test('TikAPI() without a key throws synchronously', () => {
  for (const bad of [undefined, null, '']) assert.throws(() => TikAPI(bad), /API Key is required/);
});

test('the root has set, public, user, key; set returns the root', () => {
  const api = TikAPI(API_KEY);
  for (const name of ['set', 'public', 'user', 'key']) assert.ok(name in api, name);
  assert.equal(api.set({ $sandbox: true }), api);
  assert.equal(typeof api.public.check, 'function');
  assert.equal(typeof api.user.posts.comments.list, 'function');
  assert.equal(typeof api.user.conversationRequests.accept, 'function');
  assert.equal(typeof api.user.live.chat, 'function');
});

test('a category called without new throws; with new it binds values', async () => {
  const api = TikAPI(API_KEY).set({ $sandbox: true });
  assert.throws(() => api.user({ accountKey: ACCOUNT_KEY }), /new/);
  const User = new api.user({ accountKey: ACCOUNT_KEY });
  assert.equal(typeof User.set, 'function');
  assert.equal((await User.info()).statusCode, 200);
  assert.equal((await User.posts.comments.list({ media_id: '7109178205151464746' })).statusCode, 200);
  // The unbound category: the account key comes from the sandbox.
  assert.equal((await api.user.info()).statusCode, 200);
  const pub = new api.public({ country: 'ca' });
  const r = await pub.check({ username: 'lilyachty' });
  assert.match(r.url, /country=ca/);
});

test('set binds defaults for every endpoint; $sandbox per call wins', async () => {
  const api = TikAPI(API_KEY).set({ country: 'gb' });
  const r = await api.public.check({ username: 'lilyachty', $sandbox: true });
  assert.match(r.url, /country=gb/);
  assert.match(r.url, /username=lilyachty/);
  assert.ok(!r.url.includes('ignored'));
  const s = await api.public.check({ $sandbox: true, notAParam: 'ignored' });
  assert.match(s.url, /username=lilyachty/, 'sandbox examples fill missing parameters');
  assert.ok(!s.url.includes('notAParam'));
});

test('a response has the official shape and fetch-like headers', async () => {
  const api = TikAPI(API_KEY).set({ $sandbox: true });
  const r = await api.public.check({ username: 'lilyachty' });
  for (const k of ['statusCode', 'statusText', 'headers', 'type', 'ok', 'json', 'message']) assert.ok(Object.hasOwn(r, k), k);
  assert.equal(r.statusCode, 200);
  assert.equal(r.statusText, 'OK');
  assert.equal(r.ok, true);
  assert.equal(r.message, 'Success.');
  assert.equal(r.text, undefined);
  assert.equal(r.headers.get('CONTENT-TYPE'), 'application/json');
  assert.equal(r.headers.get('x-missing'), null);
  assert.equal(typeof r.json.userInfo, 'object');
  assert.equal(typeof r.nextItems, 'function');
  assert.equal(typeof r.saveVideo, 'function');
  assert.equal(r.nextItems(), null, 'a single page has no next one: null at once, as the official SDK');
  const spread = { ...r };
  assert.deepEqual(spread.json, r.json, 'spreading keeps the body');
});

test('no key in inspect output of a client, a scope, a response or an error', async () => {
  const api = TikAPI(API_KEY).set({ $sandbox: true });
  const User = new api.user({ accountKey: ACCOUNT_KEY });
  const r = await User.info();
  const err = await TikAPI(API_KEY).public.check({ username: 'doesnotexist' }).catch((e) => e);
  for (const shown of [api, User, r, err, api.user, api.public.check]) {
    const text = inspect(shown, { depth: 9, showHidden: true });
    assert.ok(!text.includes(API_KEY), text);
    assert.ok(!text.includes(ACCOUNT_KEY), text);
  }
});

test('on_success and on_error hooks, the nearest scope winning', async () => {
  const seen = [];
  const api = TikAPI(API_KEY).set({
    $sandbox: true,
    $options: {
      on_success: (r, req) => void seen.push(['root ok', req.key, r.statusCode]),
      on_error: (e, req) => void seen.push(['root error', req.key, e.statusCode]),
    },
  });
  await api.public.check({ username: 'lilyachty' });
  await api.public.check({ username: 'doesnotexist' }).catch(() => {});
  const pub = new api.public({ $options: { on_error: () => 'recovered' } });
  assert.equal(await pub.check({ username: 'doesnotexist' }), 'recovered');
  assert.deepEqual(seen, [
    ['root ok', 'public.check', 200],
    ['root error', 'public.check', 403],
  ]);
});

test('1,000 concurrent calls on one client', async () => {
  const api = TikAPI(API_KEY).set({ $sandbox: true });
  const calls = Array.from({ length: 1000 }, (_, i) =>
    api.public.check({ username: `user${i}` }).then((r) => r.json.userInfo.user.uniqueId),
  );
  const names = await Promise.all(calls);
  assert.equal(names.length, 1000);
  assert.equal(new Set(names).size, 1000, 'every call got its own answer');
});

test('a call in flight does not hold the JS thread', async () => {
  const api = TikAPI(API_KEY).set({ $sandbox: true });
  const ac = new AbortController();
  let settled = false;
  // The sandbox holds this answer for a minute; the JS thread must stay free meanwhile.
  const slow = api.public
    .check({ username: 'lilyachty', signal: ac.signal, $options: { headers: { 'X-Sandbox-Fault': 'slow=60000' } } })
    .finally(() => (settled = true));
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false);
  ac.abort();
  await assert.rejects(slow, { name: 'AbortError' });
});
