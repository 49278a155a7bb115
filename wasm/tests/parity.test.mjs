// Parity: every case of parity/corpus.jsonl runs natively (the example
// `parity` of the dxplan-wasm crate, built with cargo) and through the
// WebAssembly package; both results, written as JSON text by JSON.stringify,
// must be byte-identical — values, key order, errors and their diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as dx from '../pkg/node.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpusPath = fileURLToPath(new URL('./parity/corpus.jsonl', import.meta.url));
const cases = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => JSON.parse(l));

function native() {
  const out = execFileSync(
    'cargo',
    ['run', '-q', '--locked', '-p', 'dxplan-wasm', '--example', 'parity', '--', corpusPath],
    { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  return out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

const engine = dx.Engine.withDefaults();

function call(op, a) {
  switch (op) {
    case 'calendar': return engine.calendar(a[0], a[1] ?? undefined);
    case 'icalendar': return engine.icalendar(a[0], a[2], a[1] ?? undefined, a[3]);
    case 'holidays': return engine.holidays(a[0]);
    case 'checkDay': return engine.checkDay(a[0]);
    case 'addWorkingDays': return engine.addWorkingDays(a[0], a[1]);
    case 'workingDaysBetween': return engine.workingDaysBetween(a[0], a[1]);
    case 'status': return engine.status(a[0], a[1]);
    case 'plans': return engine.plans();
    case 'kpiCatalog': return engine.kpiCatalog(a[0] ?? undefined, a[1] ?? undefined);
    case 'evaluateKpi': return engine.evaluateKpi(a[0], a[1] ?? undefined);
    case 'consolidateKpi': return engine.consolidateKpi(a[0], a[1] ?? undefined);
    case 'validate': return engine.validate(a[0], a[1]);
    case 'validateField': return engine.validateField(a[0], a[1], a[2], a[3], a[4]);
    case 'schema': return engine.schema(a[0], a[1]);
    case 'explainTarget': return engine.explainTarget(a[0], a[1], a[2] ?? undefined);
    case 'explainDeadline': return engine.explainDeadline(a[0], a[1], a[2], a[3]);
    case 'diff': return engine.diff(a[0], a[1]);
    case 'checkRules': return dx.checkRules(a[0]);
    case 'fromScripts': {
      const e = dx.Engine.fromScripts(a[0]);
      try { return e.rulesSummary(); } finally { e.free(); }
    }
    case 'testRules': return engine.testRules(a[0]);
    case 'workflowNew': return dx.workflowNew(a[0]);
    case 'workflowApply': return engine.workflowApply(a[0], a[1]);
    case 'rollup': return engine.rollup(a[0], a[1]);
    case 'tasks': return dx.tasks(a[0], a[1] ?? undefined);
    default: throw new Error(`unknown op ${op}`);
  }
}

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
