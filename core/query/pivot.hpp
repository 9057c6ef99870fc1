#pragma once
// A two-dimension result as a cross-table: first dimension down, second across, with row,
// column and grand totals. Totals come from their own queries (the same query grouped by
// one dimension or none), never by adding cells: distinct children are not additive (a
// child on two plans in a year is one child in the total), and rates are not either.
#include <optional>
#include <string>
#include <vector>

#include "query/query_result.hpp"

namespace csc {

struct Pivot {
  std::string row_dimension, column_dimension, measure;
  std::vector<std::string> row_keys, column_keys;      // in the result's key order
  std::vector<std::vector<std::optional<double>>> cells;  // [row][column]; empty = no group
  std::vector<std::optional<double>> row_totals;       // per row key
  std::vector<std::optional<double>> column_totals;    // per column key
  std::optional<double> grand_total;
};

enum class PivotShare { None, OfRow, OfColumn };

// `cells` grouped by exactly two dimensions; `by_rows` by the first alone, `by_columns` by
// the second alone, `overall` by none (any may be null: those totals stay empty). Reads
// measure `measure` of each. Throws std::invalid_argument when `cells` is not two-dimensional.
// `column_order` (may be null) fixes the columns and their order (row groups of a
// three-dimension pivot share one set of columns); cells of other columns are ignored.
Pivot BuildPivot(const QueryResult& cells, const QueryResult* by_rows, const QueryResult* by_columns,
                 const QueryResult* overall, size_t measure = 0, const std::vector<std::string>* column_order = nullptr);

// A cell as a share (0-100) of its row's or column's total; empty when either is missing or
// the total is zero.
std::optional<double> PivotShareOf(const Pivot& p, size_t row, size_t column, PivotShare share);

// Tab-separated with headers and totals, for the clipboard (pastes into Excel as cells).
std::string FormatPivotTsv(const Pivot& p);

}  // namespace csc
