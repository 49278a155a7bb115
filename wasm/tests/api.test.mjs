// The package's exports from Node, against the seeds: each export answers,
// bad input throws a DxplanError (code, path, Vietnamese and English
// message; line and column for scripts), hostile rule scripts are stopped,
// and the same instance keeps working after every error. The full module
// (entry `dxplan/rules`), which has every export; lean.test.mjs holds the
// default entry's module to the same answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as dx from '../pkg/rules/node.js';

const example = (p) => JSON.parse(readFileSync(new URL(`../../examples/${p}`, import.meta.url), 'utf8'));
const engine = dx.Engine.withDefaults();

function throwsDx(fn, code, more = {}) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error, 'throws an Error');
  assert.equal(caught.name, 'DxplanError');
  assert.equal(caught.code, code, caught.messageEn);
  assert.equal(caught.message, caught.messageVi, 'message is the Vietnamese text');
  assert.ok(caught.messageVi.length > 0 && caught.messageEn.length > 0);
  assert.ok(Array.isArray(caught.diagnostics) && caught.diagnostics.length >= 1);
  assert.equal(caught.diagnostics[0].code, code);
  for (const [k, v] of Object.entries(more)) assert.equal(caught[k], v, k);
  return caught;
}

test('version and init', async () => {
  assert.match(dx.version(), /^\d+\.\d+\.\d+$/);
  await dx.init(); // already instantiated on import in Node
});

test('calendar: 000 §VII.1 quarterly deadlines of city-2025 in 2025', () => {
  const cal = engine.calendar(2025, { plan: 'city-2025', level: 'unit' });
  const q = cal.obligations.filter((o) => o.kind === 'quarterly').map((o) => o.due_before);
  // "hằng quý (trước ngày 20 tháng cuối của quý)"
  assert.deepEqual(q, ['2025-03-20', '2025-06-20', '2025-09-20', '2025-12-20']);
  const annual = cal.obligations.find((o) => o.kind === 'annual');
  assert.equal(annual.due_before, '2025-12-15'); // "năm (trước ngày 15 tháng 12 năm 2025)"
  assert.equal(annual.last_day_is_working_day, false); // 14/12/2025 is a Sunday
});

test('icalendar: one VEVENT per obligation, stamped with the day passed in', () => {
  const ics = engine.icalendar(2025, '02/01/2025', { plan: 'city-2025', level: 'unit' });
  assert.ok(ics.startsWith('BEGIN:VCALENDAR'));
  assert.equal((ics.match(/BEGIN:VEVENT/g) || []).length, engine.calendar(2025, { plan: 'city-2025', level: 'unit' }).obligations.length);
  assert.match(ics, /DTSTAMP:20250102/);
});

test('holidays and working days: Tết 2025 and the 30/4–1/5 swap', () => {
  const h = engine.holidays(2025);
  assert.ok(h.days_off.some((d) => d.date === '2025-01-29' && d.reason === 'holiday')); // Mùng 1 Tết Ất Tỵ
  assert.ok(h.working_weekend_days.some((w) => w.date === '2025-04-26' && w.in_exchange_for === '2025-05-02'));
  assert.equal(engine.checkDay('02/09/2025').is_working_day, false); // Quốc khánh
  assert.equal(engine.checkDay('2025-04-26').is_working_day, true); // Saturday worked
  // Công văn 8662/VPCP-KGVX: Tết 8/2–14/2/2024, named with its notice; 2026 has none yet.
  const y2024 = engine.holidays(2024);
  assert.equal(y2024.provisional, undefined);
  assert.ok(y2024.notices.some((n) => n.includes('8662/VPCP-KGVX')), y2024.notices.join('; '));
  const y2026 = engine.holidays(2026);
  assert.match(y2026.provisional.vi, /dự kiến/);
  assert.equal(engine.checkDay('2026-02-16').provisional, true);
  // Labour Code 2012 before 2021: National Day one day, Thursday 3/9/2020 worked.
  assert.equal(engine.checkDay('2020-09-03').is_working_day, true);
  assert.equal(engine.holidays(2020).labour_code, '2012');
  assert.equal(engine.addWorkingDays('2025-09-01', 1), '2025-09-03'); // 1/9 and 2/9 are days off
  assert.equal(engine.workingDaysBetween('2025-09-14', '2025-09-19'), 5);
});

test('status: overdue quarterly report, days and working days late', () => {
  const s = engine.status({ plan: 'city-2025', kind: 'quarterly', period: '2025-Q3' }, '2025-09-25');
  assert.equal(s.obligation.deadline, '2025-09-19');
  assert.deepEqual(s.status.status, { state: 'overdue', days_late: 6, working_days_late: 4 });
});

