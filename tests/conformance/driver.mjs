// Run the conformance cases with the `tikapi` package found at PACKAGE_DIR.
// usage: node driver.mjs PACKAGE_DIR CASES.json BASE_URL RUN_TAG REFUSED_URL OUT.json
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [pkgDir, casesPath, base, tag, refused, outPath] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(pkgDir), 'noop.js'));
const entry = require.resolve('tikapi');
const pkgRoot = path.dirname(require.resolve('tikapi/package.json'));

// The official JS SDK 3.2.2 keeps `set` values and options in module state
// shared by every instance, so one case would leak into the next. Each case
// gets a freshly loaded package (JS files only; a native addon loads once).
function freshTikAPI() {
  for (const k of Object.keys(require.cache)) {
    if (k.startsWith(pkgRoot) && !k.endsWith('.node')) delete require.cache[k];
  }
  const mod = require(entry);
  return mod.default ?? mod;
}
const KEY = 'Zyxwvutsrq9876543210';
const MAX_PAGES = 6;

function shape(r) {
  const out = { statusCode: r?.statusCode, ok: r?.ok, message: r?.message, json: r?.json ?? null };
  if (r && 'text' in r && r.text !== undefined) out.text = r.text;
  out.isError = r instanceof Error;
  out.hasNextItems = typeof r?.nextItems === 'function';
  out.headerGet = typeof r?.headers?.get === 'function' ? r.headers.get('content-type') : null;
  return out;
}

function endpoint(api, c) {
  let parts = c.key.split('.');
  let target = api;
  if (c.scope && parts.length > 1) {
    const Cat = api[parts[0]];
    target = new Cat(c.scope);
    parts = parts.slice(1);
  }
  let fn = target;
  let self = target;
  for (const p of parts) { self = fn; fn = fn[p]; }
  return (args) => fn.call(self, args);
}

async function run(c) {
  const scenario = c.scenario ?? 'rec';
  const root = scenario === 'refused' ? refused : `${base}/r/${tag}/${c.id}/${scenario}`;
  const api = freshTikAPI()(KEY);
  const options = { base: root, sandboxBase: root };
  if (c.headers) options.headers = c.headers;
  api.set({ $sandbox: c.sandbox, $options: options, ...(c.bind ?? {}) });
  const args = { ...c.args };
  if (c.call_sandbox) args.$sandbox = true;
  try {
    let r = await endpoint(api, c)(args);
    const out = { outcome: 'ok', ...shape(r) };
    if (c.kind === 'paging') {
      let pages = 1;
      while (r && pages < MAX_PAGES) {
        r = await Promise.resolve(r?.nextItems());
        if (r) pages++;
      }
      out.pages = pages;
    }
    return out;
  } catch (err) {
    if (err && err.field !== undefined) {
      return { outcome: 'validation', field: err.field, message: err?.message, isError: err instanceof Error };
    }
    if (err instanceof Error) return { outcome: 'error', isError: true, namesUrl: String(err.message).includes(root.replace(/\/$/, '')) || String(err.message).includes('127.0.0.1') };
    return { outcome: 'rejected', ...shape(err) };
  }
}

const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
const results = {};
for (const c of cases) results[c.id] = await run(c);
fs.writeFileSync(outPath, JSON.stringify({ meta: { package: entry }, results }, null, 1));
