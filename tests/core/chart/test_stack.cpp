#include <catch2/catch.hpp>

#include <cmath>

#include "chart/stack.hpp"

using namespace csc;

TEST_CASE("stacked series pile up in series order, hidden and missing values take no height", "[chart][stack]") {
  const std::vector<std::vector<double>> values = {{3, 5, 2}, {4, std::nan(""), 6}};
  const StackedSeries all = StackSeries(values, {});
  CHECK(all.lower[0] == std::vector<double>{0, 3, 8});
  CHECK(all.upper[0] == std::vector<double>{3, 8, 10});
  CHECK(all.lower[1] == std::vector<double>{0, 4, 4});
  CHECK(all.upper[1] == std::vector<double>{4, 4, 10});
  CHECK(all.totals == std::vector<double>{10, 10});
  CHECK(all.max_total == 10);

  const StackedSeries some = StackSeries(values, {true, false, true});
  CHECK(some.upper[0] == std::vector<double>{3, 3, 5});
  CHECK(some.totals == std::vector<double>{5, 10});
  CHECK(some.max_total == 10);
}

TEST_CASE("the band under a height is found by its half-open range", "[chart][stack]") {
  const StackedSeries s = StackSeries({{3, 5, 2}, {4, std::nan(""), 6}}, {});
  CHECK(SeriesAt(s, 0, 0) == 0);
  CHECK(SeriesAt(s, 0, 2.9) == 0);
  CHECK(SeriesAt(s, 0, 3) == 1);
  CHECK(SeriesAt(s, 0, 9.5) == 2);
  CHECK(SeriesAt(s, 0, 10) == -1);
  CHECK(SeriesAt(s, 1, 4) == 2);  // series 1 has no height there
  CHECK(SeriesAt(s, 0, -1) == -1);
  CHECK(SeriesAt(s, 2, 1) == -1);
}