test('plans, catalog, explain and diff', () => {
  assert.ok(engine.plans().some((p) => p.id === 'city-2025'));
  const cat = engine.kpiCatalog('city-2025', 2025);
  const rate = cat.find((i) => i.id === 'full_online_dossiers_rate');
  assert.equal(rate.targets[0].value, '65'); // 000 §III: 65 % of dossiers fully online
  const steps = engine.explainTarget('e_contract_enterprises_rate', '2025-06-01', 'dti-2022');
  assert.equal(steps[0].plan, 'dti-2022');
  assert.equal(steps[0].steps.filter((s) => s.in_force).length, 1);
  const d = engine.explainDeadline('dti-2022', 'quarterly', 'unit', '01/03/2025');
  assert.equal(d.recipient_in_force, 'so-khcn'); // 003 §V: to the Department of Science and Technology from 01/03/2025
  const diff = engine.diff(2024, 2025);
  assert.equal(diff.from_year, 2024);
  assert.ok(diff.changes.every((c) => c.year === 2025));
});

test('KPI: 13/20 is exactly 65 % (met), 12/20 is not (000 §III)', () => {
  const at = (n) =>
    engine.evaluateKpi(
      { unit: 'phuong-a', level: 'commune', period: '2025', values: { dossiers_full_online: n, dossiers_total: 20 } },
      { plans: ['city-2025'] },
    ).results.find((r) => r.indicator === 'full_online_dossiers_rate');
  assert.equal(at(13).status, 'met');
  assert.equal(at(13).value, '65');
  assert.equal(at(12).status, 'not_met');
  const c = engine.consolidateKpi(example('kpi/consolidation-city-2025-q4.json'));
  assert.ok(c.units_reported.length >= 1);
  assert.ok(c.units_missing.length >= 1);
});

test('validate and validateField on the example quarterly report', () => {
  const report = example('reports/valid/quarterly.json');
  const before = JSON.stringify(report);
  const v = engine.validate(report, '2025-09-16');
  assert.equal(v.valid, true, JSON.stringify(v.diagnostics.filter((d) => d.severity === 'error')));
  assert.equal(v.deadline.deadline, '2025-09-19');
  assert.equal(JSON.stringify(report), before, 'the report is not mutated');
  const f = engine.validateField('quarterly', '/values/dossiers_total', 5, report, '2025-09-16');
  assert.ok(f.checked.includes('/values/dossiers_full_online'));
  assert.equal(f.diagnostics[0].code, 'kpi.numerator_exceeds_denominator');
  assert.equal(f.diagnostics[0].path, '/values/dossiers_full_online');
  const ok = engine.validateField('quarterly', '/values/dossiers_total', 2000, report, '2025-09-16');
  assert.deepEqual(ok.diagnostics, []);
});

test('schema: JSON Schema 2020-12 with Vietnamese titles', () => {
  const s = engine.schema('quarterly', 2025);
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(s.properties.values);
});

test('rules: check, summary, tests, engines from page-supplied scripts', () => {
  const scripts = dx.defaultScripts();
  assert.deepEqual(scripts.map((s) => s.name), ['2020.rhai', '2021.rhai', '2022.rhai', '2023.rhai', '2024.rhai', '2025.rhai', '2026.rhai']);
  const check = dx.checkRules(scripts);
  assert.equal(check.ok, true);
  assert.equal(check.changes.length, engine.rulesSummary().changes.length);
  // The rules as they stood in 2024: the 2025 and 2026 scripts are left out.
  const of2024 = dx.Engine.withDefaults(2024);
  const years = of2024.rulesSummary().changes.map((c) => c.year);
  of2024.free();
  assert.ok(years.length > 0 && years.every((y) => y <= 2024), years.join(','));
  assert.ok(engine.rulesSummary().changes.some((c) => c.year === 2025));
  const api = dx.scriptApi();
  assert.ok(api.some((f) => f.name === 'muc_tieu' && f.params.startsWith('chỉ_tiêu')));
  const outcomes = engine.testRules(dx.defaultRuleTests());
  assert.ok(outcomes.length > 0 && outcomes.every((o) => o.passed));
  // A policy edit: the 2026 target of full_online_dossiers_rate raised to 90 %.
  const edited = dx.Engine.fromScripts([
    ...scripts,
    { name: '2027.rhai', source: 'muc_tieu("full_online_dossiers_rate", "city-2025", 2027, ">=", 90, #{ tai_lieu: "000_b9c617fe6a001fd2.txt", muc: "§III", trich_dan: "thử nghiệm: nâng mục tiêu năm 2027" });' },
  ]);
  const summary = edited.rulesSummary();
  assert.equal(summary.changes.filter((c) => c.origin.file === '2027.rhai').length, 1);
  const steps = edited.explainTarget('full_online_dossiers_rate', '2027-01-01', 'city-2025');
  edited.free();
  assert.equal(steps[0].steps.find((s) => s.in_force).origin.startsWith('2027.rhai'), true);
  const broken = dx.checkRules([{ name: '2026.rhai', source: 'let a = 1;\nlet x = ;' }]);
  assert.equal(broken.ok, false);
  assert.equal(broken.diagnostics[0].code, 'rules.syntax');
  assert.equal(broken.diagnostics[0].span.line, 2);
});

