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

// The counts behind one measure of one row with their cell keys (sums of record keys,
// modulo 2^32; publication reduces them modulo the key range), when the query asked for
// them (Query::cell_key_seed). `count` is the measure's own count (episodes, children),
// or the base count of a share, rate, mean or median, or a ratio's numerator; `other` is
// a share's total (its own cell), a ratio's denominator, or, for a rate, the population
// (other_key unused).
struct CellCounts {
  double count = 0;
  uint32_t key = 0;
  double other = 0;
  uint32_t other_key = 0;
  friend bool operator==(const CellCounts&, const CellCounts&) = default;
};

struct QueryResult {
  struct Row {
    std::vector<std::string> keys;            // one label per dimension
    std::vector<std::optional<double>> values;  // one per measure; empty = no value (0/0, no population)
    friend bool operator==(const Row&, const Row&) = default;
  };
  std::vector<std::string> dimensions;  // titles
  std::vector<std::string> measures;    // titles
  std::vector<Row> rows;
  std::vector<std::vector<CellCounts>> cells;  // with cell keys: per row, one per measure; else empty
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
