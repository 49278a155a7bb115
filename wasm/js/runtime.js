// The package's one way into the WebAssembly module, used by the generated
// api.js: arguments become JSON text (one JSON.stringify per argument), the
// answer comes back as JSON text (one JSON.parse) — or, for a session's small
// change, as objects written by serde-wasm-bindgen, measured faster there —
// and an error becomes a DxplanError. It decides nothing and writes no message of its own: what JSON
// cannot hold is described to the engine (inputError), which words it.
import { RawEngine, RawSession, callFree as rawCallFree, inputError } from './dxplan.js';
import { DxplanError } from './error.js';

export { RawEngine, RawSession, DxplanError };

/** The most one argument may weigh as JSON text (the engine's MAX_INPUT_BYTES, 8 MiB). */
const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/**
 * The JSON text of `value`, or why it has none: NaN and infinite numbers
 * (which JSON would silently write as null) and text over the limit (counted
 * as the text grows, so a huge payload stops early) at their JSON pointer,
 * under `prefix`; cycles and runaway nesting as JSON.stringify reports them.
 */
function encode(value, prefix) {
  const paths = new WeakMap();
  let size = 0;
  const at = (holder, key) => {
    const base = paths.get(holder);
    return base === undefined ? prefix : `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  };
  try {
    const text = JSON.stringify(value, function (key, v) {
      size += 8 + key.length;
      if (typeof v === 'string') {
        size += v.length;
        if (size > MAX_INPUT_BYTES) throw { dxplan: 'too_large', path: at(this, key), detail: String(size) };
      } else if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw { dxplan: 'not_finite', path: at(this, key), detail: String(v) };
      } else if (v !== null && typeof v === 'object') {
        paths.set(v, at(this, key));
      }
      return v;
    });
    return text === undefined ? 'null' : text;
  } catch (e) {
    if (e && e.dxplan) return e;
    return { dxplan: 'invalid', path: prefix, detail: String(e && e.message ? e.message : e) };
  }
}

function fail(text) {
  throw new DxplanError(JSON.parse(text));
}

/** The arguments as one JSON array; `params` are `[name, pointerOf]`. */
function argsText(params, args) {
  const parts = [];
  for (let i = 0; i < params.length; i++) {
    const [name, pointerOf] = params[i];
    const v = args[i];
    if (v === undefined || v === null) {
      parts.push('null');
      continue;
    }
    // The pointer an argument's problems are placed under (a form path):
    // a path longer than any form's is cut, so an error stays small.
    const pointer = pointerOf === null ? '' : String(args[pointerOf] ?? '');
    const prefix = pointer.length > 512 ? `${pointer.slice(0, 512)}…` : pointer;
    const text = encode(v, prefix);
    if (typeof text !== 'string') fail(inputError(text.dxplan, name, text.path, text.detail));
    parts.push(text);
  }
  return `[${parts.join(',')}]`;
}

function guarded(f) {
  try {
    return f();
  } catch (e) {
    if (typeof e === 'string') fail(e);
    throw e;
  }
}

/**
 * `way` (`call`, `open`, `change`) of `raw`, an engine or a session, with the
 * arguments as text; `freed` names what a freed one (null) was.
 */
function through(raw, freed, way, op, params, args) {
  if (raw === null) fail(inputError(freed, op, '', ''));
  const text = argsText(params, args);
  return guarded(() => raw[way](op, text));
}

/** Calls an engine's operation (`raw` is null once the engine is freed). */
export function callEngine(raw, op, params, args) {
  return JSON.parse(through(raw, 'freed', 'call', op, params, args));
}

/** Opens a report session on an engine (`raw` is null once the engine is freed). */
export function open(raw, op, params, args) {
  return through(raw, 'freed', 'open', op, params, args);
}

/** Calls a session's method (`raw` is null once the session is freed). */
export function callSession(raw, op, params, args) {
  return JSON.parse(through(raw, 'session_freed', 'call', op, params, args));
}

/** Calls a session's method that answers a change: the answer comes as objects, not text. */
export function changeSession(raw, op, params, args) {
  return through(raw, 'session_freed', 'change', op, params, args);
}

/** Calls an operation that needs no engine. */
export function callFree(op, params, args) {
  const text = argsText(params, args);
  return JSON.parse(guarded(() => rawCallFree(op, text)));
}

/** Builds an engine. */
export function construct(op, params, args) {
  const text = argsText(params, args);
  return guarded(() => RawEngine.construct(op, text));
}