test('workflow and tasks', () => {
  const draft = example('workflow/draft.json');
  const rec = dx.workflowNew(draft.report);
  assert.equal(rec.state, 'draft');
  const submitted = engine.workflowApply(rec, example('workflow/submit.json'));
  assert.equal(submitted.state, 'submitted');
  assert.equal(submitted.history.length, 1);
  throwsDx(() => engine.workflowApply(submitted, example('workflow/return-without-reason.json')), 'workflow.reason_required');
  const accepted = engine.workflowApply(submitted, example('workflow/accept.json'));
  const r = engine.rollup([accepted], { level: 'city', period: '2025-Q3', plan: 'city-2025', expected: ['phuong-quyet-thang', 'xa-dak-cam'] });
  assert.deepEqual(r.missing, ['xa-dak-cam']);
  const t = dx.tasks('2025-10-05', { progress: example('tasks/progress-2025.json') });
  const t43 = t.find((s) => s.task.id === '000-V-4.3');
  assert.deepEqual([t43.state, t43.days_left], ['due_soon', 26]); // "Tháng 10 năm 2025"
});

test('events start every task they name; obligations carry their names for people (issue 14 §4–5)', () => {
  // examples/tasks/events-2025.json: central guidance of 02/06/2025 starts 004 Phụ lục II.15 and II.16.
  const t = dx.tasks('2025-07-10', example('tasks/events-2025.json'));
  const s16 = t.find((s) => s.task.id === '004-II-16');
  assert.deepEqual([s16.state, s16.triggered_on], ['in_progress', '2025-06-02']);
  assert.equal(t.find((s) => s.task.id === '004-II-22').state, 'waiting_for_trigger');
  throwsDx(() => dx.tasks('2025-07-10', example('tasks/invalid/event-starts-dated-task.json')),
    'task.not_event_triggered', { path: 'events/0/starts/1' });
  const cal = engine.calendar(2025, { plan: 'city-2025' });
  const q3 = cal.obligations.find((o) => o.id === 'city-2025/unit/quarterly/2025-Q3');
  assert.equal(q3.names.report.vi, 'Báo cáo quý III/2025');
  assert.equal(q3.names.source.vi, 'Kế hoạch Chuyển đổi số thành phố Kon Tum năm 2025, §VII.1, dòng 903–906');
  // 004 §IV: reports without a day are listed and flagged, not dated.
  const a03 = engine.calendar(2025, { plan: 'action-03-2025' });
  assert.equal(a03.obligations.length, 0);
  assert.equal(a03.undated.length, 3);
  assert.ok(a03.diagnostics.every((d) => d.code === 'obligation.no_day'));
});

test('a freed engine says so with a code, and freeing twice is harmless (issue 15)', () => {
  const e = dx.Engine.withDefaults();
  e.free();
  e.free();
  throwsDx(() => e.checkDay('2025-09-19'), 'engine.freed');
  // Other engines of the instance still work.
  assert.equal(engine.checkDay('2025-09-19').is_working_day, true);
});

