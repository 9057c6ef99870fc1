#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for N seconds (default 60) from
# the seed corpus in fuzz/corpus/. New inputs go to a scratch copy, not into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCSC_BUILD_FUZZ=ON \
  -DCSC_BUILD_GUI=OFF -DCSC_BUILD_TESTS=OFF -DCSC_BUILD_BENCH=OFF -DCSC_SANITIZE=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_csv_loader fuzz_date_parser fuzz_xlsx_reader fuzz_snapshot_reader \
  fuzz_load_report_json fuzz_cin_census_xml
# name:corpus[:max_len]; a snapshot seed (header, aligned sections, contents) needs more than 4 KiB.
for target in csv_loader:csv date_parser:date xlsx_reader:xlsx:4096 snapshot_reader:snapshot:16384 \
              load_report_json:report cin_census_xml:cin:8192; do
  IFS=: read -r name corpus max_len <<<"$target"
  max_len="${max_len:-4096}"
  work="build-fuzz/corpus-$corpus"
  rm -rf "$work" && mkdir -p "$work" && cp fuzz/corpus/"$corpus"/* "$work"/
  echo "fuzz: $name for ${SECONDS_PER_TARGET}s"
  status=0
  build-fuzz/bin/fuzz_"$name" -max_total_time="$SECONDS_PER_TARGET" -max_len="$max_len" -timeout=10 \
    -artifact_prefix=build-fuzz/ -print_final_stats=1 "$work" >"build-fuzz/$name.log" 2>&1 || status=$?
  grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done|Test unit written" "build-fuzz/$name.log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $name failed (exit $status); the input is in build-fuzz/crash-* and the log in build-fuzz/$name.log" >&2
    exit 1
  fi
done
