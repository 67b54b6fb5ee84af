// The official SDK's `$options.on_request` and `$options.fetch_agent`, the
// response's own keys and the `on_success` / `on_error` rules (issue 13).
// Against the local sandbox and small servers of the test's own on
// loopback: a recording API, a proxy (CONNECT and forwarding) that counts
// what went through it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { createRequire } from 'node:module';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { HttpProxyAgent } from 'http-proxy-agent';
import { API_KEY, startSandbox } from './sandbox.mjs';
import { close, listen, proxyServer, recorder } from './servers.mjs';

const require = createRequire(import.meta.url);
const TikAPI = require('../js/index.cjs');
const { NetworkError, ResponseError, Response, UsageError, ValidationError } = TikAPI;

const SEC_UID = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';
let sandbox;
let api; // a recording server
let proxy;
let other; // another origin, for redirects

before(async () => {
  sandbox = await startSandbox();
  api = await recorder((req, res) => {
    const u = new URL(req.url, 'http://x');
    if (u.searchParams.get('username') === 'hang') return true; // never answered
    if (u.searchParams.get('username') === 'big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', pad: 'x'.repeat(5000) }));
      return true;
    }
    if (u.searchParams.get('username') === 'away') {
      res.writeHead(302, { location: `${other.url}/elsewhere` });
      res.end();
      return true;
    }
    if (u.searchParams.get('username') === 'here') {
      res.writeHead(302, { location: '/public/check?username=landed' });
      res.end();
      return true;
    }
    return undefined;
  });
  proxy = await proxyServer();
  other = await recorder();
});

after(async () => {
  await close(api.server);
  await close(proxy.server);
  await close(other.server);
  await sandbox.stop();
});

const client = (options = {}) => TikAPI(API_KEY).set({ $options: { base: api.url, ...options } });
const sandboxed = (options = {}) => TikAPI(API_KEY).set({ $sandbox: true, $options: options });
const outcome = (p) => p.then((v) => v, (e) => e);

