#include "storage/column_builder.hpp"

#include <algorithm>
#include <limits>

namespace csc {

namespace {

int SignedWidthFor(int64_t lo, int64_t hi) {
  if (lo >= INT8_MIN && hi <= INT8_MAX) return 1;
  if (lo >= INT16_MIN && hi <= INT16_MAX) return 2;
  if (lo >= INT32_MIN && hi <= INT32_MAX) return 4;
  return 8;
}
int UnsignedWidthFor(int64_t hi) {
  if (hi <= UINT8_MAX) return 1;
  if (hi <= UINT16_MAX) return 2;
  return 4;
}
bool IsUnsignedPhysical(ColumnType t) { return IsStringType(t) || t == ColumnType::Bool; }

int InitialWidth(ColumnType t) {
  switch (t) {
    case ColumnType::Decimal:
    case ColumnType::DateTime: return 8;
    case ColumnType::Date: return 2;  // 1880..2059 fits in int16 days
    default: return 1;
  }
}

}  // namespace

ColumnBuilder::ColumnBuilder(ColumnType type, size_t expected_rows) : m_type(type), m_width(InitialWidth(type)) {
  if (expected_rows) m_data.Reserve(expected_rows * static_cast<size_t>(m_width));
}

void ColumnBuilder::MarkNulls(size_t base, std::span<const uint8_t> valid) {
  if (m_validity) m_validity->Resize(m_rows);
  if (valid.empty()) return;
  for (size_t i = 0; i < valid.size(); ++i)
    if (!valid[i]) MarkNull(base + i);
  if (m_validity) m_validity->Resize(m_rows);
}

void ColumnBuilder::MarkNull(size_t row) {
  if (!m_validity) m_validity.emplace(row);
  m_validity->Resize(row + 1);
  m_validity->SetNull(row);
}

void ColumnBuilder::Widen(int new_width) {
  if (new_width <= m_width) return;
  Buffer wider;
  wider.Reserve(std::max(m_data.capacity() / static_cast<size_t>(m_width), m_rows + 1) * static_cast<size_t>(new_width));
  wider.Resize(m_rows * static_cast<size_t>(new_width));
  const int old = m_width;
  m_width = new_width;
  Buffer source = std::move(m_data);
  m_data = std::move(wider);
  auto read = [&](size_t i) -> int64_t {
    const std::byte* p = source.data();
    if (IsUnsignedPhysical(m_type)) {
      switch (old) {
        case 1: return reinterpret_cast<const uint8_t*>(p)[i];
        case 2: return reinterpret_cast<const uint16_t*>(p)[i];
        default: return reinterpret_cast<const uint32_t*>(p)[i];
      }
    }
    switch (old) {
      case 1: return reinterpret_cast<const int8_t*>(p)[i];
      case 2: return reinterpret_cast<const int16_t*>(p)[i];
      case 4: return reinterpret_cast<const int32_t*>(p)[i];
      default: return reinterpret_cast<const int64_t*>(p)[i];
    }
  };
  for (size_t i = 0; i < m_rows; ++i) StoreInt(i, read(i));
}

void ColumnBuilder::EnsureWidthFor(int64_t lo, int64_t hi) {
  const int need = IsUnsignedPhysical(m_type) ? UnsignedWidthFor(hi) : SignedWidthFor(lo, hi);
  if (need > m_width) Widen(need);
}

void ColumnBuilder::StoreInt(size_t row, int64_t v) {
  if (IsUnsignedPhysical(m_type)) {
    switch (m_width) {
      case 1: Slots<uint8_t>()[row] = static_cast<uint8_t>(v); return;
      case 2: Slots<uint16_t>()[row] = static_cast<uint16_t>(v); return;
      default: Slots<uint32_t>()[row] = static_cast<uint32_t>(v); return;
    }
  }
  switch (m_width) {
    case 1: Slots<int8_t>()[row] = static_cast<int8_t>(v); return;
    case 2: Slots<int16_t>()[row] = static_cast<int16_t>(v); return;
    case 4: Slots<int32_t>()[row] = static_cast<int32_t>(v); return;
    default: Slots<int64_t>()[row] = v; return;
  }
}

void ColumnBuilder::AppendNull() {
  m_data.Resize((m_rows + 1) * static_cast<size_t>(m_width));
  if (m_type == ColumnType::Decimal)
    Slots<double>()[m_rows] = 0;
  else
    StoreInt(m_rows, 0);
  MarkNull(m_rows);
  ++m_rows;
}

void ColumnBuilder::AppendInt(int64_t v) {
  if (!m_any_value) {
    m_min_int = m_max_int = v;
    m_any_value = true;
  } else {
    m_min_int = std::min(m_min_int, v);
    m_max_int = std::max(m_max_int, v);
  }
  EnsureWidthFor(m_min_int, m_max_int);
  m_data.Resize((m_rows + 1) * static_cast<size_t>(m_width));
  StoreInt(m_rows, v);
  if (m_validity) m_validity->Resize(m_rows + 1);
  ++m_rows;
}

void ColumnBuilder::AppendDouble(double v) {
  if (!m_any_value) {
    m_min_double = m_max_double = v;
    m_any_value = true;
  } else {
    m_min_double = std::min(m_min_double, v);
    m_max_double = std::max(m_max_double, v);
  }
  m_data.Resize((m_rows + 1) * sizeof(double));
  Slots<double>()[m_rows] = v;
  if (m_validity) m_validity->Resize(m_rows + 1);
  ++m_rows;
}

void ColumnBuilder::AppendString(std::string_view v) { AppendInt(m_dict.Intern(v)); }

void ColumnBuilder::AppendInts(std::span<const int64_t> values, std::span<const uint8_t> valid) {
  int64_t lo = m_any_value ? m_min_int : std::numeric_limits<int64_t>::max();
  int64_t hi = m_any_value ? m_max_int : std::numeric_limits<int64_t>::min();
  bool any = m_any_value;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!valid.empty() && !valid[i]) continue;
    lo = std::min(lo, values[i]);
    hi = std::max(hi, values[i]);
    any = true;
  }
  if (any) {
    m_min_int = lo;
    m_max_int = hi;
    m_any_value = true;
    EnsureWidthFor(lo, hi);
  }
  const size_t base = m_rows;
  m_data.Resize((base + values.size()) * static_cast<size_t>(m_width));
  auto store_all = [&](auto* out) {
    using T = std::remove_pointer_t<decltype(out)>;
    for (size_t i = 0; i < values.size(); ++i)
      out[base + i] = (valid.empty() || valid[i]) ? static_cast<T>(values[i]) : T{0};
  };
  if (IsUnsignedPhysical(m_type)) {
    switch (m_width) {
      case 1: store_all(Slots<uint8_t>()); break;
      case 2: store_all(Slots<uint16_t>()); break;
      default: store_all(Slots<uint32_t>()); break;
    }
  } else {
    switch (m_width) {
      case 1: store_all(Slots<int8_t>()); break;
      case 2: store_all(Slots<int16_t>()); break;
      case 4: store_all(Slots<int32_t>()); break;
      default: store_all(Slots<int64_t>()); break;
    }
  }
  m_rows += values.size();
  MarkNulls(base, valid);
}

