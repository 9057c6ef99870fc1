// Hand-computed answers for each counting mode, durations by the anniversary rule, ages
// (Unborn), links, rates and ratios, on a seven-row table worked out on paper.
#include <catch2/catch.hpp>

#include <limits>

#include "query/executor.hpp"
#include "support/count_query.hpp"
#include "storage/column_builder.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {

int32_t D(int y, int m, int d) { return DaysFromCivil(y, m, d); }

struct Row {
  const char* child;
  int32_t start, end, dob;  // end/dob 0 = blank
  const char* sex;
  const char* category;
};

TablePtr Plans() {
  // child    start            end              dob              sex  category
  const Row rows[] = {
      {"C1", D(2012, 1, 10), 0, D(2010, 5, 1), "F", "NEG"},                 // A: open throughout
      {"C2", D(2012, 4, 1), D(2013, 3, 31), D(2000, 3, 31), "M", "PHY"},    // B: ends on the snapshot day
      {"C3", D(2013, 3, 31), D(2013, 4, 1), D(2013, 6, 1), "U", "EMO"},     // C: unborn, starts on the snapshot day
      {"C4", D(2011, 2, 1), D(2013, 2, 1), D(1998, 1, 1), "F", "NEG"},      // D: exactly two years
      {"C5", D(2011, 3, 1), D(2013, 2, 28), D(2005, 6, 15), "M", "SAB"},    // E: 730 days, under two years
      {"C6", D(2010, 1, 1), D(2012, 4, 1), D(2008, 2, 29), "F", "NEG"},     // F: ends on the first day of 2012-13
      {"C1", D(2009, 6, 1), D(2010, 1, 1), D(2010, 5, 1), "F", "MUL"},      // G: A's earlier plan (unborn then)
  };
  ColumnBuilder child(ColumnType::Text), start(ColumnType::Date), end(ColumnType::Date), dob(ColumnType::Date),
      sex(ColumnType::Category), cat(ColumnType::Category), prev(ColumnType::Int);
  for (const Row& r : rows) {
    child.AppendString(r.child);
    start.AppendInt(r.start);
    if (r.end) end.AppendInt(r.end); else end.AppendNull();
    dob.AppendInt(r.dob);
    sex.AppendString(r.sex);
    cat.AppendString(r.category);
    prev.AppendInt(std::string(r.child) == "C1" && r.start > D(2011, 1, 1) ? 1 : 0);
  }
  TableBuilder b;
  b.AddColumn("child_id", child.Finish());
  b.AddColumn("plan_start", start.Finish());
  b.AddColumn("plan_end", end.Finish());
  b.AddColumn("dob", dob.Finish());
  b.AddColumn("sex", sex.Finish());
  b.AddColumn("latest_category", cat.Finish());
  b.AddColumn("previous_plans", prev.Finish());
  return b.Finish();
}

TablePtr Missing() {
  ColumnBuilder child(ColumnType::Text), start(ColumnType::Date), end(ColumnType::Date);
  child.AppendString("C1");
  start.AppendInt(D(2013, 3, 1));
  end.AppendInt(D(2013, 3, 5));
  child.AppendString("C3");
  start.AppendInt(D(2012, 5, 1));
  end.AppendNull();
  child.AppendString("NOT_IN_PLANS");
  start.AppendInt(D(2012, 5, 1));
  end.AppendNull();
  TableBuilder b;
  b.AddColumn("child_id", child.Finish());
  b.AddColumn("missing_start", start.Finish());
  b.AddColumn("missing_end", end.Finish());
  return b.Finish();
}

