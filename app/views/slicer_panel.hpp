#pragma once
// The slicer panel beside the charts: the dataset, how episodes count, the period, an age
// range or DfE age-band toggles (with Unborn), and a checkbox list per coded column (category, ward, sex, ethnicity, ...). Each
// value shows its count under all the other filters, recomputed on the query service when
// anything changes. Selections are written into the query panel's where text, so the typed
// query, chart clicks, saved views and the slicers never disagree.
#include <map>
#include <string>
#include <vector>

#include "dataset/code_labels.hpp"
#include "query/query_parser.hpp"
#include "query/query_result.hpp"
#include "query/query_service.hpp"
#include "storage/table.hpp"
#include "views/live_query.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

struct SlicerColumnState {
  LiveQuery live;         // keyed by data generation and count query, so a reload recounts
  QueryResultPtr counts;  // value -> count under the other filters, for the query and data now shown; null while updating
  std::string error;
};

struct SlicerPanelState {
  std::map<std::string, SlicerColumnState> columns;
  SlicerColumnState age_bands;  // band -> count under the filters other than age
  std::map<std::string, std::string> search;  // per column, for long lists such as wards
};

// The coded columns a slicer is offered for: categories with at most 64 values, not ids.
std::vector<std::string> SlicerColumns(const Table& table);
// The count query behind one slicer (the panel's query without that column's filter,
// grouped by the column), as text.
QueryText SlicerQueryText(const std::vector<std::string>& tables, const QueryPanelState& query, const std::string& column);

// The count query behind the age-band toggles: the panel's query without any age filter,
// grouped by DfE age band.
QueryText AgeBandSlicerQueryText(const std::vector<std::string>& tables, const QueryPanelState& query);
inline constexpr const char* kAgeBandSlicerCaller = "slicer:age-band";

void DrawSlicerPanel(QueryService& service, const std::vector<std::string>& tables, const Table* table,
                     const CodeLabels* labels, QueryPanelState& query, SlicerPanelState& state);

}  // namespace csc::app
