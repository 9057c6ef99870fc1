#pragma once
// Reporting periods: calendar years, financial years (1 April - 31 March, "2012-13"),
// calendar quarters, months and custom ranges, as inclusive day-number ranges; trends are
// lists of consecutive periods. Also the snapshot date inside a period ("31 March") and the
// population year DfE pairs with a period (the mid-year estimate of the previous June).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/civil_date.hpp"

namespace csc {

enum class PeriodKind : uint8_t { CalendarYear, FinancialYear, Quarter, Month, Custom, COUNT };

struct Period {
  PeriodKind kind = PeriodKind::Custom;
  int32_t first = 0;  // first day, inclusive
  int32_t last = 0;   // last day, inclusive
  friend bool operator==(const Period&, const Period&) = default;
};

Period CalendarYearPeriod(int year);
Period FinancialYearPeriod(int start_year);  // 2012 -> 1 April 2012 .. 31 March 2013
Period QuarterPeriod(int year, int quarter);  // calendar quarters 1..4
Period MonthPeriod(int year, int month);
Period CustomPeriod(int32_t first, int32_t last);

// The period of `kind` containing `day` (Custom is not a kind that contains days).
Period PeriodContaining(PeriodKind kind, int32_t day);
// The period after `p` of the same kind (Custom: the next range of equal length).
Period NextPeriod(const Period& p);

// "2013", "2012-13", "2013 Q1", "2013-03", "2013-01-01..2013-06-30".
std::string PeriodLabel(const Period& p);

// Parses one period or a trend "A..B" (inclusive) in the forms
//   year:2013  fy:2012-13  q:2013-Q1  month:2013-03  range:2013-01-01..2013-06-30
// and trends: year:2010..2014  fy:2010-11..2014-15  q:2013-Q1..2013-Q4  month:2013-01..2013-03.
// Several may be joined with commas. Throws std::invalid_argument naming the bad part.
std::vector<Period> ParsePeriods(std::string_view text);

// The snapshot date inside `p` for a day-month such as 31-03: the last date in the period
// with that day and month (29-02 falls back to 28-02 in non-leap years). std::nullopt when
// the period holds no such date (a June month asked for 31 March). day == 0 means the last
// day of the period.
std::optional<int32_t> SnapshotDate(const Period& p, int day, int month);

// The mid-year population estimate DfE uses for rates in `p`: the year of the last 30 June
// on or before the period's last day (financial year 2012-13 -> 2012).
int PopulationYear(const Period& p);

// Strict ISO yyyy-mm-dd -> day number.
std::optional<int32_t> ParseIsoDate(std::string_view text);

}  // namespace csc
