// Indicator breakdowns (detail view, ward funnel) add up to the indicator's own counts, and
// LA funnel units come from a DfE file's count columns.
#include <catch2/catch.hpp>

#include "indicator_fixtures.hpp"
#include "indicators/breakdown.hpp"
#include "query/compiled_query.hpp"

using namespace csc;

namespace {
std::pair<double, double> Sum(const std::vector<BreakdownRow>& rows) {
  double n = 0, d = 0;
  for (const auto& r : rows) n += r.numerator.value_or(0), d += r.denominator.value_or(0);
  return {n, d};
}
}  // namespace

TEST_CASE("NI 65 by latest category: 23 of the 52 repeats are neglect, parts add up to 52 of 319", "[indicators]") {
  const auto rows = IndicatorBreakdown(*BundledIndicators().Find("NI65"), DemoData(), "2012-13", "latest_category");
  CHECK(Sum(rows) == std::pair<double, double>{52, 319});
  const auto neg = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.label == "NEG"; });
  REQUIRE(neg != rows.end());
  CHECK(neg->numerator == 23);
  CHECK(*neg->value == Approx(23.0 / *neg->denominator * 100));
}

TEST_CASE("Breakdowns keep the special counts: children with 3+ placements, plans of 2+ years", "[indicators]") {
  CHECK(Sum(IndicatorBreakdown(*BundledIndicators().Find("NI62"), DemoData(), "2012-13", "sex")) ==
        std::pair<double, double>{39, 392});
  CHECK(Sum(IndicatorBreakdown(*BundledIndicators().Find("NI64"), DemoData(), "2012-13", "ward")) ==
        std::pair<double, double>{15, 395});
}

TEST_CASE("CP rate by ward feeds a funnel whose target is the LA rate", "[indicators]") {
  const auto rows = IndicatorBreakdown(*BundledIndicators().Find("CP_RATE"), DemoData(), "2012-13", "ward");
  CHECK(rows.size() == 21);
  CHECK(Sum(rows) == std::pair<double, double>{334, 56103});
  const FunnelPlot plot = BuildFunnel(FunnelKind::Poisson, FunnelUnitsFrom(rows));
  CHECK(plot.points.size() == 21);
  CHECK(plot.target == Approx(334.0 / 56103));
  CHECK_THROWS_WITH(IndicatorBreakdown(*BundledIndicators().Find("CP_RATE"), DemoData(), "2012-13", "latest_category"),
                    Catch::Matchers::StartsWith("indicator CP_RATE: denominator: "));
  // NI 66 is counted from lac_reviews, which this fixture does not load: the engine says so.
  CHECK_THROWS_WITH(IndicatorBreakdown(*BundledIndicators().Find("NI66"), DemoData(), "2012-13", "ward"),
                    Catch::Matchers::StartsWith("indicator NI66: numerator: link to 'lac_reviews': table is not loaded"));
}

TEST_CASE("NI 59 and NI 68 by ward add up to the counts from case data", "[indicators][journey]") {
  CHECK(Sum(IndicatorBreakdown(*BundledIndicators().Find("NI59"), DemoData(), "2012-13", "ward")) ==
        std::pair<double, double>{2901, 3521});
  // NI 68 counts two tables (assessments over referrals); by ward both are split alike.
  CHECK(Sum(IndicatorBreakdown(*BundledIndicators().Find("NI68"), DemoData(), "2012-13", "ward")) ==
        std::pair<double, double>{3521, 3833});
}

TEST_CASE("Series over years and LA funnel units from the DfE repeat-plan file", "[indicators]") {
  const auto series = IndicatorSeries(*BundledIndicators().Find("NI65"), DemoData(), {"2011-12", "2012-13"});
  REQUIRE(series.size() == 2);
  CHECK(series[0].numerator == 52);
  CHECK(series[0].denominator == 442);
  CHECK(series[1].denominator == 319);
  BenchmarkStore store(std::string(CSC_SOURCE_ASSETS_DIR) + "/ees");
  BenchmarkSpec spec = *BundledIndicators().Find("NI65")->benchmark;
  spec.column = "CPP_subsequent";
  const auto units = LaFunnelUnits(store, spec, "CPP_start", 2013);
  const auto rotherham = std::find_if(units.begin(), units.end(), [](const auto& u) { return u.label == "Rotherham"; });
  REQUIRE(rotherham != units.end());
  CHECK(rotherham->numerator == 51);  // the validated DfE figures: 51 of 317
  CHECK(rotherham->denominator == 317);
}
