#!/usr/bin/env bash
# Loads the 10-million-row benchmark extract with CSC Explorer and with DuckDB (read_csv,
# 2 threads, in memory) in the same run and prints the figures side by side.
# Usage: bench/compare_load.sh [repetitions]   (CSC_BENCH_ROWS to change the size)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${1:-3}"
source bench/bench_env.sh
# bench_load generates the extract on first use (seed 42, 150 LAs) and reports its own figures.
CSC_BENCH_ROWS="$ROWS" build/bin/bench_load

# The two engines take turns, one load each per round, so a neighbour's load on this shared
# machine falls on both rather than on whichever ran second.
csc_runs=""
duck_runs=""
for i in $(seq "$REPS"); do
  line=$(build/bin/csc load --json "$EXTRACT" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["seconds"], j["megabytes_per_second"], j["rows_loaded"], j["bytes_in_memory"])')
  d=$(node bench/duckdb/load_duckdb.mjs "$(realpath "$EXTRACT")" 1)
  echo "round $i: csc $line | duckdb $d" >&2
  csc_runs+="$line"$'\n'
  duck_runs+="$d"$'\n'
done
csc=$(printf "%s" "$csc_runs" | sort -n | awk -v n="$REPS" 'NR==int((n+1)/2)')
duck=$(printf "%s" "$duck_runs" | python3 -c 'import json,sys; r=sorted((json.loads(l) for l in sys.stdin if l.strip()), key=lambda j: j["seconds_median"]); print(json.dumps(r[(len(r)-1)//2]))')
python3 - "$csc" "$duck" <<'PY'
import json, sys
seconds, mbps, rows, mem = sys.argv[1].split()
d = json.loads(sys.argv[2])
c = dict(seconds=float(seconds), mbps=float(mbps), rows=int(rows), bpr=int(mem) / int(rows))
print(f"{'':24}{'CSC Explorer':>16}{'DuckDB':>16}")
print(f"{'rows':24}{c['rows']:>16,}{d['rows']:>16,}")
print(f"{'load seconds (median)':24}{c['seconds']:>16.2f}{d['seconds_median']:>16.2f}")
print(f"{'MB/s':24}{c['mbps']:>16.0f}{d['mb_per_s']:>16.0f}")
print(f"{'rows/s':24}{c['rows'] / c['seconds']:>16,.0f}{d['rows_per_s']:>16,.0f}")
print(f"{'bytes per row in memory':24}{c['bpr']:>16.1f}{d['bytes_per_row']:>16.1f}")
print(f"throughput ratio: {c['mbps'] / d['mb_per_s']:.2f}x")
PY
