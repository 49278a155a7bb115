#!/usr/bin/env bash
# The project's one test command (README.md, `.ci/run`). Installs what it needs
# on a fresh machine, idempotently, then runs every check and test.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain components (rustfmt, clippy)"
if command -v rustup >/dev/null 2>&1; then
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
fi

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy --workspace --all-targets --locked -- -D warnings
# The TypeScript derivations (feature `ts`) and the generator of api.js / api.d.ts.
cargo clippy -p dxplan -p dxplan-wasm --features dxplan-wasm/ts --all-targets --locked -- -D warnings
# The lean build (no `scripts` feature: no Rhai), the default entry's module.
cargo clippy -p dxplan -p dxplan-wasm --no-default-features --lib --tests --locked -- -D warnings

step "API docs: every intra-doc link resolves (rustdoc -D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc -q --locked --no-deps -p dxplan -p dxplan-cli -p dxplan-wasm

step "main job: dxplan calendar 2025 (README)"
cargo run -q --locked -p dxplan-cli -- calendar 2025 >/dev/null

step "tests (unit, golden, property, doc)"
log=$(mktemp)
set +e
{ cargo test --workspace --locked && cargo test -p dxplan --no-default-features --lib --locked; } 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s += $1} END {print s + 0}')
failed=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s += $1} END {print s + 0}')

step "days off against an independent record (python-holidays, test-time only)"
# A virtual environment under target/, so the machine's Python is left alone.
py=target/pyholidays/bin/python
if [[ ! -x "$py" ]]; then
  python3 -m venv target/pyholidays 2>/dev/null || {
    sudo_cmd=""
    if [[ "$(id -u)" != 0 ]]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get install -y python3-venv >/dev/null 2>&1 \
      || { $sudo_cmd apt-get update >/dev/null && $sudo_cmd apt-get install -y python3-venv >/dev/null; }
    python3 -m venv target/pyholidays
  }
fi
"$py" -m pip install -q --disable-pip-version-check 'holidays==0.109'
cargo build -q --locked -p dxplan-cli
if "$py" scripts/check-holidays.py target/debug/dxplan; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); status=1
fi

step "fuzzing smoke run (cargo-fuzz, 10 s per target)"
fuzz_status=0
bash scripts/fuzz.sh 10 || fuzz_status=$?
if [[ "$fuzz_status" != 0 ]]; then failed=$((failed + 1)); status=$fuzz_status; fi

step "browser for the WebAssembly tests (Debian chromium)"
if [[ ! -x /usr/bin/chromium ]]; then
  sudo_cmd=""
  if [[ "$(id -u)" != 0 ]]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get install -y chromium >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update >/dev/null && $sudo_cmd apt-get install -y chromium >/dev/null; }
fi

step "WebAssembly package (wasm/pkg), web demo, and their Node and browser tests"
bash scripts/build-wasm.sh
bash scripts/demo.sh --build
set +e
NO_COLOR=1 node --test --test-reporter=spec wasm/tests/ web-demo/tests/ 2>&1 | tee "$log"
node_status=${PIPESTATUS[0]}
set -e
# The spec reporter ends with "ℹ pass N" and "ℹ fail N".
passed=$((passed + $(awk '/^ℹ pass / {print $3}' "$log" | tail -1)))
failed=$((failed + $(awk '/^ℹ fail / {print $3}' "$log" | tail -1)))
rm -f "$log"
if [[ "$node_status" != 0 ]]; then status=$node_status; fi
echo
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
