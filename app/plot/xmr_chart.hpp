#pragma once
// A statistical process control chart (XmR) for one series over periods, usually months:
// the values joined, the centre line, the natural process limits, and points showing
// special-cause variation (outside the limits, a run of 8 on one side, a trend of 6) in a
// warning colour, each rule said in the tooltip.
#include "plot/chart_frame.hpp"

namespace csc::app {

// Uses series 0 of `data` (the first visible one); gaps are left out of the limits.
ChartHover DrawXmrChart(const char* id, const ChartData& data, float height);

}  // namespace csc::app
