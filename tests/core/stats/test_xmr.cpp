// XmR chart: centre, moving ranges, limits and run rules on hand-worked series.
#include <catch2/catch.hpp>

#include "stats/xmr.hpp"

using namespace csc;

TEST_CASE("XmR centre, mean moving range and limits, a spike is outside the limits", "[stats]") {
  // Sum 132 over 10 points: centre 13.2. Moving ranges 2,1,2,1,18,19,1,2,1 = 47 over 9.
  const auto chart = BuildXmr({10, 12, 11, 13, 12, 30, 11, 12, 10, 11});
  CHECK(chart.centre == Approx(13.2));
  CHECK(chart.mean_moving_range == Approx(47.0 / 9));
  CHECK(chart.upper_limit == Approx(13.2 + 2.66 * 47.0 / 9));  // 27.09
  CHECK(chart.lower_limit == Approx(13.2 - 2.66 * 47.0 / 9));
  CHECK(chart.moving_range_upper == Approx(3.267 * 47.0 / 9));
  CHECK_FALSE(chart.points[0].moving_range.has_value());
  CHECK(chart.points[5].moving_range == 18);
  for (size_t i = 0; i < chart.points.size(); ++i) {
    CHECK(chart.points[i].outside_limits == (i == 5));
    CHECK_FALSE(chart.points[i].in_run_of_8);
    CHECK_FALSE(chart.points[i].in_trend_of_6);
  }
}

TEST_CASE("XmR flags 8 points in a row below the centre and nothing else", "[stats]") {
  // Sum 75 over 12: centre 6.25; the first 8 (4 or 6) are all below. Moving ranges sum 38
  // over 11: limits 6.25 +/- 9.19, so 15 is inside.
  const auto chart = BuildXmr({4, 6, 4, 6, 4, 6, 4, 6, 14, 15, 2, 4});
  CHECK(chart.centre == Approx(6.25));
  CHECK(chart.upper_limit == Approx(6.25 + 2.66 * 38.0 / 11));
  for (size_t i = 0; i < chart.points.size(); ++i) {
    CHECK(chart.points[i].in_run_of_8 == (i < 8));
    CHECK_FALSE(chart.points[i].outside_limits);
    CHECK_FALSE(chart.points[i].in_trend_of_6);
  }
  // Seven below is not a run.
  const auto seven = BuildXmr({4, 6, 4, 6, 4, 6, 4, 14, 15, 12});
  for (const auto& p : seven.points) CHECK_FALSE(p.in_run_of_8);
}

TEST_CASE("XmR flags 6 rising points, not 5, and a tie breaks a trend", "[stats]") {
  // 1..10: centre 5.5, every moving range 1, limits 2.84 and 8.16.
  auto chart = BuildXmr({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  for (size_t i = 0; i < 10; ++i) {
    CHECK(chart.points[i].in_trend_of_6);
    CHECK(chart.points[i].outside_limits == (i < 2 || i >= 8));
  }
  chart = BuildXmr({5, 6, 7, 8, 9, 3, 10, 9, 8, 7, 7, 6, 5, 4, 3, 2});
  for (size_t i = 0; i < chart.points.size(); ++i) CHECK(chart.points[i].in_trend_of_6 == (i >= 10));
}
