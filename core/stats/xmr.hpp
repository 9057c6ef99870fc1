#pragma once
// XmR (individuals and moving range) statistical process control chart for a monthly
// series, as in NHS "Making Data Count": centre = mean of the values, moving range = |x_i -
// x_(i-1)|, process limits = centre +/- 2.66 x mean moving range (2.66 = 3 / d2, d2 = 1.128
// for ranges of two), moving-range upper limit = 3.267 x mean moving range. Run rules flag
// special-cause variation: a point outside the limits, 8 or more points in a row on one side
// of the centre (a point on the centre breaks the run), 6 or more points in a row each
// higher (or each lower) than the one before (equal neighbours break the trend).
#include <cstddef>
#include <optional>
#include <vector>

namespace csc {

struct XmrPoint {
  double value = 0;
  std::optional<double> moving_range;  // none for the first point
  bool outside_limits = false;
  bool in_run_of_8 = false;   // part of 8+ consecutive points on one side of the centre
  bool in_trend_of_6 = false;  // part of 6+ consecutive strictly increasing / decreasing points
  bool special_cause() const { return outside_limits || in_run_of_8 || in_trend_of_6; }
};

struct XmrChart {
  double centre = 0;
  double mean_moving_range = 0;
  double upper_limit = 0, lower_limit = 0;  // natural process limits
  double moving_range_upper = 0;            // 3.267 x mean moving range
  std::vector<XmrPoint> points;
};

// Needs at least two values (one moving range); fewer gives a chart with only the centre.
XmrChart BuildXmr(const std::vector<double>& values);

}  // namespace csc
