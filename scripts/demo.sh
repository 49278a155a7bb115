#!/usr/bin/env bash
# Builds and serves the web demo on http://127.0.0.1:8080/ (or the port given):
# the WebAssembly package, the demo's npm dependencies and its Vite build,
# each only when missing or older than its sources. Works offline once built.
#   bash scripts/demo.sh            build if needed, then serve
#   bash scripts/demo.sh --build    build only
set -euo pipefail
cd "$(dirname "$0")/.."

newer_than() { # newer_than TARGET SOURCES…: true when a source is newer than TARGET
  local target=$1; shift
  [[ ! -e "$target" ]] && return 0
  [[ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]]
}

if newer_than wasm/pkg/dxplan_bg.wasm core/src wasm/src wasm/js rules Cargo.lock; then
  bash scripts/build-wasm.sh
fi
if [[ ! -d web-demo/node_modules/codemirror || ! -d web-demo/node_modules/vite ]]; then
  (cd web-demo && npm ci --no-audit --no-fund --loglevel=error)
fi
if newer_than web-demo/dist/index.html web-demo/src web-demo/data web-demo/*.html wasm/pkg examples/reports; then
  (cd web-demo && NO_COLOR=1 node_modules/.bin/vite build)
fi
if [[ "${1:-}" == "--build" ]]; then
  exit 0
fi
exec node web-demo/serve.mjs "${1:-8080}"
