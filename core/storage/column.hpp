#pragma once
// An immutable typed column: one contiguous array of the narrowest physical width that
// holds its values, an optional validity bitmap, and for strings a shared dictionary.
// Engines read it through Visit*(), which hands a typed std::span to a generic lambda so
// inner loops are compiled once per width with no per-row dispatch.
#include <cassert>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <memory>

#include "storage/buffer.hpp"
#include "storage/column_type.hpp"
#include "storage/string_dictionary.hpp"
#include "storage/validity_bitmap.hpp"

namespace csc {

// Why a null cell is null when the source said so with a symbol instead of a value (DfE
// open data: `c` suppressed, `z` not applicable, `x` unavailable, `low`, `k`, `u`). Kept per
// cell so a suppressed figure is never mistaken for a missing one, or for zero.
struct CellStatus {
  std::vector<uint8_t> codes;        // per row: 0 = none, else 1 + index into symbols
  std::vector<std::string> symbols;  // as the source wrote them, e.g. "c", "low"
  size_t count = 0;                  // rows with a status
};

struct UnreadableCells;

class Column {
 public:
  Column() = default;
  Column(ColumnType type, int width, Buffer data, size_t rows, std::optional<ValidityBitmap> validity,
         DictionaryPtr dictionary, int64_t min_int, int64_t max_int, double min_double, double max_double);
  Column(Column&&) noexcept;
  Column& operator=(Column&&) noexcept;

  ColumnType type() const { return m_type; }
  size_t size() const { return m_rows; }
  int width() const { return m_width; }  // bytes per element: 1, 2, 4 or 8
  const std::byte* data() const { return m_data.data(); }

  bool has_nulls() const { return m_validity.has_value(); }
  const ValidityBitmap* validity() const { return m_validity ? &*m_validity : nullptr; }
  bool IsValid(size_t row) const { return !m_validity || m_validity->IsValid(row); }
  size_t null_count() const { return m_null_count; }

  const StringDictionary* dictionary() const { return m_dictionary.get(); }
  const DictionaryPtr& shared_dictionary() const { return m_dictionary; }

  // Whole-column statistics over valid values (0 when the column is all null).
  int64_t min_int() const { return m_min_int; }
  int64_t max_int() const { return m_max_int; }
  double min_double() const { return m_min_double; }
  double max_double() const { return m_max_double; }
  // Distinct valid values; computed on first call and cached.
  size_t DistinctCount() const;

  // Row accessors (convenient, not for hot loops). Null rows read as 0 / "".
  int64_t GetInt(size_t row) const;      // Int, Bool, Date, DateTime, and string codes
  double GetDouble(size_t row) const;    // any numeric type
  uint32_t GetCode(size_t row) const { return static_cast<uint32_t>(GetInt(row)); }
  std::string_view GetString(size_t row) const { return m_dictionary->Get(GetCode(row)); }
  // The cell as text, as it would be written back to CSV ("" for null).
  std::string FormatCell(size_t row) const;

  // f(std::span<const T>) with T the physical element type.
  template <class F>
  decltype(auto) Visit(F&& f) const {
    const size_t n = m_rows;
    if (m_type == ColumnType::Decimal) return f(std::span<const double>(reinterpret_cast<const double*>(data()), n));
    if (IsStringType(m_type) || m_type == ColumnType::Bool) {
      switch (m_width) {
        case 1: return f(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(data()), n));
        case 2: return f(std::span<const uint16_t>(reinterpret_cast<const uint16_t*>(data()), n));
        default: return f(std::span<const uint32_t>(reinterpret_cast<const uint32_t*>(data()), n));
      }
    }
    switch (m_width) {
      case 1: return f(std::span<const int8_t>(reinterpret_cast<const int8_t*>(data()), n));
      case 2: return f(std::span<const int16_t>(reinterpret_cast<const int16_t*>(data()), n));
      case 4: return f(std::span<const int32_t>(reinterpret_cast<const int32_t*>(data()), n));
      default: return f(std::span<const int64_t>(reinterpret_cast<const int64_t*>(data()), n));
    }
  }

  size_t MemoryBytes() const;

  // Status symbols for null cells; absent when the source had none.
  const CellStatus* status() const { return m_status.get(); }
  std::string_view StatusSymbol(size_t row) const {
    if (!m_status || m_status->codes[row] == 0) return {};
    return m_status->symbols[m_status->codes[row] - 1];
  }
  // Part of building a column (before it is shared in a Table).
  void AttachStatus(std::shared_ptr<const CellStatus> status) { m_status = std::move(status); }

  // Null cells whose source text could not be read (see UnreadableCells); absent when every
  // cell was read or blank.
  const UnreadableCells* unreadable() const { return m_unreadable.get(); }
  bool IsUnreadable(size_t row) const;
  void AttachUnreadable(std::shared_ptr<const UnreadableCells> cells) { m_unreadable = std::move(cells); }

 private:
  ColumnType m_type = ColumnType::Int;
  int m_width = 1;
  Buffer m_data;
  size_t m_rows = 0;
  size_t m_null_count = 0;
  std::optional<ValidityBitmap> m_validity;
  DictionaryPtr m_dictionary;
  std::shared_ptr<const CellStatus> m_status;
  std::shared_ptr<const UnreadableCells> m_unreadable;
  int64_t m_min_int = 0, m_max_int = 0;
  double m_min_double = 0, m_max_double = 0;
  mutable std::once_flag m_distinct_once;
  mutable size_t m_distinct = 0;
};

// A cell whose text could not be read as its column's type (31/02/2019, a two-digit year,
// "soon" in a number column) is null like a blank one but unknown rather than empty: an
// unreadable end date is not an open episode. The load lists each as a warning; here the
// query engine learns which rows to leave out of a count that needs the value. `flags` is
// a one-byte Category column (code `unreadable_code` where unreadable, no nulls), so the
// engine excludes these rows with an ordinary code filter on every path it has.
struct UnreadableCells {
  Column flags;
  uint32_t unreadable_code = 0;
  size_t count = 0;
};

// From one byte per row (non-zero = unreadable); null when no row is.
std::shared_ptr<const UnreadableCells> MakeUnreadableCells(const std::vector<uint8_t>& per_row, size_t rows);

}  // namespace csc
