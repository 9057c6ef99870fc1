#pragma once
// Where benchmark programs find (or make) the 10-million-row benchmark extract.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "generate/benchmark_extract.hpp"

namespace csc::bench {

inline uint64_t ExtractRows() {
  const char* env = std::getenv("CSC_BENCH_ROWS");
  return env ? std::strtoull(env, nullptr, 10) : 10'000'000;
}

// CSC_BENCH_EXTRACT names an existing file; otherwise bench/out/benchmark_<rows>.csv is
// generated once (seed 42, 150 LAs) and reused.
inline std::string ExtractPath() {
  if (const char* env = std::getenv("CSC_BENCH_EXTRACT")) return env;
  const uint64_t rows = ExtractRows();
  const std::filesystem::path dir = std::filesystem::path(CSC_BENCH_OUT_DIR);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / ("benchmark_" + std::to_string(rows) + ".csv")).string();
  if (!std::filesystem::exists(path)) {
    std::fprintf(stderr, "generating %s (%llu rows)...\n", path.c_str(), static_cast<unsigned long long>(rows));
    const auto stats = WriteBenchmarkExtract(path, rows, 150, 42);
    std::fprintf(stderr, "  %.0f MB in %.1f s\n", static_cast<double>(stats.bytes) / 1e6, stats.seconds);
  }
  return path;
}

}  // namespace csc::bench
