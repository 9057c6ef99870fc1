#pragma once
// The benchmark extract: a large, deterministic, many-LA case-level file in one flat
// layout (child_id, la_code, dataset, category, sex, ethnicity, ward, dob, start_date,
// end_date, plan_number), about 83 bytes a row. The same seed always gives the same bytes,
// whatever the thread count, so load and query benchmarks are comparable between runs.
#include <cstdint>
#include <string>

namespace csc {

struct BenchmarkExtractStats {
  uint64_t rows = 0;
  uint64_t bytes = 0;
  double seconds = 0;
};

// Writes to `path` (through a temporary file renamed into place). Throws on I/O errors.
BenchmarkExtractStats WriteBenchmarkExtract(const std::string& path, uint64_t rows, int las, uint64_t seed,
                                            unsigned threads = 0);

// The bytes of rows [first, first + count) exactly as the file holds them (no header).
std::string BenchmarkExtractRows(uint64_t first, uint64_t count, int las, uint64_t seed);

inline constexpr const char* kBenchmarkExtractHeader =
    "child_id,la_code,dataset,category,sex,ethnicity,ward,dob,start_date,end_date,plan_number\n";

}  // namespace csc
