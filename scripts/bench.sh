#!/usr/bin/env bash
# Runs the native benchmarks and writes their results, with the machine they
# ran on, to BENCHMARKS.md (between the markers of the "Native" section).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
cargo bench --locked -p dxplan --bench calendar --bench kpi --bench rules --bench forms 2>/dev/null | tee "$out"
{
  echo "<!-- native:start -->"
  echo "Measured $(date -u +%Y-%m-%d) with \`bash scripts/bench.sh\` (divan, release profile)."
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') × $(nproc) cores"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB; $(rustc --version)"
  echo
  echo '```text'
  sed 's/\x1b\[[0-9;]*m//g' "$out"
  echo '```'
  echo "<!-- native:end -->"
} > "$out.md"
if grep -q '<!-- native:start -->' BENCHMARKS.md 2>/dev/null; then
  python3 - "$out.md" <<'PY'
import re, sys
block = open(sys.argv[1]).read().strip()
text = open("BENCHMARKS.md").read()
text = re.sub(r"<!-- native:start -->.*?<!-- native:end -->", lambda _: block, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
else
  cat "$out.md" >> BENCHMARKS.md
fi
rm -f "$out" "$out.md"
echo "BENCHMARKS.md updated"
