#pragma once
// The tables a query can name: the loaded datasets (by name, e.g. "cp_plans") and the
// population table. Immutable once built; shared between the GUI and the query service.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/query.hpp"
#include "storage/table.hpp"

namespace csc {

// What a table's kind says about counting it. The layer that knows kinds (core/dataset's
// ToCatalog) fills it, so the query engine stays kind-free and every execution path gets
// the rule from one place: the compiler adds the implied filters to the query it compiles.
struct TableRules {
  // Added to every "started" / "ceased" count: lac_episodes starts are episodes with RNE S,
  // ceases are ends with a reason other than X1 (a new episode the same day).
  std::vector<Filter> started, ceased;
  std::string started_note, ceased_note;  // how the rule reads, for the answer's notes
  // Codes each coded column may hold (its code list). A filter on one of them that this
  // extract happens not to hold selects nothing, with a note, instead of an error.
  std::map<std::string, std::vector<std::string>> code_lists;
  // The dates the table holds (first start to last start or end), or the extract's date
  // range when given. A period wholly outside it has no data: the answer says so.
  std::optional<int32_t> covers_from, covers_to;
  // Records the data-quality check flagged (dataset/quality_check.hpp): a column with a
  // value on flagged rows and null elsewhere, and how many. Null when none is flagged.
  std::shared_ptr<const Column> flagged;
  size_t flagged_records = 0;
  // A caveat the answer carries whenever a query uses the column (a filter, a grouping, a
  // measure): cp_plans.previous_plans counted from the extract's own history says how far
  // back that history goes.
  std::map<std::string, std::string> column_notes;
};

struct NamedTable {
  std::string name;
  TablePtr table;
  TableRules rules;
};

class Catalog {
 public:
  Catalog() = default;
  explicit Catalog(std::vector<NamedTable> tables) : m_tables(std::move(tables)) {}
  void Add(std::string name, TablePtr table, TableRules rules = {}) {
    m_tables.push_back({std::move(name), std::move(table), std::move(rules)});
  }
  // Exact name, then case-insensitive.
  const Table* Find(std::string_view name) const;
  const NamedTable* FindEntry(std::string_view name) const;
  const std::vector<NamedTable>& tables() const { return m_tables; }
  std::string Names() const;  // "cp_plans, lac_episodes"

 private:
  std::vector<NamedTable> m_tables;
};

using CatalogPtr = std::shared_ptr<const Catalog>;

}  // namespace csc
