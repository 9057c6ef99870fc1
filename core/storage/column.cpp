#include "storage/column.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_set>
#include <vector>

#include "storage/column_builder.hpp"
#include "time/civil_date.hpp"

namespace csc {

Column::Column(ColumnType type, int width, Buffer data, size_t rows, std::optional<ValidityBitmap> validity,
               DictionaryPtr dictionary, int64_t min_int, int64_t max_int, double min_double, double max_double)
    : m_type(type),
      m_width(width),
      m_data(std::move(data)),
      m_rows(rows),
      m_validity(std::move(validity)),
      m_dictionary(std::move(dictionary)),
      m_min_int(min_int),
      m_max_int(max_int),
      m_min_double(min_double),
      m_max_double(max_double) {
  m_null_count = m_validity ? m_validity->CountNulls() : 0;
  if (m_validity && m_null_count == 0) m_validity.reset();
  if (IsStringType(m_type) && !m_dictionary) m_dictionary = std::make_shared<const StringDictionary>();
}

Column::Column(Column&& o) noexcept
    : m_type(o.m_type),
      m_width(o.m_width),
      m_data(std::move(o.m_data)),
      m_rows(o.m_rows),
      m_null_count(o.m_null_count),
      m_validity(std::move(o.m_validity)),
      m_dictionary(std::move(o.m_dictionary)),
      m_status(std::move(o.m_status)),
      m_unreadable(std::move(o.m_unreadable)),
      m_min_int(o.m_min_int),
      m_max_int(o.m_max_int),
      m_min_double(o.m_min_double),
      m_max_double(o.m_max_double) {}

Column& Column::operator=(Column&& o) noexcept {
  if (this != &o) {
    this->~Column();
    new (this) Column(std::move(o));
  }
  return *this;
}

int64_t Column::GetInt(size_t row) const {
  return Visit([row](auto values) -> int64_t { return static_cast<int64_t>(values[row]); });
}

double Column::GetDouble(size_t row) const {
  return Visit([row](auto values) -> double { return static_cast<double>(values[row]); });
}

std::string Column::FormatCell(size_t row) const {
  if (!IsValid(row)) return std::string(StatusSymbol(row));
  switch (m_type) {
    case ColumnType::Int: return std::to_string(GetInt(row));
    case ColumnType::Decimal: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.15g", GetDouble(row));
      return buf;
    }
    case ColumnType::Bool: return GetInt(row) ? "true" : "false";
    case ColumnType::Date: return FormatIsoDate(static_cast<int32_t>(GetInt(row)));
    case ColumnType::DateTime: return FormatIsoDateTime(GetInt(row));
    case ColumnType::Category:
    case ColumnType::Text: return std::string(GetString(row));
  }
  return {};
}

size_t Column::DistinctCount() const {
  std::call_once(m_distinct_once, [this] {
    if (m_rows == m_null_count) return;
    if (IsStringType(m_type)) {
      m_distinct = m_dictionary->size();
      return;
    }
    if (m_type == ColumnType::Decimal) {
      std::unordered_set<uint64_t> seen;
      Visit([&](auto values) {
        for (size_t i = 0; i < values.size(); ++i) {
          if (!IsValid(i)) continue;
          double v = static_cast<double>(values[i]);
          if (v == 0) v = 0;  // -0 and +0 are one value
          uint64_t bits;
          std::memcpy(&bits, &v, sizeof bits);
          seen.insert(bits);
        }
      });
      m_distinct = seen.size();
      return;
    }
    const uint64_t range = static_cast<uint64_t>(m_max_int) - static_cast<uint64_t>(m_min_int);
    if (range < (uint64_t{1} << 26)) {
      std::vector<bool> seen(range + 1);
      Visit([&](auto values) {
        for (size_t i = 0; i < values.size(); ++i)
          if (IsValid(i)) seen[static_cast<uint64_t>(static_cast<int64_t>(values[i]) - m_min_int)] = true;
      });
      m_distinct = static_cast<size_t>(std::count(seen.begin(), seen.end(), true));
    } else {
      std::unordered_set<int64_t> seen;
      Visit([&](auto values) {
        for (size_t i = 0; i < values.size(); ++i)
          if (IsValid(i)) seen.insert(static_cast<int64_t>(values[i]));
      });
      m_distinct = seen.size();
    }
  });
  return m_distinct;
}

size_t Column::MemoryBytes() const {
  size_t bytes = m_data.capacity();
  if (m_validity) bytes += m_validity->MemoryBytes();
  if (m_dictionary) bytes += m_dictionary->MemoryBytes();
  if (m_status) bytes += m_status->codes.capacity();
  if (m_unreadable) bytes += m_unreadable->flags.MemoryBytes();
  return bytes;
}

bool Column::IsUnreadable(size_t row) const {
  return m_unreadable && m_unreadable->flags.GetCode(row) == m_unreadable->unreadable_code;
}

std::shared_ptr<const UnreadableCells> MakeUnreadableCells(const std::vector<uint8_t>& per_row, size_t rows) {
  size_t count = 0;
  for (size_t r = 0; r < per_row.size() && r < rows; ++r) count += per_row[r] != 0;
  if (count == 0) return nullptr;
  // Codes in bulk: a hash probe per row would cost ~20 ns x rows for two strings.
  ColumnBuilder flags(ColumnType::Category, rows);
  const uint32_t read = flags.dictionary().Intern("read");
  const uint32_t unreadable = flags.dictionary().Intern("unreadable");
  std::vector<uint32_t> codes(rows, read);
  for (size_t r = 0; r < per_row.size() && r < rows; ++r)
    if (per_row[r]) codes[r] = unreadable;
  flags.AppendCodes(codes, {});
  auto cells = std::make_shared<UnreadableCells>();
  cells->flags = flags.Finish(ColumnType::Category);
  cells->unreadable_code = unreadable;
  cells->count = count;
  return cells;
}

}  // namespace csc
