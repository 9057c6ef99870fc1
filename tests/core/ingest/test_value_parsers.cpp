#include <catch2/catch.hpp>

#include "ingest/value_parsers.hpp"
#include "time/civil_date.hpp"

using namespace csc;

TEST_CASE("null tokens are empty, NULL, NA and N/A in any case", "[ingest][values]") {
  for (const char* s : {"", "  ", "NULL", "null", "NA", "na", "N/A", "n/a", " NA "}) CHECK(IsNullToken(s));
  for (const char* s : {"0", "N", "NAN", "none", "-", "N/AA"}) CHECK_FALSE(IsNullToken(s));
}

TEST_CASE("integers: sign, no leading zeros, overflow rejected", "[ingest][values]") {
  int64_t v = 0;
  CHECK(ParseInt("0", v) == ParseStatus::Ok);
  CHECK(v == 0);
  CHECK(ParseInt("-42", v) == ParseStatus::Ok);
  CHECK(v == -42);
  CHECK(ParseInt("+7", v) == ParseStatus::Ok);
  CHECK(v == 7);
  CHECK(ParseInt("9223372036854775807", v) == ParseStatus::Ok);
  CHECK(v == INT64_MAX);
  // Past int64: its own status, so the loader warns instead of reading an approximate decimal.
  CHECK(ParseInt("9223372036854775808", v) == ParseStatus::TooLarge);
  CHECK(ParseInt("99999999999999999999", v) == ParseStatus::TooLarge);
  CHECK(ParseInt("-9223372036854775808", v) == ParseStatus::Ok);
  CHECK(v == INT64_MIN);
  CHECK(ParseInt("-9223372036854775809", v) == ParseStatus::TooLarge);
  CHECK(ParseInt("99999999999999999999x", v) == ParseStatus::Invalid);
  CHECK(ParseInt("007", v) == ParseStatus::Invalid);  // an id, not seven
  CHECK(ParseInt("1.0", v) == ParseStatus::Invalid);
  CHECK(ParseInt("12a", v) == ParseStatus::Invalid);
  CHECK(ParseInt("-", v) == ParseStatus::Invalid);
}

TEST_CASE("decimals: plain notation and exponents, never inf or nan", "[ingest][values]") {
  double d = 0;
  CHECK(ParseDecimal("3.25", d) == ParseStatus::Ok);
  CHECK(d == 3.25);
  CHECK(ParseDecimal("-0.5", d) == ParseStatus::Ok);
  CHECK(d == -0.5);
  CHECK(ParseDecimal(".5", d) == ParseStatus::Ok);
  CHECK(d == 0.5);
  CHECK(ParseDecimal("1e3", d) == ParseStatus::Ok);
  CHECK(d == 1000);
  CHECK(ParseDecimal("+2", d) == ParseStatus::Ok);
  CHECK(d == 2);
  for (const char* s : {"inf", "nan", "-inf", "1,5", "1.2.3", "c", "", "1e999"}) CHECK(ParseDecimal(s, d) == ParseStatus::Invalid);
}

TEST_CASE("booleans: Y/N, Yes/No, True/False", "[ingest][values]") {
  int64_t v = -1;
  for (const char* s : {"Y", "y", "Yes", "YES", "true", "True"}) {
    CHECK(ParseBool(s, v) == ParseStatus::Ok);
    CHECK(v == 1);
  }
  for (const char* s : {"N", "n", "No", "FALSE"}) {
    CHECK(ParseBool(s, v) == ParseStatus::Ok);
    CHECK(v == 0);
  }
  for (const char* s : {"1", "0", "M", "Yeah", "T"}) CHECK(ParseBool(s, v) == ParseStatus::Invalid);
}

TEST_CASE("dates: ISO and UK day-first, Excel's midnight time, two-digit years refused", "[ingest][values]") {
  int64_t days = 0;
  const int64_t march31 = DaysFromCivil(2013, 3, 31);
  CHECK(ParseDate("2013-03-31", DateOrder::DayFirst, days) == ParseStatus::Ok);
  CHECK(days == march31);
  CHECK(ParseDate("31/03/2013", DateOrder::DayFirst, days) == ParseStatus::Ok);
  CHECK(days == march31);
  CHECK(ParseDate("31/03/2013 00:00", DateOrder::DayFirst, days) == ParseStatus::Ok);
  CHECK(days == march31);
  CHECK(ParseDate("31/03/2013 00:00:00", DateOrder::DayFirst, days) == ParseStatus::Ok);
  CHECK(days == march31);
  CHECK(ParseDate("2013-03-31 00:00:00", DateOrder::DayFirst, days) == ParseStatus::Ok);
  CHECK(days == march31);
  CHECK(ParseDate("1/4/2013", DateOrder::DayFirst, days) == ParseStatus::Ok);
  CHECK(days == DaysFromCivil(2013, 4, 1));
  // Ambiguous 03/04/2013 follows the chosen order.
  CHECK(ParseDate("03/04/2013", DateOrder::DayFirst, days) == ParseStatus::Ok);
  CHECK(days == DaysFromCivil(2013, 4, 3));
  CHECK(ParseDate("03/04/2013", DateOrder::MonthFirst, days) == ParseStatus::Ok);
  CHECK(days == DaysFromCivil(2013, 3, 4));
  CHECK(ParseDate("24/04/17", DateOrder::DayFirst, days) == ParseStatus::TwoDigitYear);
  CHECK(ParseDate("24/04/17 00:00", DateOrder::DayFirst, days) == ParseStatus::TwoDigitYear);
  CHECK(ParseDate("29/02/2012", DateOrder::DayFirst, days) == ParseStatus::Ok);
  // Date-shaped but no such day: still a date column's bad cell, not text.
  CHECK(ParseDate("29/02/2013", DateOrder::DayFirst, days) == ParseStatus::NoSuchDay);
  CHECK(ParseDate("2013-02-30", DateOrder::DayFirst, days) == ParseStatus::NoSuchDay);
  CHECK(ParseDate("2013-13-01", DateOrder::DayFirst, days) == ParseStatus::NoSuchDay);
  // A stated century window reads two-digit years; without one they stay flagged.
  CHECK(ParseDate("24/04/17", DateOrder::DayFirst, days, 1950) == ParseStatus::Ok);
  CHECK(days == DaysFromCivil(2017, 4, 24));
  CHECK(ParseDate("24/04/50", DateOrder::DayFirst, days, 1950) == ParseStatus::Ok);
  CHECK(days == DaysFromCivil(1950, 4, 24));
  CHECK(ParseDate("31/03/2013 14:30", DateOrder::DayFirst, days) == ParseStatus::HasTime);
  for (const char* s : {"2013", "31.03", "31/03", "2013/03/31x", "x", "31/03/2013 25:00"})
    CHECK(ParseDate(s, DateOrder::DayFirst, days) == ParseStatus::Invalid);
}

TEST_CASE("datetimes keep the time of day", "[ingest][values]") {
  int64_t s = 0;
  CHECK(ParseDateTime("2013-03-31T14:30:15", DateOrder::DayFirst, s) == ParseStatus::Ok);
  CHECK(s == int64_t{DaysFromCivil(2013, 3, 31)} * 86400 + 14 * 3600 + 30 * 60 + 15);
  CHECK(ParseDateTime("31/03/2013 09:05", DateOrder::DayFirst, s) == ParseStatus::Ok);
  CHECK(s == int64_t{DaysFromCivil(2013, 3, 31)} * 86400 + 9 * 3600 + 5 * 60);
  CHECK(ParseDateTime("31/03/13 09:05", DateOrder::DayFirst, s) == ParseStatus::TwoDigitYear);
}
