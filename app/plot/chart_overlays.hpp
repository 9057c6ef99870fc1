#pragma once
// What lies over a slot chart's marks (bars, lines, stacked areas: a group per slot along x):
// reference lines (target, England, SN mean) and numbered note tags. The charts call these
// with their frame; the words of the notes are listed under the chart by the caller.
#include <string>
#include <vector>

#include "plot/chart_frame.hpp"

namespace csc::app {

// Widens [lo, hi] so every reference value shows.
void IncludeReferences(const ChartData& data, double& lo, double& hi);
// The group a note is pinned to (its key or its label), -1 when the chart has no such group.
int NoteGroup(const ChartData& data, const ChartNote& note);
// Dashed reference lines through the slot centres, labelled at their last value, then a
// numbered tag at the top of each pinned group (a ring on the pinned point, when its series
// is drawn at the slot centre as on a line chart: `points_at_centre`).
void DrawChartOverlays(const ChartData& data, const ChartFrame& frame, float slot, bool points_at_centre);
// "1. 2012-13: Plans rose after the new threshold document": a line per note, in order; a
// note whose group the chart lacks says so rather than vanishing.
std::vector<std::string> ChartNoteLines(const ChartData& data);

}  // namespace csc::app
