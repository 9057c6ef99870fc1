#pragma once
// The query's two- or three-dimension answer as a cross-table with totals (each total its
// own query on the service, so distinct children are counted right), optional share of row
// or column, and a Copy button that puts it on the clipboard as tab-separated cells. With
// three dimensions the first makes row groups: a block per value with its own totals, then
// all groups together.
#include <string>
#include <vector>

#include "dataset/code_labels.hpp"
#include "query/query_parser.hpp"
#include "query/query_result.hpp"
#include "query/query_service.hpp"
#include "ui/hover_state.hpp"
#include "ui/screen_description.hpp"
#include "views/live_query.hpp"

namespace csc::app {

struct PivotViewState {
  int share = 0;  // 0 none, 1 of row, 2 of column
  // Two dimensions: rows, columns, overall. Three: in PivotGroupTotal order (pivot_groups.hpp).
  std::vector<LiveQuery> live;
  // Each total's answer to the current query and data; null while it updates (a stale total
  // beside new cells would not add up) or failed.
  std::vector<QueryResultPtr> totals;
  // The cross-table is not on screen: cancel and forget its totals.
  void Stop(QueryService& service);
};

// The total queries for a query text grouped by two dimensions (by the first, by the second,
// by none) or three (the seven of PivotGroupTotal). Empty otherwise.
std::vector<QueryText> PivotTotalQueries(const QueryText& text);

// `hover` (may be null): rows and columns whose label is highlighted are marked, and the
// row (or column header) under the mouse is named, as the charts do for their marks.
// `described` (may be null) gets the cross-table's cells as drawn, totals included.
void DrawPivotView(QueryService& service, const QueryText& text, const QueryResult& cells, const CodeLabels* labels,
                   PivotViewState& state, HoverState* hover = nullptr, DescribedTable* described = nullptr);

}  // namespace csc::app
