// Drop-in conformance of the JS surfaces the main suite does not reach:
// `$options.on_request`, `$options.fetch_agent`, the response's own keys and
// the `on_success` / `on_error` hooks. The same scenarios run against the
// official npm SDK 3.2.2 and ours, each against a small API server and a
// proxy (CONNECT and absolute-URI forwarding) of its own on loopback; then
// the two runs are compared scenario by scenario.
//
// usage: node dropin_js.mjs run PACKAGE_DIR OUT.json
//        node dropin_js.mjs compare OFFICIAL.json OURS.json [REPORT.md]
// Proxy agents come from this repository's devDependencies
// (https-proxy-agent, http-proxy-agent).
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { listen, proxyServer } from '../../bindings-node/tests/servers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const rootRequire = createRequire(path.join(HERE, '..', '..', 'package.json'));

const KEY = 'Zyxwvutsrq9876543210';
const ACCOUNT = 'DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A';
const SEC_UID = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';
const PAGES = 3;
const VIDEO = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));

// ---------------------------------------------------------------- servers

/** The API: records what reached it; answers like the service. */
function apiServer() {
  const seen = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      seen.push({ method: req.method, path: url.pathname, query: url.search, headers: req.headers, body });
      const send = (status, json) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (url.pathname === '/video.mp4') {
        // The CDN: bytes only with the response's link headers.
        if (req.headers['x-video'] !== 'tok') return send(403, { status: 'error', message: 'Forbidden.' });
        res.writeHead(200, { 'content-type': 'video/mp4' });
        return res.end(VIDEO);
      }
      if (req.headers['x-api-key'] !== KEY) return send(401, { status: 'error', message: 'A valid API Key is required.' });
      if (url.searchParams.get('username') === 'doesnotexist') {
        return send(403, { status: 'error', message: 'The user does not exist.', statusCode: 10202 });
      }
      if (url.pathname === '/public/posts') {
        const cursor = Number(url.searchParams.get('cursor') || 0);
        const last = cursor >= PAGES - 1;
        return send(200, {
          status: 'success',
          itemList: [{ id: `v${cursor}a` }, { id: `v${cursor}b` }],
          hasMore: !last,
          ...(last ? {} : { cursor: String(cursor + 1) }),
        });
      }
      if (url.pathname === '/user/like') return send(200, { status: 'success', message: 'Liked.' });
      if (url.searchParams.get('username') === 'withvideo') {
        return send(200, { status: 'success', $other: { videoLinkHeaders: { 'X-Video': 'tok' } } });
      }
      send(200, { status: 'success', userInfo: { user: { uniqueId: url.searchParams.get('username') } } });
    });
  });
  return { server, seen };
}


// ---------------------------------------------------------------- scenarios

/** What an app can see of a response or a rejection, as plain data. */
function view(r) {
  if (r === null || typeof r !== 'object' || !('statusCode' in r)) return { value: r };
  return { statusCode: r.statusCode, ok: r.ok, message: r.message, json: r.json ?? null };
}

/** The last request the API saw, as the app's server would log it. */
function lastSeen(env) {
  const s = env.seen.at(-1);
  if (!s) return null;
  return {
    method: s.method,
    path: s.path,
    query: s.query,
    apiKey: s.headers['x-api-key'] === KEY,
    accountKey: s.headers['x-account-key'] === ACCOUNT,
    extra: s.headers['x-extra'] ?? null,
    only: s.headers['x-only'] ?? null,
    contentType: s.headers['content-type'] ?? null,
    body: s.body ? JSON.parse(s.body) : null,
  };
}

async function outcome(promise) {
  try {
    return { resolved: true, ...view(await promise) };
  } catch (err) {
    if (err && err.field !== undefined) return { rejected: 'validation', field: err.field };
    if (err instanceof Error) return { rejected: 'error', message: err.message.startsWith('hook:') ? err.message : undefined };
    return { rejected: 'response', ...view(err) };
  }
}

