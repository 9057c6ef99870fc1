#pragma once
// Working days for the DfE timescales ("initial assessment within 10 working days",
// "ICPC within 15 working days"): Monday to Friday, less the England and Wales bank holidays
// of assets/calendar/bank_holidays_england_wales.csv (2000-2030, written from the published
// rules by scripts/bank_holidays.py).
//
// Counting rule (docs/INDICATORS.md, "Working days"): the day the clock starts (the referral,
// the assessment start, the S47 start) is day 0; each later working day up to and including
// the end date adds one. So a referral on Monday and an assessment completed the next
// Monday took 5 working days, one completed the same day 0, and an end on a weekend or bank
// holiday counts the same as the working day before it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace csc {

class HolidayCalendar {
 public:
  HolidayCalendar() = default;  // no years covered: every count is unknown
  // Holidays as day numbers, all within [first_year, last_year], which the calendar covers.
  HolidayCalendar(std::vector<int32_t> holidays, int first_year, int last_year);

  bool Covers(int32_t day) const { return day >= m_first_day && day < m_first_day + static_cast<int32_t>(m_prefix.size()); }
  int first_year() const { return m_first_year; }
  int last_year() const { return m_last_year; }
  const std::vector<int32_t>& holidays() const { return m_holidays; }

  // nullopt when the day is outside the covered years.
  std::optional<bool> IsWorkingDay(int32_t day) const;

  // Working days after `from` up to and including `to` (day `from` is day 0); negative when
  // `to` is before `from`. nullopt when either date is outside the covered years: a count
  // there would be a guess.
  std::optional<int32_t> WorkingDaysBetween(int32_t from, int32_t to) const;

  // The last day still within `n` working days of `from` (the day before the (n+1)th
  // working day after it): a deadline as a date, so "held by the due date" and
  // "WorkingDaysBetween <= n" agree on every day, weekends included. nullopt past the
  // calendar's years.
  std::optional<int32_t> LastDayWithin(int32_t from, int n) const;

 private:
  int m_first_year = 0, m_last_year = -1;
  int32_t m_first_day = 0;
  std::vector<int32_t> m_holidays;
  std::vector<int32_t> m_prefix;  // working days in [m_first_day, m_first_day + i]
};

// Reads a `date,name` CSV (ISO dates, one holiday a line); the years covered run from the
// first holiday's year to the last's. Throws std::runtime_error naming the file and line.
HolidayCalendar LoadHolidayCalendar(const std::string& path);

// The bundled England and Wales calendar ($CSC_ASSETS or the source tree's assets/), read
// once. Throws std::runtime_error when the file is missing or malformed.
const HolidayCalendar& EnglandWalesBankHolidays();

}  // namespace csc
