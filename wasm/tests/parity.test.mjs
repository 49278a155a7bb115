// Parity: every case of parity/corpus.jsonl runs natively (the example
// `parity` of the dxplan-tests crate, built with cargo) and through the
// WebAssembly package; both results, written as JSON text by JSON.stringify,
// must be byte-identical — values, key order, errors and their diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as dx from '../pkg/node.js';
import { cases, corpusPath } from './corpus.mjs';
import { caller } from './dispatch.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

function native() {
  const out = execFileSync(
    'cargo',
    ['run', '-q', '--locked', '-p', 'dxplan-tests', '--example', 'parity', '--', corpusPath],
    { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  return out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

const engine = dx.Engine.withDefaults();
const call = caller(dx, engine);

function viaWasm(c) {
  try {
    return { id: c.id, ok: call(c.op, c.args) };
  } catch (e) {
    if (e.name !== 'DxplanError') throw e;
    return { id: c.id, error: e.diagnostics };
  }
}

test('the corpus has at least 200 cases with unique ids', () => {
  assert.ok(cases.length >= 200, `${cases.length} cases`);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length);
  for (const c of cases) assert.ok(c.why, `${c.id} says why`);
});

test('native and WebAssembly results are identical for every case', () => {
  const expected = native();
  assert.equal(expected.length, cases.length);
  let errors = 0;
  for (let i = 0; i < cases.length; i++) {
    const got = JSON.stringify(viaWasm(cases[i]));
    const want = JSON.stringify(expected[i]);
    assert.equal(got, want, `case ${cases[i].id}`);
    if (expected[i].error) errors++;
  }
  // Both kinds of answers are covered: results and structured errors.
  assert.ok(errors >= 20 && errors < cases.length - 150, `${errors} error cases`);
});