const SCENARIOS = {
  // ---- on_request
  async on_request_sees(env) {
    let info;
    const api = env.api({ on_request: (req) => void (info = req) });
    const params = { username: 'lilyachty' };
    await api.public.check(params);
    return {
      keys: Object.keys(info),
      url: info.url.slice(env.base.length),
      optionKeys: Object.keys(info.options),
      method: info.options.method,
      headerNames: Object.keys(info.options.headers).filter((k) => k.toLowerCase() !== 'user-agent'),
      hasUserAgent: Object.keys(info.options.headers).some((k) => k.toLowerCase() === 'user-agent'),
      apiKey: info.options.headers['X-API-KEY'] === KEY,
      agent: info.options.agent ?? null,
      sameParams: info.params === params,
      key: info.key,
      instanceIsApi: info.instance === api,
      self: typeof info.self,
    };
  },
  async on_request_sees_post(env) {
    let info;
    const api = env.api({ on_request: (req) => void (info = req) });
    const User = new api.user({ accountKey: ACCOUNT });
    await User.posts.like({ media_id: '7109178205151464746' });
    return {
      url: info.url.slice(env.base.length),
      method: info.options.method,
      contentType: info.options.headers['Content-Type'],
      body: JSON.parse(info.options.body),
      accountKey: info.options.headers['X-ACCOUNT-KEY'] === ACCOUNT,
      key: info.key,
      instanceIsApi: info.instance === api,
      instanceCalls: typeof info.instance.info === 'function' && typeof info.instance.posts.like === 'function',
      sent: lastSeen(env),
    };
  },
  async on_request_modify_in_place(env) {
    const api = env.api({
      on_request: (req) => {
        req.options.headers['X-Extra'] = 'changed';
      },
    });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })), sent: lastSeen(env), requests: env.seen.length };
  },
  async on_request_async_modify(env) {
    const api = env.api({
      on_request: async (req) => {
        await new Promise((r) => setImmediate(r));
        req.options.headers['X-Extra'] = 'later';
        return undefined;
      },
    });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })), sent: lastSeen(env) };
  },
  async on_request_replace_url(env) {
    const api = env.api({ on_request: () => ({ url: `${env.base}/public/check?username=replaced` }) });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })), sent: lastSeen(env) };
  },
  async on_request_replace_options(env) {
    // A returned `options` replaces: the key is not sent, the API refuses.
    const api = env.api({ on_request: () => ({ options: { method: 'GET', headers: { 'X-Only': '1' } } }) });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })), sent: lastSeen(env) };
  },
  async on_request_replace_both(env) {
    const api = env.api({
      on_request: (req) => ({ url: `${env.base}/public/check?username=both`, options: { ...req.options, headers: { ...req.options.headers, 'X-Extra': 'both' } } }),
    });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })), sent: lastSeen(env) };
  },
  async on_request_short_circuit(env) {
    const api = env.api({ on_request: () => ({ cached: true, items: [1, 2] }) });
    const r = await api.public.check({ username: 'lilyachty' });
    return { result: r, requests: env.seen.length };
  },
  async on_request_short_circuit_cached_response(env) {
    // A cache: the hook returns an earlier response, which becomes the result.
    const cache = new Map();
    const api = env.api({ on_request: (req) => cache.get(req.url) });
    const first = await api.public.check({ username: 'lilyachty' });
    cache.set(`${env.base}/public/check?username=lilyachty`, first);
    const second = await api.public.check({ username: 'lilyachty' });
    return { same: second === first, requests: env.seen.length };
  },
  async on_request_false(env) {
    const api = env.api({ on_request: () => false });
    return { result: await api.public.check({ username: 'lilyachty' }), requests: env.seen.length };
  },
  async on_request_other_falsy(env) {
    const out = {};
    for (const [name, value] of [['zero', 0], ['empty', ''], ['null', null]]) {
      const api = env.api({ on_request: () => value });
      out[name] = await outcome(api.public.check({ username: 'lilyachty' }));
    }
    return { ...out, requests: env.seen.length };
  },
  async on_request_truthy_primitive(env) {
    const api = env.api({ on_request: () => 'from cache' });
    return { result: await api.public.check({ username: 'lilyachty' }), requests: env.seen.length };
  },
  async on_request_throw(env) {
    const boom = new Error('hook: boom');
    const api = env.api({ on_request: () => { throw boom; } });
    let same = false;
    try {
      await api.public.check({ username: 'lilyachty' });
    } catch (e) {
      same = e === boom;
    }
    return { same, requests: env.seen.length };
  },
  async on_request_async_reject(env) {
    const api = env.api({ on_request: async () => { throw new Error('hook: async boom'); } });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })), requests: env.seen.length };
  },
  async on_request_not_on_validation(env) {
    let calls = 0;
    const api = env.api({ on_request: () => void calls++ });
    return { result: await outcome(api.public.check({ username: 'not a name!' })), calls, requests: env.seen.length };
  },
  async on_request_next_items(env) {
    const urls = [];
    const api = env.api({ on_request: (req) => void urls.push(req.url.slice(env.base.length)) });
    let r = await api.public.posts({ secUid: SEC_UID });
    let pages = 1;
    while (r && pages < 10) {
      r = await Promise.resolve(r.nextItems());
      if (r) pages++;
    }
    return { pages, calls: urls.length, cursors: env.seen.map((s) => new URLSearchParams(s.query).get('cursor')) };
  },
  async on_request_in_category_constructor(env) {
    let info;
    const api = env.api({});
    const User = new api.user({ accountKey: ACCOUNT, $options: { on_request: (req) => { info = req; return { scoped: true }; } } });
    const r = await User.info({ username: 'lilyachty' });
    const plain = await outcome(api.public.check({ username: 'lilyachty' }));
    return { result: r, key: info.key, instanceIsApi: info.instance === api, plain, requests: env.seen.length };
  },
  async on_request_set_after_scope(env) {
    const api = env.api({});
    const Public = new api.public({});
    api.set({ $options: { on_request: () => ({ root: true }) } });
    return { scope: await outcome(Public.check({ username: 'lilyachty' })), root: await api.public.check({ username: 'lilyachty' }) };
  },
  async on_request_per_call_ignored(env) {
    const api = env.api({});
    const r = await outcome(api.public.check({ username: 'lilyachty', $options: { on_request: () => ({ perCall: true }) } }));
    return { result: r, requests: env.seen.length };
  },

  // ---- fetch_agent
  async fetch_agent_https_proxy_agent(env) {
    const { HttpsProxyAgent } = rootRequire('https-proxy-agent');
    const api = env.api({ fetch_agent: new HttpsProxyAgent(env.proxy) });
    const r = await api.public.posts({ secUid: SEC_UID });
    const afterFirst = { ...env.counts };
    const next = await r.nextItems();
    return { result: view(r), next: view(next), afterFirst, after: { ...env.counts }, requests: env.seen.length, sent: lastSeen(env) };
  },
  async fetch_agent_http_proxy_agent(env) {
    const { HttpProxyAgent } = rootRequire('http-proxy-agent');
    const api = env.api({ fetch_agent: new HttpProxyAgent(env.proxy) });
    const r = await outcome(api.public.check({ username: 'lilyachty' }));
    const err = await outcome(api.public.check({ username: 'doesnotexist' }));
    return { result: r, err, counts: { ...env.counts }, requests: env.seen.length, sent: lastSeen(env) };
  },
  async fetch_agent_function(env) {
    const { HttpsProxyAgent } = rootRequire('https-proxy-agent');
    const agent = new HttpsProxyAgent(env.proxy);
    const calls = [];
    const api = env.api({
      fetch_agent: (u) => {
        calls.push({ protocol: u.protocol, hostname: u.hostname, port: String(u.port) === String(new URL(env.base).port) });
        return agent;
      },
    });
    const r = await outcome(api.public.check({ username: 'lilyachty' }));
    return { result: r, calls, counts: { ...env.counts }, requests: env.seen.length };
  },
  async fetch_agent_plain_agent(env) {
    // An agent of the app's own (no proxy): every connection is made by it.
    let made = 0;
    class Counting extends http.Agent {
      createConnection(...args) {
        made += 1;
        return super.createConnection(...args);
      }
    }
    const api = env.api({ fetch_agent: new Counting({ keepAlive: false }) });
    const r = await outcome(api.public.check({ username: 'lilyachty' }));
    return { result: r, made, counts: { ...env.counts }, sent: lastSeen(env) };
  },
  async fetch_agent_category_constructor(env) {
    const { HttpProxyAgent } = rootRequire('http-proxy-agent');
    const api = env.api({});
    const Public = new api.public({ $options: { fetch_agent: new HttpProxyAgent(env.proxy) } });
    const a = await outcome(Public.check({ username: 'lilyachty' }));
    const viaScope = { ...env.counts };
    const b = await outcome(api.public.check({ username: 'lilyachty' }));
    return { a, b, viaScope, after: { ...env.counts } };
  },
  async fetch_agent_seen_by_on_request(env) {
    const { HttpProxyAgent } = rootRequire('http-proxy-agent');
    const agent = new HttpProxyAgent(env.proxy);
    let seenAgent;
    const api = env.api({ fetch_agent: agent, on_request: (req) => void (seenAgent = req.options.agent) });
    await api.public.check({ username: 'lilyachty' });
    return { same: seenAgent === agent, counts: { ...env.counts } };
  },
  async fetch_agent_set_by_on_request(env) {
    // An agent put on the options by the hook is used, as node-fetch would.
    const { HttpProxyAgent } = rootRequire('http-proxy-agent');
    const api = env.api({ on_request: (req) => { req.options.agent = new HttpProxyAgent(env.proxy); } });
    const r = await outcome(api.public.check({ username: 'lilyachty' }));
    return { result: r, counts: { ...env.counts }, sent: lastSeen(env) };
  },

  async save_video_agent(env) {
    // The official third argument of saveVideo is node-fetch's options: its agent routes the download.
    const { HttpProxyAgent } = rootRequire('http-proxy-agent');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tikapi-dropin-'));
    try {
      const api = env.api({});
      const r = await api.public.check({ username: 'withvideo' });
      const file = path.join(dir, 'v.mp4');
      await r.saveVideo(`${env.base}/video.mp4`, file, { agent: new HttpProxyAgent(env.proxy) });
      const bytes = fs.readFileSync(file);
      const video = env.seen.filter((s) => s.path === '/video.mp4');
      return { same: bytes.equals(VIDEO), counts: { ...env.counts }, videoRequests: video.length, apiKeySent: video.some((s) => 'x-api-key' in s.headers), files: fs.readdirSync(dir) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  async hooks_not_on_save_video(env) {
    // saveVideo is not a call of the API: neither hook sees its success or its failure.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tikapi-dropin-'));
    try {
      const api = env.api({});
      const r = await api.public.check({ username: 'withvideo' });
      const other = await api.public.check({ username: 'lilyachty' }); // no link headers: the CDN refuses
      let calls = 0;
      api.set({ $options: { on_success: () => { calls++; }, on_error: () => { calls++; return 'handled'; } } });
      let saved = true;
      await r.saveVideo(`${env.base}/video.mp4`, path.join(dir, 'a.mp4')).catch(() => (saved = false));
      let refused = false;
      await other.saveVideo(`${env.base}/video.mp4`, path.join(dir, 'b.mp4')).catch(() => (refused = true));
      return { saved, refused, calls, files: fs.readdirSync(dir) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  // ---- own keys
  async own_keys_success(env) {
    const api = env.api({});
    const r = await api.public.posts({ secUid: SEC_UID });
    const spread = { ...r };
    const assigned = Object.assign({}, r);
    const next = await spread.nextItems();
    const next2 = await assigned.nextItems();
    return {
      ownKeys: Object.keys(r),
      spreadKeys: Object.keys(spread),
      nextFromSpread: view(next),
      nextFromAssign: view(next2),
      saveVideo: typeof spread.saveVideo,
      cursors: env.seen.map((s) => new URLSearchParams(s.query).get('cursor')),
    };
  },
  async own_keys_rejection(env) {
    const api = env.api({});
    try {
      await api.public.check({ username: 'doesnotexist' });
      return { rejected: false };
    } catch (e) {
      return { rejected: true, ownKeys: Object.keys(e), spreadStatus: { ...e }.statusCode };
    }
  },
  async own_keys_last_page(env) {
    const api = env.api({});
    let r = await api.public.posts({ secUid: SEC_UID });
    while (true) {
      const n = { ...r }.nextItems();
      if (n === null) break;
      r = await n;
    }
    return { ownKeys: Object.keys(r), lastIsNull: { ...r }.nextItems() === null, requests: env.seen.length };
  },

  // ---- on_success / on_error
  async hooks_on_success_values(env) {
    const out = {};
    for (const [name, value] of [['object', { mine: 1 }], ['undefined', undefined], ['null', null], ['false', false], ['zero', 0], ['string', 's']]) {
      const api = env.api({ on_success: () => value });
      out[name] = await outcome(api.public.check({ username: 'lilyachty' }));
    }
    return out;
  },
  async hooks_on_success_sees(env) {
    let args;
    const api = env.api({ on_success: (...a) => void (args = a) });
    const params = { username: 'lilyachty' };
    await api.public.check(params);
    const [res, req] = args;
    return {
      count: args.length,
      res: view(res),
      reqKeys: Object.keys(req),
      reqUrl: req.url.slice(env.base.length),
      reqParams: req.params === params,
      reqKey: req.key,
      reqMethod: req.options.method,
    };
  },
  async hooks_on_error_api_error(env) {
    const calls = [];
    const api = env.api({ on_error: (e, req) => void calls.push({ status: e.statusCode, message: e.message, key: req.key }) });
    return { result: await outcome(api.public.check({ username: 'doesnotexist' })), calls };
  },
  async hooks_on_error_values(env) {
    const out = {};
    for (const [name, value] of [['object', { handled: true }], ['undefined', undefined], ['null', null], ['false', false]]) {
      const api = env.api({ on_error: () => value });
      out[name] = await outcome(api.public.check({ username: 'doesnotexist' }));
    }
    return out;
  },
  async hooks_on_error_throws(env) {
    const api = env.api({ on_error: () => { throw new Error('hook: from on_error'); } });
    return { result: await outcome(api.public.check({ username: 'doesnotexist' })) };
  },
  async hooks_on_error_not_on_validation(env) {
    let calls = 0;
    const api = env.api({ on_error: () => { calls++; return 'handled'; } });
    return { result: await outcome(api.public.check({ username: 'not a name!' })), calls };
  },
  async hooks_on_error_not_on_network(env) {
    let calls = 0;
    const api = env.api({ base: env.refused, on_error: () => { calls++; return 'handled'; } });
    const r = await outcome(api.public.check({ username: 'lilyachty' }));
    return { rejected: r.rejected, calls };
  },
  async hooks_on_error_not_on_on_request_throw(env) {
    let calls = 0;
    const api = env.api({ on_request: () => { throw new Error('hook: early'); }, on_error: () => { calls++; return 'handled'; } });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })), calls };
  },
  async hooks_on_success_throw_goes_to_on_error(env) {
    const seen = [];
    const api = env.api({
      on_success: () => { throw new Error('hook: in success'); },
      on_error: (e) => { seen.push(e.message); return 'recovered'; },
    });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })), seen };
  },
  async hooks_on_success_throw_without_on_error(env) {
    const api = env.api({ on_success: () => { throw new Error('hook: in success'); } });
    return { result: await outcome(api.public.check({ username: 'lilyachty' })) };
  },
  async hooks_not_on_short_circuit(env) {
    let calls = 0;
    const api = env.api({ on_request: () => ({ cached: 1 }), on_success: () => { calls++; }, on_error: () => { calls++; } });
    return { result: await api.public.check({ username: 'lilyachty' }), calls };
  },
  async hooks_on_next_items(env) {
    // Our own on_success replaces the SDK's in the official one (its responses
    // then lose nextItems), so the next page is asked for before it is set.
    const api = env.api({});
    const r = await api.public.posts({ secUid: SEC_UID });
    let calls = 0;
    api.set({ $options: { on_success: () => { calls++; return { wrapped: true }; } } });
    const next = await r.nextItems();
    return { next, calls };
  },
  async hooks_on_error_next_items(env) {
    const api = env.api({});
    const r = await api.public.posts({ secUid: SEC_UID });
    let calls = 0;
    api.set({ $options: { on_request: (_req) => ({ url: `${env.base}/public/check?username=doesnotexist` }), on_error: (e) => { calls++; return { status: e.statusCode }; } } });
    return { next: await r.nextItems(), calls };
  },
  async hooks_category_constructor(env) {
    const calls = [];
    const api = env.api({});
    const User = new api.user({ accountKey: ACCOUNT, $options: { on_success: (res, req) => { calls.push(req.key); return 'scoped'; } } });
    const a = await User.info({ username: 'lilyachty' });
    const b = await outcome(api.public.check({ username: 'lilyachty' }));
    return { a, b, calls };
  },
  async hooks_set_after_scope_not_seen(env) {
    const api = env.api({});
    const Public = new api.public({});
    let calls = 0;
    api.set({ $options: { on_success: () => { calls++; return 'root'; } } });
    const scoped = await outcome(Public.check({ username: 'lilyachty' }));
    const root = await api.public.check({ username: 'lilyachty' });
    return { scoped, root, calls };
  },
  async hooks_per_call_not_called(env) {
    let calls = 0;
    const api = env.api({});
    const r = await outcome(api.public.check({ username: 'doesnotexist', $options: { on_error: () => { calls++; return 'x'; }, on_success: () => { calls++; } } }));
    return { result: r, calls };
  },
  async hooks_unset(env) {
    const api = env.api({ on_success: () => 'hooked' });
    const a = await api.public.check({ username: 'lilyachty' });
    api.set({ $options: { on_success: undefined } });
    const b = await outcome(api.public.check({ username: 'lilyachty' }));
    return { a, b };
  },
};

