#include "plot/draw_chart.hpp"

#include "plot/area_chart.hpp"
#include "plot/bar_chart.hpp"
#include "plot/horizontal_charts.hpp"
#include "plot/line_chart.hpp"
#include "plot/map_chart.hpp"
#include "plot/xmr_chart.hpp"

namespace csc::app {

const char* ChartKindName(ChartKind kind) {
  switch (kind) {
    case ChartKind::Bars: return "bars";
    case ChartKind::Stacked: return "stacked";
    case ChartKind::Lines: return "lines";
    case ChartKind::Ranking: return "ranking";
    case ChartKind::Pyramid: return "pyramid";
    case ChartKind::Xmr: return "xmr";
    case ChartKind::Area: return "area";
    case ChartKind::Map: return "map";
    case ChartKind::Auto: break;
  }
  return "auto";
}

ChartKind ParseChartKind(std::string_view name) {
  for (ChartKind k : {ChartKind::Bars, ChartKind::Stacked, ChartKind::Lines, ChartKind::Ranking, ChartKind::Pyramid, ChartKind::Xmr,
                    ChartKind::Area, ChartKind::Map})
    if (name == ChartKindName(k)) return k;
  return ChartKind::Auto;
}

ChartKind ResolveChartKind(ChartKind kind, bool periods_along_x, size_t groups) {
  if (kind != ChartKind::Auto) return kind;
  return periods_along_x && groups > 2 ? ChartKind::Lines : ChartKind::Bars;
}

ChartHover DrawChart(const char* id, ChartData& chart, ChartKind kind, float height) {
  if (kind == ChartKind::Stacked && chart.show_legend) chart.stacked = true;
  switch (kind) {
    case ChartKind::Lines: return DrawLineChart(id, chart, height);
    case ChartKind::Area: return DrawAreaChart(id, chart, height);
    case ChartKind::Ranking: return DrawRankingChart(id, chart, height);
    case ChartKind::Pyramid: return DrawPyramidChart(id, chart, height);
    case ChartKind::Xmr: return DrawXmrChart(id, chart, height);
    case ChartKind::Map: return DrawMapChart(id, chart, height, ActiveWardBoundaries(), ActiveWardAttribution());
    default: return DrawBarChart(id, chart, height);
  }
}

}  // namespace csc::app
