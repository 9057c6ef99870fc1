#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "chart/ticks.hpp"

using namespace csc;

TEST_CASE("ticks fall on 1-2-5 steps and cover the data", "[chart]") {
  const auto t = NiceTicks(0, 334, 6);
  CHECK(t.step == 100);
  CHECK(t.lo == 0);
  CHECK(t.hi == 400);
  CHECK(t.values == std::vector<double>{0, 100, 200, 300, 400});
  const auto small = NiceTicks(0.3, 1.7, 5);
  CHECK(small.step == Approx(0.5));
  CHECK(small.lo == Approx(0));
  CHECK(small.hi == Approx(2));
  const auto flat = NiceTicks(5, 5, 5);
  CHECK(flat.lo <= 5);
  CHECK(flat.hi >= 5);
  CHECK(flat.values.size() >= 2);
}

TEST_CASE("tick property: few ticks, nice steps, data inside, for any range", "[chart][property]") {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> exp10(-3, 7);
  for (int i = 0; i < 5000; ++i) {
    const double a = std::pow(10.0, exp10(rng)) * (rng() % 3 == 0 ? -1 : 1);
    const double b = a + std::pow(10.0, exp10(rng));
    const int max_ticks = 3 + static_cast<int>(rng() % 9);
    const auto t = NiceTicks(a, b, max_ticks);
    INFO(a << ".." << b << " max " << max_ticks);
    REQUIRE(t.values.size() >= 2);
    CHECK(static_cast<int>(t.values.size()) <= max_ticks);
    CHECK(t.lo <= a + 1e-9 * t.step);
    CHECK(t.hi >= b - 1e-9 * t.step);
    const double mantissa = t.step / std::pow(10.0, std::floor(std::log10(t.step) + 1e-12));
    CHECK((std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6));
  }
}

TEST_CASE("tick labels use thousands separators and the step's decimals", "[chart]") {
  CHECK(FormatTick(1234567, 1000) == "1,234,567");
  CHECK(FormatTick(0, 100) == "0");
  CHECK(FormatTick(2.5, 0.5) == "2.5");
  CHECK(FormatTick(-1500, 500) == "-1,500");
  CHECK(FormatTick(0.25, 0.25) == "0.25");
  CHECK(FormatTick(12000.5, 0.5) == "12,000.5");
}
