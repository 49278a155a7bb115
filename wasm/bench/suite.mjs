// The WebAssembly benchmark suite, shared by Node (node.mjs) and Chromium
// (browser.mjs): the same inputs and the same measurements in both.
//
// - dxplan: whole-form validation of the realistic quarterly report
//   (examples/reports/valid/quarterly.json), single-field validation, the
//   700-field stress report (long appendix tables, as core/benches/forms.rs),
//   and KPI evaluation of the report's figures.
// - Peers, in the same process on the same report: the KPI threshold checks
//   (rate = numerator / denominator × 100 against the city-2025 target for a
//   commune) and cross-field checks (numerator ≤ denominator; disbursed ≤
//   estimate on every Phụ lục 04 row) written as json-logic-js rules and as
//   ZEN expressions, derived from dxplan's own catalog so all three check the
//   same things. dxplan's evaluateKpi does exactly these checks (with exact
//   arithmetic and bilingual diagnostics); its validate does them and much
//   more (every field, dates, the deadline, the rule scripts' checks).

/** A copy of the report with appendix tables long enough for 700 fields. */
export function stress(report) {
  const r = JSON.parse(JSON.stringify(report));
  const leaves = (v) => (v && typeof v === 'object' ? Object.values(v).reduce((n, x) => n + leaves(x), 0) : 1);
  const news = [];
  const documents = [];
  const equipment = [];
  const investments = [];
  for (let i = 0; leaves(r) < 700; i++) {
    const d = new Date(Date.UTC(2025, 5, 15 + (15 + (i % 80)) % 90)).toISOString().slice(0, 10);
    news.push({ title: `Tin bài chuyển đổi số số ${i}`, published_on: d });
    documents.push({ number: `${100 + i}/UBND-VP`, summary: 'Về chuyển đổi số', issued_on: d, signer: 'Chủ tịch UBND phường' });
    equipment.push({ group: 'it', name: `Máy tính ${i}`, configuration: 'Core i5, RAM 8 GB' });
    investments.push({ name: `Dự án ${i}`, total_estimate: 10000000, disbursed: 1000000, form: '3' });
    r.appendices = { news, documents, equipment, investments };
    r.values.dx_news_items = news.length;
  }
  return { report: r, fields: leaves(r) };
}

/** The KPI threshold and cross-field checks of a commune's quarterly report under city-2025. */
export function checks(engine, report) {
  const level = report.unit.level;
  const year = Number(report.period.slice(0, 4));
  const rates = [];
  for (const ind of engine.kpiCatalog('city-2025', year)) {
    if (ind.formula.kind !== 'rate' || !ind.levels.includes(level)) continue;
    const { numerator, denominator } = ind.formula;
    if (!(numerator in report.values) || !(denominator in report.values)) continue;
    const t = ind.targets.find((x) => x.level === level) ?? ind.targets.find((x) => x.level === null);
    if (!t) continue;
    rates.push({ id: ind.id, numerator, denominator, comparator: t.comparator === '=' ? '==' : t.comparator, target: Number(t.value) });
  }
  const jsonLogic = [];
  const zen = [];
  for (const r of rates) {
    const num = { var: `values.${r.numerator}` };
    const den = { var: `values.${r.denominator}` };
    jsonLogic.push({ id: `${r.id}.target`, rule: { [r.comparator]: [{ '*': [{ '/': [num, den] }, 100] }, r.target] } });
    jsonLogic.push({ id: `${r.id}.part`, rule: { '<=': [num, den] } });
    zen.push({ id: `${r.id}.target`, expr: `values.${r.numerator} / values.${r.denominator} * 100 ${r.comparator} ${r.target}` });
    zen.push({ id: `${r.id}.part`, expr: `values.${r.numerator} <= values.${r.denominator}` });
  }
  jsonLogic.push({ id: 'investments', rule: { all: [{ var: 'appendices.investments' }, { '<=': [{ var: 'disbursed' }, { var: 'total_estimate' }] }] } });
  zen.push({ id: 'investments', expr: 'all(appendices.investments, #.disbursed <= #.total_estimate)' });
  return { rates, jsonLogic, zen };
}

/**
 * Milliseconds each hostile script takes to be refused (median of 5): by
 * checkRules when loading it fails, or by the validation of `report` its
 * custom check fails in (tests/golden/rules-hostile/: "Kiểm tra").
 */
export function hostile(dx, scripts, report) {
  const out = {};
  for (const { name, source, code, check } of scripts) {
    const times = [];
    const script = [{ name: '2025.rhai', source }];
    const engine = check ? dx.Engine.fromScripts(script) : null;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const refused = engine
        ? engine.validate(report, '2025-09-16').diagnostics.some((d) => d.code === code && d.check === check)
        : !dx.checkRules(script).ok;
      times.push(performance.now() - t0);
      if (!refused) throw new Error(`hostile script accepted: ${name}`);
    }
    if (engine) engine.free();
    times.sort((a, b) => a - b);
    out[name] = Math.round(times[2] * 100) / 100;
  }
  return out;
}

