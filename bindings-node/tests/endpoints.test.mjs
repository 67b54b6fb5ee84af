// Every catalogue endpoint against the local sandbox, and every paginated one
// walked to its end, with nextItems() and with the pages()/items() iterators.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import TikAPI from 'tikapi';
import { API_KEY, startSandbox } from './sandbox.mjs';

let sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());

const CURSORS = ['cursor', 'offset', 'nextCursor', 'min_time', 'max_time'];
// The live chat is an endless stream by design (a nextCursor on every page).
const ENDLESS = new Set(['user.live.chat']);
const MAX_PAGES = 100;

const method = (api, key) => key.split('.').reduce((o, k) => o[k], api);
/** Arguments that pick this form of a two-form endpoint; sandbox examples fill the rest. */
const formArgs = (e) => {
  const own = e.params.filter((p) => p.required && !p.inherited && p.example == null);
  const args = Object.fromEntries(own.map((p) => [p.key, p.enum ? p.enum[0] : 'lilyachty']));
  if (e.variant) for (const p of e.params) if (p.required && !p.inherited) args[p.key] = p.enum ? p.enum[0] : p.example;
  return args;
};

describe('every catalogue endpoint', () => {
  for (const e of TikAPI.catalogue.endpoints) {
    test(`${e.key}${e.variant ? ` (${e.variant})` : ''}`, async () => {
      const api = TikAPI(API_KEY).set({ $sandbox: true });
      const r = await method(api, e.key)(formArgs(e));
      assert.equal(r.statusCode, 200);
      assert.equal(r.ok, true);
      assert.equal(typeof r.json, 'object');
      assert.equal(r.headers.get('Content-Type'), 'application/json');
      assert.ok(r.url.startsWith(sandbox.url), r.url);
      assert.equal(typeof r.nextItems, 'function');
    });
  }
});

describe('pagination to the end', () => {
  const paginated = TikAPI.catalogue.endpoints.filter((e) => e.params.some((p) => CURSORS.includes(p.key)));
  test('some endpoints page', () => assert.ok(paginated.length > 20));
  for (const e of paginated) {
    test(`${e.key}${e.variant ? ` (${e.variant})` : ''}`, async () => {
      const api = TikAPI(API_KEY).set({ $sandbox: true });
      const fn = method(api, e.key);
      let r = await fn(formArgs(e));
      let pages = 0;
      while (r && pages < MAX_PAGES) {
        pages++;
        const next = r.nextItems();
        assert.ok(next === null || next instanceof Promise, 'a promise of the next page, or null at once');
        r = await Promise.resolve(next);
      }
      if (ENDLESS.has(e.key)) {
        assert.equal(pages, MAX_PAGES, 'the live chat never ends');
        return;
      }
      assert.equal(r, null, `more than ${MAX_PAGES} pages`);
      // The iterator sees the same pages.
      let walked = 0;
      for await (const page of fn.pages(formArgs(e))) {
        assert.equal(page.statusCode, 200);
        walked++;
      }
      assert.equal(walked, pages);
    });
  }

  test('pages() honours maxPages; items() yields every item across pages', async () => {
    const api = TikAPI(API_KEY).set({ $sandbox: true });
    const secUid = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';
    let n = 0;
    for await (const page of api.public.posts.pages({ secUid }, { maxPages: 2 })) n += page.json.itemList.length > 0 ? 1 : 0;
    assert.equal(n, 2);
    let expected = 0;
    for await (const page of api.public.posts.pages({ secUid })) expected += page.json.itemList.length;
    let items = 0;
    for await (const item of api.public.posts.items({ secUid })) {
      assert.equal(typeof item.id, 'string');
      items++;
    }
    assert.equal(items, expected);
    assert.ok(items > 30);
    // Endless streams stop at a limit.
    const User = new api.user({});
    let chat = 0;
    for await (const page of User.live.chat.pages({ room_id: '7112492061034646278' }, { maxPages: 5 })) chat += page ? 1 : 0;
    assert.equal(chat, 5);
  });

  test('items() stops exactly at maxItems; pages() at the page that reaches it', async () => {
    const api = TikAPI(API_KEY).set({ $sandbox: true });
    const secUid = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';
    const all = [];
    for await (const page of api.public.posts.pages({ secUid, count: 5 })) all.push(...page.json.itemList);
    const items = [];
    for await (const item of api.public.posts.items({ secUid, count: 5 }, { maxItems: 7 })) items.push(item);
    assert.deepEqual(items, all.slice(0, 7));
    let pages = 0;
    for await (const page of api.public.posts.pages({ secUid, count: 5 }, { maxItems: 7 })) pages += page ? 1 : 0;
    assert.equal(pages, 2);
    for await (const item of api.public.posts.items({ secUid }, { maxItems: 0 })) assert.fail(`no item expected, got ${item}`);
  });

  test('a limit that is not a whole number >= 0 is a ValidationError naming it', async () => {
    const api = TikAPI(API_KEY).set({ $sandbox: true });
    const cases = [
      [{ maxPages: -1 }, 'maxPages', 'min'],
      [{ maxItems: -5 }, 'maxItems', 'min'],
      [{ maxPages: 1.5 }, 'maxPages', 'type'],
      [{ maxItems: '3' }, 'maxItems', 'type'],
      [{ maxPages: NaN }, 'maxPages', 'type'],
    ];
    for (const [limits, field, rule] of cases) {
      for (const walk of [api.public.posts.pages, api.public.posts.items]) {
        const err = await walk({ secUid: 'x'.repeat(40) }, limits)
          .next()
          .then(
            () => assert.fail(`${JSON.stringify(limits)} was accepted`),
            (e) => e,
          );
        assert.equal(err.name, 'ValidationError', String(err));
        assert.equal(err.field, field);
        assert.equal(err.rule, rule);
        assert.match(err.message, new RegExp(field));
        assert.equal(err.detail, err.message, 'a limit only this package has keeps its words');
      }
    }
    // Null and undefined are no limit; a huge one never stops the walk.
    const first = await api.public.posts.pages({ secUid: 'x'.repeat(40) }, { maxPages: null, maxItems: 2 ** 60 }).next();
    assert.equal(first.value.statusCode, 200);
  });
});
