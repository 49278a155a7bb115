// Calls a package operation by name with an array of arguments in its
// order: the same names and order as the native JSON entry
// (dxplan::ffi::call), since both come from one operation table. A
// constructor answers with the summary of the engine it built; `session`
// ([report, today, [[METHOD, ...ARGS], ...]]) opens a report session and
// answers its methods' answers.

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
    if (op === 'session') {
      const s = engine.openReport(a[0], a[1]);
      try {
        return (a[2] ?? []).map(([method, ...rest]) => s[method](...rest));
      } finally {
        s.free();
      }
    }
    if (typeof engine[op] === 'function') return engine[op](...a);
    if (typeof dx[op] === 'function') return dx[op](...a);
    throw new Error(`unknown op ${op}`);
  };
}
