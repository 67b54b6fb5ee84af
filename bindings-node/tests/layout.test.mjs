// The JS face's modules: each type-checked (`// @ts-check`), and no require
// cycle between them (errors -> response, never the other way; see README).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './sandbox.mjs';

const DIR = join(ROOT, 'bindings-node', 'js');
const modules = readdirSync(DIR).filter((f) => f.endsWith('.cjs'));
const source = (f) => readFileSync(join(DIR, f), 'utf8');
const requires = (f) => [...source(f).matchAll(/require\('\.\/([\w-]+\.cjs)'\)/g)].map((m) => m[1]);

test('every module of the JS face starts with // @ts-check', () => {
  assert.ok(modules.length >= 7, modules.join(', '));
  for (const f of modules) assert.match(source(f), /^(#!.*\n)?\/\/ @ts-check\n/, f);
});

test('the modules of the JS face require each other without a cycle', () => {
  const graph = new Map(modules.map((f) => [f, requires(f)]));
  assert.deepEqual(graph.get('response.cjs'), [], 'response.cjs requires nothing of the client');
  assert.ok(graph.get('errors.cjs').includes('response.cjs'));
  const state = new Map(); // module -> 'open' while on the path, 'done' after
  const visit = (f, path) => {
    assert.ok(graph.has(f), `${path.join(' -> ')} requires ${f}, which is not in js/`);
    if (state.get(f) === 'done') return;
    assert.notEqual(state.get(f), 'open', `a require cycle: ${[...path, f].join(' -> ')}`);
    state.set(f, 'open');
    for (const next of graph.get(f)) visit(next, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of modules) visit(f, []);
  // The check itself finds a cycle when there is one.
  graph.set('response.cjs', ['errors.cjs']);
  state.clear();
  assert.throws(() => visit('errors.cjs', []), /a require cycle: errors\.cjs -> response\.cjs -> errors\.cjs/);
});
