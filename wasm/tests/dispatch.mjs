// Calls a package operation by name with an array of arguments in its
// order: the same names and order as the native JSON entry
// (dxplan::ffi::call), since both come from one operation table. A
// constructor answers with the summary of the engine it built.

/**
 * @param {typeof import('../pkg/node.js')} dx
 * @param {import('../pkg/node.js').Engine} engine
 */
export function caller(dx, engine) {
  return function call(op, a) {
    if (op === 'withDefaults' || op === 'fromScripts') {
      const e = dx.Engine[op](...a);
      try {
        return e.rulesSummary();
      } finally {
        e.free();
      }
    }
    if (typeof engine[op] === 'function') return engine[op](...a);
    if (typeof dx[op] === 'function') return dx[op](...a);
    throw new Error(`unknown op ${op}`);
  };
}
