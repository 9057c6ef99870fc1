#include "views/indicator_trend.hpp"

#include <imgui.h>

#include <cmath>
#include <optional>

#include "plot/draw_chart.hpp"

namespace csc::app {

namespace {
double OrGap(std::optional<double> v) { return v ? *v : NAN; }
}  // namespace

ChartData TrendChartData(const KpiRow& row, const std::vector<IndicatorValue>& series,
                         const std::vector<ComparatorPoint>& comparators, const std::vector<std::string>& years,
                         const std::string& sn_vintage) {
  const Indicator& ind = *row.indicator;
  ChartData c;
  c.title = ind.ref + " by year";
  c.value_label = UnitName(ind.unit);
  c.groups = years;
  // A line only for comparators the indicator has in some year: an empty legend entry would
  // suggest a figure that exists.
  bool targets = false, england = false, sn = false;
  for (size_t y = 0; y < years.size(); ++y) {
    if (ind.targets.count(years[y])) targets = true;
    if (y < comparators.size() && comparators[y].england) england = true;
    if (y < comparators.size() && comparators[y].sn_mean) sn = true;
  }
  c.series = {ind.ref};
  if (targets) c.series.push_back("target");
  if (england) c.series.push_back("England");
  if (sn) c.series.push_back("SN mean (" + sn_vintage + ")");
  for (size_t y = 0; y < years.size(); ++y) {
    std::vector<double> v{y < series.size() ? OrGap(series[y].value) : NAN};
    if (targets) {
      const auto t = ind.targets.find(years[y]);
      v.push_back(t == ind.targets.end() ? NAN : t->second);
    }
    const ComparatorPoint point = y < comparators.size() ? comparators[y] : ComparatorPoint{};
    if (england) v.push_back(OrGap(point.england));
    if (sn) v.push_back(OrGap(point.sn_mean));
    c.values.push_back(std::move(v));
  }
  return c;
}

void DrawTrend(const KpiRow& row, const std::vector<IndicatorValue>& series, const std::vector<ComparatorPoint>& comparators,
               const std::vector<std::string>& years, const std::string& sn_vintage) {
  ChartData c = TrendChartData(row, series, comparators, years, sn_vintage);
  DrawChart("trend", c, ChartKind::Lines, ImGui::GetFontSize() * 13);
}

}  // namespace csc::app
