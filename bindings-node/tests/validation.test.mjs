// Validation parity with the official npm SDK 3.2.2: for every rule of every
// parameter (production and sandbox mode, several rules at once), the field
// the official SDK named and its message, byte for byte (recorded in
// core/tests/fixtures/official_validation.json); the precise explanation is
// `detail`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import TikAPI, { ValidationError } from 'tikapi';
import { ROOT } from './sandbox.mjs';

const KEY = 'Zyxwvutsrq9876543210';
const ACCOUNT = 'Abcdefghij0123456789';
// Nothing is listening on the discard port: a call that got past validation fails loudly.
const NOWHERE = { base: 'http://127.0.0.1:9', sandboxBase: 'http://127.0.0.1:9' };
const { cases } = JSON.parse(readFileSync(join(ROOT, 'core', 'tests', 'fixtures', 'official_validation.json'), 'utf8'));
const method = (api, key) => key.split('.').reduce((o, k) => o[k], api);

describe('every rule of every parameter fails on the official field, in the official words', () => {
  test('the fixture covers every rule', () => {
    assert.ok(cases.length > 1000);
    assert.deepEqual(
      new Set(cases.map((c) => c.rule)),
      new Set(['required', 'type', 'pattern', 'max', 'enum', 'several', 'pattern+max', 'type+enum']),
    );
  });
  for (const c of cases.filter((x) => x.js !== 'OK')) {
    test(`${c.key}: ${c.param} breaking ${c.rule}${c.sandbox ? ' (sandbox)' : ''} ${JSON.stringify(c.args)}`, async () => {
      const api = TikAPI(KEY).set({ $sandbox: c.sandbox, $options: NOWHERE });
      const err = await method(api, c.key)(c.args).then(
        () => assert.fail('resolved'),
        (e) => e,
      );
      assert.ok(err instanceof ValidationError, inspect(err));
      assert.ok(err instanceof Error);
      assert.equal(err.kind, 'validation');
      assert.equal(err.field, c.js);
      if (!c.rule.includes('+') && c.rule !== 'several') assert.equal(err.rule, c.rule);
      assert.equal(err.message, c.js_message);
      assert.match(err.detail, new RegExp(c.js));
      for (const text of [err.message, err.detail, inspect(err)]) {
        assert.ok(!text.includes(KEY) && !text.includes(ACCOUNT), text);
      }
    });
  }
});

describe('validation details', () => {
  const api = () => TikAPI(KEY).set({ $options: NOWHERE });
  const field = (p) =>
    p.then(
      () => assert.fail('resolved'),
      (e) => (e instanceof ValidationError ? [e.field, e.rule] : assert.fail(inspect(e))),
    );

  test('the first broken parameter wins, in resolution order', async () => {
    assert.deepEqual(await field(api().public.posts({ count: 'abc' })), ['secUid', 'required']);
    assert.deepEqual(await field(api().public.posts({ country: 'USA' })), ['country', 'pattern']);
  });

  test('a bad API key is reported on apiKey, without the key', async () => {
    const err = await TikAPI('short').public.check({ username: 'lilyachty' }).catch((e) => e);
    assert.equal(err.field, 'apiKey');
    assert.ok(!inspect(err).includes('short'), inspect(err));
  });

  test('user endpoints need an account key outside the sandbox', async () => {
    assert.deepEqual(await field(api().user.info()), ['accountKey', 'required']);
  });

  test('leniencies: numeric strings for numbers, integers for strings', async () => {
    const posts = api().public.posts({ secUid: 'MS4wLjABAAAA', count: '12', cursor: 40 });
    const err = await posts.catch((e) => e);
    assert.equal(err.kind, 'network', inspect(err)); // validated, then sent nowhere
  });

  test('NaN and infinities are rejected', async () => {
    for (const n of [NaN, Infinity, -Infinity]) {
      const [f, rule] = await field(api().public.posts({ secUid: 'MS4wLjABAAAA', count: n }));
      assert.equal(f, 'count');
      assert.equal(rule, 'finite');
    }
  });

  test('the message is the official words; detail explains, and shows in inspect', async () => {
    const err = await api()
      .user.posts.like({ accountKey: ACCOUNT, media_id: 'not-a-video-id' })
      .catch((e) => e);
    assert.equal(err.message, 'The video ID. Can also be a short TikTok link (e.g. vm.tiktok.com/UwU)');
    assert.equal(err.field, 'media_id');
    assert.match(err.detail, /must match \^\(\[0-9\]\+\|https\?:\/\/vm\.tiktok\.com/);
    assert.match(err.detail, /"not-a-video-id"/);
    assert.match(inspect(err), /detail: /);
    const max = await api().public.check({ username: 'a', session_id: 101 }).catch((e) => e);
    assert.equal(max.message, 'The maximum allowed value allowed for the session_id parameter is 100');
    const one = await api().public.search({ query: 'x', category: 'people' }).catch((e) => e);
    assert.equal(one.message, 'The category parameter should be one of these values: general,users,videos,autocomplete');
    assert.match(one.detail, /"people"/);
  });

  test('validation rejects the promise; it never throws synchronously', () => {
    const p = api().public.posts({});
    assert.ok(p instanceof Promise);
    return p.catch(() => {});
  });
});
