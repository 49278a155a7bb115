// The benchmark suite in the browser (run by browser.mjs in Chromium).
// ?cold: one cold start only (load + instantiate + embedded rules + first
// validation), timed from this module's first line.
const t0 = performance.now();
const report = await (await fetch('/examples/reports/valid/quarterly.json')).json();
const fetched = performance.now();
const dx = await import('/wasm/pkg/index.js');
await dx.init();
const engine = dx.Engine.withDefaults();
engine.validate(report, '2025-09-16');
const cold = performance.now() - fetched;
if (new URLSearchParams(location.search).has('cold')) {
  window.results = { cold_ms: cold, fetch_report_ms: fetched - t0 };
} else {
  const zen = await import('/wasm/node_modules/@gorules/zen-engine-wasm/index.js');
  await zen.default();
  const { run } = await import('./suite.mjs');
  const hostileCases = await (await fetch('/hostile.json')).json();
  window.results = run(dx, { jsonLogic: window.jsonLogic, zen }, report, hostileCases);
  window.results.cross_origin_isolated = crossOriginIsolated;
}
document.getElementById('status').textContent = 'done';
