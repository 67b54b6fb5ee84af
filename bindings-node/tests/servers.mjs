// Small servers of the tests' own, on loopback: a recording API and a proxy
// (CONNECT and forwarding) that counts what went through it.

import http from 'node:http';
import net from 'node:net';

export const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
export const close = (server) => {
  server.closeAllConnections?.();
  return new Promise((r) => server.close(r));
};

/** A recording API: `behave(req, res, body)` may answer; else a JSON success. */
export async function recorder(behave) {
  const seen = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (behave && behave(req, res, body) !== undefined) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', url: req.url }));
    });
  });
  return { server, seen, url: await listen(server) };
}

export async function proxyServer() {
  const counts = { connect: 0, forward: 0 };
  const server = http.createServer((req, res) => {
    counts.forward += 1;
    const out = http.request(new URL(req.url), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.on('connect', (req, socket, head) => {
    counts.connect += 1;
    const [host, port] = req.url.split(':');
    const up = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(socket).pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  return { server, counts, url: await listen(server) };
}
