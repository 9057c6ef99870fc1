// Any bytes as a CIN census XML return: the reader builds its tables or throws LoadError
// (file:line:column), never crashes or hangs; every table it builds has as many rows in each
// column, and its report stays valid UTF-8 JSON.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "dataset/cin_census.hpp"
#include "ingest/load_report_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const csc::CinCensusTables t = csc::ReadCinCensusXmlBytes(bytes, "fuzz.xml");
    for (const csc::ConvertedTable* part : {&t.referrals, &t.assessments, &t.factors, &t.cp_plans})
      for (size_t c = 0; c < part->table->num_columns(); ++c)
        if (part->table->column(c).size() != part->table->num_rows()) __builtin_trap();
    csc::LoadResult result{t.referrals.table, t.report};
    (void)csc::LoadReportToJson(result).dump();  // strict: throws on invalid UTF-8
  } catch (const csc::LoadError&) {
  }
  return 0;
}
