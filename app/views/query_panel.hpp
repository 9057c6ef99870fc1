#pragma once
// The query bar: the analyst types the query grammar of `csc query` (where, period, count,
// by, measure) over any loaded table and sees the answer as a table and a bar chart,
// recomputed on the query service as they type. The UI thread only submits and polls.
#include <set>
#include <string>
#include <vector>

#include "dataset/code_labels.hpp"
#include "plot/draw_chart.hpp"
#include "views/live_query.hpp"
#include "views/pivot_view.hpp"
#include "views/publication.hpp"
#include "views/reference_lines.hpp"
#include "views/view_history.hpp"
#include "query/query_result.hpp"
#include "query/query_service.hpp"
#include "storage/table.hpp"
#include "ui/hover_state.hpp"
#include "ui/screen_description.hpp"

namespace csc::app {

inline constexpr const char* kQueryPanelCaller = "query_panel";
inline constexpr const char* kPresentationCaller = "presentation";

struct QueryPanelState {
  int table = 0;
  std::string where;  // one filter per line; grows as needed (a long ward pick is never cut)
  char period[256] = "";
  char count[64] = "";
  char by[256] = "";
  char measure[256] = "episodes, children";
  char link[256] = "";  // "present lac_episodes open-at-start": rows whose child is (not) in another dataset
  ChartKind chart = ChartKind::Auto;
  std::set<std::string> hidden_series;  // legend entries toggled off (by label)
  int table_view = 0;                   // two or three dimensions: 0 cross-table, 1 rows
  // Compare two periods of the answer (views/period_compare_view): empty periods take the
  // defaults (the last period against the one before).
  bool compare_on = false;
  std::string compare_base, compare_current;
  std::vector<ChartNote> notes;      // pinned to a group or point; saved with the view, in exports
  std::string reference_indicator;   // an indicator id whose target, England and SN lines are drawn
  ChartNote note_draft;              // the note being written (not part of the view until added)
  ReferenceLinesState references;    // the lines of reference_indicator, looked up on a worker
  PivotViewState pivot;
  PublishedQuery published;  // presentation mode and publication exports
  LiveQuery live{kQueryPanelCaller};  // the chart's answer: ready, updating (stale) or failed
  ViewHistory history;  // undo and redo of the fields above
  bool started = false;  // the starting question was considered (once, or a view was opened)
  // Ctrl+clicks on a chart's marks gather here and become one filter when Ctrl is let go,
  // so several bars of one chart can be picked before the chart narrows to them.
  std::string pending_column;
  std::vector<std::string> pending_keys, pending_labels;
};

// One-click questions: each sets the grouping, measure and chart (filters are kept).
enum class ChartPreset { TrendByCategory, Breakdown, AgeProfile, AgeSexPyramid, WardRanking, WardRate, MonthlyXmr, WardMap };
void ApplyPreset(const Table* table, QueryPanelState& state, ChartPreset preset);
void DrawPresets(const Table* table, QueryPanelState& state);
// A first look worth having: with nothing asked yet (no filter, period or grouping), the
// trend by category over the financial years the data covers, instead of one bar of every
// row ever loaded. Runs once per session; opening a view counts as asking.
void ApplyStartingQuestion(const Table* table, QueryPanelState& state);

// Submits the panel's query if it changed and takes any reply (the panel's own draw does
// this too; calling it first puts the chart's query ahead of the slicers' in the queue).
void SubmitQuery(QueryService& service, const std::vector<std::string>& tables, QueryPanelState& state);

// `labels` (may be null) turns codes into words on the chart and in the table; `table` (may
// be null) is the current dataset, whose coded columns chart clicks filter on.
// `hover` links the chart and the cross-table with every other view: the category hovered
// anywhere is highlighted in both.
void DrawQueryPanel(QueryService& service, const std::vector<std::string>& tables, const Table* table,
                    const CodeLabels* labels, QueryPanelState& state, HoverState& hover, ScreenDescription* screen = nullptr);

// Presentation mode: the chart alone, large, under a sentence saying what is counted; no
// inputs, no table of rows; counts of 1 to `threshold` are withheld (shown as "c").
void DrawQueryPresentation(QueryService& service, const std::vector<std::string>& tables, const CodeLabels* labels,
                           QueryPanelState& state, int threshold, ScreenDescription* screen = nullptr);

// The result as a chart: first dimension along x, the second (if any) as series, the first
// measure as height; codes become labels, and the codes are kept for cross-filtering.
// `withheld` (may be null): [row][measure] cells withheld for disclosure, drawn as "c".
ChartData ChartOf(const QueryResult& result, const CodeLabels* labels,
                  const std::vector<std::vector<bool>>* withheld = nullptr);

// The panel's inputs as the query grammar's text.
QueryText PanelQueryText(const std::vector<std::string>& tables, const QueryPanelState& state);

// "Children on a CP plan at 31 March, 2010-11 to 2015-16, neglect, aged 0-4"; while a clause
// does not parse, the query as typed.
std::string FilterSentence(const std::vector<std::string>& tables, const CodeLabels* labels, const QueryPanelState& state);

// "cp_plans: episodes by period and latest_category; open at 31-03; fy:2009-10..2015-16; where ..."
std::string DescribeQuery(const std::vector<std::string>& tables, const QueryPanelState& state);

}  // namespace csc::app
