#pragma once
// Charts whose categories run down the page, where long names (wards) stay readable:
// a ranking (one bar per group, largest first, value at the end of each bar) and an
// age-sex pyramid (ages bottom to top, the first series to the left, the second to the
// right, on one symmetric scale).
#include "plot/chart_frame.hpp"

namespace csc::app {

// Series 0 of each group is ranked; other series are ignored.
ChartHover DrawRankingChart(const char* id, const ChartData& data, float height);
// Groups are ages (youngest first); series 0 goes left, series 1 right.
ChartHover DrawPyramidChart(const char* id, const ChartData& data, float height);

}  // namespace csc::app
