// Bad input: every parameter of every endpoint given wrong types, huge
// strings, NaN / Infinity / negative / fractional numbers, nested objects and
// arrays, cycles, null / undefined; bad and unknown option keys; wrong call
// shapes; unknown categories and endpoints. Each gives a clear Error — a
// ValidationError with `.field` naming the parameter, a UsageError with
// `.field` naming the option, or a TypeError for a wrong call shape — never a
// crash or a hang. Nothing here reaches a server: the bases point at a closed
// port, so a value that passes validation fails with `connect` at once.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import http from 'node:http';
import { inspect } from 'node:util';
import TikAPI, { NetworkError, UsageError, ValidationError } from 'tikapi';

const KEY = 'Zyxwvutsrq9876543210';
const ACCOUNT = 'AccountKeyForBadInput0000000000000000';
const NOWHERE = { base: 'http://127.0.0.1:9', sandboxBase: 'http://127.0.0.1:9' };
const method = (api, key) => key.split('.').reduce((o, k) => o[k], api);

const cyclic = {};
cyclic.self = cyclic;
let deep = {};
for (let i = 0; i < 100; i++) deep = { deeper: deep };
const HUGE = 'x'.repeat(1 << 20);

// Values no typed parameter accepts: always a ValidationError on that parameter.
const NEVER = {
  'an object': { a: 1 },
  'a nested object': { a: { b: [1, { c: 'd' }] } },
  'an empty object': {},
  'an array': ['a', 1],
  'an empty array': [],
  'a nested array': [[['a']]],
  'an object nested 100 deep': deep,
  'a cyclic object': cyclic,
  'an array holding a cycle': [cyclic],
  'a function': () => 1,
  'a symbol': Symbol('s'),
  'a Date': new Date(0),
  'a Map': new Map([['a', 1]]),
};
// Numbers a number parameter refuses.
const BAD_NUMBERS = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, 'a huge BigInt': 2n ** 80n, 'the string "abc"': 'abc', 'a boolean': true };
// Values that may pass or fail validation, depending on the parameter's rules.
const MAYBE = {
  'a 1 MB string': HUGE,
  'an empty string': '',
  'a lone surrogate': '\uD800',
  'a NUL': 'a\u0000b',
  'a negative number': -1,
  'a fractional number': 1.5,
  'negative zero': -0,
  'a number past 2^53': 2 ** 53 + 2,
  'Number.MAX_VALUE': Number.MAX_VALUE,
  'a small BigInt': 10n,
  'a numeric string': '12',
  'a boolean': false,
  null: null,
  undefined: undefined,
};

/** Valid values for every required parameter, from the catalogue's examples. */
function baseArgs(endpoint) {
  const args = {};
  for (const p of endpoint.params) {
    if (p.inherited || !p.required) continue;
    args[p.key] = p.example ?? (p.type === 'number' ? 1 : 'abcdefghijklmnopqrstuvwxyz0123456789');
  }
  return args;
}

async function outcome(promise) {
  assert.ok(promise instanceof Promise, 'a call always returns a promise');
  return promise.then(
    (r) => assert.fail(`resolved with ${r && r.statusCode}`),
    (e) => e,
  );
}

const endpoints = TikAPI.catalogue.endpoints.filter((e) => !e.hidden);
const client = () => new (TikAPI(KEY).set({ $options: NOWHERE }).user)({ accountKey: ACCOUNT });
const root = () => TikAPI(KEY).set({ $options: NOWHERE });

