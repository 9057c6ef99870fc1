// Loading the benchmark extract (10M rows, ~830 MB): MB/s, rows/s and bytes per row held
// in memory. Run: build/bin/bench_load --benchmark_repetitions=3 (see docs/BENCHMARKS.md).
#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "ingest/csv_loader.hpp"

namespace {

void BM_LoadBenchmarkExtract(benchmark::State& state) {
  const std::string path = csc::bench::ExtractPath();
  csc::LoadOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  size_t rows = 0, bytes = 0, memory = 0;
  for (auto _ : state) {
    const auto result = csc::LoadCsvFile(path, options);
    rows = result.table->num_rows();
    bytes = result.report.file_bytes;
    memory = result.table->MemoryBytes();
    if (result.report.rows_rejected || result.report.cell_warnings) state.SkipWithError("benchmark extract did not load cleanly");
    benchmark::DoNotOptimize(result.table.get());
  }
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6 * static_cast<double>(state.iterations()),
                                              benchmark::Counter::kIsRate);
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows) * static_cast<double>(state.iterations()),
                                                benchmark::Counter::kIsRate);
  state.counters["bytes/row"] = static_cast<double>(memory) / static_cast<double>(rows);
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
}

}  // namespace

BENCHMARK(BM_LoadBenchmarkExtract)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

BENCHMARK_MAIN();
