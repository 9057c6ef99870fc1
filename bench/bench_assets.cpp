// Loading every bundled file (assets/demo with its SSDA903 and Annex A renderings,
// assets/ees, assets/reference) through the recognisers and converters, as the explorer
// does at start-up: the target is under one second. Run: build/bin/bench_assets
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>

#include "dataset/dataset_loader.hpp"

namespace {

std::vector<std::string> BundledCsvFiles() {
  std::vector<std::string> files;
  for (const char* dir : {"demo", "ees", "reference"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(CSC_SOURCE_ASSETS_DIR) + "/" + dir))
      if (e.is_regular_file() && e.path().extension() == ".csv") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

void BM_LoadBundledAssets(benchmark::State& state) {
  const auto files = BundledCsvFiles();
  csc::DatasetLoadOptions options;
  options.csv.threads = static_cast<unsigned>(state.range(0));
  size_t datasets = 0, bytes = 0, rows = 0;
  for (auto _ : state) {
    const csc::DatasetLoad load = csc::LoadDatasets(files, options);
    datasets = load.datasets.size();
    bytes = rows = 0;
    for (const auto& f : load.files) bytes += f.load.report.file_bytes, rows += f.load.report.rows_read;
    benchmark::DoNotOptimize(load.datasets.data());
  }
  state.counters["files"] = static_cast<double>(files.size());
  state.counters["datasets"] = static_cast<double>(datasets);
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
}

}  // namespace

BENCHMARK(BM_LoadBundledAssets)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Repetitions(5);

BENCHMARK_MAIN();
