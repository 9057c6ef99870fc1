#include "query/catalog.hpp"

#include <cctype>

namespace csc {

const Table* Catalog::Find(std::string_view name) const {
  const NamedTable* t = FindEntry(name);
  return t ? t->table.get() : nullptr;
}

const NamedTable* Catalog::FindEntry(std::string_view name) const {
  for (const auto& t : m_tables)
    if (t.name == name) return &t;
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  for (const auto& t : m_tables) {
    if (t.name.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i) same = lower(t.name[i]) == lower(name[i]);
    if (same) return &t;
  }
  return nullptr;
}

std::string Catalog::Names() const {
  std::string out;
  for (const auto& t : m_tables) out += (out.empty() ? "" : ", ") + t.name;
  return out.empty() ? "(none loaded)" : out;
}

}  // namespace csc
