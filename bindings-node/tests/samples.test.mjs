// Every JavaScript request sample of the docs v3.1.4, run verbatim in its own
// process against the local sandbox. The only change: the placeholder key
// "myAPIKey" becomes the sandbox key. No sample enables the sandbox, so the
// client reaches it through TIKAPI_BASE_URL, as any unchanged app would.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { API_KEY, ROOT, startSandbox } from './sandbox.mjs';

const run = promisify(execFile);
const FIXTURES = join(ROOT, 'bindings-node', 'tests', 'fixtures');
const { samples } = JSON.parse(readFileSync(join(FIXTURES, 'doc-samples.json'), 'utf8'));
const DEFECTS = JSON.parse(readFileSync(join(FIXTURES, 'doc-sample-defects.json'), 'utf8'));
const ENDLESS = new Set(['User.live.chat']);

let sandbox;
let dir;
before(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'tikapi-samples-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'tikapi'), 'dir');
});
after(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the docs have 55 JavaScript request samples', () => assert.equal(samples.length, 55));

for (const [i, sample] of samples.entries()) {
  test(`docs sample at line ${sample.line}: ${sample.call}`, async () => {
    const file = join(dir, `sample-${i}.mjs`);
    let code = sample.code.replaceAll('"myAPIKey"', JSON.stringify(API_KEY));
    const env = { ...process.env, TIKAPI_BASE_URL: sandbox.url, TIKAPI_SANDBOX_URL: sandbox.url };
    const defect = DEFECTS[sample.line];
    if (defect) {
      writeFileSync(file, code);
      await assert.rejects(run(process.execPath, [file], { env, cwd: dir }), (e) => e.stderr.includes(defect.error));
      assert.ok(code.includes(defect.replace[0]));
      code = code.replace(defect.replace[0], defect.replace[1]);
    }
    writeFileSync(file, code);
    const { stderr } = await run(process.execPath, ['--import', join(FIXTURES, 'sample-hook.mjs'), file], { env, cwd: dir });
    const line = stderr.split('\n').find((l) => l.startsWith('SAMPLE-REPORT '));
    assert.ok(line, `no report; stderr: ${stderr}`);
    const report = JSON.parse(line.slice('SAMPLE-REPORT '.length));
    assert.deepEqual(report.errors, []);
    assert.ok(report.logs >= 1);
    assert.equal(report.stopped, ENDLESS.has(sample.call), 'only the live chat is endless');
  });
}
