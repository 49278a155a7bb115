// The package's TypeScript declarations: strict TypeScript compiles a file
// that calls every export and reads its results (fixtures/types/usage.ts),
// and nothing in the declarations is `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
  for (const f of ['dxplan.d.ts', 'dxplan_bg.wasm.d.ts', 'index.d.ts', 'form.d.ts']) {
    const text = readFileSync(here(`../pkg/${f}`), 'utf8');
    const lines = text.split('\n').filter((l) => /\bany\b/.test(l.replace(/\/\/.*|\/\*.*?\*\/|^\s*\*.*/g, '')));
    assert.deepEqual(lines, [], f);
  }
});
