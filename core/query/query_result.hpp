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
  // Rows the answer leaves out because a value it needs could not be read, in words:
  // "3,637 records excluded: end date unreadable (DEC)". Every view of the answer shows them.
  std::vector<std::string> notes;
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
