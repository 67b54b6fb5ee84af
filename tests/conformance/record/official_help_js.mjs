// Prints, as JSON, every parameter the official npm tikapi (3.2.2) checks for
// each endpoint, in the order it checks them, with the words it uses: each
// parameter's `help` and wire `name` (the schema the package carries as
// `__schema__`, with category options merged as the package merges them).
//
// usage: node official_help_js.mjs PACKAGE_DIR > OUT.json
//   PACKAGE_DIR  a folder where `tikapi` resolves to the official package
//                (target/official/js, made by tests/official-sdks.sh)
import path from 'node:path';
import { createRequire } from 'node:module';

const [pkgDir] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(pkgDir), 'noop.js'));
const mod = require('tikapi');
const TikAPI = mod.default ?? mod;
const { schema, options } = TikAPI('Zyxwvutsrq9876543210').__schema__;

const out = {};
const pick = (p) => ({ name: p.name ?? null, help: p.help ?? null });
function walk(node, params, prefix) {
  for (const [k, v] of Object.entries(node)) {
    if (!v || typeof v !== 'object' || k.startsWith('$')) continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (Object.prototype.hasOwnProperty.call(v, 'path')) {
      const merged = { ...params, ...(v.params ?? {}) };
      out[key] = Object.fromEntries(Object.entries(merged).map(([n, p]) => [n, pick(p)]));
    } else {
      walk(v, { ...params, ...(v.$options?.params ?? {}) }, key);
    }
  }
}
walk(schema, { ...options.params, ...(schema.$options?.params ?? {}) }, '');
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
