// The boundary of a report session's small answers (issue 17 part 6): the
// same change answered as JSON text (`RawSession.call`: one string out,
// JSON.parse in JavaScript) and as JavaScript objects written by
// serde-wasm-bindgen (`RawSession.change`, what the package's `set` and
// `remove` use). Both answers are first checked to be equal. Prints JSON;
// scripts/bench.sh writes it into BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import '../pkg/node.js'; // instantiates the module
import { RawEngine } from '../pkg/dxplan.js';
import { measure } from './suite.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const report = JSON.parse(readFileSync(here('../../examples/reports/valid/quarterly.json'), 'utf8'));
const engine = RawEngine.construct('withDefaults', '[]');
const session = engine.open('openReport', JSON.stringify([report, '2025-09-16']));

// Three keystrokes of different answer sizes, each alternating two values so
// every call answers a real change.
const cases = {
  outline_sentence: ['/outline/recommendations', ['"Đề nghị hỗ trợ"', '"Đề nghị hỗ trợ."']],
  figure_with_kpi: ['/values/dossiers_total', ['1850', '1851']],
  figure_with_error: ['/values/dossiers_full_online', ['2000', '1320']],
};
/** The lowest median (and its p99) of three alternating runs of each way. */
function best(ways) {
  const runs = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
  for (let round = 0; round < 3; round++) {
    for (const [k, f] of Object.entries(ways)) runs[k].push(measure(f, { batch: 50, samples: 100 }));
  }
  return Object.fromEntries(
    Object.entries(runs).map(([k, r]) => [k, r.reduce((a, b) => (b.median_us < a.median_us ? b : a))]),
  );
}

const results = {};
for (const [name, [path, values]] of Object.entries(cases)) {
  let i = 0;
  const viaJson = () => JSON.parse(session.call('set', `[${JSON.stringify(path)},${values[i++ % 2]}]`));
  const viaObjects = () => session.change('set', `[${JSON.stringify(path)},${values[i++ % 2]}]`);
  // The same answers both ways (objects written by serde-wasm-bindgen in its
  // JSON-compatible mode: maps as objects, None as null).
  // The same change (first value to second) answered both ways.
  const first = () => session.call('set', `[${JSON.stringify(path)},${values[0]}]`);
  first();
  i = 1;
  const a = viaJson();
  first();
  i = 1;
  const b = viaObjects();
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${name}: the two answers differ`);
  if (a.diagnostics.length + a.kpi.length === 0 && name !== 'outline_sentence') throw new Error(`${name}: nothing changed`);
  first();
  i = 1;
  const bytes = session.call('set', `[${JSON.stringify(path)},${values[1]}]`).length;
  i = 0;
  results[name] = {
    answer_bytes: bytes,
    // Measured in turn, three times each way, the best median kept: the
    // order of the two does not favour either.
    ...best({ json_text: viaJson, serde_wasm_bindgen: viaObjects }),
  };
}
session.free();
engine.free();
results.runtime = `Node ${process.version}`;
console.log(JSON.stringify(results, null, 1));