describe('$options.on_request', () => {
  test('is awaited with the built request, after validation', async () => {
    let info;
    const tik = client({ on_request: (req) => void (info = req) });
    const params = { username: 'lilyachty' };
    const r = await tik.public.check(params);
    assert.ok(r instanceof Response);
    assert.deepEqual(Object.keys(info), ['url', 'options', 'params', 'key', 'instance', 'self']);
    assert.equal(info.url, `${api.url}/public/check?username=lilyachty`);
    assert.deepEqual(Object.keys(info.options), ['method', 'headers', 'agent']);
    assert.equal(info.options.method, 'GET');
    assert.equal(info.options.headers['X-API-KEY'], API_KEY);
    assert.match(info.options.headers['User-Agent'], /^tikapi-rs\//);
    assert.equal(info.options.agent, null);
    assert.equal(info.params, params);
    assert.equal(info.key, 'public.check');
    assert.equal(info.instance, tik);
    assert.equal(typeof info.self, 'function');
    // The app's key is in its own request, but inspect (console.log) hides it.
    assert.doesNotMatch(inspect(info, { depth: 5 }), new RegExp(API_KEY));
    // Validation comes first: a bad parameter never reaches the hook.
    let calls = 0;
    const bad = await outcome(client({ on_request: () => void calls++ }).public.check({ username: 'not a name!' }));
    assert.ok(bad instanceof ValidationError);
    assert.equal(calls, 0);
  });

  test('a POST shows its JSON body and content type; a scope key is relative to it', async () => {
    let info;
    const tik = client({ on_request: (req) => void (info = req) });
    const User = new tik.user({ accountKey: 'DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A' });
    await User.posts.like({ media_id: '7109178205151464746' });
    assert.equal(info.options.method, 'POST');
    assert.equal(info.options.headers['Content-Type'], 'application/json');
    assert.deepEqual(JSON.parse(info.options.body), { media_id: '7109178205151464746' });
    assert.equal(info.key, 'posts.like');
    assert.equal(info.instance, User);
  });

  test('changes made in place are sent', async () => {
    const tik = client({
      on_request: async (req) => {
        req.options.headers['X-Extra'] = 'changed';
      },
    });
    const r = await tik.public.check({ username: 'lilyachty' });
    assert.equal(r.statusCode, 200);
    const sent = api.seen.at(-1);
    assert.equal(sent.headers['x-extra'], 'changed');
    assert.equal(sent.headers['x-api-key'], API_KEY);
  });

  test('a returned url and/or options replace them (options are not merged)', async () => {
    let r = await client({ on_request: () => ({ url: `${api.url}/public/check?username=replaced` }) }).public.check({ username: 'a' });
    assert.equal(r.json.url, '/public/check?username=replaced');
    assert.equal(api.seen.at(-1).headers['x-api-key'], API_KEY);
    r = await client({ on_request: () => ({ options: { method: 'GET', headers: { 'X-Only': '1' } } }) }).public.check({ username: 'b' });
    const sent = api.seen.at(-1);
    assert.equal(sent.headers['x-only'], '1');
    assert.equal(sent.headers['x-api-key'], undefined, 'a returned options replaces the built one');
    assert.equal(r.json.url, '/public/check?username=b');
  });

  test('another truthy value is the result and nothing is sent; false is false; other falsy values send', async () => {
    const before = api.seen.length;
    assert.deepEqual(await client({ on_request: () => ({ cached: 1 }) }).public.check({ username: 'a' }), { cached: 1 });
    assert.equal(await client({ on_request: () => 'cached' }).public.check({ username: 'a' }), 'cached');
    assert.equal(await client({ on_request: () => false }).public.check({ username: 'a' }), false);
    assert.equal(api.seen.length, before);
    for (const value of [0, '', null, undefined]) {
      const r = await client({ on_request: () => value }).public.check({ username: 'a' });
      assert.ok(r instanceof Response);
    }
    assert.equal(api.seen.length, before + 4);
  });

  test('an earlier response returned from the hook (a cache) is the result', async () => {
    const cache = new Map();
    const tik = client({ on_request: (req) => cache.get(req.url) });
    const first = await tik.public.check({ username: 'cached' });
    cache.set(`${api.url}/public/check?username=cached`, first);
    const before = api.seen.length;
    assert.equal(await tik.public.check({ username: 'cached' }), first);
    assert.equal(api.seen.length, before);
  });

  test('a throw rejects the call with it, and on_error does not see it', async () => {
    const boom = new Error('boom');
    let onError = 0;
    const err = await outcome(client({ on_request: () => { throw boom; }, on_error: () => void onError++ }).public.check({ username: 'a' }));
    assert.equal(err, boom);
    assert.equal(onError, 0);
  });

  test('runs for every page of nextItems and pages()', async () => {
    const urls = [];
    const tik = sandboxed({ on_request: (req) => void urls.push(new URL(req.url).searchParams.get('cursor')) });
    let r = await tik.public.posts({ secUid: SEC_UID, count: 30 });
    r = await r.nextItems();
    assert.ok((await r.nextItems()) instanceof Response);
    assert.equal(urls.length, 3);
    assert.equal(urls[0], null);
    assert.ok(urls[1] && urls[2] && urls[1] !== urls[2]);
    urls.length = 0;
    let pages = 0;
    for await (const page of tik.public.posts.pages({ secUid: SEC_UID }, { maxPages: 2 })) {
      assert.ok(page instanceof Response);
      pages++;
    }
    assert.equal(pages, 2);
    assert.equal(urls.length, 2);
  });

  test('pages() and items() with a hook answering instead: the value ends the walk', async () => {
    const tik = sandboxed({ on_request: () => ({ cached: true }) });
    const pages = [];
    for await (const page of tik.public.posts.pages({ secUid: SEC_UID })) pages.push(page);
    assert.deepEqual(pages, [{ cached: true }]);
    const items = [];
    for await (const item of tik.public.posts.items({ secUid: SEC_UID })) items.push(item);
    assert.deepEqual(items, []);
  });

  test('a per-call on_request is not called (as in the official SDK)', async () => {
    const r = await client().public.check({ username: 'a', $options: { on_request: () => ({ never: 1 }) } });
    assert.ok(r instanceof Response);
  });
});

describe('$options.fetch_agent', () => {
  test('an https-proxy-agent: every call and next page goes through the proxy (CONNECT)', async () => {
    const start = proxy.counts.connect;
    const tik = sandboxed({ fetch_agent: new HttpsProxyAgent(proxy.url) });
    let r = await tik.public.posts({ secUid: SEC_UID });
    assert.equal(r.statusCode, 200);
    assert.ok(r.json.itemList.length > 0);
    r = await r.nextItems();
    assert.equal(r.statusCode, 200);
    const copy = { ...r };
    await copy.nextItems();
    assert.equal(proxy.counts.connect - start, 3);
    let pages = 0;
    for await (const page of tik.public.posts.pages({ secUid: SEC_UID }, { maxPages: 2 })) pages += page.statusCode === 200 ? 1 : 0;
    assert.equal(pages, 2);
    assert.equal(proxy.counts.connect - start, 5);
  });

  test('an http-proxy-agent forwards; API errors keep their shape', async () => {
    const start = proxy.counts.forward;
    const tik = sandboxed({ fetch_agent: new HttpProxyAgent(proxy.url) });
    const ok = await tik.public.check({ username: 'lilyachty' });
    assert.equal(ok.json.userInfo.user.uniqueId, 'lilyachty');
    const err = await outcome(tik.public.check({ username: 'doesnotexist' }));
    assert.ok(err instanceof ResponseError);
    assert.equal(err.statusCode, 403);
    assert.equal(err.tiktokCode, 10202);
    assert.equal(proxy.counts.forward - start, 2);
  });

  test('a function agent is called with the URL for each request', async () => {
    const seen = [];
    const agent = new HttpProxyAgent(proxy.url);
    const start = proxy.counts.forward;
    const tik = client({
      fetch_agent: (u) => {
        seen.push(u.href);
        return agent;
      },
    });
    await tik.public.check({ username: 'one' });
    await tik.public.check({ username: 'two' });
    assert.deepEqual(seen, [`${api.url}/public/check?username=one`, `${api.url}/public/check?username=two`]);
    assert.equal(proxy.counts.forward - start, 2);
  });

  test('in a category constructor or per call; the root without one goes direct', async () => {
    const tik = client();
    const Public = new tik.public({ $options: { fetch_agent: new HttpProxyAgent(proxy.url) } });
    const start = proxy.counts.forward;
    await Public.check({ username: 'scoped' });
    assert.equal(proxy.counts.forward - start, 1);
    await tik.public.check({ username: 'direct' });
    assert.equal(proxy.counts.forward - start, 1);
    await tik.public.check({ username: 'percall', $options: { fetch_agent: new HttpProxyAgent(proxy.url) } });
    assert.equal(proxy.counts.forward - start, 2);
  });

  test('keeps the timeout, the body cap, AbortSignal and the redirect policy', async () => {
    const agent = new http.Agent();
    const tik = client({ fetch_agent: agent });
    const slow = await outcome(tik.public.check({ username: 'hang', $options: { timeout: 300 } }));
    assert.ok(slow instanceof NetworkError, inspect(slow));
    assert.equal(slow.code, 'timeout');
    const big = await outcome(tik.public.check({ username: 'big', $options: { maxBodySize: 1000 } }));
    assert.ok(big instanceof NetworkError);
    assert.equal(big.code, 'too_large');
    const ac = new AbortController();
    const pending = outcome(tik.public.check({ username: 'hang', signal: ac.signal }));
    ac.abort();
    assert.equal((await pending).name, 'AbortError');
    // Aborted while on_request runs: the send does not start.
    const during = new AbortController();
    const hooked = client({ fetch_agent: agent, on_request: () => during.abort() });
    const before = api.seen.length;
    assert.equal((await outcome(hooked.public.check({ username: 'a', signal: during.signal }))).name, 'AbortError');
    assert.equal(api.seen.length, before);
    // Another origin: not followed with the key; the app gets the 3xx.
    const away = await outcome(tik.public.check({ username: 'away' }));
    assert.ok(away instanceof ResponseError);
    assert.equal(away.statusCode, 302);
    assert.equal(other.seen.length, 0);
    // The same origin: followed.
    const here = await tik.public.check({ username: 'here' });
    assert.equal(here.json.url, '/public/check?username=landed');
    agent.destroy();
  });

  test('a failure names the URL and reason, never a key', async () => {
    const dead = net.createServer();
    const deadUrl = await listen(dead);
    await close(dead);
    const tik = TikAPI(API_KEY).set({ $options: { base: api.url, fetch_agent: new HttpsProxyAgent(deadUrl) } });
    const User = new tik.user({ accountKey: 'DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A' });
    for (const p of [tik.public.check({ username: 'lilyachty' }), User.info()]) {
      const err = await outcome(p);
      assert.ok(err instanceof NetworkError, inspect(err));
      assert.match(err.message, /\/public\/check|\/user\/info/);
      for (const text of [err.message, String(err), inspect(err), JSON.stringify(err)]) {
        assert.doesNotMatch(text, new RegExp(API_KEY));
        assert.doesNotMatch(text, /DemoAccountKeyToken/);
      }
    }
  });

  test("saveVideo(link, path, {agent}) downloads through the agent, as node-fetch's option does", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tikapi-agent-'));
    try {
      const r = await sandboxed().public.video({ id: '7003402629929913605' });
      const link = r.json.itemInfo.itemStruct.video.downloadAddr;
      const start = proxy.counts.forward;
      const written = await r.saveVideo(link, join(dir, 'via.mp4'), { agent: new HttpProxyAgent(proxy.url) });
      assert.equal(proxy.counts.forward - start, 1);
      await r.saveVideo(link, join(dir, 'direct.mp4'));
      assert.equal(proxy.counts.forward - start, 1, 'without an agent the download is direct');
      const via = readFileSync(join(dir, 'via.mp4'));
      assert.equal(written, via.length);
      assert.ok(via.equals(readFileSync(join(dir, 'direct.mp4'))));
      // Without the link headers the CDN refuses: the rejection is the response, and no file is left.
      const other = await sandboxed().public.check({ username: 'lilyachty' });
      const err = await outcome(other.saveVideo(link, join(dir, 'refused.mp4'), { agent: new HttpProxyAgent(proxy.url) }));
      assert.ok(err instanceof ResponseError);
      assert.ok(err.statusCode >= 400);
      assert.deepEqual(readdirSync(dir).sort(), ['direct.mp4', 'via.mp4']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bad agent or hook is refused, naming the option', () => {
    assert.throws(() => client({ fetch_agent: {} }), (e) => e instanceof UsageError && e.field === '$options.fetch_agent');
    assert.throws(() => client({ on_request: 'no' }), (e) => e instanceof UsageError && e.field === '$options.on_request');
    assert.throws(() => client({ on_success: 1 }), (e) => e instanceof UsageError && e.field === '$options.on_success');
  });
});

describe('own keys of a response', () => {
  test('nextItems and saveVideo are own, enumerable, and work on a copy', async () => {
    const tik = sandboxed();
    const r = await tik.public.posts({ secUid: SEC_UID });
    for (const k of ['statusCode', 'statusText', 'headers', 'type', 'ok', 'json', 'message', 'nextItems', 'saveVideo']) {
      assert.ok(Object.keys(r).includes(k), k);
    }
    const spread = { ...r };
    const assigned = Object.assign({}, r);
    const a = await spread.nextItems();
    const b = await assigned.nextItems();
    assert.deepEqual(a.json, b.json);
    assert.notDeepEqual(a.json, r.json);
    assert.equal(typeof spread.saveVideo, 'function');
    const err = await outcome(tik.public.check({ username: 'doesnotexist' }));
    for (const k of ['statusCode', 'statusText', 'headers', 'type', 'ok', 'json', 'message']) assert.ok(Object.keys(err).includes(k), k);
  });
});

describe('on_success / on_error, as the official SDK calls them', () => {
  test('on_error sees API errors only, not validation or network errors', async () => {
    const seen = [];
    const hook = (e) => {
      seen.push(e instanceof ResponseError ? e.statusCode : e.name);
      return 'handled';
    };
    assert.equal(await sandboxed({ on_error: hook }).public.check({ username: 'doesnotexist' }), 'handled');
    assert.ok((await outcome(sandboxed({ on_error: hook }).public.check({ username: 'bad name!' }))) instanceof ValidationError);
    const dead = net.createServer();
    const deadUrl = await listen(dead);
    await close(dead);
    assert.ok((await outcome(client({ base: deadUrl, on_error: hook }).public.check({ username: 'a' }))) instanceof NetworkError);
    assert.deepEqual(seen, [403]);
  });

  test('a throw in on_success goes to on_error; undefined keeps the response, other values replace it', async () => {
    const recovered = await sandboxed({
      on_success: () => {
        throw new Error('in success');
      },
      on_error: (e) => `recovered from ${e.message}`,
    }).public.check({ username: 'lilyachty' });
    assert.equal(recovered, 'recovered from in success');
    assert.ok((await sandboxed({ on_success: () => undefined }).public.check({ username: 'lilyachty' })) instanceof Response);
    assert.equal(await sandboxed({ on_success: () => null }).public.check({ username: 'lilyachty' }), null);
    assert.equal(await sandboxed({ on_success: () => 0 }).public.check({ username: 'lilyachty' }), 0);
    const err = await outcome(sandboxed({ on_error: () => undefined }).public.check({ username: 'doesnotexist' }));
    assert.ok(err instanceof ResponseError);
  });

  test('a scope made with new copies the hooks in force; a later set() on the root does not reach it', async () => {
    const tik = sandboxed();
    const Public = new tik.public({});
    tik.set({ $options: { on_success: () => 'root' } });
    assert.ok((await Public.check({ username: 'lilyachty' })) instanceof Response);
    assert.equal(await tik.public.check({ username: 'lilyachty' }), 'root');
    const Later = new tik.public({});
    assert.equal(await Later.check({ username: 'lilyachty' }), 'root');
  });

  test('the next page runs the hooks in force', async () => {
    const tik = sandboxed();
    const r = await tik.public.posts({ secUid: SEC_UID });
    tik.set({ $options: { on_success: (res, req) => ({ page: res.statusCode, key: req.key }) } });
    assert.deepEqual(await r.nextItems(), { page: 200, key: 'public.posts' });
  });
});
