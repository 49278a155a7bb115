// Entry point for browsers and bundlers: call `await init()` once, then use
// the exports. The module is fetched next to this file (a bundler such as
// Vite copies it and rewrites the URL); pass a URL, a Response, the bytes or
// a compiled WebAssembly.Module to load it from elsewhere.
import initWasm from './dxplan.js';

export * from './api.js';

let ready = null;

/**
 * Loads and instantiates the engine once; later calls return the same promise.
 * A failed load may be retried.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [source]
 * @returns {Promise<void>}
 */
export function init(source) {
  if (ready === null) {
    ready = initWasm(source === undefined ? undefined : { module_or_path: source })
      .then(() => undefined)
      .catch((e) => {
        ready = null;
        throw e;
      });
  }
  return ready;
}
