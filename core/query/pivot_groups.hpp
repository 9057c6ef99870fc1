#pragma once
// A three-dimension result as a cross-table with row groups: one block per value of the
// first dimension (each a pivot of the other two, with that group's own row, column and
// group totals), then an "all groups" block (the two-dimension pivot over every group).
// As in the two-dimension pivot, every total is its own query, never a sum of cells.
#include <optional>
#include <string>
#include <vector>

#include "query/pivot.hpp"
#include "query/query_result.hpp"

namespace csc {

// The seven total queries, grouped by (with d0 the row groups, d1 rows, d2 columns):
enum PivotGroupTotal : size_t {
  kGroupRows,     // d0, d1
  kGroupColumns,  // d0, d2
  kGroupOverall,  // d0
  kAllCells,      // d1, d2
  kAllRows,       // d1
  kAllColumns,    // d2
  kAllOverall,    // none
  kPivotGroupTotalCount
};

struct PivotGroups {
  std::string group_dimension;
  std::vector<std::string> group_keys;  // in the result's key order
  std::vector<Pivot> groups;            // per group key; rows the group has, columns shared
  Pivot all;                            // every group together
};

// `totals` holds kPivotGroupTotalCount answers in PivotGroupTotal order (any may be null:
// those totals, or the all-groups block's cells, stay empty). Throws std::invalid_argument
// when `cells` is not three-dimensional.
PivotGroups BuildPivotGroups(const QueryResult& cells, const std::vector<const QueryResult*>& totals, size_t measure = 0);

// The rows of `r` whose first key is `key`, without that key (and without the first dimension).
QueryResult SliceFirstKey(const QueryResult& r, const std::string& key);

// Tab-separated: group, row, one column per column key, then Total; each group ends with its
// totals row, and an "All" block follows.
std::string FormatPivotGroupsTsv(const PivotGroups& p);

}  // namespace csc
