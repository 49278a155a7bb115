#!/usr/bin/env bash
# Runs the benchmarks and writes their results, with the machine they ran on, to
# BENCHMARKS.md (between the markers of each section):
#   native     divan benchmarks of the core (release profile)
#   wasm-size  size of the WebAssembly package (scripts/build-wasm.sh)
# `bash scripts/bench.sh --wasm-size` updates the size section only.
set -euo pipefail
cd "$(dirname "$0")/.."

# replace_section NAME FILE: puts FILE (which starts and ends with NAME's
# markers) in place of the section in BENCHMARKS.md, or appends it.
replace_section() {
  if grep -q "<!-- $1:start -->" BENCHMARKS.md 2>/dev/null; then
    python3 - "$1" "$2" <<'PY'
import re, sys
name, block = sys.argv[1], open(sys.argv[2]).read().strip()
text = open("BENCHMARKS.md").read()
text = re.sub(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", lambda _: block, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
  else
    cat "$2" >> BENCHMARKS.md
  fi
}

machine() {
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') × $(nproc) cores"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB; $(rustc --version)"
}

out=$(mktemp)
if [[ "${1:-}" != "--wasm-size" ]]; then
  cargo bench --locked -p dxplan --bench calendar --bench kpi --bench rules --bench forms 2>/dev/null | tee "$out"
  {
    echo "<!-- native:start -->"
    echo "Measured $(date -u +%Y-%m-%d) with \`bash scripts/bench.sh\` (divan, release profile)."
    echo
    machine
    echo
    echo '```text'
    sed 's/\x1b\[[0-9;]*m//g' "$out"
    echo '```'
    echo "<!-- native:end -->"
  } > "$out.md"
  replace_section native "$out.md"
fi

bash scripts/build-wasm.sh --size-report "$out.json"
python3 - "$out.json" "$(rustc --version)" "$(wasm-bindgen --version)" > "$out.md" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
kb = lambda n: f"{n / 1024:.1f} KiB"
print("<!-- wasm-size:start -->")
print(f"Measured with `bash scripts/bench.sh --wasm-size` ({sys.argv[2]}, {sys.argv[3]}, wasm-opt -Oz of binaryen 132, gzip -9).")
print()
print("| file | size |")
print("|---|---|")
print(f"| dxplan_bg.wasm | {kb(s['wasm_bytes'])} raw, **{kb(s['wasm_gzip'])} gzipped** |")
print(f"| JS glue (dxplan.js, index.js, node.js) | {kb(s['glue_gzip'])} gzipped |")
print(f"| **module + glue** | **{kb(s['total_gzip'])} gzipped** (goal ≤ 300 KiB: {'met' if s['total_gzip'] <= 300 * 1024 else 'missed'}) |")
print(f"| form adapter (form.js), loaded separately | {kb(s['form_gzip'])} gzipped |")
print("<!-- wasm-size:end -->")
PY
replace_section wasm-size "$out.md"
rm -f "$out" "$out.md" "$out.json"
echo "BENCHMARKS.md updated"
