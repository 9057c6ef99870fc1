#pragma once
// The chart a view asks for, by kind: the analyst's choice, or automatic (a trend when
// periods run along x, else bars). One entry point for the explorer, presentation mode and
// PNG export so all three draw the same picture.
#include <string_view>

#include "plot/chart_frame.hpp"

namespace csc::app {

// Appended, never reordered: the chart choice lists kinds in this order.
enum class ChartKind : int { Auto, Bars, Stacked, Lines, Ranking, Pyramid, Xmr, Area, Map };

const char* ChartKindName(ChartKind kind);        // "auto", "bars", "stacked", "lines", "ranking", "pyramid", "xmr", "area", "map"
ChartKind ParseChartKind(std::string_view name);  // unknown names are Auto

// `periods_along_x`: the first dimension is the period (Auto then draws lines).
ChartKind ResolveChartKind(ChartKind kind, bool periods_along_x, size_t groups);
ChartHover DrawChart(const char* id, ChartData& chart, ChartKind resolved, float height);

}  // namespace csc::app
