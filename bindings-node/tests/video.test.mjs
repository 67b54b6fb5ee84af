// saveVideo: streamed to a temporary file and renamed when complete, with the
// response's videoLinkHeaders, an optional progress callback, and never a
// partial file.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import TikAPI, { ResponseError } from 'tikapi';
import { API_KEY, startSandbox } from './sandbox.mjs';

let sandbox;
let dir;
before(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'tikapi-video-'));
});
after(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

const api = () => TikAPI(API_KEY).set({ $sandbox: true });
const video = async () => {
  const r = await api().public.video({ id: '7003402629929913605' });
  return { r, link: r.json.itemInfo.itemStruct.video.downloadAddr };
};

test('saveVideo writes the whole video, reporting progress', async () => {
  const { r, link } = await video();
  const path = join(dir, 'video.mp4');
  const seen = [];
  const written = await r.saveVideo(link, path, { progress: (n, total) => seen.push([n, total]) });
  assert.equal(written, statSync(path).size);
  assert.ok(written > 0);
  // Progress calls are queued to the JS thread; they have all run once the promise settles.
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(seen.length >= 1);
  assert.deepEqual(seen.at(-1), [written, written]);
  const head = readFileSync(path).subarray(4, 8).toString('latin1');
  assert.equal(head, 'ftyp', 'an MP4 file');
  assert.deepEqual(readdirSync(dir), ['video.mp4'], 'no temporary file is left');
});

test('the official call form, saveVideo(link, path), works too', async () => {
  const { r, link } = await video();
  const path = join(dir, 'plain.mp4');
  await r.saveVideo(link, path);
  assert.ok(statSync(path).size > 0);
});

test('without the link headers the CDN refuses, and the promise rejects with the response', async () => {
  const { link } = await video();
  const other = await api().public.check({ username: 'lilyachty' }); // a response without videoLinkHeaders
  const path = join(dir, 'refused.mp4');
  const err = await other.saveVideo(link, path).catch((e) => e);
  assert.ok(err instanceof ResponseError);
  assert.equal(err.ok, false);
  assert.ok(err.statusCode >= 400);
  assert.equal(existsSync(path), false);
});

test('a truncated download leaves no file, partial or temporary', async () => {
  const { r, link } = await video();
  const sub = mkdtempSync(join(dir, 'trunc-'));
  const path = join(sub, 'cut.mp4');
  const err = await r.saveVideo(link, path, { headers: { 'X-Sandbox-Fault': 'truncate' } }).catch((e) => e);
  assert.ok(err instanceof Error, String(err));
  assert.equal(err.kind, 'network');
  assert.deepEqual(readdirSync(sub), []);
});

test('an AbortSignal cancels a download', async () => {
  const { r, link } = await video();
  const sub = mkdtempSync(join(dir, 'abort-'));
  const ac = new AbortController();
  const p = r.saveVideo(link, join(sub, 'slow.mp4'), { signal: ac.signal, headers: { 'X-Sandbox-Fault': 'slow=60000' } });
  setImmediate(() => ac.abort());
  const err = await p.catch((e) => e);
  assert.equal(err.name, 'AbortError');
});
