# Sourced by the compare_*.sh scripts: installs and builds with benchmarks, names the
# extract (CSC_BENCH_ROWS to change its size) and installs DuckDB's Node package once.
scripts/install-deps.sh
scripts/build.sh -DCSC_BUILD_BENCH=ON >/dev/null
ROWS="${CSC_BENCH_ROWS:-10000000}"
EXTRACT="bench/out/benchmark_${ROWS}.csv"
(cd bench/duckdb && [ -d node_modules/@duckdb/node-api ] || npm install --no-audit --no-fund --silent)
