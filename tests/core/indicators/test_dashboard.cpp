#include <catch2/catch.hpp>

#include "indicator_fixtures.hpp"
#include "indicators/dashboard.hpp"

using namespace csc;

namespace {
std::shared_ptr<ScorecardContext> Context() {
  auto data = std::shared_ptr<const Catalog>(&DemoData(), [](const Catalog*) {});
  auto indicators = std::shared_ptr<const IndicatorCatalogue>(&BundledIndicators(), [](const IndicatorCatalogue*) {});
  return MakeScorecardContext(indicators, data);
}
}  // namespace

TEST_CASE("the dashboard's years are the financial years the case dates span", "[dashboard]") {
  const auto years = FinancialYearsCovered(DemoData());
  REQUIRE_FALSE(years.empty());
  CHECK(years.front() == "2009-10");  // CME referrals and missing episodes start then
  CHECK(years.back() == "2015-16");
  CHECK(years.size() == 7);
}

TEST_CASE("dashboard tiles and sparklines for 2012-13 carry the published NI 65 figures", "[dashboard]") {
  auto context = Context();
  const DashboardData d = BuildDashboard(*context, "2012-13", {"2011-12", "2012-13"});
  REQUIRE(d.rows.size() == BundledIndicators().indicators.size());
  REQUIRE(d.series.size() == d.rows.size());
  size_t ni65 = d.rows.size();
  for (size_t i = 0; i < d.rows.size(); ++i)
    if (d.rows[i].indicator->id == "NI65") ni65 = i;
  REQUIRE(ni65 < d.rows.size());
  CHECK(d.rows[ni65].current.numerator == 52);
  CHECK(d.rows[ni65].current.denominator == 319);
  CHECK(d.rows[ni65].rag == Rag::Red);
  REQUIRE(d.series[ni65].size() == 2);
  CHECK(d.series[ni65][0].numerator == 52);   // 2011-12: 52/442
  CHECK(d.series[ni65][0].denominator == 442);
  CHECK(d.series[ni65][1].denominator == 319);
}

TEST_CASE("an indicator's detail breaks it down by ward as a funnel around the LA's value", "[dashboard]") {
  auto context = Context();
  const Indicator* ni65 = BundledIndicators().Find("NI65");
  REQUIRE(ni65);
  const IndicatorDetail d = BuildIndicatorDetail(*context, *ni65, "2012-13");
  REQUIRE(d.error.empty());
  REQUIRE(d.breakdown.size() == 21);  // Rotherham's wards
  double numerator = 0, denominator = 0;
  for (const auto& row : d.breakdown) numerator += row.numerator.value_or(0), denominator += row.denominator.value_or(0);
  CHECK(numerator == 52);
  CHECK(denominator == 319);
  CHECK(d.funnel.kind == FunnelKind::Binomial);
  CHECK(d.funnel.target == Approx(52.0 / 319.0));
  const Indicator* ni59 = BundledIndicators().Find("NI59");
  REQUIRE(ni59);
  CHECK_FALSE(BuildIndicatorDetail(*context, *ni59, "2012-13").error.empty());
}
