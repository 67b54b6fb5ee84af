// Resume tokens: a walk cut anywhere continues, here or in another process,
// with every item once; tokens are JSON, hold no key, and are checked
// against the call they resume. Also through an app's agent (the face's own
// sending path).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import TikAPI from 'tikapi';
import { ACCOUNT_KEY, API_KEY, ROOT, startSandbox } from './sandbox.mjs';

const ENTRY = join(ROOT, 'bindings-node', 'js', 'index.cjs');
const SEC_UID = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';

let sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

const api = () => TikAPI(API_KEY).set({ $sandbox: true });

async function all(walk) {
  const out = [];
  for await (const x of walk) out.push(x);
  return out;
}

/** The first `n` items of `walk`, leaving it open. */
async function take(walk, n) {
  const out = [];
  if (n === 0) return out;
  for await (const x of walk) {
    out.push(x);
    if (out.length === n) break;
  }
  return out;
}

test('an item walk cut anywhere resumes with every item once', async () => {
  const whole = await all(api().public.posts.items({ secUid: SEC_UID, count: 5 }));
  assert.ok(whole.length > 12);
  for (const cut of [0, 1, 4, 5, 6, 11]) {
    const it = api().public.posts.items({ secUid: SEC_UID, count: 5 });
    const taken = await take(it, cut);
    const token = JSON.parse(JSON.stringify(it.resumeToken));
    const rest = api().public.posts.items({ secUid: SEC_UID, count: 5 }, { resume: token });
    assert.deepEqual([...taken, ...(await all(rest))], whole, `cut after ${cut}`);
    assert.equal(rest.resumeToken, null);
  }
});

test('a page walk resumes after the last page handed out', async () => {
  const urls = (await all(api().public.posts.pages({ secUid: SEC_UID, count: 5 }))).map((p) => p.url);
  const it = api().public.posts.pages({ secUid: SEC_UID, count: 5 });
  const first = (await take(it, 2)).map((p) => p.url);
  const rest = (await all(api().public.posts.pages({ secUid: SEC_UID }, { resume: it.resumeToken }))).map((p) => p.url);
  assert.deepEqual([...first, ...rest], urls);
});

test('a walk stopped by maxItems resumes after it', async () => {
  const whole = await all(api().public.posts.items({ secUid: SEC_UID, count: 5 }));
  const it = api().public.posts.items({ secUid: SEC_UID, count: 5 }, { maxItems: 7 });
  const first = await all(it);
  assert.equal(first.length, 7);
  const rest = await all(api().public.posts.items({ secUid: SEC_UID }, { resume: it.resumeToken }));
  assert.deepEqual([...first, ...rest], whole);
});

test('a token resumes in another process and holds no key', async () => {
  const user = new (api().user)({ accountKey: ACCOUNT_KEY });
  const n = user.notifications.items();
  await take(n, 1);
  const text = JSON.stringify(n.resumeToken);
  assert.ok(!text.includes(ACCOUNT_KEY) && !text.includes(API_KEY), text);
  assert.deepEqual(Object.keys(n.resumeToken).sort(), ['args', 'endpoint', 'skip']);

  const whole = await all(api().public.posts.items({ secUid: SEC_UID, count: 5 }));
  const it = api().public.posts.items({ secUid: SEC_UID, count: 5 });
  const taken = await take(it, 7);
  const code = `
    const TikAPI = require(${JSON.stringify(ENTRY)});
    const token = JSON.parse(process.argv[1]);
    (async () => {
      const out = [];
      for await (const x of TikAPI(${JSON.stringify(API_KEY)}).set({ $sandbox: true }).public.posts.items({ secUid: ${JSON.stringify(SEC_UID)} }, { resume: token })) out.push(x);
      console.log(JSON.stringify(out));
    })();`;
  const out = execFileSync(process.execPath, ['-e', code, JSON.stringify(it.resumeToken)], { encoding: 'utf8', env: process.env });
  assert.deepEqual([...taken, ...JSON.parse(out)], whole);
});

test('a walk through an app agent resumes the same way', async () => {
  const agent = new http.Agent({ keepAlive: false });
  const hooked = () => TikAPI(API_KEY).set({ $sandbox: true, $options: { fetch_agent: agent } });
  const whole = await all(hooked().public.posts.items({ secUid: SEC_UID, count: 5 }));
  const it = hooked().public.posts.items({ secUid: SEC_UID, count: 5 });
  const taken = await take(it, 6);
  const rest = await all(hooked().public.posts.items({ secUid: SEC_UID }, { resume: it.resumeToken }));
  assert.deepEqual([...taken, ...rest], whole);
  agent.destroy();
});

test('a token must fit the call', async () => {
  const it = api().public.posts.items({ secUid: SEC_UID, count: 5 });
  await take(it, 1);
  const token = it.resumeToken;
  await assert.rejects(all(api().public.likes.items({ secUid: SEC_UID }, { resume: token })), /continues a walk of public\.posts, not of public\.likes/);
  await assert.rejects(all(api().public.posts.items({ secUid: 'someone-else' }, { resume: token })), /not secUid=/);
  await assert.rejects(all(api().public.posts.items({ secUid: SEC_UID }, { resume: { endpoint: 'public.posts' } })), /the resume token is not valid/);
});