/** The unit input of a report (its figures), as evaluateKpi takes it. */
export function unitInput(report) {
  return { unit: report.unit.id, level: report.unit.level, period: report.period, values: report.values };
}

/**
 * Median and 99th percentile in microseconds per call: `samples` batches of
 * `batch` calls each (a batch keeps timer resolution out of the numbers; in
 * Chromium performance.now() is coarse).
 */
export function measure(fn, { batch = 20, samples = 200, warmup = 50 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const per = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    per.push(((performance.now() - t0) * 1000) / batch);
  }
  per.sort((a, b) => a - b);
  const at = (q) => per[Math.min(per.length - 1, Math.floor(q * per.length))];
  return { median_us: round(at(0.5)), p99_us: round(at(0.99)), batch, samples };
}

const round = (x) => Math.round(x * 100) / 100;

/**
 * Runs the suite. `peers` = { jsonLogic: { apply }, zen: { evaluateExpression } }.
 * Every check is also run once and its answer compared, so the peers are
 * measured doing the same job.
 */
export function run(dx, peers, report, hostileCases) {
  const engine = dx.Engine.withDefaults();
  const today = '2025-09-16';
  const big = stress(report);
  const { rates, jsonLogic, zen } = checks(engine, report);
  const input = unitInput(report);

  // Same answers: every threshold and cross-field check agrees across the three.
  const ev = engine.evaluateKpi(input, { plans: ['city-2025'] });
  const dxMet = Object.fromEntries(ev.results.map((r) => [r.indicator, r.status === 'met']));
  const logicAnswers = Object.fromEntries(jsonLogic.map((c) => [c.id, Boolean(peers.jsonLogic.apply(c.rule, report))]));
  const zenAnswers = Object.fromEntries(zen.map((c) => [c.id, Boolean(peers.zen.evaluateExpression(c.expr, report))]));
  for (const r of rates) {
    const want = dxMet[r.id];
    if (logicAnswers[`${r.id}.target`] !== want || zenAnswers[`${r.id}.target`] !== want) {
      throw new Error(`peers disagree with dxplan on ${r.id}: dxplan ${want}, json-logic ${logicAnswers[`${r.id}.target`]}, zen ${zenAnswers[`${r.id}.target`]}`);
    }
  }

  const results = {
    fields: { quarterly: countLeaves(report), stress: big.fields },
    checks: jsonLogic.length,
    dxplan_validate_quarterly: measure(() => engine.validate(report, today)),
    dxplan_validate_field: measure(() => engine.validateField('quarterly', '/values/dossiers_total', 1850, report, today), { batch: 50 }),
    dxplan_validate_700_fields: measure(() => engine.validate(big.report, today), { batch: 5, samples: 100 }),
    ...sessionKeystrokes(engine, report, big.report, today),
    dxplan_evaluate_kpi: measure(() => engine.evaluateKpi(input, { plans: ['city-2025'] })),
    json_logic_checks: measure(() => jsonLogic.map((c) => peers.jsonLogic.apply(c.rule, report))),
    zen_checks: measure(() => zen.map((c) => peers.zen.evaluateExpression(c.expr, report))),
  };
  // The lean module runs no script: hostile scripts are the full one's.
  if (hostileCases.length > 0) results.hostile_ms = hostile(dx, hostileCases, report);
  engine.free();
  return results;
}

/**
 * Keystrokes through report sessions: one value sent, what changed answered.
 * A figure (its KPI result changes with it), a sentence of the outline, and a
 * cell of the 700-field report's tables; each keystroke alternates between
 * two values, so every call answers a real change.
 */
function sessionKeystrokes(engine, report, stressReport, today) {
  const quarterly = engine.openReport(report, today);
  const stressed = engine.openReport(stressReport, today);
  let i = 0;
  const out = {
    dxplan_session_figure: measure(() => quarterly.set('/values/dossiers_total', 1850 + (i++ % 2)), { batch: 50 }),
    dxplan_session_text: measure(() => quarterly.set('/outline/recommendations', i++ % 2 ? 'Đề nghị hỗ trợ' : 'Đề nghị hỗ trợ.'), { batch: 50 }),
    dxplan_session_700_fields_cell: measure(() => stressed.set('/appendices/news/3/title', i++ % 2 ? 'Tin' : 'Tin bài'), { batch: 20 }),
  };
  quarterly.free();
  stressed.free();
  return out;
}

function countLeaves(v) {
  return v && typeof v === 'object' ? Object.values(v).reduce((n, x) => n + countLeaves(x), 0) : 1;
}
