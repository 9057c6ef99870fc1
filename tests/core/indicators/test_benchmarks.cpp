// Comparators from the bundled DfE files (assets/ees) and statistical-neighbour groupings
// (assets/reference). Expected values were computed independently from the CSVs with
// python's csv and statistics modules.
#include <catch2/catch.hpp>

#include "indicator_fixtures.hpp"
#include "indicators/benchmarks.hpp"
#include "indicators/scorecard.hpp"

using namespace csc;

namespace {
BenchmarkStore& Store() {
  static BenchmarkStore store(std::string(CSC_SOURCE_ASSETS_DIR) + "/ees");
  return store;
}
const std::string kReference = std::string(CSC_SOURCE_ASSETS_DIR) + "/reference";
}  // namespace

TEST_CASE("Rotherham looked-after rate per 10,000 at 31 March 2025: SN mean 100.7, median 91.5 (2025 neighbours)",
          "[indicators]") {
  const Indicator& lac = *BundledIndicators().Find("LAC_RATE");
  const BenchmarkYear year = Store().Get(*lac.benchmark, 2025);
  const SnGrouping sn = LoadSnGrouping(kReference, "2025");
  const Comparison c = Compare(year, sn, "372", lac.polarity);
  CHECK(c.la_name == "Rotherham");
  CHECK(c.la.value == 80);
  CHECK(c.england.value == 67);
  CHECK(c.region_name == "Yorkshire and The Humber");
  CHECK(c.region.value == 77);
  CHECK(c.sn_vintage == "2025");
  CHECK(c.sn_with_data == 10);
  CHECK(FormatComparator({c.sn_mean, ""}, 1) == "100.7");
  CHECK(FormatComparator({c.sn_median, ""}, 1) == "91.5");
  CHECK(*c.sn_mean == Approx(100.7));
  CHECK(*c.sn_median == Approx(91.5));
  REQUIRE(c.neighbours.size() == 10);
  CHECK(c.neighbours.front().first == "Barnsley");
  CHECK(c.neighbours.back().first == "County Durham");
  // No polarity: ranked high to low, 51 of 150 other LAs with a figure are higher; no band,
  // which would read as better or worse.
  CHECK(c.rank.rank == 52);
  CHECK(c.rank.of == 151);
  CHECK(c.rank.quartile == 0);
}

TEST_CASE("The 2021 neighbour vintage gives its own group and averages", "[indicators]") {
  const Indicator& lac = *BundledIndicators().Find("LAC_RATE");
  const SnGrouping sn = LoadSnGrouping(kReference, "2021");
  CHECK(sn.neighbours.at("372") ==
        std::vector<std::string>{"371", "359", "332", "357", "370", "894", "813", "807", "812", "384"});
  const Comparison c = Compare(Store().Get(*lac.benchmark, 2025), sn, "Rotherham", lac.polarity);
  CHECK(*c.sn_mean == Approx(95.9));
  CHECK(*c.sn_median == Approx(90.0));
  CHECK(c.sn_vintage == "2021");
  CHECK_THROWS_WITH(LoadSnGrouping(kReference, "2019"), "statistical neighbours: unknown vintage '2019'; valid: 2021, 2025");
}

TEST_CASE("Suppressed and unavailable DfE values stay marked, and are left out of ranks", "[indicators]") {
  const Indicator& lac = *BundledIndicators().Find("LAC_RATE");
  const BenchmarkYear year = Store().Get(*lac.benchmark, 2025);
  CHECK(year.La("City of London")->value.status == "c");
  CHECK_FALSE(year.La("City of London")->value.value);
  CHECK(year.La("Cumbria")->value.status == "z");
  CHECK(FormatComparator(year.La("Cumbria")->value, 1) == "z");
  // CP repeat plans 2012-13 (time period 2013): 7 LAs are c or x; Rotherham's local 16.3%
  // would rank 91st lowest of 145 (144 other LAs with a figure): quartile C.
  const Indicator& ni65 = *BundledIndicators().Find("NI65");
  const BenchmarkYear d3 = Store().Get(*ni65.benchmark, 2013);
  CHECK(d3.England()->value.value == 14.9);
  CHECK(d3.La("372")->value.value == 16.1);
  CHECK(d3.La("926")->value.status == "x");
  const RankBand r = RankAmongLas(d3, "372", 16.3, Polarity::LowerIsBetter);
  CHECK(r.rank == 91);
  CHECK(r.of == 145);
  CHECK(r.quartile == 'C');
  CHECK(RankAmongLas(d3, "372", 12.5, Polarity::LowerIsBetter).rank == 49);
  CHECK(RankAmongLas(d3, "372", 12.5, Polarity::LowerIsBetter).quartile == 'B');
  // No better direction: a position (high to low) and no band that would read as best or worst.
  CHECK(RankAmongLas(d3, "372", 16.3, Polarity::None).rank);
  CHECK(RankAmongLas(d3, "372", 16.3, Polarity::None).quartile == 0);
  BenchmarkSpec wrong = *ni65.benchmark;
  wrong.column = "CPP_repeat";
  CHECK_THROWS_WITH(Store().Get(wrong, 2013),
                    Catch::Matchers::StartsWith("benchmark file d3_cpps_subsequent_plan_2013_to_2025.csv: no column "
                                                "'CPP_repeat'; columns: time_period,"));
}

