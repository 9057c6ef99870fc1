// Any bytes as a CSV, then its load report as JSON and its rejects and warnings as CSV: the
// report must always be valid UTF-8 JSON (nlohmann's strict dump throws on invalid UTF-8,
// which `csc load --json` once did on a reject cut mid-character). An exception other than
// LoadError escapes and libFuzzer reports it.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "ingest/csv_loader.hpp"
#include "ingest/load_report_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  csc::LoadOptions options;
  options.threads = 1;
  options.chunk_bytes = 64;  // several chunks even for small inputs: rejects and warnings merge across them
  options.keep_record_lines = true;
  try {
    const csc::LoadResult result = csc::LoadCsvBytes(bytes, "fuzz.csv", options);
    const std::string json = csc::LoadReportToJson(result).dump(2);  // strict: throws on invalid UTF-8
    (void)nlohmann::json::parse(json);
    (void)csc::RejectsToCsv(result.report);
    (void)csc::WarningsToCsv(result.report);
    if (result.report.record_lines.size() != result.report.rows_loaded) __builtin_trap();
  } catch (const csc::LoadError&) {
  }
  return 0;
}
