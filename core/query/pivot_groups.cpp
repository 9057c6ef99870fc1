#include "query/pivot_groups.hpp"

#include <set>
#include <stdexcept>

namespace csc {

QueryResult SliceFirstKey(const QueryResult& r, const std::string& key) {
  QueryResult out;
  out.dimensions.assign(r.dimensions.begin() + (r.dimensions.empty() ? 0 : 1), r.dimensions.end());
  out.measures = r.measures;
  for (const auto& row : r.rows)
    if (!row.keys.empty() && row.keys[0] == key) out.rows.push_back({{row.keys.begin() + 1, row.keys.end()}, row.values});
  return out;
}

namespace {

const QueryResult* At(const std::vector<const QueryResult*>& totals, PivotGroupTotal which) {
  return which < totals.size() ? totals[which] : nullptr;
}

// Columns in the order of the by-column total (complete and in key order), then any others
// as they first appear in the cells.
std::vector<std::string> ColumnOrder(const QueryResult& cells, const QueryResult* by_columns) {
  std::vector<std::string> order;
  std::set<std::string> seen;
  if (by_columns && by_columns->dimensions.size() == 1)
    for (const auto& row : by_columns->rows)
      if (seen.insert(row.keys[0]).second) order.push_back(row.keys[0]);
  for (const auto& row : cells.rows)
    if (seen.insert(row.keys[2]).second) order.push_back(row.keys[2]);
  return order;
}

}  // namespace

PivotGroups BuildPivotGroups(const QueryResult& cells, const std::vector<const QueryResult*>& totals, size_t measure) {
  if (cells.dimensions.size() != 3) throw std::invalid_argument("row groups need a result grouped by three dimensions");
  PivotGroups p;
  p.group_dimension = cells.dimensions[0];
  const std::vector<std::string> columns = ColumnOrder(cells, At(totals, kAllColumns));
  std::set<std::string> seen;
  for (const auto& row : cells.rows)
    if (seen.insert(row.keys[0]).second) p.group_keys.push_back(row.keys[0]);
  auto slice = [&](PivotGroupTotal which, const std::string& key) {
    const QueryResult* r = At(totals, which);
    return r ? std::optional<QueryResult>(SliceFirstKey(*r, key)) : std::nullopt;
  };
  auto ptr = [](const std::optional<QueryResult>& r) { return r ? &*r : nullptr; };
  for (const auto& key : p.group_keys) {
    const auto rows = slice(kGroupRows, key), cols = slice(kGroupColumns, key), overall = slice(kGroupOverall, key);
    p.groups.push_back(BuildPivot(SliceFirstKey(cells, key), ptr(rows), ptr(cols), ptr(overall), measure, &columns));
  }
  if (const QueryResult* all = At(totals, kAllCells); all && all->dimensions.size() == 2) {
    p.all = BuildPivot(*all, At(totals, kAllRows), At(totals, kAllColumns), At(totals, kAllOverall), measure, &columns);
  } else {
    // The all-groups cells have not arrived: the columns, with no rows yet.
    QueryResult empty;
    empty.dimensions = {cells.dimensions[1], cells.dimensions[2]};
    empty.measures = cells.measures;
    p.all = BuildPivot(empty, nullptr, At(totals, kAllColumns), At(totals, kAllOverall), measure, &columns);
  }
  return p;
}

std::string FormatPivotGroupsTsv(const PivotGroups& p) {
  const Pivot& all = p.all;
  std::string s = p.group_dimension + "\t" + all.row_dimension + " \\ " + all.column_dimension;
  for (const auto& c : all.column_keys) s += "\t" + c;
  s += "\tTotal\n";
  auto block = [&](const std::string& group, const Pivot& b) {
    for (size_t r = 0; r < b.row_keys.size(); ++r) {
      s += group + "\t" + b.row_keys[r];
      for (const auto& v : b.cells[r]) s += "\t" + FormatMeasureValue(v);
      s += "\t" + FormatMeasureValue(b.row_totals[r]) + "\n";
    }
    s += group + "\tTotal";
    for (const auto& v : b.column_totals) s += "\t" + FormatMeasureValue(v);
    s += "\t" + FormatMeasureValue(b.grand_total) + "\n";
  };
  for (size_t g = 0; g < p.groups.size(); ++g) block(p.group_keys[g], p.groups[g]);
  block("All", all);
  return s;
}

}  // namespace csc
