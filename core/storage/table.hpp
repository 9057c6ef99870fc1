#pragma once
// An immutable table of named typed columns plus where it came from. Shared between
// threads as std::shared_ptr<const Table>; nothing mutates it after Finish().
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/column.hpp"
#include "storage/derived_cache.hpp"

namespace csc {

struct Provenance {
  std::string path;               // as given by the user
  uint64_t file_bytes = 0;        // size of the input file on disk
  uint64_t content_hash = 0;      // XXH3-64 of the file's bytes
  std::string encoding;           // "utf-8", "utf-8-bom", "utf-16le", "windows-1252", ...
  char delimiter = ',';
  std::chrono::system_clock::time_point loaded_at{};
  double load_seconds = 0;
  size_t rows_read = 0;           // data records seen (excluding header and blank lines)
  size_t rows_rejected = 0;
};

class Table {
 public:
  Table() = default;
  Table(std::vector<std::string> names, std::vector<Column> columns, Provenance provenance);

  size_t num_rows() const { return m_rows; }
  size_t num_columns() const { return m_columns.size(); }
  const Column& column(size_t i) const { return m_columns[i]; }
  const std::string& column_name(size_t i) const { return m_names[i]; }
  const std::vector<std::string>& column_names() const { return m_names; }
  // Exact match first, then case-insensitive ignoring surrounding spaces.
  std::optional<size_t> FindColumn(std::string_view name) const;
  const Column* ColumnByName(std::string_view name) const;

  const Provenance& provenance() const { return m_provenance; }
  size_t MemoryBytes() const;  // the columns (not the derived cache)
  const DerivedCache& derived() const { return *m_derived; }

 private:
  std::vector<std::string> m_names;
  std::vector<Column> m_columns;
  Provenance m_provenance;
  size_t m_rows = 0;
  std::shared_ptr<DerivedCache> m_derived = std::make_shared<DerivedCache>();
};

using TablePtr = std::shared_ptr<const Table>;

// Assembles a table column by column; every column must have the same number of rows.
class TableBuilder {
 public:
  void AddColumn(std::string name, Column column);
  TablePtr Finish(Provenance provenance = {});

 private:
  std::vector<std::string> m_names;
  std::vector<Column> m_columns;
};

}  // namespace csc
