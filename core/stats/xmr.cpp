#include "stats/xmr.hpp"

#include <cmath>

namespace csc {

namespace {

// Marks every point of each maximal stretch where `same(i)` links point i to i-1, when the
// stretch has at least `min_len` points.
template <class Link, class Mark>
void MarkStretches(size_t n, size_t min_len, Link same, Mark mark) {
  size_t start = 0;
  for (size_t i = 1; i <= n; ++i) {
    if (i < n && same(i)) continue;
    if (i - start >= min_len)
      for (size_t k = start; k < i; ++k) mark(k);
    start = i;
  }
}

}  // namespace

XmrChart BuildXmr(const std::vector<double>& values) {
  XmrChart chart;
  const size_t n = values.size();
  if (n == 0) return chart;
  double sum = 0;
  for (double v : values) sum += v;
  chart.centre = sum / static_cast<double>(n);
  chart.points.resize(n);
  double mr_sum = 0;
  for (size_t i = 0; i < n; ++i) {
    chart.points[i].value = values[i];
    if (i > 0) {
      chart.points[i].moving_range = std::fabs(values[i] - values[i - 1]);
      mr_sum += *chart.points[i].moving_range;
    }
  }
  if (n < 2) {
    chart.upper_limit = chart.lower_limit = chart.centre;
    return chart;
  }
  chart.mean_moving_range = mr_sum / static_cast<double>(n - 1);
  chart.upper_limit = chart.centre + 2.66 * chart.mean_moving_range;
  chart.lower_limit = chart.centre - 2.66 * chart.mean_moving_range;
  chart.moving_range_upper = 3.267 * chart.mean_moving_range;
  auto side = [&](size_t i) { return values[i] > chart.centre ? 1 : values[i] < chart.centre ? -1 : 0; };
  for (size_t i = 0; i < n; ++i)
    chart.points[i].outside_limits = values[i] > chart.upper_limit || values[i] < chart.lower_limit;
  // A stretch of one side starts anywhere, so a run is linked when both points share a side.
  MarkStretches(n, 8, [&](size_t i) { return side(i) != 0 && side(i) == side(i - 1); },
                [&](size_t k) { chart.points[k].in_run_of_8 = side(k) != 0; });
  // Trends: mark increasing and decreasing stretches separately.
  for (int dir : {1, -1}) {
    auto step = [&](size_t i) { return dir > 0 ? values[i] > values[i - 1] : values[i] < values[i - 1]; };
    MarkStretches(n, 6, step, [&](size_t k) { chart.points[k].in_trend_of_6 = true; });
  }
  return chart;
}

}  // namespace csc
