#include "dataset/canonical_builder.hpp"

#include <stdexcept>

#include "dataset/codes.hpp"
#include "ingest/value_parsers.hpp"
#include "util/text.hpp"

namespace csc {

CanonicalBuilder::CanonicalBuilder(DatasetKind kind, std::vector<std::pair<std::string, ColumnType>> extras) {
  for (const CanonicalColumn& c : CanonicalLayout(kind)) m_slots.push_back({c.name, c.type, {}, {}, false});
  for (auto& [name, type] : extras) m_slots.push_back({std::move(name), type, {}, {}, false});
  for (const Slot& s : m_slots) m_builders.emplace_back(s.type);
  m_unreadable.resize(m_slots.size());
}

void CanonicalBuilder::SetDateFrom(size_t column, const Column* source, size_t row) {
  SetDate(column, CellDate(source, row));
  if (CellUnreadable(source, row)) MarkUnreadable(column);
}

size_t CanonicalBuilder::Index(std::string_view name) const {
  for (size_t i = 0; i < m_slots.size(); ++i)
    if (m_slots[i].name == name) return i;
  throw std::logic_error("no canonical column " + std::string(name));
}

void CanonicalBuilder::SetText(size_t column, std::string value) {
  if (value.empty()) m_slots[column].text.reset();
  else m_slots[column].text = std::move(value);
}

void CanonicalBuilder::SetDate(size_t column, std::optional<int32_t> day) {
  if (day) m_slots[column].number = *day;
  else m_slots[column].number.reset();
}

void CanonicalBuilder::SetInt(size_t column, std::optional<int64_t> value) { m_slots[column].number = value; }

void CanonicalBuilder::EndRow() {
  for (size_t i = 0; i < m_slots.size(); ++i) {
    Slot& s = m_slots[i];
    ColumnBuilder& b = m_builders[i];
    if (IsStringType(s.type)) {
      if (s.text) b.AppendString(*s.text);
      else b.AppendNull();
    } else if (s.type == ColumnType::Bool && s.text) {
      const NormalisedCode yn = NormaliseCode(CodeField::YesNo, *s.text);
      if (yn.known && !yn.code.empty()) b.AppendInt(yn.code == "Y");
      else b.AppendNull();
    } else if (s.number) {
      b.AppendInt(*s.number);
    } else {
      b.AppendNull();
    }
    if (s.unreadable) {
      m_unreadable[i].resize(m_rows, 0);
      m_unreadable[i].push_back(1);
    }
    s.text.reset();
    s.number.reset();
    s.unreadable = false;
  }
  ++m_rows;
}

TablePtr CanonicalBuilder::Finish(Provenance provenance) {
  TableBuilder tb;
  for (size_t i = 0; i < m_slots.size(); ++i) {
    Column column = m_builders[i].Finish();
    if (!m_unreadable[i].empty()) column.AttachUnreadable(MakeUnreadableCells(m_unreadable[i], column.size()));
    tb.AddColumn(m_slots[i].name, std::move(column));
  }
  provenance.rows_read = m_rows;
  return tb.Finish(std::move(provenance));
}

std::string CellText(const Column* column, size_t row) {
  if (!column || !column->IsValid(row)) return {};
  return column->FormatCell(row);
}

std::optional<int32_t> CellDate(const Column* column, size_t row) {
  if (!column || !column->IsValid(row)) return std::nullopt;
  switch (column->type()) {
    case ColumnType::Date: return static_cast<int32_t>(column->GetInt(row));
    case ColumnType::DateTime: {
      const int64_t s = column->GetInt(row);
      return static_cast<int32_t>(s >= 0 ? s / 86400 : -((-s + 86399) / 86400));
    }
    default: {
      // The loader re-reads date columns it could not type; anything left is not a date.
      int64_t days = 0;
      if (ParseDate(column->FormatCell(row), DateOrder::DayFirst, days) == ParseStatus::Ok)
        return static_cast<int32_t>(days);
      return std::nullopt;
    }
  }
}

bool CellUnreadable(const Column* column, size_t row) { return column && column->IsUnreadable(row); }

std::optional<int64_t> CellInt(const Column* column, size_t row) {
  if (!column || !column->IsValid(row)) return std::nullopt;
  if (IsIntegerLike(column->type()) && column->type() != ColumnType::Date) return column->GetInt(row);
  const std::string text = column->FormatCell(row);
  std::string_view s = StripListPrefix(text);
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  int64_t v = 0;
  if (digits == 0 || digits > 9) return std::nullopt;
  for (size_t i = 0; i < digits; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace csc
