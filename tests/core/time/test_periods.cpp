// Periods, trends, snapshot dates and population years.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "time/periods.hpp"

using namespace csc;

namespace {
int32_t D(int y, int m, int d) { return DaysFromCivil(y, m, d); }
}  // namespace

TEST_CASE("periods have inclusive day ranges and labels", "[time]") {
  const Period fy = FinancialYearPeriod(2012);
  CHECK(fy.first == D(2012, 4, 1));
  CHECK(fy.last == D(2013, 3, 31));
  CHECK(PeriodLabel(fy) == "2012-13");
  CHECK(PeriodLabel(FinancialYearPeriod(1999)) == "1999-00");
  CHECK(PeriodLabel(CalendarYearPeriod(2013)) == "2013");
  const Period q = QuarterPeriod(2013, 1);
  CHECK(q.first == D(2013, 1, 1));
  CHECK(q.last == D(2013, 3, 31));
  CHECK(PeriodLabel(q) == "2013 Q1");
  CHECK(MonthPeriod(2012, 2).last == D(2012, 2, 29));
  CHECK(PeriodLabel(MonthPeriod(2013, 3)) == "2013-03");
  CHECK(PeriodContaining(PeriodKind::FinancialYear, D(2013, 3, 31)) == fy);
  CHECK(PeriodContaining(PeriodKind::FinancialYear, D(2013, 4, 1)) == FinancialYearPeriod(2013));
  CHECK(NextPeriod(QuarterPeriod(2013, 4)) == QuarterPeriod(2014, 1));
}

TEST_CASE("period text parses single periods, trends and lists", "[time]") {
  CHECK(ParsePeriods("fy:2012-13") == std::vector<Period>{FinancialYearPeriod(2012)});
  const auto trend = ParsePeriods("fy:2010-11..2013-14");
  REQUIRE(trend.size() == 4);
  CHECK(trend[0] == FinancialYearPeriod(2010));
  CHECK(trend[3] == FinancialYearPeriod(2013));
  CHECK(ParsePeriods("year:2010..2012").size() == 3);
  CHECK(ParsePeriods("q:2013-Q1..2013-Q4").size() == 4);
  CHECK(ParsePeriods("month:2012-11..2013-02").size() == 4);
  CHECK(ParsePeriods("range:2013-01-01..2013-06-30") == std::vector<Period>{CustomPeriod(D(2013, 1, 1), D(2013, 6, 30))});
  CHECK(ParsePeriods("year:2013, month:2013-01").size() == 2);
  CHECK_THROWS_WITH(ParsePeriods("fy:2012-14"), Catch::Contains("consecutive"));
  CHECK_THROWS_WITH(ParsePeriods("decade:2010"), Catch::Contains("valid: year, fy, q, month, range"));
  CHECK_THROWS_WITH(ParsePeriods("month:2013-13"), Catch::Contains("2013-03"));
  CHECK_THROWS_WITH(ParsePeriods("range:2013-06-30..2013-01-01"), Catch::Contains("ends before"));
  CHECK_THROWS_AS(ParsePeriods(""), std::invalid_argument);
}

TEST_CASE("snapshot dates and population years", "[time]") {
  CHECK(SnapshotDate(FinancialYearPeriod(2012), 31, 3) == D(2013, 3, 31));
  CHECK(SnapshotDate(CalendarYearPeriod(2013), 31, 3) == D(2013, 3, 31));
  CHECK(SnapshotDate(MonthPeriod(2013, 6), 31, 3) == std::nullopt);
  CHECK(SnapshotDate(MonthPeriod(2013, 6), 0, 0) == D(2013, 6, 30));
  CHECK(SnapshotDate(FinancialYearPeriod(2012), 29, 2) == D(2013, 2, 28));
  CHECK(SnapshotDate(FinancialYearPeriod(2011), 29, 2) == D(2012, 2, 29));
  CHECK(PopulationYear(FinancialYearPeriod(2012)) == 2012);
  CHECK(PopulationYear(CalendarYearPeriod(2013)) == 2013);
  CHECK(PopulationYear(MonthPeriod(2013, 6)) == 2013);
  CHECK(PopulationYear(MonthPeriod(2013, 5)) == 2012);
}
