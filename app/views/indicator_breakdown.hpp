#pragma once
// The detail's "which slice drives it": a selector of the dimensions the indicator's tables
// have (ward, age band, sex, ethnic group, categories ...) and the slices as a table, largest
// numerator first, with each slice's share of the numerator. Computed on a worker.
#include <functional>

#include "views/dashboard_panel.hpp"

namespace csc::app {

void DrawBreakdown(DashboardState& state, const KpiRow& row, const std::function<void()>& wake);

}  // namespace csc::app
