#!/usr/bin/env bash
# Runs the benchmarks and writes their results, with the machine they ran on, to
# BENCHMARKS.md (between the markers of each section):
#   native     divan benchmarks of the core (release profile)
#   wasm-size  size of the WebAssembly package (scripts/build-wasm.sh)
#   wasm       the package in Node and in headless Chromium, beside json-logic-js
#              and @gorules/zen-engine-wasm (wasm/bench/)
# `bash scripts/bench.sh --wasm-size` updates the size section only,
# `bash scripts/bench.sh --wasm` the size and WebAssembly sections.
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
if [[ "${1:-}" != "--wasm-size" && "${1:-}" != "--wasm" ]]; then
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
node wasm/bench/bytes.mjs > "$out.bytes.json"
python3 - "$out.json" "$(rustc --version)" "$(wasm-bindgen --version)" "$out.bytes.json" > "$out.md" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
where = json.load(open(sys.argv[4]))
kb = lambda n: f"{n / 1024:.1f} KiB"
print("<!-- wasm-size:start -->")
print(f"Measured with `bash scripts/bench.sh --wasm-size` ({sys.argv[2]}, {sys.argv[3]}, wasm-opt -Oz of binaryen 132, gzip -9).")
print()
print("| module | dxplan_bg.wasm | its JavaScript | module + JavaScript, gzipped | goal |")
print("|---|---|---|---|---|")
for name, pre, goal in (("lean, entry `dxplan` (no Rhai, precompiled rules)", "", 200), ("full, entry `dxplan/rules` (rule scripts)", "full_", 450)):
    total = s[pre + "total_gzip"]
    print(f"| {name} | {kb(s[pre + 'wasm_bytes'])} raw, {kb(s[pre + 'wasm_gzip'])} gzipped | {kb(s[pre + 'glue_gzip'])} gzipped "
          f"| **{kb(total)}** | ≤ {goal} KiB: {'met' if total <= goal * 1024 else 'missed'} |")
print(f"| form adapter (form.js + form.css), loaded separately | | {kb(s['form_gzip'])} gzipped | | |")
print()
print("Where the bytes go (wasm/bench/bytes.mjs): code by crate — for dxplan by module — summed from the symbol names of")
print("the module before wasm-opt (which shrinks code by about a fifth and keeps no names), and the data segment")
print("with the embedded rule data (rules/compiled/) in it. Generic code counts for the crate that defines it")
print("(serde_json's parser instantiated for a dxplan type is serde_json's).")
print()
print("| part | lean | full |")
print("|---|---|---|")
parts = sorted(set(where["lean"]["by_crate"]) | set(where["full"]["by_crate"]), key=lambda k: -where["full"]["by_crate"].get(k, 0))
for k in parts:
    l, f = where["lean"]["by_crate"].get(k, 0), where["full"]["by_crate"].get(k, 0)
    if max(l, f) >= 16 * 1024:
        print(f"| code: {k} | {kb(l)} | {kb(f)} |")
small = lambda m: sum(v for k, v in where[m]["by_crate"].items() if max(where["lean"]["by_crate"].get(k, 0), where["full"]["by_crate"].get(k, 0)) < 16 * 1024)
print(f"| code: everything else (each under 16 KiB) | {kb(small('lean'))} | {kb(small('full'))} |")
print(f"| **code, total** | **{kb(where['lean']['code'])}** | **{kb(where['full']['code'])}** |")
print(f"| data: embedded rule data (rules/compiled/lean.json, full.json) | {kb(where['lean']['compiled_rules'])} | {kb(where['full']['compiled_rules'])} |")
print(f"| data: everything else (messages, tasks, plan texts, tables) | {kb(where['lean']['data'] - where['lean']['compiled_rules'])} | {kb(where['full']['data'] - where['full']['compiled_rules'])} |")
print("<!-- wasm-size:end -->")
PY
replace_section wasm-size "$out.md"

if [[ "${1:-}" != "--wasm-size" ]]; then
  (cd wasm && node bench/node.mjs) > "$out.node.json"
  (cd wasm && node bench/browser.mjs) > "$out.browser.json"
  (cd wasm && node bench/boundary.mjs) > "$out.boundary.json"
  python3 - "$out.node.json" "$out.browser.json" "$out.boundary.json" > "$out.md" <<'PY'
import json, subprocess, sys
node_all, chrome_all, boundary = (json.load(open(p)) for p in sys.argv[1:4])
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
node, chrome = node_all["modules"], chrome_all["modules"]
MODULES = ("lean", "full")
print("<!-- wasm:start -->")
print(f"Measured with `bash scripts/bench.sh --wasm` on {cpu} × {cores} cores; {node_all['runtime']}; {chrome_all['runtime']} "
      f"(headless, cross-origin isolated: {chrome['lean'].get('cross_origin_isolated')}). Both modules of the package, in the same run: "
      f"**lean** (entry `dxplan`, no Rhai, precompiled rules) and **full** (entry `dxplan/rules`). Microseconds per call: median and 99th "
      f"percentile of {node['lean']['dxplan_validate_quarterly']['samples']} batches (a batch of 5–50 calls keeps timer "
      f"resolution out of the numbers). The quarterly report has {node['lean']['fields']['quarterly']} fields, the stress report "
      f"{node['lean']['fields']['stress']}; the peers run the same {node['lean']['checks']} checks (KPI thresholds and cross-field).")
