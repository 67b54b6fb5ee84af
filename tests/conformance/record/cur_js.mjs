import TikAPI from 'tikapi';
import fs from 'node:fs';
const cases = JSON.parse(fs.readFileSync('curcases.json','utf8'));
let i = 0;
for (const [key, body, ctype] of cases) {
  const api = TikAPI("Zyxwvutsrq9876543210");
  api.set({$sandbox:true, $options:{sandboxBase:"http://127.0.0.1:8797", headers:{'x-tag':'js'+i, 'x-body':Buffer.from(JSON.stringify(body)).toString('base64'), 'x-ctype':ctype}}});
  let f=api; for (const p of key.split('.')) f=f[p];
  try { const r = await f.call(undefined, {}); const n = await Promise.resolve(r.nextItems()); console.log(i, key, n===null||n===undefined ? 'STOP' : 'NEXT'); }
  catch(e) { console.log(i, key, 'ERR', e.message, e.field); }
  i++;
}
