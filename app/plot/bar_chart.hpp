#pragma once
// Bar chart on ImDrawList: groups along x, one bar per series inside each group (grouped)
// or stacked; nice ticks with thousands separators, gridlines, group labels thinned so none
// overlap, a legend, and a hover tooltip with the exact value and its share of the group.
#include <string>
#include <vector>

namespace csc::app {

struct BarChartData {
  std::string title;                // says what is counted
  std::string value_label;          // y-axis unit, e.g. "children"
  std::vector<std::string> groups;  // x-axis labels
  std::vector<std::string> series;  // one name per series; a single series may be unnamed
  std::vector<std::vector<double>> values;  // [group][series]; NaN = no value (a gap)
  bool stacked = false;
  bool show_legend = true;  // off when the x axis already names each series (one bar per category)
  // Colour by series name (categories keep their colour in every chart); a single unnamed
  // series takes the first palette colour.
};

struct BarHover {
  int group = -1, series = -1;
};

// Draws into the current window, `height` pixels tall.
BarHover DrawBarChart(const char* id, const BarChartData& data, float height);

}  // namespace csc::app
