// The parity corpus (parity/corpus.jsonl), with its markers expanded as the
// native runner (tests/parity.rs, dxplan_tests::expand) expands them: {"$example": PATH}
// is the JSON of examples/PATH ("$pointer": that part; "$set": values
// changed), {"$text": PATH} the text of a file of the repository.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const corpusPath = fileURLToPath(new URL('./parity/corpus.jsonl', import.meta.url));
const root = new URL('../../', import.meta.url);
const read = (rel) => readFileSync(new URL(rel, root), 'utf8');

function pointer(doc, p) {
  return p
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((o, k) => o[k], doc);
}

function expand(v) {
  if (Array.isArray(v)) return v.map(expand);
  if (v && typeof v === 'object') {
    if ('$example' in v) {
      let doc = JSON.parse(read(`examples/${v.$example}`));
      if (v.$pointer) doc = pointer(doc, v.$pointer);
      for (const [p, x] of Object.entries(v.$set ?? {})) {
        const parts = p.split('/');
        const last = parts.pop();
        pointer(doc, parts.join('/') || '')[last] = x;
      }
      return doc;
    }
    if ('$text' in v) return read(v.$text);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)]));
  }
  return v;
}

/** Every case: {id, op, args (expanded), why}. */
export const cases = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => JSON.parse(l))
  .map((c) => ({ ...c, args: expand(c.args) }));
