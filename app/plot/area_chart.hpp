#pragma once
// Trend as a stacked area: periods along x, each series a band on top of the ones before it,
// so the top edge is the period's total; on the shared chart frame (title, legend, ticks).
#include "plot/chart_frame.hpp"

namespace csc::app {

ChartHover DrawAreaChart(const char* id, const ChartData& data, float height);

}  // namespace csc::app
