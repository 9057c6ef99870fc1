#pragma once
// Compare two periods: with the answer grouped by period, the analyst picks a period and a
// base period, and the chart becomes paired bars (base beside compared, per group) and the
// table shows both values with the change and the % change (core/query/period_compare:
// withheld cells keep their change withheld). The picks are the panel's fields, so undo,
// redo and saved views keep them.
#include <optional>
#include <string>

#include "dataset/code_labels.hpp"
#include "plot/chart_frame.hpp"
#include "query/period_compare.hpp"
#include "query/query_result.hpp"
#include "ui/hover_state.hpp"
#include "ui/screen_description.hpp"

namespace csc::app {

struct QueryPanelState;

// The "Compare periods" tick and the two period lists, when the answer has two or more
// periods. Probed: "compare:toggle", "compare:base", "compare:base:PERIOD",
// "compare:current", "compare:current:PERIOD".
void DrawCompareControls(const QueryResult& result, QueryPanelState& state);

// The comparison the panel asks for of this answer (its first measure), if it is on and
// both periods are in the answer. `withheld` as for ComparePeriods.
std::optional<PeriodComparison> ActiveComparison(const QueryResult& result, const QueryPanelState& state,
                                                 const std::vector<std::vector<bool>>* withheld = nullptr);

// Paired bars: one group per row of the comparison, the base period and the compared period
// as its two series.
ChartData ComparisonChart(const PeriodComparison& comparison, const CodeLabels* labels);

// The table: the groups, both periods, change and % change, as drawn and as described
// ("c" for withheld, blank for no value).
void DrawComparisonTable(const PeriodComparison& comparison, const CodeLabels* labels, DescribedTable* described);

}  // namespace csc::app
