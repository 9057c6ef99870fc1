#include <catch2/catch.hpp>

#include <algorithm>

#include "indicator_fixtures.hpp"
#include "indicators/catalogue.hpp"
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
  REQUIRE(d.comparators[ni65].size() == 2);
  CHECK_FALSE(d.comparators[ni65][0].england);  // no 2011-12 figure: a gap
  CHECK(d.comparators[ni65][1].england == Approx(13.8));
  CHECK(d.sn_vintage == "2025");
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
  const Indicator* ni66 = BundledIndicators().Find("NI66");
  REQUIRE(ni66);
  CHECK_FALSE(BuildIndicatorDetail(*context, *ni66, "2012-13").error.empty());
}

TEST_CASE("the trend's England and SN mean lines follow the years, with gaps where no figure exists", "[dashboard]") {
  auto context = Context();
  const Indicator* ni65 = BundledIndicators().Find("NI65");
  REQUIRE(ni65);
  const auto points = ComparatorSeries(*context->card, *ni65, {"2011-12", "2012-13", "2013-14", "2015-16"});
  REQUIRE(points.size() == 4);
  // 2011-12: the d3 file starts at 2013 and the catalogue records nothing for the year.
  CHECK_FALSE(points[0].england);
  CHECK_FALSE(points[0].sn_mean);
  // 2012-13: England as the report printed it (13.8; DfE says 14.9); SN mean from d3 2013:
  // (17 + 9.3 + 12.9 + 13 + 23.9 + 9.1 + 12.1 + 14.9 + 19.5 + 16.8) / 10.
  CHECK(points[1].england == Approx(13.8));
  CHECK(points[1].sn_mean == Approx(14.85));
  // 2013-14 and 2015-16 from d3 (England 15.8 and 17.9; the ten 2025-grouping neighbours).
  CHECK(points[2].england == Approx(15.8));
  CHECK(points[2].sn_mean == Approx(14.72));
  CHECK(points[3].england == Approx(17.9));
  CHECK(points[3].sn_mean == Approx(15.35));
  // Entered-only indicators with no figures for a year: gaps too.
  const Indicator* ni59 = BundledIndicators().Find("NI59");
  REQUIRE(ni59);
  const auto ni59_points = ComparatorSeries(*context->card, *ni59, {"2011-12", "2012-13"});
  CHECK_FALSE(ni59_points[0].england);
  CHECK(ni59_points[1].england == Approx(77.4));
  CHECK(ni59_points[1].sn_mean == Approx(83.1));
}

TEST_CASE("the LA funnel puts every LA's published counts around England's rate, ours named", "[dashboard]") {
  auto context = Context();
  const Indicator* ni65 = BundledIndicators().Find("NI65");
  REQUIRE(ni65);
  const LaFunnel f = BuildLaFunnel(*context->card, *ni65, "2012-13");
  REQUIRE(f.note.empty());
  CHECK(f.time_period == 2013);
  CHECK(f.source == "d3_cpps_subsequent_plan_2013_to_2025.csv, 2013");
  // d3 2013: 152 LAs, 8 with a suppressed (c) or unavailable (x) count left out; the other
  // 144 have 7,735 subsequent plans of 51,480 starts.
  CHECK(f.plot.kind == FunnelKind::Binomial);
  CHECK(f.plot.points.size() == 144);
  CHECK(f.plot.target == Approx(7735.0 / 51480.0));
  CHECK(f.own == "Rotherham");
  const auto own = std::find_if(f.plot.points.begin(), f.plot.points.end(), [](const FunnelPoint& p) { return p.label == "Rotherham"; });
  REQUIRE(own != f.plot.points.end());
  CHECK(own->value == Approx(51.0 / 317.0));
  CHECK(own->size == 317);
  for (const auto& p : f.plot.points) CHECK(p.label != "Darlington");  // 'c' numerator
  // The detail carries it; an indicator without bundled LA counts says so.
  CHECK(BuildIndicatorDetail(*context, *ni65, "2012-13").la_funnel.plot.points.size() == 144);
  const Indicator* ni62 = BundledIndicators().Find("NI62");
  REQUIRE(ni62);
  CHECK_THAT(BuildLaFunnel(*context->card, *ni62, "2012-13").note, Catch::Contains("no published LA counts"));
  CHECK(BuildLaFunnel(*context->card, *ni65, "2010-11").note == "d3_cpps_subsequent_plan_2013_to_2025.csv has no LA counts for 2011.");
}

TEST_CASE("a benchmark's LA count columns must name both columns", "[dashboard][catalogue]") {
  const std::string bad = R"({"indicators": [{"id": "X", "name": "x", "polarity": "lower", "unit": "%",
    "numerator": "cp_plans --count started", "denominator": "cp_plans --count started",
    "benchmark": {"file": "d3.csv", "column": "p", "counts": {"numerator": "CPP_subsequent"}}}]})";
  CHECK_THROWS_WITH(ParseCatalogue(bad, "user.json"), Catch::Contains("user.json: indicator X: benchmark.counts: expected"));
  const Indicator* ni65 = BundledIndicators().Find("NI65");
  REQUIRE((ni65 && ni65->benchmark && ni65->benchmark->counts));
  CHECK(ni65->benchmark->counts->denominator == "CPP_start");
}

