// Where the bytes of each module go (issue 17: measure what a size goal
// misses by): the code of the module as rustc and wasm-bindgen leave it,
// before wasm-opt (which keeps no names), summed by the crate — and for
// dxplan by the module — each function's symbol names, and the data
// segment split into the embedded rule data (rules/compiled/) and the
// rest. Reads the copies scripts/build-wasm.sh keeps in
// target/wasm-names/; prints JSON for scripts/bench.sh.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Sections of a module: function body sizes, function names, the data segment bytes. */
function sections(bytes) {
  let i = 8;
  const leb = () => {
    let r = 0;
    let s = 0;
    let x;
    do {
      x = bytes[i++];
      r += (x & 0x7f) * 2 ** s;
      s += 7;
    } while (x & 0x80);
    return r;
  };
  const name = () => {
    const n = leb();
    const t = bytes.subarray(i, i + n).toString('utf8');
    i += n;
    return t;
  };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 2) {
      for (let k = leb(); k > 0; k--) {
        name();
        name();
        const kind = bytes[i++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          i++;
          const flags = bytes[i++];
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = bytes[i++];
          leb();
          if (flags & 1) leb();
        } else {
          i += 2;
        }
      }
    } else if (id === 10) {
      for (let k = leb(); k > 0; k--) {
        const n = leb();
        bodies.push(n);
        i += n;
      }
    } else if (id === 11) {
      data = size;
    } else if (id === 0 && name() === 'name') {
      while (i < end) {
        const sub = bytes[i++];
        const n = leb();
        const next = i + n;
        if (sub === 1) {
          for (let k = leb(); k > 0; k--) {
            const index = leb();
            names.set(index, name());
          }
        }
        i = next;
      }
    }
    i = end;
  }
  return { bodies, names, imported, data };
}

const CRATES = ['dxplan', 'serde_json', 'serde_wasm_bindgen', 'serde', 'chrono', 'rhai', 'smartstring', 'hashbrown', 'core', 'alloc', 'std', 'sha2', 'hmac', 'strsim', 'libm', 'wasm_bindgen', 'dlmalloc'];

/** The crate (dxplan: crate::module) a mangled symbol belongs to; generic code counts for its crate. */
function owner(symbol) {
  const d = symbol.match(/6dxplan(\d+)([a-z_]+)/);
  if (d && d[2].length >= Number(d[1])) return `dxplan::${d[2].slice(0, Number(d[1]))}`;
  for (const c of CRATES) {
    if (symbol.includes(`${c.length}${c}`) || symbol.includes(`${c}..`) || symbol.includes(`${c}::`)) return c;
  }
  return 'other';
}

const out = {};
for (const module of ['lean', 'full']) {
  const bytes = readFileSync(`${root}target/wasm-names/${module}.wasm`);
  const { bodies, names, imported, data } = sections(bytes);
  const by = {};
  let code = 0;
  bodies.forEach((n, k) => {
    const o = owner(names.get(k + imported) ?? '');
    by[o] = (by[o] ?? 0) + n;
    code += n;
  });
  const compiled = Buffer.byteLength(readFileSync(`${root}rules/compiled/${module}.json`, 'utf8'));
  out[module] = { code, by_crate: by, data, compiled_rules: compiled };
}
console.log(JSON.stringify(out, null, 1));
