// The fault matrix: every way a server or the network can misbehave, through
// the sandbox's fault switches and small misbehaving servers on loopback.
// Each gives its documented error (a NetworkError with its `code`, or the
// response-shaped ResponseError) with a message naming the URL; nothing hangs
// or crashes. Every message, String(err) and inspect output the matrix
// produces is collected and scanned: no API or account key appears anywhere.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import TikAPI, { NetworkError, ResponseError, UsageError } from 'tikapi';
import { ACCOUNT_KEY, API_KEY, startSandbox } from './sandbox.mjs';

const SECRETS = [API_KEY, ACCOUNT_KEY, 'RateLimitedKey000000', 'InvalidApiKey0000000'];

let sandbox;
let tlsSandbox;
before(async () => {
  sandbox = await startSandbox();
  tlsSandbox = await startSandbox({ tls: true, env: false });
});
after(async () => {
  await sandbox.stop();
  await tlsSandbox.stop();
});

// ------------------------------------------------------------------ helpers

/** Every text the matrix produced, scanned for keys at each record and at the end. */
const seen = [];
function record(...things) {
  for (const x of things) {
    const texts = [String(x), inspect(x, { depth: 9, showHidden: true })];
    if (x && typeof x === 'object') {
      if (typeof x.message === 'string') texts.push(x.message);
      if (typeof x.stack === 'string') texts.push(x.stack);
      try {
        texts.push(JSON.stringify(x));
      } catch {
        // a cyclic value: inspect covers it
      }
    }
    for (const text of texts) {
      for (const key of SECRETS) assert.ok(!text.includes(key), `a key leaked into: ${text.slice(0, 500)}`);
      seen.push(text);
    }
  }
}

/** A client whose calls carry both keys: the account key is bound to a user scope. */
function user(options) {
  const api = TikAPI(API_KEY);
  record(api);
  const User = new api.user({ accountKey: ACCOUNT_KEY, ...(options ? { $options: options } : {}) });
  record(User);
  return User;
}

const fault = (name, options = {}) => ({ $options: { ...options, headers: { 'X-Sandbox-Fault': name } } });

/** Await the rejection of `call` (a promise, or a function making it: then it is timed from before the call). */
async function rejection(call) {
  const started = performance.now();
  const promise = typeof call === 'function' ? call() : call;
  const err = await promise.then(
    (r) => assert.fail(`resolved with ${r.statusCode}`),
    (e) => e,
  );
  record(err);
  return { err, ms: performance.now() - started };
}

function assertNetwork(err, code, urlPattern) {
  assert.ok(err instanceof NetworkError, inspect(err));
  assert.ok(err instanceof Error);
  assert.equal(err.kind, 'network');
  assert.equal(err.code, code, err.message);
  assert.match(err.message, urlPattern, 'the message names the URL');
  assert.equal(typeof err.reason, 'string');
  assert.ok(err.reason.length > 0);
  assert.ok(err.message.includes(err.reason), 'the message gives the reason');
}

function assertApi(err, status) {
  assert.ok(err instanceof ResponseError, inspect(err));
  assert.equal(err.kind, 'api');
  assert.equal(err.statusCode, status);
  assert.equal(err.ok, false);
  assert.match(err.url, /\/user\/info/);
}

const USER_INFO = /http:\/\/127\.0\.0\.1:\d+\/user\/info/;

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A loopback HTTP server that misbehaves: `handler(socket, hit)` is called
 * once a request's head has arrived, with the request's number (1, 2, ...).
 */
async function misbehaving(handler) {
  const sockets = new Set();
  let hits = 0;
  const srv = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      while (head.includes('\r\n\r\n')) {
        head = head.slice(head.indexOf('\r\n\r\n') + 4);
        hits += 1;
        handler(socket, hits);
      }
    });
  });
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  return {
    url: `http://127.0.0.1:${srv.address().port}`,
    hits: () => hits,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => srv.close(resolve));
    },
  };
}

