// The hostile and broken rule scripts of tests/golden/rules-hostile/, each
// with the error it must stop with written in the file itself:
// `// Lỗi: LINE:COLUMN CODE`, and the next comment line saying why.
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../../tests/golden/rules-hostile/', import.meta.url);

/** [{ name, source, code, line, column, why }], by name. */
export function hostileScripts() {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rhai'))
    .sort()
    .map((name) => {
      const source = readFileSync(new URL(name, dir), 'utf8');
      const lines = source.split('\n');
      const at = lines.findIndex((l) => l.trim().startsWith('// Lỗi:'));
      if (at < 0) throw new Error(`${name}: no "// Lỗi: LINE:COLUMN CODE" line`);
      const [pos, code] = lines[at].trim().slice('// Lỗi:'.length).trim().split(/\s+/);
      const [line, column] = pos.split(':').map(Number);
      const why = (lines[at + 1] ?? '').trim().replace(/^\/\/\s*/, '');
      return { name, source, code, line, column, why };
    });
}
