// Records every request it receives as one JSON line ({method, url, headers,
// body}) appended to LOG, and answers each with {"status":"success"}.
// Listens on a free loopback port and prints `listening on http://HOST:PORT`
// first. Stop it with a signal.
//
// usage: node recording_server.mjs LOG.jsonl
import fs from 'node:fs';
import http from 'node:http';

const out = fs.createWriteStream(process.argv[2], { flags: 'a' });
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    out.write(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }) + '\n');
    res.setHeader('content-type', 'application/json');
    res.end('{"status":"success"}');
  });
});
server.listen(0, '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}`);
});
