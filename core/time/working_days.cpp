#include "time/working_days.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "time/civil_date.hpp"

namespace csc {

namespace {

// 1970-01-01 (day 0) was a Thursday: Monday = 0 .. Sunday = 6.
int Weekday(int32_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

}  // namespace

HolidayCalendar::HolidayCalendar(std::vector<int32_t> holidays, int first_year, int last_year)
    : m_first_year(first_year), m_last_year(last_year), m_first_day(DaysFromCivil(first_year, 1, 1)),
      m_holidays(std::move(holidays)) {
  std::sort(m_holidays.begin(), m_holidays.end());
  m_holidays.erase(std::unique(m_holidays.begin(), m_holidays.end()), m_holidays.end());
  const int32_t end = DaysFromCivil(last_year, 12, 31);
  m_prefix.resize(static_cast<size_t>(end - m_first_day + 1));
  int32_t running = 0;
  size_t h = 0;
  for (int32_t d = m_first_day; d <= end; ++d) {
    while (h < m_holidays.size() && m_holidays[h] < d) ++h;
    const bool holiday = h < m_holidays.size() && m_holidays[h] == d;
    if (Weekday(d) < 5 && !holiday) ++running;
    m_prefix[static_cast<size_t>(d - m_first_day)] = running;
  }
}

std::optional<bool> HolidayCalendar::IsWorkingDay(int32_t day) const {
  if (!Covers(day)) return std::nullopt;
  const size_t i = static_cast<size_t>(day - m_first_day);
  return m_prefix[i] - (i ? m_prefix[i - 1] : 0) == 1;
}

std::optional<int32_t> HolidayCalendar::WorkingDaysBetween(int32_t from, int32_t to) const {
  if (!Covers(from) || !Covers(to)) return std::nullopt;
  return m_prefix[static_cast<size_t>(to - m_first_day)] - m_prefix[static_cast<size_t>(from - m_first_day)];
}

std::optional<int32_t> HolidayCalendar::LastDayWithin(int32_t from, int n) const {
  if (!Covers(from) || n < 0) return std::nullopt;
  const int32_t target = m_prefix[static_cast<size_t>(from - m_first_day)] + n + 1;
  // The first day whose running count reaches target is the (n+1)th working day.
  const auto it = std::lower_bound(m_prefix.begin() + (from - m_first_day), m_prefix.end(), target);
  if (it == m_prefix.end()) return std::nullopt;
  return m_first_day + static_cast<int32_t>(it - m_prefix.begin()) - 1;
}

HolidayCalendar LoadHolidayCalendar(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the bank holiday calendar");
  std::string line;
  std::vector<int32_t> days;
  int first = 0, last = 0;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1 || line.empty()) continue;  // header: date,name
    int y = 0, m = 0, d = 0;
    char dash1 = 0, dash2 = 0;
    if (line.size() < 11 || line[10] != ',' ||
        std::sscanf(line.c_str(), "%4d%c%2d%c%2d", &y, &dash1, &m, &dash2, &d) != 5 || dash1 != '-' || dash2 != '-' ||
        !IsValidCivil(y, m, d))
      throw std::runtime_error(path + ":" + std::to_string(n) + ": expected an ISO date then a name, got '" + line + "'");
    if (days.empty() || y < first) first = days.empty() ? y : std::min(first, y);
    last = std::max(last, y);
    days.push_back(DaysFromCivil(y, m, d));
  }
  if (days.empty()) throw std::runtime_error(path + ": no bank holidays listed");
  return HolidayCalendar(std::move(days), first, last);
}

const HolidayCalendar& EnglandWalesBankHolidays() {
  static const HolidayCalendar calendar = [] {
    const char* env = std::getenv("CSC_ASSETS");
    const std::string dir = env && *env ? env : CSC_SOURCE_ASSETS_DIR;
    return LoadHolidayCalendar(dir + "/calendar/bank_holidays_england_wales.csv");
  }();
  return calendar;
}

}  // namespace csc
