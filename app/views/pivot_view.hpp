#pragma once
// The query's two-dimension answer as a cross-table with totals (each total its own query
// on the service, so distinct children are counted right), optional share of row or
// column, and a Copy button that puts it on the clipboard as tab-separated cells.
#include <array>
#include <string>

#include "dataset/code_labels.hpp"
#include "query/query_parser.hpp"
#include "query/query_result.hpp"
#include "query/query_service.hpp"

namespace csc::app {

struct PivotViewState {
  int share = 0;  // 0 none, 1 of row, 2 of column
  std::array<std::string, 3> submitted;   // rows, columns, overall
  std::array<QueryResultPtr, 3> totals;
};

// The total queries for a two-dimension query text: grouped by its first dimension, by its
// second, and by none. Empty when `by` does not name exactly two dimensions.
std::array<QueryText, 3> PivotTotalQueries(const QueryText& text);

void DrawPivotView(QueryService& service, const QueryText& text, const QueryResult& cells, const CodeLabels* labels,
                   PivotViewState& state);

}  // namespace csc::app
