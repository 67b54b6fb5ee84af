// The official npm tikapi's next-page rule, case by case: each case of
// next_page_cases.json ([endpoint key, first-page body, content type]) is
// answered by echo_server.mjs with that body; the script then asks for the
// next page and prints `INDEX KEY STOP|NEXT` (or `ERR message field`). The
// echo server's log shows the arguments the next page was requested with
// (tags js0, js1, ...). core/tests/cursor.rs holds what was learnt.
//
// usage: node next_page_js.mjs PACKAGE_DIR next_page_cases.json BASE_URL
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [pkgDir, casesPath, base] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(pkgDir), 'noop.js'));
const mod = require('tikapi');
const TikAPI = mod.default ?? mod;

const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
let i = 0;
for (const [key, body, ctype] of cases) {
  const api = TikAPI('Zyxwvutsrq9876543210');
  const headers = {
    'x-tag': 'js' + i,
    'x-body': Buffer.from(JSON.stringify(body)).toString('base64'),
    'x-ctype': ctype,
  };
  api.set({ $sandbox: true, $options: { sandboxBase: base, headers } });
  let f = api;
  for (const p of key.split('.')) f = f[p];
  try {
    const r = await f.call(undefined, {});
    const n = await Promise.resolve(r.nextItems());
    console.log(i, key, n === null || n === undefined ? 'STOP' : 'NEXT');
  } catch (e) {
    console.log(i, key, 'ERR', e.message, e.field);
  }
  i++;
}
