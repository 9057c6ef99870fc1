// Queries the data cannot answer fail at compile time with a message naming the offending
// part and listing the valid choices.
#include <catch2/catch.hpp>

#include "query/executor.hpp"
#include "support/query_tables.hpp"

using namespace csc;

namespace {

Catalog Small() {
  std::mt19937_64 rng(7);
  Catalog c;
  c.Add("cp_plans", test::RandomEventTable(rng, 50, 10, false));
  return c;
}

Query Plain() {
  Query q;
  q.table = "cp_plans";
  return q;
}

}  // namespace

TEST_CASE("unknown names and values are reported with the valid choices", "[query][errors]") {
  const Catalog c = Small();
  Query q = Plain();
  q.table = "cp_plan";
  CHECK_THROWS_WITH(RunQuery(c, q), "table 'cp_plan' is not loaded; loaded tables: cp_plans");

  q = Plain();
  q.filters = {InFilter("categry", {"NEG"})};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::StartsWith("filter 'categry in (NEG)': unknown column 'categry' in cp_plans; "
                                                      "valid columns: category, child_id, dob,"));
  q.filters = {InFilter("category", {"NEGLECT"})};
  CHECK_THROWS_WITH(RunQuery(c, q), "filter 'category in (NEGLECT)': unknown value 'NEGLECT' for column 'category'; "
                                    "valid values: EMO, MUL, NEG, PHY, SAB, null");
  q.filters = {InFilter("num", {"two"})};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("'two' is not a valid int value for column 'num'"));
  q.filters = {RangeFilter("category", 1.0, 2.0)};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("holds text; filter it with in (...)"));
  q.filters = {AgeBandFilter({"teen"})};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("unknown age band 'teen'; valid bands: 1-4, 10-15, 16-17, 18+, 5-9,"));
}

TEST_CASE("impossible groupings and measures are explained", "[query][errors]") {
  const Catalog c = Small();
  Query q = Plain();
  q.group_by = {GroupByColumn("start_date")};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("cannot group by a date column"));
  q.group_by = {GroupBy(DimensionKind::Period)};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("the query has no periods"));
  q.group_by = {GroupByColumn("sex"), GroupByColumn("ward"), GroupByColumn("category"), GroupByColumn("num")};
  CHECK_THROWS_WITH(RunQuery(c, q), "group by: at most 3 dimensions, got 4");

  q = Plain();
  Measure share = MeasureOf(MeasureKind::Share);
  share.share_of = ShareOf::Row;
  q.measures = {share};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("share of row needs at least one group-by dimension"));
  q.measures = {MeasureOf(MeasureKind::Mean, "sex")};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("not numeric"));
  q.measures = {MeasureOf(MeasureKind::Rate10k)};
  q.periods = {FinancialYearPeriod(2012)};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("needs a population table named 'population'"));

  q = Plain();
  q.periods = {MonthPeriod(2013, 6)};
  CHECK_THROWS_WITH(RunQuery(c, q), Catch::Contains("period 2013-06 holds no such date; use open-at:end"));
  q.periods = {FinancialYearPeriod(2012), FinancialYearPeriod(2012)};
  CHECK_THROWS_WITH(RunQuery(c, q), "period 2012-13 is listed twice");
  q.periods = {};
  q.links = {Link{"lac", true, LinkWhen::Ever, {}, {}}};
  CHECK_THROWS_WITH(RunQuery(c, q), "link to 'lac': table is not loaded; loaded tables: cp_plans");
}
