#!/usr/bin/env bash
# The typical slice of issue #3 with CSC Explorer (bench_query) and with DuckDB (the same
# question as SQL on an in-memory table, 2 threads) in the same run, taking turns round by
# round, then the medians side by side, the ratio, and whether both gave the same answer.
# With --publish, CSC Explorer also answers the slice with publication protection on (cell
# keys summed per cell, BM_TypicalSlicePublish/0) in the same runs, and the overhead is
# reported from the medians of wall time and of CPU time (a busy neighbour inflates the first).
# Usage: bench/compare_query.sh [--publish] [rounds]   (CSC_BENCH_ROWS to change the size)
set -euo pipefail
cd "$(dirname "$0")/.."
PUBLISH=0
if [ "${1:-}" = "--publish" ]; then
  PUBLISH=1
  shift
fi
ROUNDS="${1:-3}"
source bench/bench_env.sh
FILTER='TypicalSlice(Cold/0|Warm)'
[ "$PUBLISH" = 1 ] && FILTER='TypicalSlice(Cold/0|Warm|Publish/0)'

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for i in $(seq "$ROUNDS"); do
  # bench_query generates the extract on first use (seed 42, 150 LAs).
  CSC_BENCH_ROWS="$ROWS" build/bin/bench_query --benchmark_filter="$FILTER" \
    --benchmark_repetitions=5 --benchmark_format=json >"$OUT/csc_$i.json" 2>/dev/null
  node bench/duckdb/query_duckdb.mjs "$(realpath "$EXTRACT")" 5 >"$OUT/duck_$i.json"
  echo "round $i done" >&2
done
python3 - "$OUT" "$ROUNDS" "$PUBLISH" <<'PY'
import json, statistics, sys
out, rounds, publish = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
cold, warm, duck, answers = [], [], [], []
cold_cpu, pub, pub_cpu, pub_answers = [], [], [], []
for i in range(1, rounds + 1):
    runs = json.load(open(f"{out}/csc_{i}.json"))["benchmarks"]
    reps = lambda name: [b for b in runs if b["run_name"].startswith(name) and b.get("run_type") == "iteration"]
    c = reps("BM_TypicalSliceCold/0")
    w = reps("BM_TypicalSliceWarm")
    cold += [b["real_time"] for b in c]  # ms
    cold_cpu += [b["cpu_time"] for b in c]  # ms, every thread of the process
    warm += [b["real_time"] for b in w]  # us
    if publish:
        p = reps("BM_TypicalSlicePublish/0")
        pub += [b["real_time"] for b in p]
        pub_cpu += [b["cpu_time"] for b in p]
        pub_answers.append((int(p[0]["groups"]), int(p[0]["episodes"]), int(p[0]["first_children"])))
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
if publish:
    # Protection changes the published figures, not the engine's counts: the same answer.
    p_med, pc_med, cc_med = statistics.median(pub), statistics.median(pub_cpu), statistics.median(cold_cpu)
    print(f"{'':34}{'without':>14}{'with':>12}{'overhead':>10}")
    print(f"{'publication protection, wall (ms)':34}{c_med:>14.2f}{p_med:>12.2f}{100 * (p_med / c_med - 1):>+9.1f}%")
    print(f"{'publication protection, CPU (ms)':34}{cc_med:>14.2f}{pc_med:>12.2f}{100 * (pc_med / cc_med - 1):>+9.1f}%")
    if any(p != a[:3] for p, a in zip(pub_answers, answers)):
        print(f"protected run counted DIFFERENTLY: {pub_answers} vs {[a[:3] for a in answers]}")
        sys.exit(1)
same = all(a[:3] == a[3:] for a in answers)
g, e, f = answers[0][:3]
print(f"answers: {g} groups, {e:,} episodes, {f:,} children in the first group: "
      + ("the same in both" if same else f"DIFFERENT: {answers}"))
sys.exit(0 if same else 1)
PY