// ---------------------------------------------------------------- run

async function runAll(pkgDir, outPath) {
  const require = createRequire(path.join(path.resolve(pkgDir), 'noop.js'));
  const entry = require.resolve('tikapi');
  const pkgRoot = path.dirname(require.resolve('tikapi/package.json'));
  // The official SDK keeps its settings in module state shared by every
  // instance: each scenario gets a freshly loaded package (JS files only).
  const fresh = () => {
    for (const k of Object.keys(require.cache)) if (k.startsWith(pkgRoot) && !k.endsWith('.node')) delete require.cache[k];
    const mod = require(entry);
    return mod.default ?? mod;
  };
  const refusedServer = net.createServer();
  const refused = await listen(refusedServer);
  await new Promise((r) => refusedServer.close(r));
  const results = {};
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    const { server, seen } = apiServer();
    const { server: proxy, counts, url: proxyUrl } = await proxyServer();
    const base = await listen(server);
    const env = {
      base,
      proxy: proxyUrl,
      refused,
      seen,
      counts,
      api: (options) => {
        const { base: b, ...rest } = options;
        const api = fresh()(KEY);
        api.set({ $options: { base: b ?? base, sandboxBase: b ?? base, ...rest } });
        return api;
      },
    };
    try {
      results[name] = await scenario(env);
    } catch (err) {
      results[name] = { crashed: String(err && err.stack ? err.stack.split('\n')[0] : err) };
    }
    server.closeAllConnections?.();
    proxy.closeAllConnections?.();
    await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => proxy.close(r))]);
  }
  fs.writeFileSync(outPath, JSON.stringify({ package: entry, results }, null, 1));
}

