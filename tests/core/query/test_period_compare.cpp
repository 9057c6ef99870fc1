#include <catch2/catch.hpp>

#include "query/period_compare.hpp"

using namespace csc;

namespace {
QueryResult::Row Row(std::vector<std::string> keys, std::optional<double> v) { return {std::move(keys), {v}}; }

// Children by period and latest category, as the engine returns them (groups with nothing
// counted left out): 2011-12 NEG 10, EMO 4, SAB 3; 2012-13 NEG 12, EMO 4, PHY 5.
QueryResult ByCategory() {
  QueryResult r;
  r.dimensions = {"period", "latest_category"};
  r.measures = {"children"};
  r.rows = {Row({"2011-12", "NEG"}, 10), Row({"2011-12", "EMO"}, 4), Row({"2011-12", "SAB"}, 3),
            Row({"2012-13", "NEG"}, 12), Row({"2012-13", "EMO"}, 4), Row({"2012-13", "PHY"}, 5)};
  return r;
}
}  // namespace

TEST_CASE("2012-13 against 2011-12 by category: change and % change worked by hand", "[period_compare]") {
  const auto c = ComparePeriods(ByCategory(), 0, "2011-12", "2012-13");
  REQUIRE(c);
  CHECK(c->dimensions == std::vector<std::string>{"latest_category"});
  CHECK(c->measure == "children");
  REQUIRE(c->rows.size() == 4);
  // NEG 10 -> 12: +2, +20%.
  CHECK(c->rows[0].keys == std::vector<std::string>{"NEG"});
  CHECK(c->rows[0].base == 10);
  CHECK(c->rows[0].current == 12);
  CHECK(c->rows[0].change == 2);
  CHECK(c->rows[0].percent == Approx(20.0));
  // EMO 4 -> 4: no change, 0%.
  CHECK(c->rows[1].change == 0);
  CHECK(c->rows[1].percent == Approx(0.0));
  // SAB 3 -> none counted in 2012-13 (0): -3, -100%.
  CHECK(c->rows[2].keys == std::vector<std::string>{"SAB"});
  CHECK(c->rows[2].current == 0);
  CHECK(c->rows[2].change == -3);
  CHECK(c->rows[2].percent == Approx(-100.0));
  // PHY none in 2011-12 -> 5: +5, and no % change from 0.
  CHECK(c->rows[3].keys == std::vector<std::string>{"PHY"});
  CHECK(c->rows[3].base == 0);
  CHECK(c->rows[3].change == 5);
  CHECK_FALSE(c->rows[3].percent);
}

TEST_CASE("a change involving a withheld cell is withheld, the other period still shown", "[period_compare]") {
  const QueryResult r = ByCategory();
  // Row 4 is (2012-13, EMO); row 2 is (2011-12, SAB).
  std::vector<std::vector<bool>> withheld(r.rows.size(), std::vector<bool>{false});
  withheld[4][0] = true;
  withheld[2][0] = true;
  const auto c = ComparePeriods(r, 0, "2011-12", "2012-13", &withheld);
  REQUIRE(c);
  const PeriodComparisonRow& emo = c->rows[1];
  CHECK(emo.base == 4);
  CHECK(emo.current_withheld);
  CHECK_FALSE(emo.current);
  CHECK(emo.withheld());
  CHECK_FALSE(emo.change);
  CHECK_FALSE(emo.percent);
  const PeriodComparisonRow& sab = c->rows[2];
  CHECK(sab.base_withheld);
  CHECK_FALSE(sab.base);
  CHECK(sab.current == 0);  // nothing counted is not withheld
  CHECK_FALSE(sab.change);
  // NEG is untouched.
  CHECK(c->rows[0].change == 2);
  CHECK_FALSE(c->rows[0].withheld());
}

TEST_CASE("a rate missing from a period is absent, not 0, and its change absent", "[period_compare]") {
  QueryResult r;
  r.dimensions = {"ward", "period"};  // the period need not come first
  r.measures = {"rate per 10,000"};
  r.rows = {Row({"Keppel", "2011-12"}, 50.0), Row({"Keppel", "2012-13"}, 40.0), Row({"Sitwell", "2012-13"}, 12.5),
            Row({"Valley", "2011-12"}, std::nullopt), Row({"Valley", "2012-13"}, 8.0)};
  const auto c = ComparePeriods(r, 0, "2011-12", "2012-13");
  REQUIRE(c);
  REQUIRE(c->rows.size() == 3);
  CHECK(c->rows[0].change == -10);
  CHECK(c->rows[0].percent == Approx(-20.0));
  CHECK_FALSE(c->rows[1].base);  // Sitwell had no group in 2011-12: no rate, not 0
  CHECK(c->rows[1].current == 12.5);
  CHECK_FALSE(c->rows[1].change);
  CHECK_FALSE(c->rows[2].change);  // Valley's 2011-12 rate had no value (no population)
}

TEST_CASE("comparing needs a period dimension and two of its periods", "[period_compare]") {
  QueryResult by_ward;
  by_ward.dimensions = {"ward"};
  by_ward.measures = {"children"};
  by_ward.rows = {Row({"Keppel"}, 3)};
  CHECK_FALSE(ComparePeriods(by_ward, 0, "2011-12", "2012-13"));
  CHECK(PeriodsOf(by_ward).empty());
  CHECK(PeriodsOf(ByCategory()) == std::vector<std::string>{"2011-12", "2012-13"});
  CHECK_FALSE(ComparePeriods(ByCategory(), 0, "2010-11", "2012-13"));  // no rows for 2010-11
  CHECK_FALSE(ComparePeriods(ByCategory(), 1, "2011-12", "2012-13"));  // no second measure
  // Period alone: one row, no other keys.
  QueryResult trend;
  trend.dimensions = {"period"};
  trend.measures = {"episodes"};
  trend.rows = {Row({"2011-12"}, 442), Row({"2012-13"}, 319)};
  const auto c = ComparePeriods(trend, 0, "2011-12", "2012-13");
  REQUIRE(c);
  REQUIRE(c->rows.size() == 1);
  CHECK(c->rows[0].keys.empty());
  CHECK(c->rows[0].change == -123);
  CHECK(c->rows[0].percent == Approx(-123.0 / 442.0 * 100.0));  // -27.8%
}

TEST_CASE("a comparison as CSV writes withheld cells and their changes as c", "[period_compare]") {
  const QueryResult r = ByCategory();
  std::vector<std::vector<bool>> withheld(r.rows.size(), std::vector<bool>{false});
  withheld[4][0] = true;  // (2012-13, EMO)
  const auto c = ComparePeriods(r, 0, "2011-12", "2012-13", &withheld);
  REQUIRE(c);
  CHECK(FormatComparisonCsv(*c) ==
        "latest_category,2011-12,2012-13,change,% change\n"
        "NEG,10,12,2,20\n"
        "EMO,4,c,c,c\n"
        "SAB,3,0,-3,-100\n"
        "PHY,0,5,5,\n");
}
