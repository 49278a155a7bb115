// The package's TypeScript declarations (generated from the Rust types and
// the operation table): strict TypeScript compiles a file that calls every
// export and reads its results (fixtures/types/usage.ts), every answer of the
// parity corpus is a value of its declared type, and nothing is `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The full module's answers (entry `dxplan/rules`: the corpus has script
// cases); the lean entry's declarations are the same file.
import * as dx from '../pkg/rules/node.js';
import { cases } from './corpus.mjs';
import { caller } from './dispatch.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

test('strict TypeScript compiles a program using every export', () => {
  const tsc = here('../node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', here('./fixtures/types/tsconfig.json')], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc found errors:\n${e.stdout}${e.stderr}`);
  }
});

test('no `any` in the declarations', () => {
  for (const f of ['api.d.ts', 'dxplan.d.ts', 'dxplan_bg.wasm.d.ts', 'index.d.ts', 'form.d.ts',
    'rules/api.d.ts', 'rules/dxplan.d.ts', 'rules/dxplan_bg.wasm.d.ts', 'rules/index.d.ts']) {
    const text = readFileSync(here(`../pkg/${f}`), 'utf8');
    const lines = text.split('\n').filter((l) => /\bany\b/.test(l.replace(/\/\/.*|\/\*.*?\*\/|^\s*\*.*/g, '')));
    assert.deepEqual(lines, [], f);
  }
});

// Every answer of the parity corpus, as the WebAssembly package gave it, must
// be a value of the declared type: an object literal of each answer is
// type-checked by strict TypeScript against the operation's return type
// (excess fields and missing required ones both fail).

const outDir = fileURLToPath(new URL('../../target/ts-parity/', import.meta.url));

function answers() {
  const engine = dx.Engine.withDefaults();
  const call = caller(dx, engine);
  return cases.map((c) => {
    try {
      return { c, ok: call(c.op, c.args) };
    } catch (e) {
      if (e.name !== 'DxplanError') throw e;
      return { c, error: e.diagnostics };
    }
  });
}

function typeOf(op, args) {
  if (op === 'withDefaults' || op === 'fromScripts') return 'RulesCheck';
  // A session's answers, one per step: [ReportSession['set'] answer, …].
  if (op === 'session') return `[${args[2].map(([m]) => `ReturnType<ReportSession['${m}']>`).join(', ')}]`;
  if (typeof dx.Engine.prototype[op] === 'function') return `ReturnType<Engine['${op}']>`;
  return `ReturnType<typeof api.${op}>`;
}

/** Writes a TypeScript file declaring each answer with its type, and checks it. */
function tsc(name, lines) {
  mkdirSync(outDir, { recursive: true });
  const pkg = fileURLToPath(new URL('../pkg/rules/index.js', import.meta.url));
  const header = [
    `import type { Engine, Diagnostic, ReportSession, RulesCheck } from ${JSON.stringify(pkg)};`,
    `import type * as api from ${JSON.stringify(pkg)};`,
  ];
  writeFileSync(`${outDir}${name}.ts`, [...header, ...lines, ''].join('\n'));
  writeFileSync(
    `${outDir}${name}.json`,
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler', skipLibCheck: false },
      files: [`${name}.ts`],
    }),
  );
  try {
    execFileSync(process.execPath, [here('../node_modules/typescript/bin/tsc'), '-p', `${outDir}${name}.json`], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}

test('every answer of the parity corpus has the declared type (tsc --strict)', () => {
  const all = answers();
  const lines = all.map(({ c, ok, error }, i) =>
    error === undefined
      ? `export const a${i}: ${typeOf(c.op, c.args)} = ${JSON.stringify(ok)}; // ${c.id}`
      : `export const a${i}: Diagnostic[] = ${JSON.stringify(error)}; // ${c.id}`,
  );
  const errors = tsc('answers', lines);
  assert.equal(errors, '', `answers that do not match their declarations:\n${errors.slice(0, 4000)}`);
  assert.ok(all.filter((a) => a.error === undefined).length >= 200);
});

test('the check can fail: an answer without a required field is refused', () => {
  const v = dx.Engine.withDefaults().validate(JSON.parse(readFileSync(here('../../examples/reports/valid/quarterly.json'), 'utf8')), '2025-09-16');
  delete v.counts;
  const errors = tsc('negative', [`export const v: ReturnType<Engine['validate']> = ${JSON.stringify(v)};`]);
  assert.match(errors, /counts/);
});
