// saveVideo under faults: a connection closed mid-stream leaves no file at
// the target and no temporary file; an unwritable path is a clear error; an
// existing file is replaced only by a complete new one. No key in any error.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { inspect } from 'node:util';
import TikAPI, { NetworkError, UsageError } from 'tikapi';
import { ACCOUNT_KEY, API_KEY, startSandbox } from './sandbox.mjs';

let sandbox;
let dir;
before(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'tikapi-downloads-'));
});
after(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

const OLD = 'the old video, which must survive a failed download';

async function video() {
  const r = await TikAPI(API_KEY).set({ $sandbox: true }).public.video({ id: '7003402629929913605' });
  return { r, link: r.json.itemInfo.itemStruct.video.downloadAddr };
}

const withQuery = (link, params) => {
  const u = new URL(link);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
};

function assertNoKey(err) {
  for (const text of [String(err), err && err.message, inspect(err, { depth: 9, showHidden: true })]) {
    assert.ok(!String(text).includes(API_KEY) && !String(text).includes(ACCOUNT_KEY), text);
  }
}

const failure = (p) =>
  p.then(
    (n) => assert.fail(`resolved with ${n} bytes`),
    (e) => e,
  );

test('connection closed mid-stream (?fault=truncate): no file, no temporary file', async () => {
  const { r, link } = await video();
  const sub = mkdtempSync(join(dir, 'trunc-'));
  const path = join(sub, 'video.mp4');
  let progressed = 0;
  const err = await failure(r.saveVideo(withQuery(link, { fault: 'truncate', size: '400000' }), path, { progress: (n) => (progressed = n) }));
  assert.ok(err instanceof NetworkError, inspect(err));
  assert.equal(err.code, 'body');
  assert.match(err.message, /__sandbox\/video/, 'the message names the URL');
  assertNoKey(err);
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(progressed > 0, 'part of the body was written before the cut');
  assert.deepEqual(readdirSync(sub), [], 'nothing is left in the directory');
});

test('reset and dropped downloads leave nothing either', async () => {
  const { r, link } = await video();
  for (const f of ['reset', 'drop']) {
    const sub = mkdtempSync(join(dir, `${f}-`));
    const err = await failure(r.saveVideo(withQuery(link, { fault: f }), join(sub, 'video.mp4')));
    assert.ok(err instanceof NetworkError, `${f}: ${inspect(err)}`);
    assertNoKey(err);
    assert.deepEqual(readdirSync(sub), [], f);
  }
});

test('a download past its timeout leaves nothing', async () => {
  const { r, link } = await video();
  const sub = mkdtempSync(join(dir, 'slow-'));
  const err = await failure(r.saveVideo(withQuery(link, { fault: 'slow=10000' }), join(sub, 'video.mp4'), { timeout: 500 }));
  assert.equal(err.code, 'timeout', inspect(err));
  assert.deepEqual(readdirSync(sub), []);
});

test('an existing file is replaced only by a complete new one', async () => {
  const { r, link } = await video();
  const sub = mkdtempSync(join(dir, 'replace-'));
  const path = join(sub, 'video.mp4');
  writeFileSync(path, OLD);
  for (const f of ['truncate', 'reset', 'slow=10000']) {
    const err = await failure(r.saveVideo(withQuery(link, { fault: f }), path, { timeout: 1000 }));
    assert.ok(err instanceof NetworkError, `${f}: ${inspect(err)}`);
    assert.equal(readFileSync(path, 'utf8'), OLD, `${f}: the old file survives`);
    assert.deepEqual(readdirSync(sub), ['video.mp4'], `${f}: no temporary file`);
  }
  const written = await r.saveVideo(withQuery(link, { size: '300000' }), path);
  assert.equal(statSync(path).size, written);
  assert.ok(written >= 300000);
  assert.notEqual(readFileSync(path, 'latin1').slice(0, OLD.length), OLD);
  assert.deepEqual(readdirSync(sub), ['video.mp4']);
});

test('an unwritable path is a clear error naming it', async () => {
  const { r, link } = await video();
  const sub = mkdtempSync(join(dir, 'unwritable-'));
  const file = join(sub, 'a-file');
  writeFileSync(file, 'x');
  // A directory that is a file, a missing directory: cannot create the file.
  for (const path of [join(file, 'video.mp4'), join(sub, 'missing', 'video.mp4')]) {
    const err = await failure(r.saveVideo(link, path));
    assert.ok(err instanceof NetworkError, inspect(err));
    assert.equal(err.code, 'io');
    assert.match(err.message, /could not create the file/);
    assert.ok(err.message.includes(sub), `the message names the place: ${err.message}`);
    assertNoKey(err);
  }
  // The target is an existing directory: it cannot be replaced, and stays as it was.
  const target = join(sub, 'a-directory');
  mkdirSync(target);
  const err = await failure(r.saveVideo(link, target));
  assert.equal(err.code, 'io', inspect(err));
  assert.match(err.message, /could not replace the file/);
  assert.ok(statSync(target).isDirectory());
  assert.deepEqual(readdirSync(sub).sort(), ['a-directory', 'a-file'], 'no temporary file');
  // A path naming no file at all.
  const bad = await failure(r.saveVideo(link, '/'));
  assert.ok(bad instanceof UsageError || bad instanceof NetworkError, inspect(bad));
  assert.ok(!existsSync(join(sub, 'missing')));
});

test('a link that is not http(s) is a usage error', async () => {
  const { r } = await video();
  for (const link of ['file:///etc/passwd', 'not a url', '']) {
    const err = await failure(r.saveVideo(link, join(dir, 'never.mp4')));
    assert.ok(err instanceof UsageError, inspect(err));
    assert.match(err.message, /not an http\(s\) URL/);
  }
  assert.ok(!existsSync(join(dir, 'never.mp4')));
});