describe('every parameter of every endpoint', () => {
  let calls = 0;
  for (const endpoint of endpoints) {
    test(endpoint.key, async () => {
      const api = endpoint.key.startsWith('user.') ? client() : root();
      const call = (args) => (endpoint.key.startsWith('user.') ? method(api, endpoint.key.slice(5)) : method(api, endpoint.key))(args);
      const base = baseArgs(endpoint);
      // The valid call passes validation and fails to connect.
      const ok = await outcome(call(base));
      assert.ok(ok instanceof NetworkError && ok.code === 'connect', `${endpoint.key} ${inspect(ok)}`);
      for (const p of endpoint.params) {
        if (p.key === 'apiKey' || p.key === 'accountKey') continue;
        const cases = [];
        for (const [what, v] of Object.entries(NEVER)) cases.push([what, v, p.type !== 'any' || ['an object nested 100 deep', 'a cyclic object', 'an array holding a cycle'].includes(what)]);
        if (p.type === 'number') for (const [what, v] of Object.entries(BAD_NUMBERS)) cases.push([what, v, true]);
        if (p.type === 'string') cases.push(['a boolean', true, true]);
        for (const [what, v] of Object.entries(MAYBE)) cases.push([what, v, false]);
        const results = await Promise.all(cases.map(([, v]) => outcome(call({ ...base, [p.key]: v }))));
        calls += results.length;
        cases.forEach(([what, v], i) => {
          const err = results[i];
          const label = `${endpoint.key}: ${p.key} (${p.type}) given ${what}`;
          assert.ok(err instanceof Error, `${label}: ${inspect(err)}`);
          const absent = v === null || v === undefined;
          if (err instanceof ValidationError) {
            // An absent required parameter of a two-form endpoint (public.discover) may be reported on the other form's.
            if (!(absent && endpoint.variant)) assert.equal(err.field, p.key, `${label}: ${err.message}`);
            assert.ok(err.message.length > 0 && err.message.length < 2000, `${label}: a message of ${err.message.length} chars`);
            assert.ok(!err.message.includes(KEY) && !err.message.includes(ACCOUNT));
          } else if (what === 'a 1 MB string' && p.location !== 'body') {
            // A URL over 64 KB cannot be sent at all (the HTTP stack's limit):
            // refused before sending, saying so, without repeating the URL.
            assert.ok(err instanceof UsageError && /65534-byte limit/.test(err.message), `${label}: ${inspect(err).slice(0, 300)}`);
            assert.ok(err.message.length < 400, `${label}: a message of ${err.message.length} chars`);
          } else {
            assert.ok(!cases[i][2], `${label} was not refused: ${inspect(err)}`);
            assert.ok(err instanceof NetworkError && err.code === 'connect', `${label}: ${inspect(err).slice(0, 300)}`);
          }
          if (absent && p.required) assert.equal(err.rule, 'required', label);
        });
      }
    });
  }
  test('the sweep made thousands of calls', () => {
    console.log(`# ${calls} bad-input calls`);
    assert.ok(calls > 3000, `${calls}`);
  });
});

describe('call shapes', () => {
  test('a call with anything but one object rejects with a TypeError', async () => {
    const api = root();
    for (const bad of ['lilyachty', 42, true, ['lilyachty'], () => 1, Symbol('x'), 10n]) {
      const err = await outcome(api.public.check(bad));
      assert.ok(err instanceof TypeError, inspect(err));
      assert.match(err.message, /one object/);
    }
  });

  test('no arguments, null and undefined are an empty call (the required field is named)', async () => {
    for (const nothing of [undefined, null]) {
      const err = await outcome(root().public.posts(nothing));
      assert.ok(err instanceof ValidationError, inspect(err));
      assert.equal(err.field, 'secUid');
    }
  });

  test('a FormData is taken as its fields, as the official SDK does', async () => {
    const form = new FormData();
    form.append('username', 'lilyachty');
    const err = await outcome(root().public.check(form));
    assert.ok(err instanceof NetworkError, inspect(err)); // validated, then sent nowhere
    assert.match(err.url, /username=lilyachty/);
  });

  test('a getter that throws: its error, as a rejection', async () => {
    const boom = new Error('boom');
    const err = await outcome(
      root().public.check({
        get username() {
          throw boom;
        },
      }),
    );
    assert.equal(err, boom);
  });

  test('set and category constructors with a non-object throw a TypeError', () => {
    const api = root();
    for (const bad of ['x', 1, ['a'], true]) {
      assert.throws(() => api.set(bad), TypeError);
      assert.throws(() => new api.user(bad), TypeError);
    }
  });

  test('a category called without new, an endpoint called with new', async () => {
    const api = root();
    assert.throws(() => api.user({}), /new/);
    const err = await outcome(new api.public.check({ username: 'lilyachty' }));
    assert.ok(err instanceof TypeError);
    assert.match(err.message, /endpoint/);
  });

  test('unknown categories and endpoints are TypeErrors from JavaScript itself', () => {
    const api = root();
    assert.equal(api.nope, undefined);
    assert.equal(api.public.nope, undefined);
    assert.throws(() => api.nope.check(), TypeError);
    assert.throws(() => api.public.nope(), TypeError);
    assert.throws(() => api.user.posts.nope(), TypeError);
  });

  test('a key that is not a string is turned into one; an empty key throws', () => {
    assert.throws(() => TikAPI(''), /API Key is required/);
    const err = TikAPI(12345).public.check({ username: 'x' });
    return outcome(err).then((e) => assert.equal(e.field, 'apiKey'));
  });
});

