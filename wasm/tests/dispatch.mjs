// Calls a package export by name with an array of arguments in the export's
// order: the same names and order as the native JSON entry
// (dxplan_wasm::json_api::call), so one table drives both.

/**
 * @param {typeof import('../pkg/node.js')} dx
 * @param {import('../pkg/node.js').Engine} engine
 */
export function caller(dx, engine) {
  const opt = (v) => (v === null ? undefined : v);
  return function call(op, a) {
    switch (op) {
      case 'calendar': return engine.calendar(a[0], opt(a[1]));
      case 'icalendar': return engine.icalendar(a[0], a[1], opt(a[2]), opt(a[3]));
      case 'holidays': return engine.holidays(a[0]);
      case 'checkDay': return engine.checkDay(a[0]);
      case 'addWorkingDays': return engine.addWorkingDays(a[0], a[1]);
      case 'workingDaysBetween': return engine.workingDaysBetween(a[0], a[1]);
      case 'status': return engine.status(a[0], a[1]);
      case 'plans': return engine.plans();
      case 'kpiCatalog': return engine.kpiCatalog(opt(a[0]), opt(a[1]));
      case 'evaluateKpi': return engine.evaluateKpi(a[0], opt(a[1]));
      case 'consolidateKpi': return engine.consolidateKpi(a[0], opt(a[1]));
      case 'validate': return engine.validate(a[0], a[1]);
      case 'validateField': return engine.validateField(a[0], a[1], a[2], a[3], a[4]);
      case 'schema': return engine.schema(a[0], a[1]);
      case 'explainTarget': return engine.explainTarget(a[0], a[1], opt(a[2]));
      case 'explainDeadline': return engine.explainDeadline(a[0], a[1], a[2], a[3]);
      case 'diff': return engine.diff(a[0], a[1]);
      case 'checkRules': return dx.checkRules(a[0]);
      case 'fromScripts': {
        const e = dx.Engine.fromScripts(a[0]);
        try {
          return e.rulesSummary();
        } finally {
          e.free();
        }
      }
      case 'testRules': return engine.testRules(a[0]);
      case 'workflowNew': return dx.workflowNew(a[0]);
      case 'workflowApply': return engine.workflowApply(a[0], a[1]);
      case 'rollup': return engine.rollup(a[0], a[1]);
      case 'tasks': return dx.tasks(a[0], opt(a[1]));
      default: throw new Error(`unknown op ${op}`);
    }
  };
}
