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

# 4. Build, bind, optimise.
say "cargo build -p dxplan-wasm --target wasm32-unknown-unknown --profile wasm"
cargo build -q --locked -p dxplan-wasm --target wasm32-unknown-unknown --profile wasm
out=wasm/pkg
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --weak-refs --out-dir "$out" --out-name dxplan \
  target/wasm32-unknown-unknown/wasm/dxplan_wasm.wasm
node wasm/node_modules/binaryen/bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/dxplan_bg.wasm" -o "$out/dxplan_bg.opt.wasm"
mv "$out/dxplan_bg.opt.wasm" "$out/dxplan_bg.wasm"

# The raw exports of InitOutput take JavaScript values as `any`; declare them
# `unknown`, so that nothing in the package's declarations is `any`.
sed -E -i 's/\bany\b/unknown/g' "$out/dxplan.d.ts" "$out/dxplan_bg.wasm.d.ts"

# 5. The hand-written parts (entry points, runtime, form adapter, package.json)
#    and the generated ones: the Engine class, the functions and their
#    TypeScript declarations, from the operation table and the Rust types.
cp wasm/js/* "$out/"
say "cargo run -p dxplan-wasm --features ts --bin dxplan-js"
cargo run -q --locked -p dxplan-wasm --features ts --bin dxplan-js -- "$out"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
sed -i "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" "$out/package.json"

# 6. Size.
wasm_gz=$(gzip -9c "$out/dxplan_bg.wasm" | wc -c)
glue_gz=$(cat "$out/dxplan.js" "$out/runtime.js" "$out/api.js" "$out/index.js" | gzip -9c | wc -c)
form_gz=$(gzip -9c "$out/form.js" | wc -c)
wasm_raw=$(wc -c < "$out/dxplan_bg.wasm")
total=$((wasm_gz + glue_gz))
say "dxplan_bg.wasm: ${wasm_raw} bytes, ${wasm_gz} gzipped; JS glue ${glue_gz} gzipped; form adapter ${form_gz} gzipped"
say "wasm + glue gzipped: ${total} bytes ($((total / 1024)) KiB)"
if [[ -n "$size_report" ]]; then
  printf '{"wasm_bytes": %s, "wasm_gzip": %s, "glue_gzip": %s, "form_gzip": %s, "total_gzip": %s}\n' \
    "$wasm_raw" "$wasm_gz" "$glue_gz" "$form_gz" "$total" > "$size_report"
fi