TEST_CASE("scorecards given the session's DfE cache share it instead of reading the files again", "[dashboard]") {
  auto data = std::shared_ptr<const Catalog>(&DemoData(), [](const Catalog*) {});
  auto indicators = std::shared_ptr<const IndicatorCatalogue>(&BundledIndicators(), [](const IndicatorCatalogue*) {});
  ScorecardOptions options;
  options.benchmarks = std::make_shared<BenchmarkStore>(AssetsDir() + "/ees");
  auto first = MakeScorecardContext(indicators, data, options);
  auto second = MakeScorecardContext(indicators, data, options);
  CHECK(&first->card->benchmarks() == options.benchmarks.get());
  CHECK(&second->card->benchmarks() == options.benchmarks.get());
  CHECK(&Context()->card->benchmarks() != options.benchmarks.get());  // none given: its own
}

// Publication (issue 16): the trend, the ward breakdown and the ward funnel of a publishing
// scorecard come from published counts. Each ward's published count is the same cell as the
// indicator's count restricted to that ward (the same records, so the same cell key and the
// same figure), which is how the test knows what each must read. The seed is fixed so the
// published figures checked first differ from the exact ones.
TEST_CASE("Publishing, the dashboard's trend, ward breakdown and funnel points come from published counts",
          "[dashboard][publish]") {
  const CountPublication pub{0x15, {5, 0}};
  ScorecardOptions options;
  options.publish = pub;
  auto data = std::shared_ptr<const Catalog>(&DemoData(), [](const Catalog*) {});
  auto indicators = std::shared_ptr<const IndicatorCatalogue>(&BundledIndicators(), [](const IndicatorCatalogue*) {});
  auto context = MakeScorecardContext(indicators, data, options);
  const Indicator* ni65 = BundledIndicators().Find("NI65");
  REQUIRE(ni65);
  const DashboardData d = BuildDashboard(*context, "2012-13", {"2011-12", "2012-13"});
  size_t row = d.rows.size();
  for (size_t i = 0; i < d.rows.size(); ++i)
    if (d.rows[i].indicator == ni65) row = i;
  REQUIRE(row < d.rows.size());
  const auto num_2011 = RunPublishedCount(*ni65, *ni65->numerator, DemoData(), "2011-12", pub);
  const auto den_2011 = RunPublishedCount(*ni65, *ni65->denominator, DemoData(), "2011-12", pub);
  REQUIRE(num_2011);
  REQUIRE(den_2011);
  REQUIRE(*den_2011 != 442);  // not the exact 2011-12 denominator
  CHECK(d.series[row][0].numerator == num_2011);
  CHECK(d.series[row][0].denominator == den_2011);
  CHECK(d.series[row][1].numerator == d.rows[row].current.numerator);  // one cell, one figure

  // NI 65's 52 repeat plans over 21 wards: every ward holds 1 to 5, so every ward is withheld
  // and the funnel has no point (exact, it has 21).
  const IndicatorDetail repeats = BuildIndicatorDetail(*context, *ni65, "2012-13");
  REQUIRE(repeats.breakdown.size() == 21);
  for (const BreakdownRow& r : repeats.breakdown) CHECK(r.withheld());
  CHECK(repeats.funnel.points.empty());

  // CP plans open at 31 March per 10,000 children: 334 plans over 21 wards, most wards shown.
  // The population is public, so its counts are as they are.
  const Indicator* rate = BundledIndicators().Find("CP_RATE");
  REQUIRE(rate);
  const IndicatorDetail detail = BuildIndicatorDetail(*context, *rate, "2012-13");
  REQUIRE(detail.error.empty());
  REQUIRE(detail.breakdown.size() == 21);
  size_t withheld = 0, shown = 0, differ = 0;
  for (const BreakdownRow& r : detail.breakdown) {
    INFO(r.label);
    Filter ward;
    ward.column = "ward";
    ward.values = {r.label};
    const auto num = RunPublishedCount(*rate, *rate->numerator, DemoData(), "2012-13", pub, {ward});
    const auto den = RunPublishedCount(*rate, *rate->denominator, DemoData(), "2012-13", pub, {ward});
    const double exact = RunCount(*rate, *rate->numerator, DemoData(), "2012-13", {ward});
    CHECK(r.numerator == num);
    CHECK(r.denominator == den);
    CHECK(r.denominator == RunCount(*rate, *rate->denominator, DemoData(), "2012-13", {ward}));
    CHECK(r.numerator_withheld == !num);
    const auto point = std::find_if(detail.funnel.points.begin(), detail.funnel.points.end(),
                                    [&](const FunnelPoint& p) { return p.label == r.label; });
    if (!num || !den) {
      ++withheld;
      CHECK_FALSE(r.value);
      CHECK(point == detail.funnel.points.end());  // hidden with its count
    } else {
      ++shown;
      differ += *num != exact;
      REQUIRE(point != detail.funnel.points.end());
      CHECK(point->value == Approx(*num / *den));
      CHECK(point->size == *den);
    }
  }
  CHECK(shown + withheld == 21);
  CHECK(shown > 10);
  CHECK(differ > 0);  // at least one shown ward's figure is not its exact count
}
