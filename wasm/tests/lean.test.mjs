// The lean module (the package's default entry `dxplan`: no Rhai, the
// default rules precompiled) against the full one (`dxplan/rules`): the
// same rules and answers, and what needs a script engine refused with
// rules.unavailable naming the entry to import (parity.test.mjs runs the
// whole corpus through both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as lean from '../pkg/node.js';
import * as full from '../pkg/rules/node.js';

const file = (p) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const report = JSON.parse(file('examples/reports/valid/quarterly.json'));

/** The error `f` throws. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('did not throw');
}

function refusedNamingTheEntry(e, what) {
  assert.ok(e instanceof lean.DxplanError && e instanceof full.DxplanError, String(e));
  assert.equal(e.code, 'rules.unavailable');
  assert.match(e.messageVi, /hãy dùng gói 'dxplan\/rules' thay cho 'dxplan'/);
  assert.match(e.messageEn, /use 'dxplan\/rules' instead of 'dxplan'/);
  assert.ok(e.messageVi.includes(what), `${e.messageVi} names ${what}`);
}

test('the lean defaults are the full defaults: the same changes, plans and validation', () => {
  const a = lean.Engine.withDefaults();
  const b = full.Engine.withDefaults();
  const [sa, sb] = [a.rulesSummary(), b.rulesSummary()];
  assert.equal(sa.files, 7); // rules/2020.rhai … 2026.rhai
  assert.deepEqual(sa.changes.map((c) => c.origin), sb.changes.map((c) => c.origin));
  assert.deepEqual(a.plans(), b.plans());
  // The example report is valid on 16/09/2025 in both (quotes are not asked for).
  assert.equal(JSON.stringify(a.validate(report, '2025-09-16')), JSON.stringify(b.validate(report, '2025-09-16')));
  // 26/04/2025 is a worked Saturday by the 2025 notice (rules/2025.rhai): from the data.
  assert.equal(a.checkDay('26/04/2025').is_working_day, true);
});

test('asked to explain, the lean module cites documents and sections but quotes only in the full one', () => {
  const target = (e) => e.validate(report, '2025-09-16', { explain: true }).kpi.results[0].target;
  const [t, u] = [target(lean.Engine.withDefaults()), target(full.Engine.withDefaults())];
  assert.equal(t.source, u.source);
  assert.equal(t.quote, undefined);
  assert.ok(u.quote.length > 10, u.quote);
});

test('scripts, rule checks and the editor\'s needs are refused, naming dxplan/rules', () => {
  refusedNamingTheEntry(thrown(() => lean.Engine.fromScripts(full.defaultScripts())), 'Engine.fromScripts');
  refusedNamingTheEntry(thrown(() => lean.checkRules([{ name: '2026.rhai', source: '' }])), 'checkRules');
  refusedNamingTheEntry(thrown(() => lean.defaultScripts()), 'defaultScripts');
  refusedNamingTheEntry(thrown(() => lean.defaultRuleTests()), 'defaultRuleTests');
  refusedNamingTheEntry(thrown(() => lean.scriptApi()), 'scriptApi');
  // The rules as they stood before the last script's year need its scripts…
  const e = thrown(() => lean.Engine.withDefaults(2024));
  refusedNamingTheEntry(e, 'như chúng có vào năm 2024');
  assert.equal(e.path, 'year');
  // …from it on they are the defaults; a year out of range is still that.
  assert.equal(lean.Engine.withDefaults(2030).rulesSummary().files, 7);
  assert.equal(thrown(() => lean.Engine.withDefaults(1800)).code, 'date.out_of_range');
  // The full module does all of it.
  assert.equal(full.Engine.withDefaults(2024).rulesSummary().files, 5);
  assert.ok(full.scriptApi().some((f) => f.name === 'muc_tieu'));
  // And the lean instance keeps working after each refusal.
  assert.equal(lean.Engine.withDefaults().validate(report, '2025-09-16').valid, true);
});

test('fromData builds an engine on published rule data; the lean one refuses custom checks in it', () => {
  const data = file('rules/compiled/lean.json');
  for (const dx of [lean, full]) {
    const e = dx.Engine.fromData(data);
    assert.equal(e.validate(report, '2025-09-16').valid, true);
    assert.equal(e.rulesSummary().changes.length, lean.Engine.withDefaults().rulesSummary().changes.length);
  }
  assert.equal(thrown(() => lean.Engine.fromData('{"plans": 1}')).path, 'data');
  // A published version whose scripts register a custom check.
  const withCheck = JSON.parse(data);
  withCheck.checks = [{ id: 'it_nhat_10_ho_so', function: 'it_nhat_10_ho_so', script: '2026.rhai', origin: { file: '2026.rhai', line: 1, column: 1 } }];
  const e = thrown(() => lean.Engine.fromData(JSON.stringify(withCheck)));
  refusedNamingTheEntry(e, "chạy hàm kiểm tra thêm 'it_nhat_10_ho_so'");
  assert.equal(e.path, 'data');
});
