import http from 'node:http';
import fs from 'node:fs';
const out = fs.createWriteStream(process.argv[2], {flags:'a'});
http.createServer((req, res) => {
  let b=''; req.on('data', c=>b+=c); req.on('end', ()=>{
    out.write(JSON.stringify({tag: req.headers['x-tag'], url:req.url})+'\n');
    const body = Buffer.from(req.headers['x-body'] || '', 'base64').toString();
    res.setHeader('content-type', req.headers['x-ctype'] || 'application/json'); res.end(body);
  });
}).listen(8797, '127.0.0.1');