TEST_CASE("Scorecard comparators: DfE England and SN when the file has the year, else the report's", "[indicators]") {
  Scorecard card(BundledIndicators(), DemoData());
  const auto& cat = BundledIndicators();
  const IndicatorComparators ni65 = card.Comparators(*cat.Find("NI65"), "2012-13");
  CHECK(ni65.target == 13.3);
  CHECK(ni65.england == 13.8);  // the report's, which its RAG used
  CHECK(ni65.england_source == "report");
  REQUIRE(ni65.comparison);
  CHECK(ni65.comparison->england.value == 14.9);
  CHECK(ni65.sn_source == "DfE 2013, SN 2025 (10 of 10 with data)");
  const IndicatorComparators ni62 = card.Comparators(*cat.Find("NI62"), "2012-13");
  CHECK(ni62.note == "la_cla_placement_stability.csv has no 2013 figures");
  CHECK(ni62.sn_mean == 9.8);
  CHECK(ni62.sn_source == "report");
  const KpiRow lac = card.Row(*cat.Find("LAC_RATE"), "2024-25");
  CHECK(lac.comparators.england == 67);
  CHECK(lac.comparators.england_source == "DfE 2025");
  CHECK(*lac.comparators.sn_mean == Approx(100.7));
}

TEST_CASE("CP rate per 10,000 comparators are derived from DfE counts and the June population before", "[indicators]") {
  // d5 2013: England 43,140 plans, Rotherham 332; ONS mid-2012 0-17: 11,403,970 and 56,103.
  const Indicator& cp = *BundledIndicators().Find("CP_RATE");
  const BenchmarkYear year = Store().Get(*cp.benchmark, 2013);
  CHECK(*year.England()->value.value == Approx(43140.0 / 11403970 * 10000));
  CHECK(*year.La("372")->value.value == Approx(332.0 / 56103 * 10000));
  CHECK(FormatComparator(year.La("372")->value, 1) == "59.2");
  // Rotherham's demonstration 2012-13 figure 334 / 56,103 = 59.5 per 10,000 is compared with them.
  Scorecard card(BundledIndicators(), DemoData());
  const KpiRow row = card.Row(cp, "2012-13");
  CHECK(FormatIndicatorValue(cp, row.current.value) == "59.5");
  CHECK(*row.comparators.england == Approx(43140.0 / 11403970 * 10000));
  CHECK(row.comparators.england_source == "DfE 2013");
}

TEST_CASE("A count indicator is compared with similar LAs, never with England's national total", "[indicators]") {
  // Repeat CP (a count of plans): 52 in 2012-13 against England's 7,870 said nothing; the SN
  // mean and median are counts of LAs like ours, so they stay.
  Scorecard card(BundledIndicators(), DemoData());
  const KpiRow row = card.Row(*BundledIndicators().Find("CP_REPEAT"), "2012-13");
  CHECK(row.current.value == 52);
  CHECK_FALSE(row.comparators.england);
  CHECK(row.comparators.note.find("national total") != std::string::npos);
  REQUIRE(row.comparators.sn_mean);
  CHECK(*row.comparators.sn_mean == Approx(49).margin(0.5));
  // A rate of the same records keeps England: NI 65 is a percentage.
  CHECK(card.Row(*BundledIndicators().Find("NI65"), "2012-13").comparators.england);
}