describe('options', () => {
  const call = (options) => root().public.check({ username: 'lilyachty', $options: options });

  test('an unknown key is an error naming it, with a suggestion', async () => {
    const err = await outcome(call({ timout: 1000 }));
    assert.ok(err instanceof UsageError, inspect(err));
    assert.equal(err.kind, 'usage');
    assert.equal(err.field, '$options.timout');
    assert.match(err.message, /Unknown \$options key "timout" \(did you mean "timeout"\?\)/);
    const far = await outcome(call({ somethingElse: 1 }));
    assert.equal(far.field, '$options.somethingElse');
    assert.doesNotMatch(far.message, /did you mean/);
    assert.throws(() => root().set({ $options: { retry: 3 } }), (e) => e instanceof UsageError && e.field === '$options.retry');
    assert.throws(() => new (root().user)({ $options: { proxies: 'http://x' } }), (e) => e instanceof UsageError && e.field === '$options.proxies');
  });

  test("the official SDK's own keys are accepted", async () => {
    const err = await outcome(
      call({ on_request: () => {}, on_success: undefined, on_error: undefined, fetch_agent: null, params: {}, $other: {}, values: {} }),
    );
    assert.ok(err instanceof NetworkError, inspect(err));
    root().set({ $options: { fetch_agent: new http.Agent(), on_request: () => {} } });
    root().set({ $options: { fetch_agent: () => new http.Agent(), on_success: null, on_error: undefined } });
    // A value that cannot be an agent or a hook is refused, naming the option.
    assert.throws(() => root().set({ $options: { fetch_agent: {} } }), (e) => e instanceof UsageError && e.field === '$options.fetch_agent');
    assert.throws(() => root().set({ $options: { on_request: 'yes' } }), (e) => e instanceof UsageError && e.field === '$options.on_request');
  });

  test('$options.values are defaults, below the values given beside them', async () => {
    let err = await outcome(root().public.check({ $options: { values: { username: 'fromvalues' } } }));
    assert.match(err.url, /username=fromvalues/);
    err = await outcome(root().public.check({ username: 'given', $options: { values: { username: 'fromvalues' } } }));
    assert.match(err.url, /username=given/);
    err = await outcome(root().set({ $options: { values: { country: 'gb' } } }).public.check({ username: 'x' }));
    assert.match(err.url, /country=gb/);
  });

  const BAD = {
    base: [5, {}, true],
    sandboxBase: [5],
    proxy: [5, {}],
    timeout: ['abc', 0, -1, NaN, Infinity, 1e300, {}, true],
    connectTimeout: ['1', 0, -5, NaN, 2 ** 31],
    retries: [-1, 1.5, NaN, Infinity, 'abc', 2 ** 40],
    maxBodySize: [0, -1, NaN, 'big', 0.5],
    maxConnections: [0, -1, 1.5, NaN, Infinity, '4', 2 ** 40, true],
    dangerouslyAcceptInvalidCertificates: ['true', 1, {}],
    headers: [5, 'x', true, [['only-a-name']], { 'X-A': 'a\r\nX-Injected: 1' }, { 'X A': 'a' }, { '': 'a' }, { 'X-A': 'nul\u0000' }],
    values: ['x', 5, ['a']],
  };
  for (const [name, values] of Object.entries(BAD)) {
    test(`a bad ${name} is a UsageError naming it`, async () => {
      for (const v of values) {
        const err = await outcome(call({ [name]: v }));
        assert.ok(err instanceof UsageError, `${name}=${inspect(v)}: ${inspect(err)}`);
        assert.equal(err.field, `$options.${name}`);
        assert.match(err.message, new RegExp(`\\$options\\.${name}`));
        assert.throws(() => root().set({ $options: { [name]: v } }), UsageError, `set ${name}=${inspect(v)}`);
      }
    });
  }

  test('$options that is not an object is a TypeError', async () => {
    for (const bad of ['x', 5, true, ['a']]) {
      const err = await outcome(call(bad));
      assert.ok(err instanceof TypeError, inspect(err));
      assert.throws(() => root().set({ $options: bad }), TypeError);
    }
  });

  test('null and undefined options are ignored', async () => {
    const err = await outcome(call({ timeout: undefined, retries: null, headers: null, base: undefined }));
    assert.ok(err instanceof NetworkError, inspect(err));
  });

  test('the largest accepted values work', async () => {
    const err = await outcome(call({ timeout: 2 ** 31 - 1, connectTimeout: 1000, retries: 0, maxBodySize: Number.MAX_SAFE_INTEGER, maxConnections: 2 ** 32 - 1 }));
    assert.ok(err instanceof NetworkError, inspect(err));
  });
});
