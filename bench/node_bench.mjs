// Node benchmarks for one implementation.
// usage: node bench/node_bench.mjs IMPL PACKAGE_DIR URL SCALE
//   IMPL  official | ours | fetch (raw fetch/undici over the same requests)
// Prints one JSON object per measurement. The same code drives the official
// SDK and ours: that is the drop-in claim.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [impl, pkgDir, URL_, scaleText] = process.argv.slice(2);
const SCALE = Number(scaleText);
const KEY = 'DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s';
const LILY = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';
const REPEATS = Number(process.env.BENCH_REPEATS || (SCALE >= 1 ? 3 : 1));
const n = (full) => Math.max(2, Math.floor(full * SCALE));
const emit = (bench, fields) =>
  console.log(JSON.stringify({ lang: 'node', impl, bench, ...fields }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let api;
let bigApi;
let makeBig;
if (impl !== 'fetch') {
  const require = createRequire(path.join(path.resolve(pkgDir), 'noop.js'));
  const mod = await import(require.resolve('tikapi'));
  const TikAPI = mod.default?.default ?? mod.default;
  api = TikAPI(KEY);
  api.set({ $options: { base: URL_ } });
  // Made last, just before it is used: the official JS SDK 3.2.2 shares
  // options between instances, so its headers would reach `api` too.
  makeBig = () => {
    bigApi = TikAPI(KEY);
    bigApi.set({ $options: { base: URL_, headers: { 'X-Sandbox-Fault': 'big=2000000' } } });
  };
}

const checkUrl = `${URL_}/public/check?username=lilyachty`;
const postsUrl = `${URL_}/public/posts?secUid=${LILY}&count=30`;

async function check() {
  if (impl === 'fetch') {
    const r = await fetch(checkUrl, { headers: { 'X-API-KEY': KEY } });
    return r.json();
  }
  const r = await api.public.check({ username: 'lilyachty' });
  return r.json;
}

async function posts() {
  if (impl === 'fetch') {
    const r = await fetch(postsUrl, { headers: { 'X-API-KEY': KEY } });
    return r.json();
  }
  const r = await api.public.posts({ secUid: LILY, count: 30 });
  return r.json;
}

async function pool(calls, conc, fn) {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next++;
      await fn();
    }
  };
  await Promise.all(Array.from({ length: Math.min(conc, calls) }, worker));
}

async function rate(calls, conc, fn) {
  await pool(Math.min(conc, calls), conc, fn); // warm
  const rates = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    await pool(calls, conc, fn);
    rates.push(calls / ((performance.now() - t) / 1000));
  }
  return Math.round(median(rates) * 10) / 10;
}

for (const [name, fn, full] of [['check', check, 2000], ['posts30', posts, 600]]) {
  const calls = n(full);
  emit(`sequential.${name}`, { calls, per_sec: await rate(calls, 1, fn) });
}
for (const conc of [1, 64, 1024]) {
  const calls = n(Math.max(4 * conc, 2000));
  emit('concurrent', { concurrency: conc, calls, per_sec: await rate(calls, conc, check) });
}

if (impl !== 'fetch') {
  const walk = async () => {
    let r = await api.public.posts({ secUid: LILY, count: 30 });
    let items = 0;
    while (r) {
      items += (r.json?.itemList ?? []).length;
      r = await r.nextItems();
    }
    return items;
  };
  const items = await walk();
  // 300 walks (~0.5 s): with fewer, a garbage collection lands on one side.
  const rounds = n(300);
  emit('pagination.nextItems', { items, walks_per_sec: await rate(rounds, 1, walk) });
  if (typeof api.public.posts.pages === 'function') {
    const iterate = async () => {
      let items = 0;
      for await (const page of api.public.posts.pages({ secUid: LILY, count: 30 })) {
        items += (page.json?.itemList ?? []).length;
      }
      return items;
    };
    emit('pagination.pages', { items: await iterate(), walks_per_sec: await rate(rounds, 1, iterate) });
  }

  const total = n(10000);
  const marks = {};
  for (let i = 1; i <= total; i++) {
    await check();
    if (i === Math.floor(total / 10) || i === Math.floor(total / 2) || i === total) {
      marks[i] = Math.round(process.memoryUsage().rss / 1024);
    }
  }
  emit('memory.rss_kb', { calls: total, rss_kb: marks });

  const r = await api.public.posts({ secUid: LILY, count: 1 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tikapi-bench-'));
  for (const mb of SCALE >= 1 ? [5, 50] : [1, 5]) {
    const link = `${r.json.itemList[0].video.downloadAddr}?size=${mb << 20}`;
    const before = process.memoryUsage().rss;
    const t = performance.now();
    await r.saveVideo(link, path.join(dir, `v${mb}.mp4`));
    const seconds = (performance.now() - t) / 1000;
    const size = fs.statSync(path.join(dir, `v${mb}.mp4`)).size;
    if (size !== mb << 20) throw new Error(`saved ${size} bytes, wanted ${mb << 20}`);
    emit('save_video', { mb, seconds, rss_growth_mb: Math.round((process.memoryUsage().rss - before) / 1048576) });
  }
  fs.rmSync(dir, { recursive: true, force: true });

  makeBig();
  // Large body: reading r.json (ours may convert lazily) vs JSON.parse of the same text.
  const ours = [];
  const parse = [];
  let bytes = 0;
  for (let i = 0; i < n(30); i++) {
    const r = await bigApi.public.check({ username: 'lilyachty' });
    let t = performance.now();
    const j = r.json;
    if (!j || !Array.isArray(j.padding)) throw new Error('no padded JSON');
    ours.push(performance.now() - t);
    const text = JSON.stringify(j);
    bytes = Buffer.byteLength(text);
    t = performance.now();
    JSON.parse(text);
    parse.push(performance.now() - t);
  }
  emit('large_body.json', { bytes, json_ms: median(ours), json_parse_ms: median(parse) });

}
emit('done', { max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) });