test('errors are DxplanError objects with code, path and both languages', () => {
  throwsDx(() => engine.checkDay('31/02/2025'), 'date.invalid', { path: 'date' });
  throwsDx(() => engine.calendar(2025, { plan: 'nope' }), 'plan.unknown');
  throwsDx(() => engine.calendar(2025.5), 'input.invalid_json', { path: 'year' });
  throwsDx(() => engine.holidays(1800), 'date.out_of_range');
  throwsDx(() => engine.status({ plan: 'city-2025' }, '2025-01-01'), 'input.invalid_json', { path: 'query' });
  throwsDx(() => engine.validateField('monthly', '/x', 1, {}, '2025-01-01'), 'kind.unknown');
  throwsDx(() => engine.addWorkingDays('2025-01-01', 1.5), 'input.invalid_json', { path: 'n' });
  // NaN and Infinity cannot be JSON: refused at their pointer instead of becoming null.
  throwsDx(() => engine.validate({ kind: 'quarterly', values: { dossiers_total: NaN } }, '2025-01-01'), 'input.not_finite', { path: '/values/dossiers_total' });
  throwsDx(() => engine.evaluateKpi({ unit: 'a', level: 'commune', period: '2025', values: { x: Infinity } }), 'input.not_finite', { path: '/values/x' });
  // Cycles and absurd nesting stop at the depth limit instead of exhausting the stack.
  const cyclic = { kind: 'quarterly' };
  cyclic.self = cyclic;
  throwsDx(() => engine.validate(cyclic, '2025-01-01'), 'input.invalid_json');
  let deep = 1;
  for (let i = 0; i < 10000; i++) deep = [deep];
  throwsDx(() => engine.validate({ kind: 'quarterly', values: deep }, '2025-01-01'), 'input.invalid_json');
  const e = throwsDx(() => dx.Engine.fromScripts([{ name: '2026.rhai', source: 'let a = 1;\nlet x = ;' }]), 'rules.syntax');
  assert.equal(e.file, '2026.rhai');
  assert.equal(e.line, 2);
  assert.ok(e.column > 0);
  throwsDx(() => dx.Engine.fromScripts([{ name: 'rules.rhai', source: '' }]), 'rules.file', { path: '/0/name' });
  throwsDx(() => dx.tasks('2025-10-05', { progress: [{ task: '000-V-99', on: '2025-01-01', kind: 'done' }] }), 'task.unknown', { path: 'progress/0/task' });
});

test('hostile scripts are stopped and the instance stays usable', () => {
  const report = example('reports/valid/quarterly.json');
  const hostile = {
    'endless loop': ['loop { }', 'rules.limit'],
    recursion: ['fn f(x) { f(x + 1) } f(0);', 'rules.limit'],
    'huge string': ['let s = "ab"; loop { s += s; }', 'rules.limit'],
    'huge array': ['let a = [1]; loop { a += a; }', 'rules.limit'],
    'huge map': ['let m = #{}; for i in 0..100000 { m[`k${i}`] = i; }', 'rules.limit'],
    'deep nesting': ['let x = ' + '['.repeat(500) + ']'.repeat(500) + ';', 'rules.limit'],
    'long source': ['// x\n'.repeat(300000), 'rules.too_large'],
  };
  for (const [what, [source, code]] of Object.entries(hostile)) {
    const e = throwsDx(() => dx.Engine.fromScripts([{ name: '2026.rhai', source }]), code);
    assert.ok(e.messageEn.length > 0, what);
    // The default engine and the package keep working after each refusal.
    assert.equal(engine.validate(report, '2025-09-16').valid, true, `usable after ${what}`);
    assert.equal(dx.checkRules(dx.defaultScripts()).ok, true);
  }
});

test('numbers typed in Vietnamese go to the engine as text and are read there', async () => {
  const { valueOf } = await import('../pkg/form.js');
  const input = (value) => ({
    type: 'number',
    tagName: 'INPUT',
    value,
    validity: { badInput: false },
    getAttribute: () => null,
  });
  assert.equal(valueOf(input(' 1.234.567 ')), '1.234.567');
  assert.equal(valueOf(input('')), undefined);
  const ctx = { unit: { level: 'commune' }, period: '2025-Q3' };
  const check = (v) => engine.validateField('quarterly', '/values/dossiers_total', v, ctx, '2025-09-16').diagnostics;
  assert.deepEqual(check('1.234.567'), []);
  assert.deepEqual(check('97,5').map((d) => d.code), ['kpi.input_invalid']); // a count is whole
  assert.deepEqual(check('1.23.4').map((d) => d.code), ['kpi.input_invalid']);
  // 000 §III.3: 1.300 of 2.000 dossiers fully online is 65 %, met.
  const ev = engine.evaluateKpi(
    { unit: 'a', level: 'commune', period: '2025', values: { dossiers_full_online: '1.300', dossiers_total: '2.000' } },
    { plans: ['city-2025'] },
  );
  const r = ev.results.find((x) => x.indicator === 'full_online_dossiers_rate');
  assert.equal(r.value, '65');
  assert.equal(r.status, 'met');
});
