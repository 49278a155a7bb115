#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ (libFuzzer), each for SECONDS (default
# 10: the smoke run of the test command) or RUNS executions, seeded with the
# example reports, the rule scripts, the hostile scripts and the bad-input
# catalogue. Every input is held to the memory and time budget of
# fuzz/src/lib.rs. Installs cargo-fuzz when missing; the toolchain is stable
# (RUSTC_BOOTSTRAP lets it take the sanitizer flags).
#   bash scripts/fuzz.sh                         smoke run, 10 s per target
#   bash scripts/fuzz.sh 3600                    an hour per target
#   RUNS=10000000 bash scripts/fuzz.sh 0 rule_script   ten million executions of one target
#   SANITIZER=address bash scripts/fuzz.sh 600   with AddressSanitizer
# The engine is safe Rust (its dependencies' unsafe code is theirs), so the
# default is no sanitizer: ten times the executions per second
# (BENCHMARKS.md); AddressSanitizer is for a run after a dependency update.
# A crash stops with its input saved in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
targets=("$@")
[[ ${#targets[@]} == 0 ]] && targets=(validate_report rule_script report_checks package_calls calendar_queries)
runs=${RUNS:--1}
sanitizer=${SANITIZER:-none}
version=0.13.2
if [[ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$version" ]]; then
  cargo install cargo-fuzz --version "$version" --locked --force
fi
export RUSTC_BOOTSTRAP=1
# The corpus of TARGET, seeded with the project's own inputs.
seed() {
  local dir="fuzz/corpus/$1" f i=0
  mkdir -p "$dir"
  case $1 in
    validate_report) cp examples/reports/valid/*.json examples/reports/invalid/*.json "$dir"/ ;;
    rule_script) cp rules/*.rhai tests/golden/rules-hostile/*.rhai "$dir"/ ;;
    report_checks) grep -l kiem_tra tests/golden/rules-hostile/*.rhai | xargs -I{} cp {} "$dir"/ ;;
    package_calls)
      # OPERATION\nARGUMENTS: the bad-input catalogue's rows written in plain
      # JSON, and a validation of each example report.
      while IFS='|' read -r _ op args _; do
        op=$(echo "$op" | xargs)
        [[ -z $op || $op == cli:* || $args == *'$'* ]] && continue
        i=$((i + 1))
        printf '%s\n%s' "$op" "$(echo "$args" | sed 's/^ *//; s/ *$//')" > "$dir/bad-input-$i"
      done < <(grep -v '^#' tests/golden/bad_input.txt)
      for f in examples/reports/valid/*.json; do
        printf 'validate\n[%s, "16/09/2025"]' "$(cat "$f")" > "$dir/validate-$(basename "$f")"
      done ;;
    calendar_queries) printf '\x60\x8e\x00\x00\x05\x00\x00\x00\x00\x00\x00\x002025-09-02' > "$dir/seed-2025-09-02" ;;
  esac
}
log=$(mktemp)
for target in "${targets[@]}"; do
  printf '\n==> fuzz %s for %s s / %s runs (sanitizer: %s)\n' "$target" "$seconds" "$runs" "$sanitizer"
  seed "$target"
  status=0
  (cd fuzz && cargo fuzz run -s "$sanitizer" "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1) >"$log" 2>&1 || status=$?
  grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)|SUMMARY|panicked' "$log" || true
  if [[ $status != 0 ]]; then
    tail -40 "$log" >&2
    echo "fuzz: $target failed (exit $status; inputs in fuzz/artifacts/$target/)" >&2
    rm -f "$log"
    exit 1
  fi
done
rm -f "$log"