const JSON_BODY = JSON.stringify({ status: 'success', message: 'Success.', userInfo: { user: { uniqueId: 'x' } } });
const answer = (status, extra = '', body = JSON_BODY) =>
  `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

const log = (...args) => console.log('#', ...args);

// ------------------------------------------------------------------ the matrix

describe('connecting', () => {
  test('connection refused: connect, naming the URL', async () => {
    const port = await freePort();
    const { err } = await rejection(user({ base: `http://127.0.0.1:${port}` }).info());
    assertNetwork(err, 'connect', new RegExp(`http://127\\.0\\.0\\.1:${port}/user/info`));
    assert.match(err.message, /refused/i);
  });

  test('an unresolvable host (.invalid) fails fast: connect', async () => {
    const { err, ms } = await rejection(() =>
      user({ base: 'http://tikapi-reliability-test.invalid', connectTimeout: 5000, timeout: 10000 }).info(),
    );
    log(`unresolvable host failed after ${ms.toFixed(0)} ms`);
    assertNetwork(err, 'connect', /http:\/\/tikapi-reliability-test\.invalid\/user\/info/);
    assert.match(err.message, /dns|resolve|lookup|name/i);
    assert.ok(ms < 10000, `took ${ms} ms`);
  });

  test('connect timeout: a listener whose accept backlog is full drops the SYN', async (t) => {
    // A child process listens with a backlog of 1 and then blocks its event
    // loop, so it never accepts: once the queue is full, the kernel drops
    // further SYNs and a connect can only time out.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const net = require('node:net'); const fs = require('node:fs');
         const srv = net.createServer();
         srv.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
           fs.writeSync(1, srv.address().port + '\\n');
           Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
         });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const fillers = [];
    try {
      const [line] = await once(child.stdout, 'data');
      const port = Number(String(line).trim());
      for (let i = 0; i < 8; i++) fillers.push(connect(port, '127.0.0.1').on('error', () => {}));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Linux drops SYNs once the accept queue is full; a kernel that does not cannot test this.
      const probe = connect(port, '127.0.0.1').on('error', () => {});
      fillers.push(probe);
      const accepted = await Promise.race([
        once(probe, 'connect').then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 300)),
      ]);
      if (accepted) return t.skip('this kernel completes connections past the listen backlog');
      const { err, ms } = await rejection(() => user({ base: `http://127.0.0.1:${port}`, connectTimeout: 500, timeout: 20000 }).info());
      log(`connect timeout (500 ms) fired after ${ms.toFixed(0)} ms: ${err.message}`);
      assertNetwork(err, 'timeout', new RegExp(`127\\.0\\.0\\.1:${port}/user/info`));
      assert.ok(ms >= 500, `fired after ${ms} ms, before the setting`);
      assert.ok(ms < 10000, `fired after ${ms} ms`);
    } finally {
      for (const f of fillers) f.destroy();
      child.kill('SIGKILL');
    }
  });
});

