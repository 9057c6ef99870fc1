#pragma once
// Notes on the chart: the list under it ("1. 2012-13: new threshold document", each with a
// remove button) and a row to pin a new one to a group (a period or category) or to one
// series' point there. Notes are part of the view: undo, saved views and exports keep them.
#include "plot/chart_frame.hpp"

namespace csc::app {

struct QueryPanelState;

// `chart` is the chart as drawn (its groups and series are what a note can be pinned to).
// Probed: "note:at" and "note:at:GROUP", "note:series" and "note:series:SERIES",
// "note:text", "note:add", "note:remove:N" (N from 1).
void DrawChartNotes(const ChartData& chart, QueryPanelState& state);

}  // namespace csc::app
