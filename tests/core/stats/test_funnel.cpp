// Funnel limits and exact intervals against values computed independently in python
// (tests/core/stats/funnel_expected.py; run `python3 tests/core/stats/funnel_expected.py`).
#include <catch2/catch.hpp>

#include "stats/funnel.hpp"

using namespace csc;

TEST_CASE("Poisson funnel limits around 70 per 10,000 at populations 5,000 and 400", "[stats]") {
  auto l = FunnelLimitsAt(FunnelKind::Poisson, 0.007, 5000);
  CHECK(l.lower95 == Approx(0.0046729078).epsilon(1e-7));
  CHECK(l.upper95 == Approx(0.0093163064).epsilon(1e-7));
  CHECK(l.lower998 == Approx(0.0035354018).epsilon(1e-7));
  CHECK(l.upper998 == Approx(0.0108321650).epsilon(1e-7));
  l = FunnelLimitsAt(FunnelKind::Poisson, 0.007, 400);  // expected 2.8: lower limits reach 0
  CHECK(l.lower95 == 0);
  CHECK(l.lower998 == 0);
  CHECK(l.upper95 == Approx(0.0149637970).epsilon(1e-7));
  CHECK(l.upper998 == Approx(0.0220206276).epsilon(1e-7));
}

TEST_CASE("Binomial funnel limits around 15% at 100 cases", "[stats]") {
  const auto l = FunnelLimitsAt(FunnelKind::Binomial, 0.15, 100);
  CHECK(l.lower95 == Approx(0.0783830107).epsilon(1e-7));
  CHECK(l.upper95 == Approx(0.2183322029).epsilon(1e-7));
  CHECK(l.lower998 == Approx(0.0450968559).epsilon(1e-7));
  CHECK(l.upper998 == Approx(0.2649527791).epsilon(1e-7));
}

TEST_CASE("Exact Garwood and Clopper-Pearson intervals", "[stats]") {
  const auto [plo, phi] = PoissonExactInterval(10, 0.95);
  CHECK(plo == Approx(4.795389).epsilon(1e-6));
  CHECK(phi == Approx(18.390356).epsilon(1e-6));
  const auto [blo, bhi] = BinomialExactInterval(5, 20, 0.95);
  CHECK(blo == Approx(0.086571).epsilon(1e-5));
  CHECK(bhi == Approx(0.491046).epsilon(1e-5));
  CHECK(PoissonExactInterval(0, 0.95).first == 0);
  CHECK(BinomialExactInterval(20, 20, 0.95).second == 1);
}

TEST_CASE("A funnel of wards labels the ones outside the limits", "[stats]") {
  // Overall 140 / 20,000 = 70 per 10,000. Ward A: 60 of 5,000 = 120 per 10,000 is above the
  // 99.8% upper limit of 108.3; ward B: 45 of 5,000 = 90 is inside; ward C: 35 of 10,000 =
  // 35 per 10,000, expected 70, is far below.
  const auto plot = BuildFunnel(FunnelKind::Poisson, {{"A", 60, 5000}, {"B", 45, 5000}, {"C", 35, 10000}, {"none", 3, 0}});
  CHECK(plot.target == Approx(0.007));
  REQUIRE(plot.points.size() == 3);
  CHECK(plot.points[0].flag == FunnelFlag::Above998);
  CHECK(plot.points[1].flag == FunnelFlag::Within);
  CHECK(plot.points[2].flag == FunnelFlag::Below998);
  CHECK(std::string(FunnelFlagName(plot.points[0].flag)) == "above 99.8%");
  const auto curve = FunnelCurve(FunnelKind::Poisson, 0.007, 400, 5000, 3);
  REQUIRE(curve.size() == 3);
  CHECK(curve[2].size == 5000);
  CHECK(curve[2].limits.upper998 == Approx(0.0108321650).epsilon(1e-7));
}
