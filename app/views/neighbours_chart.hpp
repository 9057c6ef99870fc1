#pragma once
// An indicator's statistical neighbours as a ranking chart: our value ("(us)"), each
// neighbour's published DfE value and England, one bar each. The dashboard's detail and the
// board pack draw the same chart from this.
#include "indicators/scorecard.hpp"
#include "plot/chart_frame.hpp"

namespace csc::app {

// `row.comparators.comparison` must be set. With `withheld`, our own value was withheld for
// publication: its bar is the "c" mark, never a value.
ChartData NeighboursChart(const KpiRow& row, bool withheld = false);

}  // namespace csc::app
