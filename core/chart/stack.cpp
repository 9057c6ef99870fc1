#include "chart/stack.hpp"

#include <algorithm>
#include <cmath>

namespace csc {

StackedSeries StackSeries(const std::vector<std::vector<double>>& values, const std::vector<bool>& visible) {
  StackedSeries out;
  out.lower.resize(values.size());
  out.upper.resize(values.size());
  out.totals.assign(values.size(), 0.0);
  for (size_t g = 0; g < values.size(); ++g) {
    double top = 0;
    for (size_t s = 0; s < values[g].size(); ++s) {
      const bool shown = s >= visible.size() || visible[s];
      const double v = values[g][s];
      out.lower[g].push_back(top);
      if (shown && std::isfinite(v) && v > 0) top += v;
      out.upper[g].push_back(top);
    }
    out.totals[g] = top;
    out.max_total = std::max(out.max_total, top);
  }
  return out;
}

int SeriesAt(const StackedSeries& stack, size_t group, double y) {
  if (group >= stack.lower.size()) return -1;
  for (size_t s = 0; s < stack.lower[group].size(); ++s)
    if (y >= stack.lower[group][s] && y < stack.upper[group][s]) return static_cast<int>(s);
  return -1;
}

}  // namespace csc
