// The bad-input catalogue (tests/golden/bad_input.txt) through WebAssembly:
// every case gives its exact structured error (a DxplanError, or a
// diagnostic in the result), and the same engine keeps working after each.
// The native side runs the same table in tests/bad_input.rs. The full module
// (entry `dxplan/rules`): the table has script cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as dx from '../pkg/rules/node.js';
import { caller } from './dispatch.mjs';
import { hostileScripts } from './hostile.mjs';

const root = new URL('../../', import.meta.url);
// examples/reports/valid/KIND.json, or examples/NAME for a name with a folder (workflow/accepted.json).
const example = (name) =>
  JSON.parse(
    readFileSync(new URL(name.includes('/') ? `examples/${name}` : `examples/reports/valid/${name}.json`, root), 'utf8'),
  );

/** Rows of a golden table: cells split on '|', citation after ' # '. */
function table(name, columns) {
  const text = readFileSync(new URL(`tests/golden/${name}`, root), 'utf8');
  const rows = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = line.indexOf(' # ');
    const cells = line.slice(0, at).split('|').map((c) => c.trim());
    assert.equal(cells.length, columns, `${name}:${i + 1}`);
    rows.push({ line: i + 1, cells, why: line.slice(at + 3) });
  });
  return rows;
}

function deep(n) {
  let v = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

/** The JavaScript value a marker stands for. */
function value(v) {
  if (typeof v === 'string') {
    if (v === '$NaN') return NaN;
    if (v === '$Infinity') return Infinity;
    if (v === '$-Infinity') return -Infinity;
    if (v.startsWith('$deep:')) return deep(Number(v.slice(6)));
    if (v.startsWith('$big:')) return 'a'.repeat(Number(v.slice(5)));
    if (v.startsWith('$lines:')) return '\n'.repeat(Number(v.slice(7)));
    if (v === '$lone-high') return 'a\ud83d';
    if (v === '$cycle') {
      const o = { a: 1 };
      o.self = o;
      return o;
    }
    return v;
  }
  if (Array.isArray(v)) return v.map(value);
  if (v && typeof v === 'object') {
    if (v.$example) {
      let report = example(v.$example);
      if (v.$pointer) report = v.$pointer.split('/').slice(1).reduce((o, k) => o[k], report);
      for (const [pointer, x] of Object.entries(v.$set ?? {})) {
        const parts = pointer.split('/').slice(1);
        const last = parts.pop();
        const parent = parts.reduce((o, k) => o[k], report);
        parent[last] = value(x);
      }
      return report;
    }
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k === '$lone-low-key' ? '\udc00k' : k, value(x)]),
    );
  }
  return v;
}

function hasDiagnostic(v, code, path) {
  if (Array.isArray(v)) return v.some((x) => hasDiagnostic(x, code, path));
  if (v && typeof v === 'object') {
    if (v.code === code && (path === '*' || (v.path ?? '') === path)) return true;
    return Object.values(v).some((x) => hasDiagnostic(x, code, path));
  }
  return false;
}

test('every bad input gets its exact error through WebAssembly, and the engine survives', () => {
  const engine = dx.Engine.withDefaults();
  const call = caller(dx, engine);
  const valid = example('quarterly');
  const rows = table('bad_input.txt', 5);
  let checked = 0;
  for (const row of rows) {
    const [name, op, args, expectation] = row.cells;
    const ctx = `line ${row.line} (${name}; ${row.why})`;
    if (expectation === 'n/a') {
      assert.ok(op.startsWith('cli:') || op === 'nope', `${ctx}: only CLI cases and unknown ops are native-only`);
      continue;
    }
    const [head, path = ''] = expectation.split(' at');
    const [kind, code] = head.split(/\s+/);
    const want = path.trim();
    let result;
    let error;
    try {
      result = call(op, value(JSON.parse(args)));
    } catch (e) {
      error = e;
    }
    if (kind === 'throws') {
      assert.ok(error, `${ctx}: expected ${code}, got a result`);
      assert.equal(error.name, 'DxplanError', `${ctx}: ${error}`);
      assert.equal(error.code, code, `${ctx}: ${error.messageEn}`);
      if (want !== '*') assert.equal(error.path ?? '', want, ctx);
      assert.ok(error.messageVi && error.messageEn, ctx);
      // Bad input is quoted by a short prefix, never whole.
      for (const m of [error.messageVi, error.messageEn]) assert.ok(m.length <= 600, `${ctx}: ${m.length} characters`);
    } else {
      assert.equal(kind, 'reports', ctx);
      assert.equal(error, undefined, `${ctx}: ${error?.code} ${error?.messageEn}`);
      assert.ok(hasDiagnostic(result, code, want), `${ctx}: no ${code} at '${want}'`);
    }
    assert.equal(engine.validate(valid, '2025-09-16').valid, true, `${ctx}: engine unusable after`);
    checked++;
  }
  assert.ok(checked >= 50, `${checked} WebAssembly cases`);
});

test('hostile and broken rule scripts (tests/golden/rules-hostile/) stop with the native error, position included', () => {
  const engine = dx.Engine.withDefaults();
  const valid = example('quarterly');
  const cases = hostileScripts();
  assert.ok(cases.length >= 19, `${cases.length} hostile scripts`);
  for (const h of cases) {
    const ctx = `${h.name} (${h.why})`;
    if (h.check) {
      // It loads; its custom check fails when a report is validated.
      const withCheck = dx.Engine.fromScripts([{ name: h.name, source: h.source }]);
      const found = withCheck.validate(valid, '2025-09-16').diagnostics.find((d) => d.check === h.check);
      withCheck.free();
      assert.ok(found, `${ctx}: check ${h.check} reported nothing`);
      assert.equal(found.code, h.code, `${ctx}: ${found.message.en}`);
      assert.equal(found.severity, 'error', ctx);
      assert.deepEqual([found.span.file, found.span.line, found.span.column], [h.name, h.line, h.column], ctx);
      assert.equal(engine.validate(valid, '2025-09-16').valid, true, `${ctx}: engine unusable after`);
      continue;
    }
    const check = dx.checkRules([{ name: h.name, source: h.source }]);
    assert.equal(check.ok, false, ctx);
    const d = check.diagnostics[0];
    assert.equal(d.code, h.code, `${ctx}: ${d.message.en}`);
    assert.deepEqual([d.span.file, d.span.line, d.span.column], [h.name, h.line, h.column], ctx);
    let thrown;
    try {
      dx.Engine.fromScripts([{ name: h.name, source: h.source }]);
    } catch (e) {
      thrown = e;
    }
    assert.equal(thrown?.code, h.code, ctx);
    assert.equal([thrown.line, thrown.column].join(':'), `${h.line}:${h.column}`, ctx);
    assert.equal(engine.validate(valid, '2025-09-16').valid, true, `${ctx}: engine unusable after`);
  }
});
