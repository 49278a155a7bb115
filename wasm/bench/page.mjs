// The benchmark suite in the browser (run by browser.mjs in Chromium).
// ?cold: one cold start only (load + instantiate + embedded rules + first
// validation), timed from this module's first line. ?module=full: the full
// module (entry `dxplan/rules`) instead of the lean one.
const t0 = performance.now();
const params = new URLSearchParams(location.search);
const full = params.get('module') === 'full';
const report = await (await fetch('/examples/reports/valid/quarterly.json')).json();
const fetched = performance.now();
const dx = await import(full ? '/wasm/pkg/rules/index.js' : '/wasm/pkg/index.js');
await dx.init();
const engine = dx.Engine.withDefaults();
engine.validate(report, '2025-09-16');
const cold = performance.now() - fetched;
if (params.has('cold')) {
  window.results = { cold_ms: cold, fetch_report_ms: fetched - t0 };
} else {
  const zen = await import('/wasm/node_modules/@gorules/zen-engine-wasm/index.js');
  await zen.default();
  const { run } = await import('./suite.mjs');
  const hostileCases = full ? await (await fetch('/hostile.json')).json() : [];
  window.results = run(dx, { jsonLogic: window.jsonLogic, zen }, report, hostileCases);
  window.results.cross_origin_isolated = crossOriginIsolated;
}
document.getElementById('status').textContent = 'done';
