#pragma once
// The tables a query can name: the loaded datasets (by name, e.g. "cp_plans") and the
// population table. Immutable once built; shared between the GUI and the query service.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/table.hpp"

namespace csc {

struct NamedTable {
  std::string name;
  TablePtr table;
};

class Catalog {
 public:
  Catalog() = default;
  explicit Catalog(std::vector<NamedTable> tables) : m_tables(std::move(tables)) {}
  void Add(std::string name, TablePtr table) { m_tables.push_back({std::move(name), std::move(table)}); }
  // Exact name, then case-insensitive.
  const Table* Find(std::string_view name) const;
  const std::vector<NamedTable>& tables() const { return m_tables; }
  std::string Names() const;  // "cp_plans, lac_episodes"

 private:
  std::vector<NamedTable> m_tables;
};

using CatalogPtr = std::shared_ptr<const Catalog>;

}  // namespace csc
