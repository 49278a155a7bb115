#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ (libFuzzer, AddressSanitizer), each for
# SECONDS (default 10: the smoke run of the test command), seeded with the
# example reports and rule scripts. Installs cargo-fuzz when missing. The
# toolchain is stable: RUSTC_BOOTSTRAP lets it take the sanitizer flags.
#   bash scripts/fuzz.sh            smoke run, 10 s per target
#   bash scripts/fuzz.sh 3600       a one-hour campaign per target
# A crash stops with its input saved in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
version=0.13.2
if [[ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$version" ]]; then
  cargo install cargo-fuzz --version "$version" --locked --force
fi
export RUSTC_BOOTSTRAP=1
# The corpus of TARGET, seeded with the project's own inputs.
seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  case $1 in
    validate_report) cp examples/reports/valid/*.json examples/reports/invalid/*.json "$dir"/ ;;
    rule_script) cp rules/*.rhai "$dir"/ ;;
    calendar_queries) printf '\x60\x8e\x00\x00\x05\x00\x00\x00\x00\x00\x00\x002025-09-02' > "$dir/seed-2025-09-02" ;;
  esac
}
log=$(mktemp)
for target in validate_report rule_script calendar_queries; do
  printf '\n==> fuzz %s for %s s\n' "$target" "$seconds"
  seed "$target"
  status=0
  (cd fuzz && cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1) >"$log" 2>&1 || status=$?
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|SUMMARY|panicked' "$log" || true
  if [[ $status != 0 ]]; then
    tail -40 "$log" >&2
    echo "fuzz: $target failed (exit $status; inputs in fuzz/artifacts/$target/)" >&2
    rm -f "$log"
    exit 1
  fi
done
rm -f "$log"
