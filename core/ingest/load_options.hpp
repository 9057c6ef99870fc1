#pragma once
// What the caller may tell the CSV loader, and what it reports back.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/column_type.hpp"
#include "storage/table.hpp"

namespace csc {

enum class DateOrder : uint8_t { DayFirst, MonthFirst };

struct LoadOptions {
  std::optional<char> delimiter;  // sniffed from the first lines when absent
  // Column name (case-insensitive) -> type. Overridden columns are never re-inferred.
  std::map<std::string, ColumnType> type_overrides;
  DateOrder date_order = DateOrder::DayFirst;  // for ambiguous dates like 03/04/2013
  // Two-digit years (31/03/13) are flagged, never guessed, unless the user states a century
  // window: 1950 reads 50..99 as 1950-1999 and 00..49 as 2000-2049. 0 = flag them.
  int two_digit_years = 0;
  unsigned threads = 0;                        // 0 = all cores
  size_t chunk_bytes = 0;                      // 0 = automatic; tests use tiny chunks
  size_t max_listed = 10000;                   // rejects / warnings listed in full (counts stay exact)
  uint64_t memory_limit_bytes = 0;             // 0 = the machine's available memory
  // Tokens that stand for a value in a number or date column (any case): such a cell is
  // null with that status (Column::StatusSymbol), not a warning. kDfeStatusSymbols for
  // DfE open data.
  std::vector<std::string> status_symbols;
  // With no status_symbols given, a DfE open-data file (time_period first, a
  // geographic_level column) gets kDfeStatusSymbols automatically.
  bool detect_dfe_symbols = true;
  // Called by LoadCsvFile once the file is mapped, before any byte is read. Tests use it to
  // change the file under the loader at a known moment.
  std::function<void()> on_mapped;
  // Keep the physical line of every loaded row (LoadReport::record_lines), so a later check
  // can name the line of a record (csc check, the Data tab's quality panel). Off by default:
  // 8 bytes a row nobody else reads.
  bool keep_record_lines = false;
};

inline const std::vector<std::string> kDfeStatusSymbols = {"c", "z", "x", "low", "k", "u", ":"};

struct RejectedRow {
  size_t line = 0;     // 1-based physical line where the record starts
  std::string reason;  // "expected 11 fields, found 12"
  std::string text;    // the raw record, shortened to 200 bytes
};

struct CellWarning {
  size_t line = 0;
  size_t column = 0;  // 1-based, as a person counts columns
  std::string column_name;
  std::string value;
  ColumnType expected = ColumnType::Text;
  std::string reason;  // "not a date", "two-digit year is ambiguous", ...
};

// One stage of a load and the wall time it took (csc load --timing prints them).
struct LoadStage {
  std::string name;
  double seconds = 0;
};

struct LoadReport {
  size_t status_cells = 0;   // cells holding a status symbol instead of a value
  std::string path;
  size_t rows_read = 0;      // data records (not header, not blank lines)
  size_t rows_loaded = 0;
  size_t rows_rejected = 0;  // rows_read == rows_loaded + rows_rejected, always
  size_t blank_lines = 0;    // skipped, not rows
  size_t cell_warnings = 0;  // cells nulled because they did not parse as their column's type
  std::vector<RejectedRow> rejects;    // the first max_listed
  std::vector<CellWarning> warnings;   // the first max_listed
  std::vector<std::string> notes;      // e.g. "column 'CHILD' re-read as text: 2,113 values were not integers"
  double seconds = 0;
  // Where `seconds` went, in order. Parsing and merging overlap on the workers; the merge
  // stage is the part of them the merging thread spent (it runs one chunk at a time).
  std::vector<LoadStage> stages;
  uint64_t file_bytes = 0;
  // With LoadOptions::keep_record_lines: the 1-based line where each loaded row starts, in
  // table row order (else empty).
  std::vector<uint64_t> record_lines;
  double MegabytesPerSecond() const { return seconds > 0 ? static_cast<double>(file_bytes) / 1e6 / seconds : 0; }
};

struct LoadResult {
  TablePtr table;
  LoadReport report;
};

// A load that cannot produce a table at all. what() is one line: "file:line:column: message"
// (line/column only where they apply).
class LoadError : public std::runtime_error {
 public:
  LoadError(std::string file, size_t line, size_t column, const std::string& message);
  const std::string& file() const { return m_file; }
  size_t line() const { return m_line; }
  size_t column() const { return m_column; }

 private:
  std::string m_file;
  size_t m_line, m_column;
};

}  // namespace csc
