#pragma once
// What a query returns: a few hundred cells at most, immutable once built, shared with the
// views by pointer. Rows are the non-empty groups in key order (periods in query order,
// bands in band order, column values sorted, "(blank)" and "Other" last); with no grouping
// there is exactly one row, even when nothing matched.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace csc {

inline constexpr const char* kNullLabel = "(blank)";
inline constexpr const char* kOtherLabel = "Other";

struct QueryResult {
  struct Row {
    std::vector<std::string> keys;            // one label per dimension
    std::vector<std::optional<double>> values;  // one per measure; empty = no value (0/0, no population)
    friend bool operator==(const Row&, const Row&) = default;
  };
  std::vector<std::string> dimensions;  // titles
  std::vector<std::string> measures;    // titles
  std::vector<Row> rows;
  uint64_t rows_scanned = 0;   // table rows looked at
  uint64_t units_counted = 0;  // (row, period) pairs that passed every condition
  double seconds = 0;          // execution time (0 when served from the cache)
  bool vector_scan = false;    // counted by the vector scan (query/vector_scan.hpp)
  // Rules the table's kind applied ("started = episodes with RNE S"), codes asked for that
  // the extract does not hold, periods outside what the table covers, and rows left out
  // because a value the answer needs could not be read ("3,637 records excluded: end date
  // unreadable (DEC)"). Every view of the answer shows them.
  std::vector<std::string> notes;
  // Every period asked for lies outside the table's coverage: the values are absent (never a
  // computed zero) and the answer is "no data for this period".
  bool no_data = false;
};

using QueryResultPtr = std::shared_ptr<const QueryResult>;

// Text columns: `header` then `lines`, two spaces apart; the first `left_aligned` columns
// (keys) left-aligned, the rest (numbers) right-aligned; no trailing spaces.
std::string FormatAlignedColumns(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& lines,
                                 size_t left_aligned);

// Output forms for the CLI and exports.
std::string FormatResultTable(const QueryResult& r);  // aligned text columns
std::string FormatResultCsv(const QueryResult& r);
std::string FormatResultJson(const QueryResult& r);
std::string FormatMeasureValue(const std::optional<double>& v);  // integers without decimals, else 4 significant places

}  // namespace csc
