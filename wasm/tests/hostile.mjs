// The hostile and broken rule scripts of tests/golden/rules-hostile/, each
// with the error it must stop with written in the file itself:
// `// Lỗi: LINE:COLUMN CODE` when loading fails, or
// `// Kiểm tra: LINE:COLUMN CODE CHECK` when it loads and its custom check
// CHECK fails on the quarterly example report; the next comment line says why.
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../../tests/golden/rules-hostile/', import.meta.url);

/** [{ name, source, code, line, column, check, why }], by name (check: null when loading fails). */
export function hostileScripts() {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rhai'))
    .sort()
    .map((name) => {
      const source = readFileSync(new URL(name, dir), 'utf8');
      const lines = source.split('\n');
      const at = lines.findIndex((l) => /^\/\/ (Lỗi|Kiểm tra):/.test(l.trim()));
      if (at < 0) throw new Error(`${name}: no "// Lỗi: LINE:COLUMN CODE" line`);
      const head = lines[at].trim();
      const atValidation = head.startsWith('// Kiểm tra:');
      const [pos, code, check] = head.slice(head.indexOf(':') + 1).trim().split(/\s+/);
      const [line, column] = pos.split(':').map(Number);
      const why = (lines[at + 1] ?? '').trim().replace(/^\/\/\s*/, '');
      return { name, source, code, line, column, check: atValidation ? check : null, why };
    });
}
