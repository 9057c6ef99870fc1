#pragma once
// A load's report as JSON (stable keys, for `csc load --json` and scripts) and its rejects
// and cell warnings as CSV (for the analyst to fix the extract).
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "ingest/load_options.hpp"

#include "util/text.hpp"  // CsvEscape, used with these by callers

namespace csc {

nlohmann::json LoadReportToJson(const LoadResult& result);
std::string RejectsToCsv(const LoadReport& report);
std::string WarningsToCsv(const LoadReport& report);

}  // namespace csc
