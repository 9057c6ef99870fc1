// The query text grammar: each clause parses to the expected value, mistakes are named,
// and FormatQueryText() round-trips.
#include <catch2/catch.hpp>

#include "query/query_parser.hpp"

using namespace csc;

TEST_CASE("filters parse into in, not in, null, ranges, ages and bands", "[query][parser]") {
  CHECK(ParseFilter("category in (NEG, PHY)") == InFilter("category", {"NEG", "PHY"}));
  CHECK(ParseFilter("category in (NEG,null)") == InFilter("category", {"NEG"}, true));
  CHECK(ParseFilter("sex not in (U)") == NotInFilter("sex", {"U"}));
  CHECK(ParseFilter("sex = F") == InFilter("sex", {"F"}));
  CHECK(ParseFilter("sex != F") == NotInFilter("sex", {"F"}));
  CHECK(ParseFilter("ward is null") == InFilter("ward", {}, true));
  CHECK(ParseFilter("ward is not null") == NotInFilter("ward", {}, true));
  CHECK(ParseFilter("ward in ('Rotherham East', \"Boston Castle\")") == InFilter("ward", {"Rotherham East", "Boston Castle"}));
  CHECK(ParseFilter("`Latest Category` in (NEG)") == InFilter("Latest Category", {"NEG"}));
  CHECK(ParseFilter("previous_plans 1..") == RangeFilter("previous_plans", 1.0, std::nullopt));
  CHECK(ParseFilter("previous_plans >= 1") == RangeFilter("previous_plans", 1.0, std::nullopt));
  CHECK(ParseFilter("previous_plans <= 2.5") == RangeFilter("previous_plans", std::nullopt, 2.5));
  CHECK(ParseFilter("plan_start 2012-04-01..2013-03-31") ==
        RangeFilter("plan_start", DaysFromCivil(2012, 4, 1), DaysFromCivil(2013, 3, 31)));
  CHECK(ParseFilter("age 0..4") == AgeRangeFilter(0.0, 4.0));
  CHECK(ParseFilter("age ..15") == AgeRangeFilter(std::nullopt, 15.0));
  Filter bands = AgeBandFilter({"unborn", "1-4"});
  bands.match_null = true;
  CHECK(ParseFilter("age in (unborn, 1-4, unknown)") == bands);
}

TEST_CASE("filter mistakes are named", "[query][parser]") {
  CHECK_THROWS_WITH(ParseFilter("category in NEG"), "where 'category in NEG': expected a list in brackets, e.g. (A, B, null)");
  CHECK_THROWS_WITH(ParseFilter("category like NEG"), Catch::StartsWith("where 'category like NEG': expected 'in (...)'"));
  CHECK_THROWS_WITH(ParseFilter("age 0..x"), "where 'age 0..x': 'x' is not a number or yyyy-mm-dd date");
  CHECK_THROWS_WITH(ParseFilter("age in (teen)"), Catch::Contains("unknown age band 'teen'"));
  CHECK_THROWS_WITH(ParseFilter("category in (NEG,)"), Catch::Contains("empty value in the list"));
  CHECK_THROWS_WITH(ParseFilter(""), Catch::Contains("empty filter"));
}