/** Ours must show at least the official keys; everything else must be equal. */
function differences(official, ours, where = '') {
  if (where.endsWith('Keys') && Array.isArray(official) && Array.isArray(ours)) {
    const missing = official.filter((k) => !ours.includes(k));
    return missing.length ? [`${where}: missing ${missing.join(', ')}`] : [];
  }
  if (official && ours && typeof official === 'object' && typeof ours === 'object' && !Array.isArray(official)) {
    const out = [];
    for (const k of new Set([...Object.keys(official), ...Object.keys(ours)])) {
      out.push(...differences(official[k], ours[k], where ? `${where}.${k}` : k));
    }
    return out;
  }
  return isDeepStrictEqual(official, ours) ? [] : [`${where || 'value'}: official ${JSON.stringify(official)}, ours ${JSON.stringify(ours)}`];
}

function compare(officialPath, oursPath, reportPath) {
  const official = JSON.parse(fs.readFileSync(officialPath, 'utf8')).results;
  const ours = JSON.parse(fs.readFileSync(oursPath, 'utf8')).results;
  let passed = 0;
  let failed = 0;
  const rows = [];
  for (const name of Object.keys(SCENARIOS)) {
    const diff = official[name] === undefined || ours[name] === undefined ? ['missing result'] : differences(official[name], ours[name]);
    // A scenario that crashed on either side fails, even if both crashed alike.
    if (official[name]?.crashed) diff.unshift(`the official run crashed: ${official[name].crashed}`);
    if (ours[name]?.crashed && !official[name]?.crashed) diff.unshift(`our run crashed: ${ours[name].crashed}`);
    rows.push(`| \`${name}\` | ${diff.length ? `**failed**: ${diff.join('; ').replace(/\|/g, '\\|')}` : 'identical'} |`);
    if (diff.length) {
      failed += 1;
      console.log(`FAIL ${name}`);
      for (const d of diff) console.log(`     ${d}`);
    } else {
      passed += 1;
      console.log(`ok   ${name}`);
    }
  }
  console.log(`dropin js: ${passed} passed, ${failed} failed`);
  if (reportPath) {
    const text = [
      '# Conformance: the JS drop-in section',
      '',
      'Written by `tests/conformance/dropin_js.mjs` (run by `tests/conformance/run.sh`): the same',
      'scenarios against the official npm `tikapi` 3.2.2 and ours, each with its own API server and',
      'proxy on loopback. A list of keys passes when ours holds every official key.',
      '',
      `**${passed} passed, ${failed} failed.**`,
      '',
      '| scenario | result |',
      '|---|---|',
      ...rows,
      '',
    ].join('\n');
    fs.writeFileSync(reportPath, text);
  }
  return failed === 0;
}

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'run') await runAll(a, b);
else if (mode === 'compare') process.exit(compare(a, b, c) ? 0 : 1);
else {
  console.error('usage: node dropin_js.mjs run PACKAGE_DIR OUT.json | compare OFFICIAL.json OURS.json [REPORT.md]');
  process.exit(2);
}
