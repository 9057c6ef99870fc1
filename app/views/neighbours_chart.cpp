#include "views/neighbours_chart.hpp"

#include <cmath>

namespace csc::app {

ChartData NeighboursChart(const KpiRow& row, bool withheld) {
  const auto& cmp = *row.comparators.comparison;
  const Indicator& ind = *row.indicator;
  ChartData c;
  c.title = "Statistical neighbours (SN " + cmp.sn_vintage + "), " + std::to_string(cmp.time_period);
  c.value_label = UnitName(ind.unit);
  c.decimals = ind.decimals;
  auto add = [&](const std::string& name, std::optional<double> v) {
    c.groups.push_back(name);
    c.values.push_back({v ? *v : NAN});
  };
  add(cmp.la_name + " (us)", withheld ? std::nullopt : row.current.value);
  for (const auto& [name, value] : cmp.neighbours) add(name, value.value);
  add("England", cmp.england.value);
  // One series per bar (each its own colour), on the diagonal.
  c.series = c.groups;
  for (size_t g = 0; g < c.values.size(); ++g) {
    std::vector<double> v(c.groups.size(), NAN);
    v[g] = c.values[g][0];
    c.values[g] = v;
  }
  if (withheld) {
    c.withheld.assign(c.groups.size(), std::vector<bool>(c.groups.size(), false));
    c.withheld[0][0] = true;
  }
  c.show_legend = false;
  c.stacked = true;
  return c;
}

}  // namespace csc::app