TEST_CASE("counting, grouping, measures and links parse", "[query][parser]") {
  CHECK(ParseCounting("open-at:31-03") == Counting{CountMode::OpenAt, 31, 3});
  CHECK(ParseCounting("open-at") == Counting{CountMode::OpenAt, 31, 3});
  CHECK(ParseCounting("open-at:end") == Counting{CountMode::OpenAt, 0, 0});
  CHECK(ParseCounting("started").mode == CountMode::StartedIn);
  CHECK(ParseCounting("ceased-in").mode == CountMode::CeasedIn);
  CHECK(ParseCounting("open-during").mode == CountMode::OpenDuring);
  CHECK_THROWS_WITH(ParseCounting("open-at:31-13"), Catch::Contains("like open-at:31-03"));
  CHECK_THROWS_WITH(ParseCounting("snapshot"), Catch::Contains("valid: open-at[:DD-MM|:end], started, ceased, open-during"));

  const auto dims = ParseGroupBy("period, category, ward:top5");
  REQUIRE(dims.size() == 3);
  CHECK(dims[0] == GroupBy(DimensionKind::Period));
  CHECK(dims[1] == GroupByColumn("category"));
  CHECK(dims[2] == GroupByColumn("ward", 5));
  CHECK(ParseGroupBy("age-band,age,duration,ethnic-group")[3] == GroupBy(DimensionKind::EthnicityGroup));
  CHECK_THROWS_WITH(ParseGroupBy("ward:top0"), Catch::Contains("positive number"));

  const auto ms = ParseMeasures("episodes, children, mean:duration, share:row:children, rate10k, ratio(previous_plans 1.. / )");
  REQUIRE(ms.size() == 6);
  CHECK(ms[0] == MeasureOf(MeasureKind::Episodes));
  CHECK(ms[1] == MeasureOf(MeasureKind::Children));
  CHECK(ms[2] == MeasureOf(MeasureKind::Mean, "duration"));
  CHECK(ms[3].kind == MeasureKind::Share);
  CHECK(ms[3].share_of == ShareOf::Row);
  CHECK(ms[3].of_children);
  CHECK(ms[4] == MeasureOf(MeasureKind::Rate10k, "", true));
  CHECK(ms[5].kind == MeasureKind::Ratio);
  CHECK(ms[5].numerator == std::vector<Filter>{RangeFilter("previous_plans", 1.0, std::nullopt)});
  CHECK(ms[5].denominator.empty());
  CHECK_THROWS_WITH(ParseMeasures("total"), Catch::Contains("valid: episodes, children"));
  CHECK_THROWS_WITH(ParseMeasures("ratio(a in (X))"), Catch::Contains("expected one '/'"));

  const Link link = ParseLink("absent lac_episodes open-at-start where legal_status not in (V3, V4)");
  CHECK(link.table == "lac_episodes");
  CHECK_FALSE(link.present);
  CHECK(link.when == LinkWhen::OpenAtStart);
  CHECK(link.filters == std::vector<Filter>{NotInFilter("legal_status", {"V3", "V4"})});
  CHECK(ParseLink("missing_episodes").when == LinkWhen::Ever);
  CHECK_THROWS_WITH(ParseLink("missing_episodes sometimes"), Catch::Contains("unknown condition 'sometimes'"));
}

TEST_CASE("a whole query parses and formats back to the same value", "[query][parser]") {
  QueryText text;
  text.table = "cp_plans";
  text.where = {"category in (NEG,PHY)", "age 0..4", "ward in ('Rotherham East', null)"};
  text.links = {"present missing_episodes started-in-period where missing_type = M"};
  text.period = "fy:2010-11..2012-13, q:2013-Q1";
  text.count = "open-at:31-03";
  text.by = "period,category:top3";
  text.measure = "children,rate10k,ratio:children(previous_plans 1.. / ),median:duration,share:column";
  text.roles = {"start=plan_start"};
  const Query q = ParseQueryText(text);
  CHECK(q.periods.size() == 4);
  CHECK(q.columns.start == "plan_start");
  const QueryText formatted = FormatQueryText(q);
  CHECK(ParseQueryText(formatted) == q);
  CHECK(formatted.period == "fy:2010-11,fy:2011-12,fy:2012-13,q:2013-Q1");
  CHECK(formatted.where[2] == "ward in ('Rotherham East', null)");
  CHECK_THROWS_WITH(ParseQueryText(QueryText{"t", {}, {}, "fy:2012", "", "", "", {"colour=x"}}),
                    Catch::Contains("ROLE one of child, start"));
}
