export * from './api.js';

/**
 * Loads and instantiates the engine once (browsers and bundlers; in Node the
 * package is ready on import). Later calls return the same promise.
 */
export function init(
  source?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
