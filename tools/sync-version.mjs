#!/usr/bin/env node
// The version lives in one place: `[workspace.package] version` of the
// workspace Cargo.toml. Python reads it from there (pyproject: dynamic =
// ["version"], maturin); npm needs a literal, so this copies it into
// package.json, package-lock.json and npm/*/package.json (and the versions of
// the root's optionalDependencies, once `napi prepublish` has filled them).
//
//   node tools/sync-version.mjs          write the Cargo version everywhere
//   node tools/sync-version.mjs --check  exit 1 naming every file that differs
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

function cargoVersion() {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const section = toml.split(/^\[/m).find((s) => s.startsWith('workspace.package]'));
  const m = section && section.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('Cargo.toml: no version in [workspace.package]');
  return m[1];
}

const version = cargoVersion();
const problems = [];

function visit(rel, fix) {
  const file = join(ROOT, rel);
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const json = JSON.parse(text);
  const wrong = fix(json);
  if (wrong.length === 0) return;
  if (check) problems.push(`${rel}: ${wrong.join(', ')} (Cargo.toml says ${version})`);
  else {
    writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
    console.log(`${rel}: set ${wrong.join(', ')} to ${version}`);
  }
}

function setField(obj, key, label, wrong) {
  if (obj && obj[key] !== undefined && obj[key] !== version) {
    wrong.push(`${label} is ${obj[key]}`);
    obj[key] = version;
  }
}

function fixManifest(json) {
  const wrong = [];
  setField(json, 'version', 'version', wrong);
  for (const name of Object.keys(json.optionalDependencies || {})) {
    if (name.startsWith('@tikapi-rs/tikapi-')) setField(json.optionalDependencies, name, `optionalDependencies["${name}"]`, wrong);
  }
  return wrong;
}

visit('package.json', fixManifest);
visit('package-lock.json', (json) => {
  const wrong = [];
  setField(json, 'version', 'version', wrong);
  if (json.packages) setField(json.packages[''], 'version', 'packages[""].version', wrong);
  return wrong;
});
for (const dir of readdirSync(join(ROOT, 'npm')).sort()) visit(`npm/${dir}/package.json`, fixManifest);

if (problems.length) {
  console.error(`version out of sync with Cargo.toml (run: node tools/sync-version.mjs):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
if (check) console.log(`versions in sync: ${version}`);
