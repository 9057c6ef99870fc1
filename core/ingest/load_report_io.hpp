#pragma once
// A load's report as JSON (stable keys, for `csc load --json` and scripts) and its rejects
// and cell warnings as CSV (for the analyst to fix the extract).
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "ingest/load_options.hpp"

namespace csc {

nlohmann::json LoadReportToJson(const LoadResult& result);
std::string RejectsToCsv(const LoadReport& report);
std::string WarningsToCsv(const LoadReport& report);
// Quotes a CSV field when it needs it.
std::string CsvEscape(std::string_view field);

}  // namespace csc
