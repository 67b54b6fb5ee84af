// Recording server: logs each request as JSON lines, answers {}
import http from 'node:http';
import fs from 'node:fs';
const out = fs.createWriteStream(process.argv[2]);
http.createServer((req, res) => {
  let b=''; req.on('data', c=>b+=c); req.on('end', ()=>{
    out.write(JSON.stringify({method:req.method, url:req.url, headers:req.headers, body:b})+'\n');
    res.setHeader('content-type','application/json'); res.end('{"status":"success"}');
  });
}).listen(8798, '127.0.0.1');
