#pragma once
// Builds one Column by appending values. Integer-like columns start at the narrowest
// width and widen (once per step) as values demand; string columns intern into a
// dictionary. Used by the CSV loader's ordered merge, by tests and by generators.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "storage/column.hpp"

namespace csc {

class ColumnBuilder {
 public:
  explicit ColumnBuilder(ColumnType type, size_t expected_rows = 0);

  ColumnType type() const { return m_type; }
  size_t size() const { return m_rows; }

  void AppendNull();
  void AppendInt(int64_t v);        // Int, Bool, Date (days), DateTime (seconds)
  void AppendDouble(double v);      // Decimal
  void AppendString(std::string_view v);  // Category, Text
  // Bulk forms for the loader. `valid` may be empty (all valid); null slots' values are ignored.
  void AppendInts(std::span<const int64_t> values, std::span<const uint8_t> valid);
  void AppendDoubles(std::span<const double> values, std::span<const uint8_t> valid);
  // Codes already in this builder's dictionary (see dictionary()).
  void AppendCodes(std::span<const uint32_t> codes, std::span<const uint8_t> valid);

  StringDictionaryBuilder& dictionary() { return m_dict; }

  // `final_type` may turn a Category into Text or vice versa (both are dictionary columns).
  Column Finish(std::optional<ColumnType> final_type = std::nullopt);

 private:
  void EnsureWidthFor(int64_t lo, int64_t hi);
  void Widen(int new_width);
  void MarkNull(size_t row);
  // After a bulk append of rows [base, m_rows): nulls where `valid` says so.
  void MarkNulls(size_t base, std::span<const uint8_t> valid);
  template <class T>
  T* Slots() { return reinterpret_cast<T*>(m_data.data()); }
  void StoreInt(size_t row, int64_t v);

  ColumnType m_type;
  int m_width;
  Buffer m_data;
  size_t m_rows = 0;
  std::optional<ValidityBitmap> m_validity;
  StringDictionaryBuilder m_dict;
  bool m_any_value = false;
  int64_t m_min_int = 0, m_max_int = 0;
  double m_min_double = 0, m_max_double = 0;
};

// A copy of `c` cell by cell, its unreadable cells kept (Column is move-only; for the small
// tables a load rebuilds).
Column CopyColumn(const Column& c);

}  // namespace csc
