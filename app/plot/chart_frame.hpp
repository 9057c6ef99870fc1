#pragma once
// What every chart shares: the title (what is counted), the unit, a legend whose entries can
// be hovered, clicked and toggled, and a y axis with nice ticks and gridlines. Bar and line
// charts draw their marks inside the plot rectangle it returns.
#include <imgui.h>

#include <string>
#include <vector>

namespace csc::app {

// A note pinned to a group (a period along the axis, or a category) and, optionally, to one
// series' point there: drawn as a numbered tag on slot charts (bars, lines, areas), its
// words listed under the chart and in exports (ChartNoteLines).
struct ChartNote {
  std::string at;      // the group: its key (code) or its label as shown
  std::string series;  // empty: the whole group (a period); else a series label (a point)
  std::string text;
  friend bool operator==(const ChartNote&, const ChartNote&) = default;
};
// A reference line across the groups (target, England, SN mean): one value per group, NaN
// where there is none (a gap). Drawn dashed over slot charts in the comparator's colour.
struct ReferenceLine {
  std::string label;
  std::vector<double> values;  // [group]
};

struct ChartData {
  std::string title;                // says what is counted
  std::string value_label;          // y-axis unit, e.g. "children"
  std::vector<std::string> groups;  // x-axis labels
  std::vector<std::string> series;  // one name per series; a single series may be unnamed
  std::vector<std::vector<double>> values;  // [group][series]; NaN = no value (a gap)
  // The codes behind the labels, for cross-filtering (empty when not filterable).
  std::vector<std::string> group_keys, series_keys;
  std::vector<bool> hidden_series;  // toggled off in the legend (size 0 or series.size())
  bool stacked = false;
  // [group][series], size 0 or as values: the cell was withheld for disclosure (its value is
  // NaN); drawn as a marked "c" placeholder, never as a zero or a gap.
  std::vector<std::vector<bool>> withheld;
  bool show_legend = true;  // off when the x axis already names each series (one bar per category)
  std::string highlight;    // a category hovered elsewhere on screen (a series or group label): others dim
  int decimals = -1;        // value labels' decimal places (an indicator's); -1: the fewest that show every value
  std::vector<ChartNote> notes;
  std::vector<ReferenceLine> references;
};

struct ChartHover {
  int group = -1, series = -1;  // the mark under the mouse
  int legend = -1;              // the legend entry under the mouse
  bool clicked = false;         // the left button went down on the mark or entry this frame
};

struct ChartFrame {
  ImVec2 plot_min, plot_max;
  double lo = 0, hi = 1;  // the y axis range
  float YOf(double v) const { return plot_max.y - static_cast<float>((v - lo) / (hi - lo)) * (plot_max.y - plot_min.y); }
};

bool SeriesVisible(const ChartData& data, size_t s);
// The cell was withheld for disclosure (marked "c"), as opposed to having no value at all.
bool Withheld(const ChartData& data, size_t group, size_t series);
// The series (group) to highlight: the hovered legend entry, else the one named by
// data.highlight; -1 when none.
int HighlightedSeries(const ChartData& data, const ChartHover& hover);
int HighlightedGroup(const ChartData& data, const ChartHover& hover);
// A mark another mark is highlighted over (drawn faded).
bool Dimmed(const ChartData& data, const ChartHover& hover, size_t group, size_t series);
// The category a hover points at, for the shared hover state: the legend entry, else the
// mark's series (its colour), else its group; "" when nothing is hovered.
std::string HoveredCategory(const ChartData& data, const ChartHover& hover);
bool HasLegend(const ChartData& data);
ImU32 SeriesColour(const ChartData& data, size_t s, float alpha);
// Draws title, unit, legend and y axis for data spanning [lo, hi]; sets hover.legend.
ChartFrame DrawChartFrame(const ChartData& data, ImVec2 origin, float width, float height, double lo, double hi,
                          ChartHover& hover);
// Ends a chart drawn at the cursor: reserves its space, notes a click on what is hovered,
// shows the tooltip and pops the chart's ID (pushed by the chart on entry).
ChartHover FinishChart(const ChartData& data, ChartHover hover, float width, float height);
// The hover tooltip: group, series, exact value, its share of the group and (with several
// series) the group's total.
void ChartTooltip(const ChartData& data, const ChartHover& hover);
// True when some cell is withheld (the frame then keys the "c" mark beside the title).
bool AnyWithheld(const ChartData& data);
// A withheld cell's placeholder: outlined, hatched, labelled "c"; never a bar of any height.
void DrawWithheldMark(ImVec2 min, ImVec2 max);
// X-axis labels under slot centres, thinned so none overlap.
void DrawGroupLabels(const ChartData& data, const ChartFrame& frame, float slot);

}  // namespace csc::app
