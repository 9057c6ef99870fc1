#!/usr/bin/env bash
# The typical slice of issue #3 with CSC Explorer (bench_query) and with DuckDB (the same
# question as SQL on an in-memory table, 2 threads) in the same run, taking turns round by
# round, then the medians side by side, the ratio, and whether both gave the same answer.
# Usage: bench/compare_query.sh [rounds]   (CSC_BENCH_ROWS to change the size)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
source bench/bench_env.sh

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for i in $(seq "$ROUNDS"); do
  # bench_query generates the extract on first use (seed 42, 150 LAs).
  CSC_BENCH_ROWS="$ROWS" build/bin/bench_query --benchmark_filter='TypicalSlice(Cold/0|Warm)' \
    --benchmark_repetitions=5 --benchmark_format=json >"$OUT/csc_$i.json" 2>/dev/null
  node bench/duckdb/query_duckdb.mjs "$(realpath "$EXTRACT")" 5 >"$OUT/duck_$i.json"
  echo "round $i done" >&2
done
python3 - "$OUT" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
cold, warm, duck, answers = [], [], [], []
for i in range(1, rounds + 1):
    runs = json.load(open(f"{out}/csc_{i}.json"))["benchmarks"]
    reps = lambda name: [b for b in runs if b["run_name"].startswith(name) and b.get("run_type") == "iteration"]
    c = reps("BM_TypicalSliceCold/0")
    w = reps("BM_TypicalSliceWarm")
    cold += [b["real_time"] for b in c]  # ms
    warm += [b["real_time"] for b in w]  # us
    d = json.loads(open(f"{out}/duck_{i}.json").read())
    duck.append(d["median_ms"])
    answers.append((int(c[0]["groups"]), int(c[0]["episodes"]), int(c[0]["first_children"]),
                     d["groups"], d["episodes"], int(d["first_group"][-1])))
c_med, d_med, w_med = statistics.median(cold), statistics.median(duck), statistics.median(warm)
print(f"{'':34}{'CSC Explorer':>14}{'DuckDB':>12}")
print(f"{'cold median, 2 threads (ms)':34}{c_med:>14.2f}{d_med:>12.1f}")
print(f"{'cold range over all runs (ms)':34}{min(cold):>7.2f}-{max(cold):<6.2f}{min(duck):>6.0f}-{max(duck):<5.0f}")
print(f"{'warm, from the query cache (us)':34}{w_med:>14.2f}")
print(f"ratio: CSC Explorer {d_med / c_med:.0f}x faster ({len(cold)} CSC runs, {rounds} DuckDB medians of 5)")
same = all(a[:3] == a[3:] for a in answers)
g, e, f = answers[0][:3]
print(f"answers: {g} groups, {e:,} episodes, {f:,} children in the first group: "
      + ("the same in both" if same else f"DIFFERENT: {answers}"))
sys.exit(0 if same else 1)
PY
