#pragma once
// One way to write a chart's numbers, shared by its marks, tooltips, tables and --describe:
// one number of decimals per measure, thousands separated (334, 56,103, 12.5).
#include <string>

#include "plot/chart_frame.hpp"

namespace csc::app {

// The chart's own decimals (an indicator's), else the fewest, up to two, that show every value.
int ValueDecimals(const ChartData& data);
// `v` with `decimals` places and thousands separators ("-1,234.5").
std::string FormatValue(double v, int decimals);

}  // namespace csc::app
