// Hand-computed anniversaries, ages, bands and durations, leap days included.
#include <catch2/catch.hpp>

#include "time/anniversary.hpp"

using namespace csc;

namespace {
int32_t D(int y, int m, int d) { return DaysFromCivil(y, m, d); }
}  // namespace

TEST_CASE("AddMonths clamps to the end of shorter months", "[time]") {
  CHECK(AddMonths(D(2013, 1, 31), 1) == D(2013, 2, 28));
  CHECK(AddMonths(D(2012, 1, 31), 1) == D(2012, 2, 29));
  CHECK(AddMonths(D(2013, 3, 31), 1) == D(2013, 4, 30));
  CHECK(AddMonths(D(2013, 11, 15), 3) == D(2014, 2, 15));
  CHECK(AddMonths(D(2013, 2, 15), -3) == D(2012, 11, 15));
  CHECK(AddYears(D(2012, 2, 29), 1) == D(2013, 2, 28));
  CHECK(AddYears(D(2012, 2, 29), 4) == D(2016, 2, 29));
  CHECK(AddYears(D(2011, 3, 1), 2) == D(2013, 3, 1));
}

TEST_CASE("whole years follow the anniversary, not 365-day blocks", "[time]") {
  // Two years or more: the second anniversary date, not 730 days.
  CHECK(WholeYearsBetween(D(2011, 4, 1), D(2013, 3, 31)) == 1);
  CHECK(WholeYearsBetween(D(2011, 4, 1), D(2013, 4, 1)) == 2);
  // 2012 is a leap year, so 1 March 2011 to 28 February 2013 is 730 days, yet short of two years.
  CHECK(D(2013, 3, 1) - D(2011, 3, 1) == 731);
  CHECK(WholeYearsBetween(D(2011, 3, 1), D(2013, 2, 28)) == 1);  // 730 days but before the anniversary
  CHECK(WholeYearsBetween(D(2011, 3, 1), D(2013, 3, 1)) == 2);
  // Started on a leap day: the anniversary in a non-leap year is 28 February.
  CHECK(WholeYearsBetween(D(2012, 2, 29), D(2014, 2, 27)) == 1);
  CHECK(WholeYearsBetween(D(2012, 2, 29), D(2014, 2, 28)) == 2);
  CHECK(WholeYearsBetween(D(2012, 2, 29), D(2016, 2, 28)) == 3);  // 2016 is leap: anniversary is the 29th
  CHECK(WholeYearsBetween(D(2012, 2, 29), D(2016, 2, 29)) == 4);
  CHECK(WholeYearsBetween(D(2013, 5, 10), D(2013, 5, 10)) == 0);
  CHECK(WholeYearsBetween(D(2013, 5, 10), D(2013, 5, 9)) < 0);
}

TEST_CASE("ages at a date, with Unborn before the date of birth", "[time]") {
  CHECK(AgeAt(D(2000, 3, 31), D(2013, 3, 31)) == 13);
  CHECK(AgeAt(D(2000, 4, 1), D(2013, 3, 31)) == 12);
  CHECK(AgeAt(D(2008, 2, 29), D(2013, 2, 28)) == 5);  // leap-day birthday counts on 28 February
  CHECK(AgeAt(D(2008, 2, 29), D(2013, 2, 27)) == 4);
  CHECK(AgeBandOf(AgeAt(D(2013, 5, 1), D(2013, 3, 31))) == AgeBand::Unborn);
  CHECK(AgeBandOf(0) == AgeBand::Under1);
  CHECK(AgeBandOf(1) == AgeBand::Age1To4);
  CHECK(AgeBandOf(4) == AgeBand::Age1To4);
  CHECK(AgeBandOf(5) == AgeBand::Age5To9);
  CHECK(AgeBandOf(15) == AgeBand::Age10To15);
  CHECK(AgeBandOf(16) == AgeBand::Age16To17);
  CHECK(AgeBandOf(18) == AgeBand::Age18Plus);
  CHECK(AgeBandLabel(AgeBand::Age10To15) == "10-15");
  CHECK(ParseAgeBand("under1") == AgeBand::Under1);
  CHECK(ParseAgeBand("Under 1") == AgeBand::Under1);
  CHECK(ParseAgeBand("UNBORN") == AgeBand::Unborn);
  CHECK(ParseAgeBand("16-17") == AgeBand::Age16To17);
  CHECK_FALSE(ParseAgeBand("2-3").has_value());
  CHECK(SingleAgeLabel(SingleAgeSlot(-1)) == "Unborn");
  CHECK(SingleAgeLabel(SingleAgeSlot(7)) == "7");
  CHECK(SingleAgeLabel(SingleAgeSlot(21)) == "18+");
}

TEST_CASE("duration bands use monthly and yearly anniversaries with DfE d5's edges", "[time]") {
  // d5: "3 months or less" holds a plan open exactly 3 months (1 January to 1 April is the
  // third monthly anniversary); the day after is "more than 3 months".
  CHECK(DurationBandOf(D(2013, 1, 1), D(2013, 3, 31)) == DurationBand::UpTo3Months);
  CHECK(DurationBandOf(D(2013, 1, 1), D(2013, 4, 1)) == DurationBand::UpTo3Months);
  CHECK(DurationBandOf(D(2013, 1, 1), D(2013, 4, 2)) == DurationBand::Over3To6Months);
  CHECK(DurationBandOf(D(2012, 11, 30), D(2013, 2, 28)) == DurationBand::UpTo3Months);  // month-end rule: the anniversary
  CHECK(DurationBandOf(D(2012, 11, 30), D(2013, 3, 1)) == DurationBand::Over3To6Months);
  CHECK(DurationBandOf(D(2012, 11, 30), D(2013, 2, 27)) == DurationBand::UpTo3Months);
  // "more than 3 months to 6 months" holds exactly 6 months (1 April to 1 October).
  CHECK(DurationBandOf(D(2012, 4, 1), D(2012, 10, 1)) == DurationBand::Over3To6Months);
  CHECK(DurationBandOf(D(2012, 4, 1), D(2012, 10, 2)) == DurationBand::Over6MonthsUnder1Year);
  CHECK(DurationBandOf(D(2012, 4, 1), D(2013, 3, 31)) == DurationBand::Over6MonthsUnder1Year);
  CHECK(DurationBandOf(D(2012, 4, 1), D(2013, 4, 1)) == DurationBand::Years1To2);  // "1 year, less than 2 years"
  CHECK(DurationBandOf(D(2011, 3, 31), D(2013, 3, 30)) == DurationBand::Years1To2);
  CHECK(DurationBandOf(D(2011, 3, 31), D(2013, 3, 31)) == DurationBand::Years2Plus);
  CHECK(DurationBandOf(D(2012, 2, 29), D(2014, 2, 28)) == DurationBand::Years2Plus);
  CHECK(DurationBandOf(D(2013, 5, 1), D(2013, 4, 1)) == DurationBand::UpTo3Months);  // end before start
  CHECK(DurationBandLabel(DurationBand::UpTo3Months) == "3 months or less");
  CHECK(DurationBandLabel(DurationBand::Over3To6Months) == "more than 3 months to 6 months");
  CHECK(DurationBandLabel(DurationBand::Over6MonthsUnder1Year) == "more than 6 months, less than 1 year");
  CHECK(DurationBandLabel(DurationBand::Years1To2) == "1 year, less than 2 years");
  CHECK(DurationBandLabel(DurationBand::Years2Plus) == "2 years or more");
}
