// Answers each request with the body and content type the request itself
// asks for: the base64 JSON of its `x-body` header, as `x-ctype` (default
// application/json). Appends {tag: x-tag, url} per request to LOG, so the
// request a next page made can be read back. Listens on a free loopback port
// and prints `listening on http://HOST:PORT` first.
//
// usage: node echo_server.mjs LOG.jsonl
import fs from 'node:fs';
import http from 'node:http';

const out = fs.createWriteStream(process.argv[2], { flags: 'a' });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    out.write(JSON.stringify({ tag: req.headers['x-tag'], url: req.url }) + '\n');
    const body = Buffer.from(req.headers['x-body'] || '', 'base64').toString();
    res.setHeader('content-type', req.headers['x-ctype'] || 'application/json');
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}`);
});