void ColumnBuilder::AppendDoubles(std::span<const double> values, std::span<const uint8_t> valid) {
  const size_t base = m_rows;
  m_data.Resize((base + values.size()) * sizeof(double));
  double* out = Slots<double>();
  for (size_t i = 0; i < values.size(); ++i) {
    const bool ok = valid.empty() || valid[i];
    out[base + i] = ok ? values[i] : 0.0;
    if (!ok) continue;
    if (!m_any_value) {
      m_min_double = m_max_double = values[i];
      m_any_value = true;
    } else {
      m_min_double = std::min(m_min_double, values[i]);
      m_max_double = std::max(m_max_double, values[i]);
    }
  }
  m_rows += values.size();
  MarkNulls(base, valid);
}

void ColumnBuilder::AppendCodes(std::span<const uint32_t> codes, std::span<const uint8_t> valid) {
  // Codes index the dictionary, so the range is [0, dictionary size).
  const int64_t hi = m_dict.size() ? int64_t{m_dict.size()} - 1 : 0;
  EnsureWidthFor(0, hi);
  const size_t base = m_rows;
  m_data.Resize((base + codes.size()) * static_cast<size_t>(m_width));
  auto store_all = [&](auto* out) {
    using T = std::remove_pointer_t<decltype(out)>;
    for (size_t i = 0; i < codes.size(); ++i) out[base + i] = (valid.empty() || valid[i]) ? static_cast<T>(codes[i]) : T{0};
  };
  switch (m_width) {
    case 1: store_all(Slots<uint8_t>()); break;
    case 2: store_all(Slots<uint16_t>()); break;
    default: store_all(Slots<uint32_t>()); break;
  }
  m_rows += codes.size();
  MarkNulls(base, valid);
}

Column ColumnBuilder::Finish(std::optional<ColumnType> final_type) {
  ColumnType type = m_type;
  if (final_type && IsStringType(*final_type) && IsStringType(m_type)) type = *final_type;
  DictionaryPtr dict;
  int64_t lo = m_min_int, hi = m_max_int;
  if (IsStringType(m_type)) {
    dict = m_dict.Finish();
    lo = 0;
    hi = dict->size() ? int64_t{dict->size()} - 1 : 0;
  }
  m_data.ShrinkToFit();
  if (m_validity) m_validity->ShrinkToFit();
  Column c(type, m_width, std::move(m_data), m_rows, std::move(m_validity), std::move(dict), lo, hi, m_min_double,
           m_max_double);
  m_rows = 0;
  m_validity.reset();
  m_any_value = false;
  return c;
}

Column CopyColumn(const Column& c) {
  ColumnBuilder b(c.type(), c.size());
  for (size_t r = 0; r < c.size(); ++r) {
    if (!c.IsValid(r)) b.AppendNull();
    else if (IsStringType(c.type())) b.AppendString(c.GetString(r));
    else if (c.type() == ColumnType::Decimal) b.AppendDouble(c.GetDouble(r));
    else b.AppendInt(c.GetInt(r));
  }
  Column out = b.Finish();
  // Unreadable cells stay unreadable (not blank): an unreadable end is not an open episode.
  if (c.unreadable()) {
    std::vector<uint8_t> flags(c.size());
    for (size_t r = 0; r < c.size(); ++r) flags[r] = c.IsUnreadable(r);
    out.AttachUnreadable(MakeUnreadableCells(flags, c.size()));
  }
  return out;
}

}  // namespace csc
