// One pipeline, three drivers: the same calls made natively, through an
// `on_request` hook and through `fetch_agent` (a real proxy agent through a
// loopback proxy) give the same pages, items, limits, validation messages,
// error kinds, retries and download bytes and headers. Native is the
// reference; the core decides for all three (issue 21).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { HttpProxyAgent } from 'http-proxy-agent';
import { API_KEY, startSandbox } from './sandbox.mjs';
import { close, proxyServer, recorder } from './servers.mjs';

const require = createRequire(import.meta.url);
const TikAPI = require('../js/index.cjs');

const SEC_UID = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';
let sandbox;
let proxy;
let api; // a recording server: 429 once per `flaky_*` username, a big body for `big`
let dir;

before(async () => {
  sandbox = await startSandbox();
  proxy = await proxyServer();
  const flaky = new Set();
  api = await recorder((req, res) => {
    const u = new URL(req.url, 'http://x');
    const name = u.searchParams.get('username') || '';
    if (name.startsWith('flaky_') && !flaky.has(name)) {
      flaky.add(name);
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(JSON.stringify({ status: 'error', message: 'slow down' }));
      return true;
    }
    if (name === 'big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', pad: 'x'.repeat(5000) }));
      return true;
    }
    if (u.pathname === '/video.mp4') {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.end(Buffer.alloc(4096, 7));
      return true;
    }
    return undefined;
  });
  dir = mkdtempSync(join(tmpdir(), 'tikapi-pipeline-'));
});

after(async () => {
  await close(api.server);
  await close(proxy.server);
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The three drivers of one pipeline, each a client made by `make(options)`. */
const DRIVERS = {
  native: () => ({}),
  on_request: () => ({ on_request: () => undefined }),
  fetch_agent: () => ({ fetch_agent: new HttpProxyAgent(proxy.url) }),
};

const client = (driver, options = {}) => TikAPI(API_KEY).set({ $options: { ...DRIVERS[driver](), ...options } });

/** What a failed promise rejected with, in comparable terms. */
async function failure(promise) {
  try {
    await promise;
  } catch (err) {
    return { class: err.constructor.name, message: err.message, field: err.field, kind: err.kind, code: err.code, statusCode: err.statusCode };
  }
  assert.fail('expected a rejection');
}

/** For each driver, `run(driver)`; every result deep-equals native's. */
async function same(run) {
  const reference = await run('native');
  for (const driver of ['on_request', 'fetch_agent']) {
    assert.deepEqual(await run(driver), reference, `${driver} differs from native`);
  }
  return reference;
}

const collect = async (walk) => {
  const out = [];
  for await (const x of walk) out.push(x);
  return out;
};

describe('one pipeline for native, on_request and fetch_agent calls', () => {
  test('items() with maxItems hands out exactly that many, the same ones', async () => {
    const ids = await same(async (d) => (await collect(client(d).public.posts.items({ secUid: SEC_UID }, { maxItems: 7 }))).map((i) => i.id));
    assert.equal(ids.length, 7);
  });

  test('pages() with maxPages: the same pages', async () => {
    const pages = await same(async (d) =>
      (await collect(client(d).public.posts.pages({ secUid: SEC_UID }, { maxPages: 2 }))).map((p) => p.json.itemList.map((i) => i.id)),
    );
    assert.equal(pages.length, 2);
  });

  test('bad limits are refused with the same words', async () => {
    for (const limits of [{ maxItems: -5 }, { maxPages: 1.5 }, { maxItems: 'ten' }]) {
      const err = await same((d) => failure(collect(client(d).public.posts.items({ secUid: SEC_UID }, limits))));
      assert.equal(err.class, 'ValidationError');
    }
  });

  test('validation messages are the same, and nothing is sent', async () => {
    const start = proxy.counts.forward;
    const err = await same((d) => failure(client(d).public.check({ username: 'bad value!' })));
    assert.equal(err.field, 'username');
    assert.equal(proxy.counts.forward, start);
  });

  test('a body over maxBodySize fails with the same kind and words', async () => {
    const err = await same((d) => failure(client(d, { base: api.url, maxBodySize: 100 }).public.check({ username: 'big' })));
    assert.equal(err.code, 'too_large');
  });

  test('a refused connection fails with the same kind (no proxy on the way)', async () => {
    const dead = await recorder();
    const url = dead.url;
    await close(dead.server);
    for (const d of ['native', 'on_request']) {
      const err = await failure(client(d, { base: url }).public.check({ username: 'x' }));
      assert.equal(err.code, 'connect', d);
    }
  });

  test('retries: a 429 with Retry-After is sent again by every driver', async () => {
    const statuses = await same(async (d) => {
      const before = api.seen.length;
      const r = await client(d, { base: api.url, retries: 2 }).public.check({ username: `flaky_${d}` });
      const sent = api.seen.slice(before).map((s) => new URL(s.url, 'http://x').searchParams.get('username'));
      return { status: r.statusCode, sends: sent.length };
    });
    assert.deepEqual(statuses, { status: 200, sends: 2 });
  });

  test('downloads: the same bytes and headers, the app header replacing the default', async () => {
    const seen = await same(async (d) => {
      const r = await TikAPI(API_KEY).public.video({ id: '7003402629929913605' });
      const path = join(dir, `${d}.mp4`);
      const before = api.seen.length;
      const options = { headers: { 'X-Test': 'yes', 'user-agent': 'my-app/1' } };
      if (d !== 'native') options.agent = new HttpProxyAgent(proxy.url);
      const written = await r.saveVideo(`${api.url}/video.mp4`, path, options);
      const got = api.seen.slice(before);
      assert.equal(got.length, 1);
      const h = got[0].headers;
      const linkHeaders = Object.keys(r.json.$other?.videoLinkHeaders ?? {}).map((k) => k.toLowerCase());
      const shown = Object.fromEntries(['user-agent', 'x-test', ...linkHeaders].map((k) => [k, h[k]]));
      return { written, bytes: readFileSync(path).toString('base64'), headers: shown };
    });
    assert.equal(seen.headers['user-agent'], 'my-app/1');
    assert.equal(seen.written, 4096);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.part')),
      [],
    );
  });
});
