#!/usr/bin/env bash
# Builds the WebAssembly package into wasm/pkg/ (ES module for browsers,
# bundlers and Node). Installs what is missing, idempotently:
#   - the wasm32-unknown-unknown target (rustup),
#   - wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock,
#   - wasm-opt, from binaryen's npm release pinned in wasm/package.json
#     (Debian's binaryen 108 moves wasm-bindgen's externref table export onto
#     the function table, and the module then fails to start).
# Prints the gzipped size of the module and its JavaScript glue; with
# --size-report FILE, writes them to FILE as JSON too.
set -euo pipefail
cd "$(dirname "$0")/.."

size_report=""
if [[ "${1:-}" == "--size-report" ]]; then
  size_report="$2"
fi

say() { printf '  · %s\n' "$*"; }

# 1. Target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, pinned to the crate version the lock file resolved.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have" != "$want" ]]; then
  say "cargo install wasm-bindgen-cli --version $want (found '${have:-none}')"
  cargo install wasm-bindgen-cli --version "$want" --locked --force
fi

# 3. wasm-opt (and the test tools) from npm.
if [[ ! -x wasm/node_modules/binaryen/bin/wasm-opt || ! -d wasm/node_modules/playwright-core \
      || ! -d wasm/node_modules/vite ]]; then
  say "npm ci (wasm/)"
  (cd wasm && npm ci --no-audit --no-fund --loglevel=error)
fi

# 4. Build, bind, optimise: two modules from one crate. The lean one (the
#    default entry `dxplan`: no Rhai, precompiled rules) into wasm/pkg/, the
#    full one (entry `dxplan/rules`: rule scripts) into wasm/pkg/rules/.
out=wasm/pkg
rm -rf "$out"
mkdir -p "$out/rules"
module() { # features dir name
  say "cargo build -p dxplan-wasm $1 --target wasm32-unknown-unknown --profile wasm"
  # shellcheck disable=SC2086
  cargo build -q --locked -p dxplan-wasm $1 --target wasm32-unknown-unknown --profile wasm
  # With its function names, for wasm/bench/bytes.mjs (where the bytes go).
  mkdir -p target/wasm-names
  cp target/wasm32-unknown-unknown/wasm/dxplan_wasm.wasm "target/wasm-names/$3.wasm"
  wasm-bindgen --target web --weak-refs --out-dir "$2" --out-name dxplan \
    target/wasm32-unknown-unknown/wasm/dxplan_wasm.wasm
  node wasm/node_modules/binaryen/bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$2/dxplan_bg.wasm" -o "$2/dxplan_bg.opt.wasm"
  mv "$2/dxplan_bg.opt.wasm" "$2/dxplan_bg.wasm"
}
module --no-default-features "$out" lean
module "" "$out/rules" full

# The raw exports of InitOutput take JavaScript values as `any`; declare them
# `unknown`, so that nothing in the package's declarations is `any`.
sed -E -i 's/\bany\b/unknown/g' "$out"/dxplan.d.ts "$out"/dxplan_bg.wasm.d.ts \
  "$out"/rules/dxplan.d.ts "$out"/rules/dxplan_bg.wasm.d.ts

# 5. The hand-written parts (entry points, runtime, form adapter, package.json)
#    and the generated ones: the Engine class, the functions and their
#    TypeScript declarations, from the operation table and the Rust types.
cp wasm/js/* "$out/"
say "cargo run -p dxplan-wasm --features ts --bin dxplan-js"
cargo run -q --locked -p dxplan-wasm --features ts --bin dxplan-js -- "$out"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
sed -i "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" "$out/package.json"

# The full entry: the same runtime, API and entry points over its own module
# (one DxplanError class for both: error.js stays at the top).
for f in api.js api.d.ts runtime.js index.js index.d.ts node.js; do
  sed "s#'./error.js'#'../error.js'#" "$out/$f" > "$out/rules/$f"
done

# 6. Size: each entry's module and the JavaScript it loads, gzipped.
gz() { cat "$@" | gzip -9c | wc -c; }
glue_gz=$(gz "$out/dxplan.js" "$out/runtime.js" "$out/api.js" "$out/index.js" "$out/error.js")
wasm_gz=$(gz "$out/dxplan_bg.wasm")
wasm_raw=$(wc -c < "$out/dxplan_bg.wasm")
full_glue_gz=$(gz "$out/rules/dxplan.js" "$out/rules/runtime.js" "$out/rules/api.js" "$out/rules/index.js" "$out/error.js")
full_wasm_gz=$(gz "$out/rules/dxplan_bg.wasm")
full_wasm_raw=$(wc -c < "$out/rules/dxplan_bg.wasm")
form_gz=$(gz "$out/form.js" "$out/form.css")
total=$((wasm_gz + glue_gz))
full_total=$((full_wasm_gz + full_glue_gz))
say "lean (dxplan): dxplan_bg.wasm ${wasm_raw} bytes, ${wasm_gz} gzipped; JS ${glue_gz} gzipped; total $((total / 1024)) KiB"
say "full (dxplan/rules): dxplan_bg.wasm ${full_wasm_raw} bytes, ${full_wasm_gz} gzipped; JS ${full_glue_gz} gzipped; total $((full_total / 1024)) KiB"
say "form adapter ${form_gz} gzipped"
if [[ -n "$size_report" ]]; then
  printf '{"wasm_bytes": %s, "wasm_gzip": %s, "glue_gzip": %s, "total_gzip": %s, "full_wasm_bytes": %s, "full_wasm_gzip": %s, "full_glue_gzip": %s, "full_total_gzip": %s, "form_gzip": %s}\n' \
    "$wasm_raw" "$wasm_gz" "$glue_gz" "$total" "$full_wasm_raw" "$full_wasm_gz" "$full_glue_gz" "$full_total" "$form_gz" > "$size_report"
fi
