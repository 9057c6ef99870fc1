#pragma once
// Stacked series (stacked areas): each shown series' band at each group, from the bottom of
// the stack up in series order. UI-free so the maths is tested without a window.
#include <cstddef>
#include <vector>

namespace csc {

struct StackedSeries {
  // [group][series]: the band's lower and upper edge; a hidden series has lower == upper
  // (it takes no height). A missing value (NaN) counts as zero height.
  std::vector<std::vector<double>> lower, upper;
  std::vector<double> totals;  // per group: the top of the stack
  double max_total = 0;
};

// `values` is [group][series]; `visible[s]` false leaves series s out (shorter = visible).
StackedSeries StackSeries(const std::vector<std::vector<double>>& values, const std::vector<bool>& visible);

// The series whose band holds height `y` at `group`, or -1 (outside the stack, or a band of
// no height). Bands are half-open [lower, upper).
int SeriesAt(const StackedSeries& stack, size_t group, double y);

}  // namespace csc