TablePtr Population() {
  ColumnBuilder year(ColumnType::Int), ward(ColumnType::Category), age(ColumnType::Int), sex(ColumnType::Category),
      pop(ColumnType::Int);
  for (int a = 0; a <= 17; ++a)
    for (const char* s : {"M", "F"}) {
      year.AppendInt(2012);
      ward.AppendString("W1");
      age.AppendInt(a);
      sex.AppendString(s);
      pop.AppendInt(500);
    }
  TableBuilder b;
  b.AddColumn("year", year.Finish());
  b.AddColumn("ward", ward.Finish());
  b.AddColumn("age", age.Finish());
  b.AddColumn("sex", sex.Finish());
  b.AddColumn("population", pop.Finish());
  return b.Finish();
}

Catalog MakeCatalog() {
  Catalog c;
  c.Add("cp_plans", Plans());
  c.Add("missing", Missing());
  c.Add("population", Population());
  return c;
}

Query Base(CountMode mode) { return test::CpPlans2012_13(mode); }

std::vector<std::optional<double>> Values(double a, double b) { return {a, b}; }

}  // namespace

TEST_CASE("open at 31 March: start on or before, end blank or after", "[query][counting]") {
  const Catalog c = MakeCatalog();
  const QueryResult r = RunQuery(c, Base(CountMode::OpenAt));
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].values == Values(2, 2));  // A and C; B ended on the day itself
}

TEST_CASE("started in, ceased in and open during 2012-13", "[query][counting]") {
  const Catalog c = MakeCatalog();
  CHECK(RunQuery(c, Base(CountMode::StartedIn)).rows[0].values == Values(2, 2));   // B, C
  CHECK(RunQuery(c, Base(CountMode::CeasedIn)).rows[0].values == Values(4, 4));    // B, D, E, F
  CHECK(RunQuery(c, Base(CountMode::OpenDuring)).rows[0].values == Values(6, 6));  // all but G
}

TEST_CASE("a trend counts each snapshot, distinct children span the trend", "[query][counting]") {
  const Catalog c = MakeCatalog();
  Query q = Base(CountMode::OpenAt);
  q.periods = ParsePeriods("fy:2011-12..2012-13");
  q.group_by = {GroupBy(DimensionKind::Period)};
  const QueryResult by_year = RunQuery(c, q);
  REQUIRE(by_year.rows.size() == 2);
  CHECK(by_year.rows[0].keys == std::vector<std::string>{"2011-12"});
  CHECK(by_year.rows[0].values == Values(4, 4));  // A, D, E, F at 31 March 2012
  CHECK(by_year.rows[1].values == Values(2, 2));
  q.group_by.clear();
  CHECK(RunQuery(c, q).rows[0].values == Values(6, 5));  // C1 counted once across both years
}

TEST_CASE("ceased plans by duration band: two years means the second anniversary", "[query][counting]") {
  const Catalog c = MakeCatalog();
  Query q = Base(CountMode::CeasedIn);
  q.group_by = {GroupBy(DimensionKind::DurationBand)};
  q.measures = {MeasureOf(MeasureKind::Episodes)};
  const QueryResult r = RunQuery(c, q);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].keys[0] == "more than 6 months, less than 1 year");  // B: 1 April to 31 March
  CHECK(r.rows[1].keys[0] == "1 year, less than 2 years"); // E: 730 days
  CHECK(r.rows[2].keys[0] == "2 years or more");
  CHECK(r.rows[2].values[0] == 2);  // D on its anniversary, F

  Query ratio = Base(CountMode::CeasedIn);
  ratio.measures = {MeasureOf(MeasureKind::Mean, "duration"), MeasureOf(MeasureKind::Median, "duration")};
  const QueryResult means = RunQuery(c, ratio);
  // Durations: B 364, D 731, E 730, F 821 days.
  CHECK(means.rows[0].values[0] == Approx((364 + 731 + 730 + 821) / 4.0));
  CHECK(means.rows[0].values[1] == Approx((730 + 731) / 2.0));
}

