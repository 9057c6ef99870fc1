#pragma once
// Trend chart on ImDrawList: periods along x, one line per series with a marker at each
// value, gaps where a value is missing or withheld, on the shared chart frame.
#include "plot/chart_frame.hpp"

namespace csc::app {

ChartHover DrawLineChart(const char* id, const ChartData& data, float height);

}  // namespace csc::app
