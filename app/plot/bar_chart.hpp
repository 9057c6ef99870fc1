#pragma once
// Bar chart on ImDrawList: groups along x, one bar per series inside each group (grouped)
// or stacked, on the shared chart frame (title, legend, nice y ticks).
#include "plot/chart_frame.hpp"

namespace csc::app {

// Draws into the current window, `height` pixels tall; returns what the mouse is over.
ChartHover DrawBarChart(const char* id, const ChartData& data, float height);

}  // namespace csc::app