print()
rows = [
  ("dxplan validate, quarterly report", "dxplan_validate_quarterly", "≤ 50 µs"),
  ("dxplan validateField (one field, the report re-sent as context)", "dxplan_validate_field", ""),
  ("report session: one figure typed (KPI result changes)", "dxplan_session_figure", "≤ 3 µs"),
  ("report session: one outline sentence typed", "dxplan_session_text", "≤ 3 µs"),
  ("report session: a table cell of the 700-field report", "dxplan_session_700_fields_cell", ""),
  ("dxplan validate, 700-field report", "dxplan_validate_700_fields", "≤ 300 µs"),
  ("dxplan evaluateKpi (the peers' checks)", "dxplan_evaluate_kpi", ""),
  ("json-logic-js, same checks", "json_logic_checks", ""),
  ("@gorules/zen-engine-wasm, same checks", "zen_checks", ""),
]
def cell(r, k):
    return f"{r[k]['median_us']:.1f} / {r[k]['p99_us']:.1f}"
def verdict(goal, k):
    if not goal: return ""
    limit = float(goal.split()[1])
    return f"{goal}: {'met' if chrome['lean'][k]['median_us'] <= limit else 'missed'}"
print("| operation | Node lean | Node full | Chromium lean | Chromium full | goal (Chromium, lean) |")
print("|---|---|---|---|---|---|")
for label, k, goal in rows:
    print(f"| {label} | {cell(node['lean'], k)} | {cell(node['full'], k)} | {cell(chrome['lean'], k)} | {cell(chrome['full'], k)} | {verdict(goal, k)} |")
cold = lambda r: f"{r['cold_start_ms']['median']} (max {r['cold_start_ms']['max']})"
cc = chrome["lean"]["cold_start_ms"]["median"]
print(f"| cold start (load, instantiate, embedded rules, first validation), ms | {cold(node['lean'])} | {cold(node['full'])} | {cold(chrome['lean'])} | {cold(chrome['full'])} | ≤ 30 ms: {'met' if cc <= 30 else 'missed'} |")
for link, t in chrome["lean"]["time_to_interactive_ms"].items():
    f = chrome["full"]["time_to_interactive_ms"][link]
    goal = f"≤ 3 s: {'met' if t['median'] <= 3000 else 'missed'}" if link.startswith("1.6") else ""
    print(f"| time to interactive of a form page, {link}, gzip, cache off (ms; KiB sent) | — | — | {t['median']} (max {t['max']}; {t['transferred_bytes'] / 1024:.0f} KiB) "
          f"| {f['median']} (max {f['max']}; {f['transferred_bytes'] / 1024:.0f} KiB) | {goal} |")
print()
print("Ratios (peer time ÷ dxplan time; above 1 means dxplan is faster; goal ≥ 2 against json-logic-js and ≥ 10 against zen):")
print()
print("| dxplan operation | vs json-logic-js, Node / Chromium (lean; full) | vs zen-engine-wasm, Node / Chromium (lean; full) |")
print("|---|---|---|")
for label, k in [("evaluateKpi (same checks)", "dxplan_evaluate_kpi"), ("validate (whole form, a superset)", "dxplan_validate_quarterly")]:
    r = lambda env, m, peer: env[m][peer]["median_us"] / env[m][k]["median_us"]
    both = lambda peer: "; ".join(f"{r(node, m, peer):.2f} / {r(chrome, m, peer):.2f}" for m in MODULES)
    print(f"| {label} | {both('json_logic_checks')} | {both('zen_checks')} |")
print()
print("Hostile rule scripts (tests/golden/rules-hostile/), milliseconds until the full module refuses them (median of 5; the lean one runs no script):")
print()
print("| script | Node ms | Chromium ms |")
print("|---|---|---|")
hn, hc = node["full"]["hostile_ms"], chrome["full"]["hostile_ms"]
for name, ms in hn.items():
    print(f"| {name} | {ms} | {hc.get(name, '—')} |")
worst = max(max(hn.values()), max(hc.values()))
print()
print(f"Every hostile script is stopped by a limit of the sandbox (core/src/rules/sandbox.rs `limits`) within {worst:.0f} ms here.")
print()
print(f"The boundary of a session's change (wasm/bench/boundary.mjs, {boundary['runtime']}; best median of three alternating runs each):")
print("the same `set` answered as JSON text (`RawSession.call` + `JSON.parse`) and as objects written by serde-wasm-bindgen")
print("(`RawSession.change`, what the package uses), checked equal first.")
print()
print("| keystroke | answer, bytes of JSON | JSON text µs | serde-wasm-bindgen µs |")
print("|---|---|---|---|")
for name, r in boundary.items():
    if name == "runtime": continue
    print(f"| {name.replace('_', ' ')} | {r['answer_bytes']} | {r['json_text']['median_us']:.1f} | {r['serde_wasm_bindgen']['median_us']:.1f} |")
print("<!-- wasm:end -->")
PY
  replace_section wasm "$out.md"
fi
rm -f "$out" "$out.md" "$out.json" "$out.bytes.json" "$out.node.json" "$out.browser.json" "$out.boundary.json"
echo "BENCHMARKS.md updated"
