// Calls the official npm tikapi (3.2.2) once per case, in order, with the
// case's sandbox mode and arguments, against BASE_URL (a recording server),
// and writes what happened per case: {ok: true} when the call was sent, else
// {ok: false, field, msg} from the error it raised.
//
// usage: node call_official_js.mjs PACKAGE_DIR CASES.json BASE_URL OUT.json
//   PACKAGE_DIR  a folder where `tikapi` resolves to the official package
//                (target/official/js, made by tests/official-sdks.sh)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [pkgDir, casesPath, base, outPath] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(pkgDir), 'noop.js'));
const mod = require('tikapi');
const TikAPI = mod.default ?? mod;

const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
const out = [];
for (const c of cases) {
  const api = TikAPI('Zyxwvutsrq9876543210');
  api.set({ $sandbox: c.sandbox, $options: { sandboxBase: base, base } });
  let fn = api;
  for (const p of c.key.split('.')) fn = fn[p];
  try {
    await fn.call(undefined, c.args);
    out.push({ ok: true });
  } catch (err) {
    out.push({ ok: false, field: err.field ?? null, msg: String(err.message) });
  }
}
fs.writeFileSync(outPath, JSON.stringify(out));
