#pragma once
// Everything the loader learns before converting a single cell: the header, the delimiter,
// and the body cut into chunks with each chunk's quote state and first line number.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/chunk_parser.hpp"
#include "ingest/load_options.hpp"

namespace csc {

struct CsvLayout {
  char delimiter = ',';
  std::vector<std::string> names;  // cleaned header: trimmed, unique, never empty
  size_t header_line = 1;          // physical line of the header record
  size_t blank_lines = 0;          // blank lines before the header
  std::vector<ChunkTask> chunks;
  bool valid_utf8 = true;          // false: the caller re-reads the bytes as Windows-1252
  std::vector<std::string> notes;  // for the load report: renamed duplicate columns, Excel's sep= line
  // Quote state at evenly spaced offsets that depend only on the file's size, so type
  // sampling can start there and see exactly what a serial reader would.
  struct Probe {
    size_t offset;
    bool in_quote;
  };
  std::vector<Probe> probes;
};

// `text` is UTF-8 (or presumed so) without BOM. Throws LoadError for empty / header-only /
// binary input. When the bytes are not valid UTF-8, returns early with valid_utf8 = false.
CsvLayout PlanCsv(std::string_view text, const std::string& name, const LoadOptions& options, unsigned threads);

// Physical lines, names as given: "" -> "column_3", repeats -> "ward_2".
std::vector<std::string> CleanHeader(const std::vector<std::string_view>& fields);

}  // namespace csc
