// Entry point for Node (the "node" export condition): the module is read
// from disk and instantiated when this file is imported, so the exports are
// usable at once; `init()` exists for code shared with browsers.
import { readFileSync } from 'node:fs';
import { initSync } from './dxplan.js';

export * from './api.js';

initSync({ module: readFileSync(new URL('./dxplan_bg.wasm', import.meta.url)) });

/** Already done when this module is imported; kept for code shared with browsers. */
export function init() {
  return Promise.resolve();
}
