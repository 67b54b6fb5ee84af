import TikAPI from 'tikapi';
import fs from 'node:fs';
const cases = JSON.parse(fs.readFileSync('cases.json','utf8'));
const out = [];
function fn(api, key){ let o=api; for(const p of key.split('.')) o=o[p]; return o; }
for (const c of cases) {
  const api = TikAPI("Zyxwvutsrq9876543210");
  api.set({$sandbox:c.sandbox, $options:{sandboxBase:"http://127.0.0.1:8798", base:"http://127.0.0.1:8798"}});
  try { await fn(api, c.key).call(undefined, c.args); out.push({ok:true}); }
  catch(err) { out.push({ok:false, field: err.field ?? null, msg: String(err.message)}); }
}
fs.writeFileSync('js_results.json', JSON.stringify(out));