TEST_CASE("ages at the snapshot, Unborn before birth, age filters", "[query][counting]") {
  const Catalog c = MakeCatalog();
  Query q = Base(CountMode::OpenAt);
  q.group_by = {GroupBy(DimensionKind::AgeBand)};
  const QueryResult r = RunQuery(c, q);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].keys[0] == "Unborn");  // C, born June 2013
  CHECK(r.rows[1].keys[0] == "1-4");     // A, aged 2
  q.group_by.clear();
  q.filters = {AgeRangeFilter(0.0, 4.0)};
  CHECK(RunQuery(c, q).rows[0].values == Values(1, 1));
  q.filters = {AgeBandFilter({"unborn"})};
  CHECK(RunQuery(c, q).rows[0].values == Values(1, 1));
  // Started in the year: age at the start date. B is 12 on 1 April 2012 (born 31 March 2000).
  Query s = Base(CountMode::StartedIn);
  s.group_by = {GroupBy(DimensionKind::SingleAge)};
  const QueryResult ages = RunQuery(c, s);
  REQUIRE(ages.rows.size() == 2);
  CHECK(ages.rows[0].keys[0] == "Unborn");
  CHECK(ages.rows[1].keys[0] == "12");
}

TEST_CASE("linking by child id at the row's date", "[query][counting]") {
  const Catalog c = MakeCatalog();
  Query q = Base(CountMode::OpenAt);
  Link link;
  link.table = "missing";
  link.when = LinkWhen::OpenAtReference;
  q.links = {link};
  CHECK(RunQuery(c, q).rows[0].values == Values(1, 1));  // C3 still missing on 31 March; C1 back by the 5th
  q.links[0].when = LinkWhen::StartedInPeriod;
  CHECK(RunQuery(c, q).rows[0].values == Values(2, 2));
  q.links[0].when = LinkWhen::Ever;
  q.links[0].present = false;
  CHECK(RunQuery(c, q).rows[0].values == Values(0, 0));
  // Open during with "went missing during the year": A (C1), C (C3) and not the others.
  Query d = Base(CountMode::OpenDuring);
  link.when = LinkWhen::StartedInPeriod;
  d.links = {link};
  CHECK(RunQuery(c, d).rows[0].values == Values(2, 2));
}

TEST_CASE("linking to rows open at the period's end, whatever the count", "[query][counting]") {
  const Catalog c = MakeCatalog();
  // Plans open during 2012-13 (A-F) whose child has a plan open on 31 March 2013: A and C
  // (C1's plan A, C3's plan C); not B (ended on 31 March), D, E or F.
  Query d = Base(CountMode::OpenDuring);
  Link link;
  link.table = "cp_plans";
  link.when = LinkWhen::OpenAtPeriodEnd;
  d.links = {link};
  CHECK(RunQuery(c, d).rows[0].values == Values(2, 2));
  // At each row's own reference date (the later of its start and 1 April) instead: all but F
  // (whose plan ended on 1 April itself).
  d.links[0].when = LinkWhen::OpenAtReference;
  CHECK(RunQuery(c, d).rows[0].values == Values(5, 5));
  CHECK(ParseLink("present cp_plans open-at-end").when == LinkWhen::OpenAtPeriodEnd);
  // Without periods there is no period end.
  Query none = d;
  none.periods.clear();
  none.links[0].when = LinkWhen::OpenAtPeriodEnd;
  CHECK_THROWS_WITH(RunQuery(c, none), Catch::Contains("'open-at-end' needs the query to have periods"));
}