describe('waiting', () => {
  test('a server that never answers: the total timeout fires, not before its setting', async () => {
    const timeout = 1500;
    const { err, ms } = await rejection(() => user().info(fault('hang', { timeout })));
    log(`hang: timeout ${timeout} ms fired after ${ms.toFixed(1)} ms (${((ms / timeout - 1) * 100).toFixed(1)}% over)`);
    assertNetwork(err, 'timeout', USER_INFO);
    assert.match(err.message, /timed out/);
    assert.ok(ms >= timeout, `fired after ${ms} ms, before the ${timeout} ms setting`);
    assert.ok(ms < timeout + 5000, `fired after ${ms} ms`);
  });

  test('after a timeout the connection is closed, not left open', async () => {
    let closed = 0;
    const srv = await misbehaving((socket) => {
      // Headers and a little body, then nothing: the client must give up and hang up.
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":');
      socket.on('close', () => closed++);
    });
    try {
      const { err } = await rejection(() => user({ base: srv.url, timeout: 500 }).info());
      assertNetwork(err, 'timeout', new RegExp(`${srv.url}/user/info`));
      for (let i = 0; i < 50 && closed === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(closed, 1, 'the client closed the connection it gave up on');
    } finally {
      await srv.close();
    }
  });

  test('a body trickling past the timeout: timeout', async () => {
    const timeout = 800;
    const { err, ms } = await rejection(() => user().info(fault('slow=10000', { timeout })));
    log(`slow body: timeout ${timeout} ms fired after ${ms.toFixed(1)} ms`);
    assertNetwork(err, 'timeout', USER_INFO);
    assert.ok(ms >= timeout && ms < timeout + 5000, `${ms} ms`);
  });

  test('a slow body within the timeout is read whole', async () => {
    const r = await user().info(fault('slow=300', { timeout: 10000 }));
    record(r);
    assert.equal(r.statusCode, 200);
    assert.equal(typeof r.json, 'object');
  });
});

describe('broken bodies', () => {
  test('reset mid-body: body', async () => {
    const srv = await misbehaving((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"status":"success","x":"');
      socket.write('a'.repeat(4000));
      setTimeout(() => socket.resetAndDestroy(), 50);
    });
    try {
      const { err } = await rejection(user({ base: srv.url }).info());
      assertNetwork(err, 'body', new RegExp(`${srv.url}/user/info`));
    } finally {
      await srv.close();
    }
  });

  test('reset before any answer (sandbox fault): body', async () => {
    const { err } = await rejection(user().info(fault('reset')));
    assertNetwork(err, 'body', USER_INFO);
  });

  test('a body shorter than its Content-Length (sandbox truncate): body', async () => {
    const { err } = await rejection(user().info(fault('truncate')));
    assertNetwork(err, 'body', USER_INFO);
  });

  test('a body shorter than its Content-Length, closed cleanly (FIN): body', async () => {
    const srv = await misbehaving((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"status":"succ');
    });
    try {
      const { err } = await rejection(user({ base: srv.url }).info());
      assertNetwork(err, 'body', new RegExp(`${srv.url}/user/info`));
    } finally {
      await srv.close();
    }
  });

  test('200 with invalid JSON: the response resolves, json undefined, text kept', async () => {
    const r = await user().info(fault('badjson'));
    record(r);
    assert.equal(r.statusCode, 200);
    assert.equal(r.ok, true);
    assert.equal(r.json, undefined);
    assert.equal(typeof r.text, 'string');
    assert.ok(r.text.startsWith('{"status":"success"'), r.text);
    assert.throws(() => JSON.parse(r.text), SyntaxError);
    assert.equal(r.nextItems(), null);
    assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
  });

  test('body text: ASCII, raw UTF-8 and invalid UTF-8 read as a browser would', async () => {
    const bodies = [
      ['application/json', Buffer.from('{"status":"success","desc":"caf\\u00e9"}')],
      ['application/json', Buffer.from('{"status":"success","desc":"café 漢字 😀"}')],
      ['text/plain', Buffer.concat([Buffer.from('ok '), Buffer.from([0xff, 0xfe]), Buffer.from(' é')])],
      ['text/plain', Buffer.alloc(0)],
    ];
    const srv = await misbehaving((socket, hit) => {
      const [type, body] = bodies[hit - 1];
      socket.write(`HTTP/1.1 200 OK\r\ncontent-type: ${type}\r\ncontent-length: ${body.length}\r\n\r\n`);
      socket.write(body);
    });
    try {
      const api = user({ base: srv.url });
      for (const [type, body] of bodies) {
        const r = await api.info();
        const text = new TextDecoder().decode(body); // U+FFFD for invalid sequences
        if (type === 'application/json') assert.deepEqual(r.json, JSON.parse(text));
        else assert.equal(r.text, text);
      }
      assert.equal(srv.hits(), bodies.length);
    } finally {
      await srv.close();
    }
  });

  test('502 with an HTML page: ResponseError with the text', async () => {
    const { err } = await rejection(user().info(fault('html502')));
    assertApi(err, 502);
    assert.match(err.text, /<html>/);
    assert.equal(err.json, undefined);
    assert.equal(err.message, 'Something went wrong.');
    assert.equal(err.errorKind, 'server');
  });

  test('a body over maxBodySize (with a Content-Length): too_large', async () => {
    const { err } = await rejection(user().info(fault('big=300000', { maxBodySize: 100000 })));
    assertNetwork(err, 'too_large', USER_INFO);
    assert.match(err.message, /100000/);
    assert.match(err.message, /maxBodySize/, 'the option in its JS spelling');
  });

  test('a streamed body (chunked, no Content-Length) over maxBodySize: too_large', async () => {
    let closed = false;
    const srv = await misbehaving((socket) => {
      socket.on('close', () => (closed = true));
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      const chunk = 'a'.repeat(16384);
      let sent = 0;
      const tick = () => {
        if (socket.destroyed || sent > 2_000_000) return socket.destroy();
        socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`, () => setImmediate(tick));
        sent += chunk.length;
      };
      tick();
    });
    try {
      const { err } = await rejection(user({ base: srv.url, maxBodySize: 50000 }).info());
      assertNetwork(err, 'too_large', new RegExp(`${srv.url}/user/info`));
      for (let i = 0; i < 50 && !closed; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(closed, 'the client hung up instead of reading the rest');
    } finally {
      await srv.close();
    }
  });

  test('a body just under maxBodySize is accepted', async () => {
    const r = await user().info(fault('big=20000', { maxBodySize: 1_000_000 }));
    record(r);
    assert.equal(r.statusCode, 200);
    assert.ok(Array.isArray(r.json.padding));
  });

  test('a redirect loop: redirect, naming the URL', async () => {
    const { err } = await rejection(user().info(fault('redirect')));
    assertNetwork(err, 'redirect', USER_INFO);
    assert.match(err.message, /redirect/i);
  });
});

describe('rate limits and server errors', () => {
  test('429 with Retry-After, retries off: an error carrying retryAfter', async () => {
    const { err } = await rejection(user().info(fault('status=429:7')));
    assertApi(err, 429);
    assert.equal(err.retryAfter, 7000);
    assert.equal(err.headers.get('retry-after'), '7');
    assert.equal(err.errorKind, 'rate_limit');
  });

  test('429 without Retry-After, retries off: retryAfter undefined', async () => {
    const { err } = await rejection(user().info(fault('status=429')));
    assertApi(err, 429);
    assert.equal(err.retryAfter, undefined);
    assert.equal(err.errorKind, 'rate_limit');
  });

  test('429 with Retry-After then 200, retries on: waits as asked and succeeds', async () => {
    const srv = await misbehaving((socket, hit) => {
      socket.write(hit === 1 ? answer('429 Too Many Requests', 'Retry-After: 1\r\n', '{"status":"error","message":"Slow down."}') : answer('200 OK'));
    });
    try {
      const started = performance.now();
      const r = await user({ base: srv.url, retries: 2 }).info();
      const ms = performance.now() - started;
      record(r);
      log(`429 Retry-After: 1 then 200: succeeded after ${ms.toFixed(0)} ms`);
      assert.equal(r.statusCode, 200);
      assert.equal(srv.hits(), 2);
      assert.ok(ms >= 1000, `retried after ${ms} ms, before Retry-After`);
      assert.ok(ms < 6000);
    } finally {
      await srv.close();
    }
  });

  test('429 without Retry-After then 200, retries on: backs off and succeeds', async () => {
    const srv = await misbehaving((socket, hit) => {
      socket.write(hit === 1 ? answer('429 Too Many Requests', '', '{"status":"error"}') : answer('200 OK'));
    });
    try {
      const started = performance.now();
      const r = await user({ base: srv.url, retries: 2 }).info();
      log(`429 then 200: succeeded after ${(performance.now() - started).toFixed(0)} ms`);
      assert.equal(r.statusCode, 200);
      assert.equal(srv.hits(), 2);
    } finally {
      await srv.close();
    }
  });

  test('a 429 that persists, retries on: the error after the retries', async () => {
    const started = performance.now();
    const { err } = await rejection(user({ retries: 1 }).info(fault('status=429:1')));
    assertApi(err, 429);
    assert.equal(err.retryAfter, 1000);
    assert.ok(performance.now() - started >= 1000);
  });

  test('5xx then success, retries on (flaky): succeeds', async () => {
    const token = `tok${process.pid}${Date.now()}`;
    const started = performance.now();
    const r = await user({ retries: 3 }).info(fault(`flaky=2:${token}`));
    record(r);
    log(`flaky=2: succeeded after ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(r.statusCode, 200);
  });

  test('5xx, retries off: the 503', async () => {
    const { err } = await rejection(user().info(fault(`flaky=1:off${process.pid}${Date.now()}`)));
    assertApi(err, 503);
    assert.equal(err.errorKind, 'server');
  });

  test('the reserved rate-limited and invalid keys', async () => {
    let { err } = await rejection(TikAPI('RateLimitedKey000000').public.check({ username: 'lilyachty' }));
    assert.equal(err.statusCode, 429);
    assert.equal(err.retryAfter, 1000);
    ({ err } = await rejection(TikAPI('InvalidApiKey0000000').public.check({ username: 'lilyachty' })));
    assert.equal(err.statusCode, 401);
  });

  test('a 1 MB query parameter is refused before sending, briefly', async () => {
    const out = await user()
      .posts.comments.list({ media_id: '7'.repeat(1 << 20) })
      .then(
        (r) => r,
        (e) => e,
      );
    record(out);
    assert.ok(out instanceof UsageError, inspect(out).slice(0, 500));
    assert.match(out.message, /65534-byte limit/);
    assert.ok(out.message.length < 400);
  });
});

describe('TLS', () => {
  test('a certificate from an untrusted issuer is rejected by default: tls', async () => {
    const { err } = await rejection(user({ base: tlsSandbox.url }).info());
    assertNetwork(err, 'tls', new RegExp(`${tlsSandbox.url}/user/info`));
    assert.match(err.message, /certificate/i);
  });

  test('accepted only with dangerouslyAcceptInvalidCertificates: true', async () => {
    const r = await user({ base: tlsSandbox.url, dangerouslyAcceptInvalidCertificates: true }).info();
    record(r);
    assert.equal(r.statusCode, 200);
    assert.ok(r.url.startsWith('https://'));
    // Per call, and the client's other calls still verify.
    const api = user({ base: tlsSandbox.url });
    assert.equal((await api.info({ $options: { dangerouslyAcceptInvalidCertificates: true } })).statusCode, 200);
    const { err } = await rejection(api.info());
    assert.equal(err.code, 'tls');
    const { err: off } = await rejection(api.info({ $options: { dangerouslyAcceptInvalidCertificates: false } }));
    assert.equal(off.code, 'tls');
  });

  test('the option takes a boolean only, and a near-miss name is an error', async () => {
    const { err } = await rejection(user({ base: tlsSandbox.url }).info({ $options: { dangerouslyAcceptInvalidCertificates: 'yes' } }));
    assert.ok(err instanceof UsageError);
    assert.equal(err.field, '$options.dangerouslyAcceptInvalidCertificates');
    assert.throws(
      () => user({ base: tlsSandbox.url, danger_accept_invalid_certs: true }),
      (e) => e instanceof UsageError && e.field === '$options.danger_accept_invalid_certs' && /Unknown \$options key/.test(e.message),
    );
    const { err: typo } = await rejection(user().info({ $options: { dangerouslyAcceptInvalidCertificate: true } }));
    assert.equal(typo.field, '$options.dangerouslyAcceptInvalidCertificate');
    assert.match(typo.message, /did you mean "dangerouslyAcceptInvalidCertificates"/);
  });
});

describe('secrets', () => {
  test('an account key given per call, through success, API error, transport error and hooks', async () => {
    const hooked = [];
    const api = TikAPI(API_KEY).set({
      $options: { on_success: (r) => void hooked.push(r), on_error: (e) => void hooked.push(e) },
    });
    const per = (extra) => api.user.info({ accountKey: ACCOUNT_KEY, ...extra });
    record(await per());
    for (const f of ['html502', 'status=429:1', 'truncate', 'redirect', 'badjson']) {
      record(await per(fault(f)).catch((e) => e));
    }
    record(await per({ $options: { base: `http://127.0.0.1:${await freePort()}` } }).catch((e) => e));
    record(await per({ $options: { base: tlsSandbox.url } }).catch((e) => e));
    record(api, api.user, api.user.info, ...hooked);
    // As the official SDK: on_success for the success and the 200 with bad JSON,
    // on_error for the two API errors; network errors reach no hook.
    assert.equal(hooked.length, 4);
  });

  test('no key in any message, String(err) or inspect output the matrix produced', () => {
    log(`scanned ${seen.length} texts`);
    assert.ok(seen.length > 100, `only ${seen.length} texts collected`);
    for (const text of seen) for (const key of SECRETS) assert.ok(!text.includes(key), text.slice(0, 500));
  });
});

describe('maxConnections', () => {
  // A sandbox of this test's own: its in-flight count is this test's alone.
  let own;
  before(async () => {
    own = await startSandbox({ env: false });
  });
  after(async () => {
    await own.stop();
  });

  test('caps the requests in flight to a host; a call that cannot get a slot says why', async () => {
    const inFlight = async () => (await (await fetch(`${own.url}/__sandbox/stats`)).json()).in_flight;
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    const options = { base: own.url, maxConnections: 2, timeout: 60_000 };
    // The hanging calls are aborted at the end, which ends their requests.
    const abort = new AbortController();
    const hanging = Array.from({ length: 5 }, () =>
      user()
        .info({ ...fault('hang', options), signal: abort.signal })
        .catch((e) => e),
    );
    try {
      // A generous bound, reached only on failure.
      for (let i = 0; i < 3000 && (await inFlight()) < 2; i++) await pause(10);
      // Were the cap broken, the three others would arrive within this pause.
      await pause(300);
      assert.equal(await inFlight(), 2);
      const { err } = await rejection(user({ ...options, timeout: 200 }).info());
      assertNetwork(err, 'timeout', /http:\/\/127\.0\.0\.1:\d+\/user\/info/);
      assert.match(err.message, /waiting for one of the 2 connections/);
      assert.match(err.message, /maxConnections/, 'the option in its JS spelling');
    } finally {
      abort.abort();
      await Promise.all(hanging);
      for (let i = 0; i < 3000 && (await inFlight()) > 0; i++) await pause(10);
    }
    assert.equal(await inFlight(), 0, 'the aborted requests still run');
  });
});
