#pragma once
// The indicator detail's trend: our value per year against the target, England and the
// statistical-neighbour mean, one line each, named in the legend. A year without a figure is
// a gap in its line (NaN), never a zero.
#include <string>
#include <vector>

#include "indicators/dashboard.hpp"
#include "plot/chart_frame.hpp"

namespace csc::app {

// Series in order: the indicator, then "target", "England", "SN mean (VINTAGE)" when the
// indicator has any such figure in the years.
ChartData TrendChartData(const KpiRow& row, const std::vector<IndicatorValue>& series,
                         const std::vector<ComparatorPoint>& comparators, const std::vector<std::string>& years,
                         const std::string& sn_vintage);
void DrawTrend(const KpiRow& row, const std::vector<IndicatorValue>& series, const std::vector<ComparatorPoint>& comparators,
               const std::vector<std::string>& years, const std::string& sn_vintage);

}  // namespace csc::app
