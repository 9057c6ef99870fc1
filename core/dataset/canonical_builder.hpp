#pragma once
// Builds a table in a kind's canonical layout row by row, for the format converters.
// Columns not set in a row are null; extra columns (kept beside the canonical ones, e.g.
// Annex A's placements in the last 12 months) are declared up front.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/dataset.hpp"
#include "storage/column_builder.hpp"

namespace csc {

class CanonicalBuilder {
 public:
  explicit CanonicalBuilder(DatasetKind kind, std::vector<std::pair<std::string, ColumnType>> extras = {});

  // Index of a column by name; throws std::logic_error for a name not in the layout.
  size_t Index(std::string_view name) const;
  void SetText(size_t column, std::string value);  // "" = null
  void SetDate(size_t column, std::optional<int32_t> day);
  void SetInt(size_t column, std::optional<int64_t> value);
  // The source cell for this row's value could not be read (Column::IsUnreadable): the
  // canonical cell is null and stays flagged unreadable, never a blank.
  void MarkUnreadable(size_t column) { m_slots[column].unreadable = true; }
  // SetDate from a source cell, carrying its unreadable flag.
  void SetDateFrom(size_t column, const Column* source, size_t row);
  void EndRow();
  size_t rows() const { return m_rows; }

  TablePtr Finish(Provenance provenance);

 private:
  struct Slot {
    std::string name;
    ColumnType type;
    std::optional<std::string> text;
    std::optional<int64_t> number;
    bool unreadable = false;
  };
  std::vector<Slot> m_slots;
  std::vector<ColumnBuilder> m_builders;
  std::vector<std::vector<uint8_t>> m_unreadable;  // per slot, per row; empty until one is set
  size_t m_rows = 0;
};

// Reading source cells whatever type the loader inferred for their column.
std::string CellText(const Column* column, size_t row);  // "" when absent or null
std::optional<int32_t> CellDate(const Column* column, size_t row);
bool CellUnreadable(const Column* column, size_t row);  // the load could not read this cell
// An integer, also from text such as "a) 2" or "3 "; nullopt when none.
std::optional<int64_t> CellInt(const Column* column, size_t row);

}  // namespace csc
