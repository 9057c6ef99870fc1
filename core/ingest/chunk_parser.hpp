#pragma once
// Parses one chunk of a CSV body into chunk-local typed arrays. Chunks are parsed on all
// cores and merged in file order by the loader; nothing here touches shared state.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "async/progress.hpp"
#include "ingest/load_options.hpp"
#include "storage/string_dictionary.hpp"

namespace csc {

struct ColumnPlan {
  std::string name;
  ColumnType type = ColumnType::Category;  // Category stands for any string type here
};

struct ChunkColumn {
  std::vector<int64_t> ints;     // Int, Bool, Date, DateTime
  std::vector<double> doubles;   // Decimal
  std::vector<uint32_t> codes;   // strings: codes into `dict`, in order of first appearance
  std::vector<uint8_t> valid;    // one per row; left empty while every row is valid
  std::vector<uint8_t> status;   // one per row (1 + symbol index); left empty until a symbol is met
  std::vector<uint8_t> unreadable;  // one per row (1 = the cell did not parse); empty until one fails
  StringDictionaryBuilder dict;
  // Ids (a child id, a case number) are nearly all different within a chunk: deduplicating
  // them here costs a hash probe per cell and saves the merge almost nothing, so past a
  // sample such a column's values are listed as they come and the merge deduplicates.
  bool list_only = false;
  size_t failures = 0;    // cells that did not parse as the column's type
  size_t widenable = 0;   // ... of which parse as the next wider type (int->decimal, date->datetime)
  size_t text_like = 0;   // ... of which look like free text (not a date with a two-digit year)
  size_t non_null = 0;
};

struct ChunkTask {
  size_t begin = 0;  // records starting in [begin, end) belong to this chunk
  size_t end = 0;
  bool starts_in_quote = false;  // begin lies inside a quoted field of the previous chunk's record
  size_t first_line = 1;         // physical line number at `begin`
};

struct ChunkResult {
  std::vector<ChunkColumn> columns;
  size_t rows = 0;  // loaded
  size_t rows_rejected = 0;
  size_t blank_lines = 0;
  size_t cell_warnings = 0;
  size_t status_cells = 0;
  std::vector<RejectedRow> rejects;
  std::vector<CellWarning> warnings;
  std::vector<uint64_t> lines;  // with ParseSettings::keep_lines: each loaded row's first line
  // Where this chunk's first record started and where the record after its last one starts:
  // the loader checks that each chunk begins where the previous one stopped.
  size_t first_record = 0, next_record = 0;
};

struct ParseSettings {
  char delimiter = ',';
  DateOrder date_order = DateOrder::DayFirst;
  int two_digit_pivot = 0;  // LoadOptions::two_digit_years
  size_t max_listed = 10000;
  size_t expected_rows = 0;  // per chunk, to size buffers once
  const std::vector<std::string>* status_symbols = nullptr;
  bool keep_lines = false;  // LoadOptions::keep_record_lines
};

// Throws Cancelled when `cancel` fires.
void ParseChunk(std::string_view data, const ChunkTask& task, const std::vector<ColumnPlan>& columns,
                const ParseSettings& settings, ChunkResult& out, const CancelToken* cancel);

}  // namespace csc
