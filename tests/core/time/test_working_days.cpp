// Working days by the documented rule (start day = day 0, each later working day up to and
// including the end adds one), checked by hand on a calendar around Easter and Christmas.
#include <catch2/catch.hpp>

#include <map>

#include "time/civil_date.hpp"
#include "time/working_days.hpp"

using namespace csc;

namespace {
int32_t D(int y, int m, int d) { return DaysFromCivil(y, m, d); }
const HolidayCalendar& Cal() { return EnglandWalesBankHolidays(); }
}  // namespace

TEST_CASE("working days: plain weeks, same day, weekends at either end", "[time][working_days]") {
  // Monday 7 January 2013 to the next Monday: Tue, Wed, Thu, Fri, Mon.
  CHECK(Cal().WorkingDaysBetween(D(2013, 1, 7), D(2013, 1, 14)) == 5);
  CHECK(Cal().WorkingDaysBetween(D(2013, 1, 7), D(2013, 1, 7)) == 0);
  // Ending on Saturday 12th counts as ending on Friday 11th: Tue..Fri.
  CHECK(Cal().WorkingDaysBetween(D(2013, 1, 7), D(2013, 1, 12)) == 4);
  // Starting on Saturday 12th: Monday 14th is day 1.
  CHECK(Cal().WorkingDaysBetween(D(2013, 1, 12), D(2013, 1, 14)) == 1);
  CHECK(Cal().WorkingDaysBetween(D(2013, 1, 14), D(2013, 1, 7)) == -5);
}

TEST_CASE("working days skip Good Friday and Easter Monday", "[time][working_days]") {
  // Easter 2013: Good Friday 29 March, Easter Monday 1 April. Thursday 28th to Tuesday 2nd
  // April: Fri (holiday), Sat, Sun, Mon (holiday), Tue = 1 working day.
  CHECK(Cal().WorkingDaysBetween(D(2013, 3, 28), D(2013, 4, 2)) == 1);
  // A referral on Wednesday 27 March 2013: day 10 is Friday 12 April (Thu 28, Tue 2, Wed 3,
  // Thu 4, Fri 5, Mon 8 .. Fri 12), so an initial assessment completed then is in time and
  // one completed Monday 15 April is not.
  CHECK(Cal().WorkingDaysBetween(D(2013, 3, 27), D(2013, 4, 12)) == 10);
  CHECK(Cal().WorkingDaysBetween(D(2013, 3, 27), D(2013, 4, 15)) == 11);
  CHECK(Cal().IsWorkingDay(D(2013, 3, 29)) == false);
  CHECK(Cal().IsWorkingDay(D(2013, 4, 1)) == false);
  CHECK(Cal().IsWorkingDay(D(2013, 4, 2)) == true);
}

TEST_CASE("working days skip Christmas, Boxing Day, New Year and their substitutes", "[time][working_days]") {
  // 2012: Christmas Tuesday, Boxing Day Wednesday, New Year Tuesday. Friday 21 December to
  // Thursday 3 January: Mon 24, Thu 27, Fri 28, Mon 31, Wed 2, Thu 3 = 6.
  CHECK(Cal().WorkingDaysBetween(D(2012, 12, 21), D(2013, 1, 3)) == 6);
  // 2010: Christmas on Saturday, so Monday 27 and Tuesday 28 are holidays; 1 January 2011 on
  // Saturday, so Monday 3rd is. Friday 24 December to Tuesday 4 January: Wed 29, Thu 30,
  // Fri 31, Tue 4 = 4.
  CHECK(Cal().WorkingDaysBetween(D(2010, 12, 24), D(2011, 1, 4)) == 4);
  CHECK(Cal().IsWorkingDay(D(2010, 12, 27)) == false);
  CHECK(Cal().IsWorkingDay(D(2011, 1, 3)) == false);
  // 2016: Christmas on Sunday; Boxing Day Monday 26 keeps its day, Christmas moves to Tuesday 27.
  CHECK(Cal().IsWorkingDay(D(2016, 12, 26)) == false);
  CHECK(Cal().IsWorkingDay(D(2016, 12, 27)) == false);
  CHECK(Cal().IsWorkingDay(D(2016, 12, 28)) == true);
}

TEST_CASE("the bundled calendar: one-off holidays and moved days", "[time][working_days]") {
  CHECK(Cal().IsWorkingDay(D(2011, 4, 29)) == false);  // royal wedding
  CHECK(Cal().IsWorkingDay(D(2012, 5, 28)) == true);   // spring holiday moved to 4 June (Diamond Jubilee)
  CHECK(Cal().IsWorkingDay(D(2012, 6, 4)) == false);
  CHECK(Cal().IsWorkingDay(D(2012, 6, 5)) == false);
  CHECK(Cal().IsWorkingDay(D(2020, 5, 4)) == true);  // early May moved to Friday 8 May (VE Day)
  CHECK(Cal().IsWorkingDay(D(2020, 5, 8)) == false);
  CHECK(Cal().IsWorkingDay(D(2022, 9, 19)) == false);  // state funeral
  CHECK(Cal().IsWorkingDay(D(2023, 5, 8)) == false);   // coronation
  // Good Fridays by hand from published Easter dates; Easter Monday is 3 days later.
  for (const int32_t gf : {D(2009, 4, 10), D(2010, 4, 2), D(2011, 4, 22), D(2012, 4, 6), D(2013, 3, 29),
                           D(2014, 4, 18), D(2015, 4, 3), D(2016, 3, 25), D(2019, 4, 19), D(2024, 3, 29)}) {
    CHECK(Cal().IsWorkingDay(gf) == false);
    CHECK(Cal().IsWorkingDay(gf + 3) == false);
  }
  // Eight holidays a year, plus the one-off days; none falls on a weekend.
  const std::map<int, size_t> extra = {{2002, 1}, {2011, 1}, {2012, 1}, {2022, 2}, {2023, 1}};
  std::map<int, size_t> per_year;
  for (const int32_t h : Cal().holidays()) {
    ++per_year[CivilFromDays(h).year];
    CHECK(Cal().IsWorkingDay(h) == false);
    CHECK((h % 7 + 7 + 3) % 7 < 5);  // Monday..Friday (1970-01-01 was a Thursday)
  }
  CHECK(Cal().first_year() == 2000);
  CHECK(Cal().last_year() == 2030);
  for (int y = 2000; y <= 2030; ++y) CHECK(per_year[y] == 8 + (extra.count(y) ? extra.at(y) : 0));
}

TEST_CASE("working days outside the calendar's years are unknown", "[time][working_days]") {
  CHECK_FALSE(Cal().WorkingDaysBetween(D(1999, 12, 1), D(2000, 1, 10)).has_value());
  CHECK_FALSE(Cal().WorkingDaysBetween(D(2030, 12, 1), D(2031, 1, 10)).has_value());
  CHECK_FALSE(HolidayCalendar().WorkingDaysBetween(D(2013, 1, 7), D(2013, 1, 14)).has_value());
}

TEST_CASE("a malformed calendar file names its line", "[time][working_days]") {
  const std::string path = "working_days_bad.csv";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("date,name\n2013-03-29,Good Friday\n2013-02-30,Nonsense\n", f);
    std::fclose(f);
  }
  CHECK_THROWS_WITH(LoadHolidayCalendar(path), Catch::Contains("working_days_bad.csv:3"));
  std::remove(path.c_str());
  CHECK_THROWS_WITH(LoadHolidayCalendar("no_such_calendar.csv"), Catch::Contains("cannot read"));
}
