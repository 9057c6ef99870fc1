#pragma once
// The query bar: the analyst types the query grammar of `csc query` (where, period, count,
// by, measure) over any loaded table and sees the answer as a table and a bar chart,
// recomputed on the query service as they type. The UI thread only submits and polls.
#include <string>
#include <vector>

#include "dataset/code_labels.hpp"
#include "query/query_result.hpp"
#include "query/query_service.hpp"

namespace csc::app {

struct QueryPanelState {
  int table = 0;
  char where[2048] = "";
  char period[256] = "";
  char count[64] = "";
  char by[256] = "";
  char measure[256] = "episodes, children";
  std::string submitted;  // the text of the last submitted query
  std::string parse_error;
  QueryResultPtr result;
  std::string error;
  double seconds = 0;
  bool from_cache = false;
};

inline constexpr const char* kQueryPanelCaller = "query_panel";

// `labels` (may be null) turns codes into words on the chart and in the table.
void DrawQueryPanel(QueryService& service, const std::vector<std::string>& tables, const CodeLabels* labels,
                    QueryPanelState& state);

// Presentation mode: the chart alone, large, under a sentence saying what is counted; no
// inputs, no table of rows; counts of 1 to `threshold` are withheld (shown as "c").
void DrawQueryPresentation(QueryService& service, const std::vector<std::string>& tables, const CodeLabels* labels,
                           QueryPanelState& state, int threshold);

// "cp_plans: episodes by period and latest_category; open at 31-03; fy:2009-10..2015-16; where ..."
std::string DescribeQuery(const std::vector<std::string>& tables, const QueryPanelState& state);

}  // namespace csc::app
