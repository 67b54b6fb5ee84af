// Validation `field` parity with the official npm SDK 3.2.2: for every rule of
// every parameter, the call the official SDK rejected, and the field it named
// (recorded in core/tests/fixtures/official_validation.json).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import TikAPI, { ValidationError } from 'tikapi';
import { ROOT } from './sandbox.mjs';

const KEY = 'Zyxwvutsrq9876543210';
// Nothing is listening on the discard port: a call that got past validation fails loudly.
const NOWHERE = { base: 'http://127.0.0.1:9', sandboxBase: 'http://127.0.0.1:9' };
const { cases } = JSON.parse(readFileSync(join(ROOT, 'core', 'tests', 'fixtures', 'official_validation.json'), 'utf8'));
const method = (api, key) => key.split('.').reduce((o, k) => o[k], api);

describe('every rule of every parameter fails on the official field', () => {
  test('the fixture covers every rule', () => {
    assert.ok(cases.length > 500);
    assert.deepEqual(new Set(cases.map((c) => c.rule)), new Set(['required', 'type', 'pattern', 'max', 'enum']));
  });
  for (const c of cases) {
    test(`${c.key}: ${c.param} breaking ${c.rule} ${JSON.stringify(c.args)}`, async () => {
      const api = TikAPI(KEY).set({ $sandbox: c.sandbox, $options: NOWHERE });
      const err = await method(api, c.key)(c.args).then(
        () => assert.fail('resolved'),
        (e) => e,
      );
      assert.ok(err instanceof ValidationError, inspect(err));
      assert.ok(err instanceof Error);
      assert.equal(err.kind, 'validation');
      assert.equal(err.field, c.js);
      assert.equal(err.rule, c.rule);
      assert.match(err.message, new RegExp(c.param));
      assert.ok(!err.message.includes(KEY));
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

  test('validation rejects the promise; it never throws synchronously', () => {
    const p = api().public.posts({});
    assert.ok(p instanceof Promise);
    return p.catch(() => {});
  });
});
