#pragma once
// Axis ticks on 1-2-5 x 10^k steps covering a data range, and their labels with thousands
// separators. UI-free so the maths is tested without a window.
#include <string>
#include <vector>

namespace csc {

struct AxisTicks {
  double lo = 0, hi = 1;  // the axis range: the data range widened to whole steps
  double step = 1;
  std::vector<double> values;
};

// At most `max_ticks` ticks (taken as at least 3) spanning [data_lo, data_hi]; a zero-width range gets a
// sensible unit range around it.
AxisTicks NiceTicks(double data_lo, double data_hi, int max_ticks);

// 1234567 -> "1,234,567"; 2.5 -> "2.5"; decimals follow the step (0.25 steps -> 2 places).
std::string FormatTick(double value, double step);

}  // namespace csc
