// Report sessions through WebAssembly: a form sends one value per change and
// gets back what changed; the session always holds what a fresh validation
// of its report gives; a freed session says so; and 100,000 keystrokes on one
// session leave the module's memory where it was (issue 17).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as dx from '../pkg/node.js';
import { initSync } from '../pkg/dxplan.js';

const example = (p) => JSON.parse(readFileSync(new URL(`../../examples/${p}`, import.meta.url), 'utf8'));
const engine = dx.Engine.withDefaults();
// The day after the example was sent (000 §VII.1: due before 20/09/2025).
const today = '16/09/2025';

/** What a form shows: the diagnostics at each path. */
function viewOf(validation) {
  const view = new Map();
  for (const d of validation.diagnostics) {
    const p = d.path ?? null;
    if (!view.has(p)) view.set(p, []);
    view.get(p).push(d);
  }
  return view;
}

function apply(view, change) {
  for (const { path, diagnostics } of change.diagnostics) {
    if (diagnostics.length === 0) view.delete(path);
    else view.set(path, diagnostics);
  }
}

const sorted = (view) => JSON.stringify([...view.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))));

test('typing a count: the changes applied in turn are a fresh validation', () => {
  const s = engine.openReport(example('reports/valid/quarterly.json'), today);
  try {
    const view = viewOf(s.validate());
    for (const typed of ['1', '18', '185', '1850', '185', '', '2000']) {
      const change = typed === '' ? s.remove('/values/dossiers_total') : s.set('/values/dossiers_total', Number(typed));
      apply(view, change);
      const fresh = engine.validate(s.report(), today);
      assert.equal(sorted(view), sorted(viewOf(fresh)), `after typing '${typed}'`);
      assert.deepEqual(change.counts, fresh.counts);
      assert.deepEqual(s.validate(), fresh);
    }
    // 1,320 fully online out of 2,000: 66 %, the target is "tối thiểu 65%" (000 §III.3).
    const rate = s.validate().kpi.results.find((r) => r.indicator === 'full_online_dossiers_rate');
    assert.equal(rate.value, '66');
    assert.equal(rate.status, 'met');
  } finally {
    s.free();
  }
});

test('one change answers only what changed', () => {
  const s = engine.openReport(example('reports/valid/quarterly.json'), today);
  // 2,000 fully online of 1,850: the numerator is part of the denominator.
  const c = s.set('/values/dossiers_full_online', 2000);
  assert.equal(c.valid, false);
  assert.deepEqual(
    c.diagnostics.map((p) => [p.path, p.diagnostics.map((d) => d.code)]),
    [['/values/dossiers_full_online', ['kpi.numerator_exceeds_denominator']]],
  );
  // The rate cannot be computed now: its result changed, no other did.
  assert.deepEqual(c.kpi.map((r) => r.indicator), ['full_online_dossiers_rate']);
  assert.deepEqual(c.kpi_removed, []);
  assert.equal(c.deadline, undefined);
  // Back to the example's figure: the path comes back with nothing at it.
  const back = s.set('/values/dossiers_full_online', 1320);
  assert.deepEqual(back.diagnostics, [{ path: '/values/dossiers_full_online', diagnostics: [] }]);
  assert.equal(back.valid, true);
  s.free();
});

test('bad changes throw at their place and change nothing', () => {
  const s = engine.openReport(example('reports/valid/quarterly.json'), today);
  const before = JSON.stringify(s.report());
  const codes = [
    [() => s.set('/kind/x', 1), 'session.path_invalid', 'path'],
    [() => s.set('/values/dossiers_total', NaN), 'input.not_finite', '/values/dossiers_total'],
    [() => s.set('/'.repeat(100_000), 1), 'input.too_large', 'path'],
  ];
  for (const [f, code, path] of codes) {
    assert.throws(f, (e) => e.name === 'DxplanError' && e.code === code && e.path === path, code);
    assert.equal(JSON.stringify(s.report()), before);
  }
  s.free();
});

test('a freed session says so with a code; it keeps its engine alive', () => {
  const e = dx.Engine.withDefaults();
  const s = e.openReport({ kind: 'quarterly' }, today);
  e.free();
  assert.equal(s.set('/plan', 'city-2025').valid, false); // the engine lives on in the session
  s.free();
  s.free();
  assert.throws(
    () => s.set('/plan', 'city-2025'),
    (err) => err.name === 'DxplanError' && err.code === 'engine.freed' && /Phiên báo cáo/.test(err.messageVi),
  );
  assert.throws(() => new dx.ReportSession({}), TypeError);
});

test('100,000 keystrokes on one session leave the memory within 1 MB of where it started', () => {
  const wasm = initSync({ module: readFileSync(new URL('../pkg/dxplan_bg.wasm', import.meta.url)) });
  const s = engine.openReport(example('reports/valid/quarterly.json'), today);
  const start = wasm.memory.buffer.byteLength;
  const words = 'Đề nghị thành phố hỗ trợ tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng'.split(' ');
  let text = '';
  for (let i = 0; i < 100_000; i++) {
    switch (i % 4) {
      case 0: // a count typed digit by digit, then cleared
        s.set('/values/dossiers_total', (i % 10_000) + 1);
        break;
      case 1: // a sentence typed word by word, started again when long
        text = text.length > 400 ? '' : `${text} ${words[i % words.length]}`;
        s.set('/outline/recommendations', text);
        break;
      case 2: // a table row added, then removed
        if (i % 8 === 2) s.set('/appendices/news/-', { title: `Tin ${i}`, published_on: '2025-09-01' });
        else s.remove('/appendices/news/6');
        break;
      default: // a date typed, half of the time not a day
        s.set('/submitted_on', i % 8 === 3 ? '31/02/2025' : '15/09/2025');
    }
  }
  const grown = wasm.memory.buffer.byteLength - start;
  s.free();
  assert.ok(grown <= 1024 * 1024, `memory grew by ${grown} bytes`);
});
