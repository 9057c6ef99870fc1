#pragma once
// Vertical bar chart on ImDrawList: nice ticks with thousands separators, gridlines,
// category labels thinned so none overlap, hover tooltip with exact value and share.
#include <string>
#include <vector>

namespace csc::app {

struct BarChartData {
  std::string title;               // says what is counted
  std::string value_label;         // y-axis unit, e.g. "children"
  std::vector<std::string> labels; // one per bar
  std::vector<double> values;      // same length; NaN = no value (drawn as a gap)
  // One colour for every bar (a trend over periods); otherwise each category keeps its own.
  bool one_series = false;
};

// Draws into the current window; returns the index of the hovered bar or -1.
int DrawBarChart(const char* id, const BarChartData& data, float height);

}  // namespace csc::app
