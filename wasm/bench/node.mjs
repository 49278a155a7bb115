// The WebAssembly benchmarks in Node: the suite (suite.mjs) on both modules
// of the built package — lean (entry `dxplan`) and full (`dxplan/rules`) —
// and their cold starts (a fresh Node process: import + instantiate +
// embedded rules + first validation). Prints JSON; scripts/bench.sh writes
// it into BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonLogic from 'json-logic-js';
import { initSync as zenInit, evaluateExpression } from '@gorules/zen-engine-wasm';
import { run } from './suite.mjs';
import { hostileScripts } from '../tests/hostile.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const report = JSON.parse(readFileSync(here('../../examples/reports/valid/quarterly.json'), 'utf8'));

const ENTRY = { lean: '../pkg/node.js', full: '../pkg/rules/node.js' };

if (process.argv[2] === '--cold') {
  // One cold start of the module named by argv[3], in this fresh process.
  const t0 = performance.now();
  const dx = await import(ENTRY[process.argv[3]]);
  const engine = dx.Engine.withDefaults();
  engine.validate(report, '2025-09-16');
  console.log(JSON.stringify({ cold_ms: performance.now() - t0 }));
  process.exit(0);
}

zenInit({ module: readFileSync(here('../node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm')) });
const results = { modules: {} };
for (const [name, entry] of Object.entries(ENTRY)) {
  const dx = await import(entry);
  const r = run(dx, { jsonLogic, zen: { evaluateExpression } }, report, name === 'full' ? hostileScripts() : []);
  const cold = [];
  for (let i = 0; i < 15; i++) {
    cold.push(JSON.parse(execFileSync(process.execPath, [here('./node.mjs'), '--cold', name], { encoding: 'utf8' })).cold_ms);
  }
  cold.sort((a, b) => a - b);
  r.cold_start_ms = { median: Math.round(cold[7] * 10) / 10, max: Math.round(cold[14] * 10) / 10, runs: 15 };
  results.modules[name] = r;
}
results.runtime = `Node ${process.version}`;
console.log(JSON.stringify(results, null, 1));