TEST_CASE("rates per 10,000, shares and ratios", "[query][counting]") {
  const Catalog c = MakeCatalog();
  Query q = Base(CountMode::OpenAt);
  q.measures = {MeasureOf(MeasureKind::Rate10k, "", true)};
  REQUIRE(RunQuery(c, q).rows[0].values[0].has_value());
  CHECK(*RunQuery(c, q).rows[0].values[0] == Approx(2 * 10000.0 / 18000.0));
  // Group by sex: the population is matched on sex; U has no population, so no rate.
  q.group_by = {GroupByColumn("sex")};
  const QueryResult by_sex = RunQuery(c, q);
  REQUIRE(by_sex.rows.size() == 2);
  CHECK(by_sex.rows[0].keys[0] == "F");
  CHECK(*by_sex.rows[0].values[0] == Approx(10000.0 / 9000.0));
  CHECK_FALSE(by_sex.rows[1].values[0].has_value());

  Query share = Base(CountMode::OpenDuring);
  share.group_by = {GroupByColumn("category")};
  share.measures = {MeasureOf(MeasureKind::Episodes), MeasureOf(MeasureKind::Share)};
  const QueryResult sh = RunQuery(c, share);
  REQUIRE(sh.rows.size() == 4);  // EMO, NEG, PHY, SAB in label order
  CHECK(sh.rows[1].keys[0] == "NEG");
  CHECK(sh.rows[1].values == Values(3, 50));

  // Repeat plans started in 2011-12 (NI 65 style): previous_plans >= 1 / started.
  Query repeat = Base(CountMode::StartedIn);
  repeat.periods = {FinancialYearPeriod(2011)};
  Measure ratio = MeasureOf(MeasureKind::Ratio);
  ratio.numerator = {RangeFilter("previous_plans", 1.0, std::nullopt)};
  repeat.measures = {MeasureOf(MeasureKind::Episodes), ratio};
  CHECK(RunQuery(c, repeat).rows[0].values == Values(1, 100));  // A, a second plan
}

TEST_CASE("top-N folds the rest into Other", "[query][counting]") {
  const Catalog c = MakeCatalog();
  Query q = Base(CountMode::OpenDuring);
  q.group_by = {GroupByColumn("latest_category", 1)};
  const QueryResult r = RunQuery(c, q);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].keys[0] == "NEG");
  CHECK(r.rows[0].values == Values(3, 3));
  CHECK(r.rows[1].keys[0] == "Other");
  CHECK(r.rows[1].values == Values(3, 3));
}

TEST_CASE("an empty selection still gives one row of zeros", "[query][counting]") {
  const Catalog c = MakeCatalog();
  Query q = Base(CountMode::StartedIn);  // (A is still open in 2020-21, so not open-at)
  q.periods = {FinancialYearPeriod(2020)};
  const QueryResult r = RunQuery(c, q);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].values == Values(0, 0));
  q.group_by = {GroupBy(DimensionKind::Period)};
  CHECK(RunQuery(c, q).rows.empty());
}

TEST_CASE("range bounds beyond int64 compare as numbers, never wrap", "[query][counting][range]") {
  // previous_plans is 1 for A and 0 for the other six rows, none blank; no periods, so all
  // seven rows count. A bound past 2^63 used to be cast to INT64_MIN: '>= 1e30' took all 7.
  const Catalog c = MakeCatalog();
  Query q;
  q.table = "cp_plans";
  auto episodes = [&](std::optional<double> lo, std::optional<double> hi) {
    q.filters = {RangeFilter("previous_plans", lo, hi)};
    return RunQuery(c, q).rows.at(0).values.at(0);
  };
  CHECK(episodes(1e30, std::nullopt) == 0);
  CHECK(episodes(9.3e18, std::nullopt) == 0);
  CHECK(episodes(std::numeric_limits<double>::infinity(), std::nullopt) == 0);
  CHECK(episodes(std::nullopt, 1e30) == 7);
  CHECK(episodes(std::nullopt, std::numeric_limits<double>::infinity()) == 7);
  CHECK(episodes(-1e30, std::nullopt) == 7);
  CHECK(episodes(std::nullopt, -1e30) == 0);
  CHECK(episodes(-1e30, 1e30) == 7);
  CHECK(episodes(1, 1e30) == 1);
  CHECK(episodes(-1e30, 0) == 6);
  // nan is not a bound at all
  CHECK_THROWS(ParseFilter("previous_plans >= nan"));
}
