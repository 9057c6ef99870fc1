#pragma once
// What the screen shows, as data: the tab, the title and sentence over the chart, whether the
// answer is updating or failed, each chart's series and points (withheld cells as "c", no
// value) and each table's cells as drawn. `csc-explorer --describe FILE.json` writes it after
// the frames settle; UI tests read it as a person reads the screen. Views fill it while they
// draw, from the same values they draw, so it cannot disagree with the pixels.
#include <optional>
#include <string>
#include <vector>

#include "plot/chart_frame.hpp"
#include "plot/draw_chart.hpp"

namespace csc::app {

struct DescribedPoint {
  std::string x;
  std::optional<double> value;  // none when withheld or absent
  std::string label;            // as drawn: "1,234", "12.5", "c"
  bool withheld = false;
};
struct DescribedSeries {
  std::string name, code, colour;  // colour "#rrggbb"
  std::vector<DescribedPoint> points;
};
struct DescribedChart {
  std::string kind;  // bars, trend, area, ranking, pyramid, xmr, pivot, map
  std::string title;
  std::vector<DescribedSeries> series;
  std::vector<DescribedSeries> references;  // target, England, SN mean lines (no colour code)
  std::vector<std::string> notes;           // "1. 2012-13: ..." as listed under the chart
};
struct DescribedTable {
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};
struct ScreenDescription {
  std::string tab;  // data, query, indicators, presentation
  std::string title, sentence;
  std::string query;  // the `csc query` command the view's picks mean (query tab)
  std::optional<std::string> error;
  bool updating = false;
  std::vector<DescribedChart> charts;
  std::vector<DescribedTable> tables;
};

// "bars", "trend", ... for a resolved chart kind.
const char* DescribedKind(ChartKind kind);
// The chart's visible series and their points as drawn (values the chart has, or withheld).
DescribedChart DescribeChart(const ChartData& chart, ChartKind resolved);
std::string DescriptionJson(const ScreenDescription& screen);

}  // namespace csc::app
