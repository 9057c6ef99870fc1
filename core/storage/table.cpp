#include "storage/table.hpp"

#include <stdexcept>

#include "util/text.hpp"

namespace csc {

Table::Table(std::vector<std::string> names, std::vector<Column> columns, Provenance provenance)
    : m_names(std::move(names)), m_columns(std::move(columns)), m_provenance(std::move(provenance)) {
  if (m_names.size() != m_columns.size()) throw std::invalid_argument("table: names and columns differ in number");
  m_rows = m_columns.empty() ? 0 : m_columns.front().size();
  for (size_t i = 0; i < m_columns.size(); ++i)
    if (m_columns[i].size() != m_rows)
      throw std::invalid_argument("table: column '" + m_names[i] + "' has a different row count");
}

std::optional<size_t> Table::FindColumn(std::string_view name) const {
  for (size_t i = 0; i < m_names.size(); ++i)
    if (m_names[i] == name) return i;
  const std::string_view want = Trim(name);
  for (size_t i = 0; i < m_names.size(); ++i)
    if (EqualsIgnoreCase(Trim(m_names[i]), want)) return i;
  return std::nullopt;
}

const Column* Table::ColumnByName(std::string_view name) const {
  const auto i = FindColumn(name);
  return i ? &m_columns[*i] : nullptr;
}

size_t Table::MemoryBytes() const {
  size_t bytes = 0;
  for (const Column& c : m_columns) bytes += c.MemoryBytes();
  for (const std::string& n : m_names) bytes += n.capacity();
  return bytes;
}

void TableBuilder::AddColumn(std::string name, Column column) {
  m_names.push_back(std::move(name));
  m_columns.push_back(std::move(column));
}

TablePtr TableBuilder::Finish(Provenance provenance) {
  auto t = std::make_shared<const Table>(std::move(m_names), std::move(m_columns), std::move(provenance));
  m_names.clear();
  m_columns.clear();
  return t;
}

}  // namespace csc
