#include "time/periods.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace csc {

namespace {

std::optional<int> ParseNumber(std::string_view s) {
  int v = 0;
  if (s.empty()) return std::nullopt;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

std::string TwoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

[[noreturn]] void Bad(std::string_view part, const std::string& why) {
  throw std::invalid_argument("period '" + std::string(part) + "': " + why);
}

// One period of `kind` from its text (the part after "fy:" etc.).
Period ParseOne(PeriodKind kind, std::string_view text, std::string_view whole) {
  switch (kind) {
    case PeriodKind::CalendarYear: {
      const auto y = ParseNumber(text);
      if (!y || *y < 1900 || *y > 2200) Bad(whole, "expected a year like 2013");
      return CalendarYearPeriod(*y);
    }
    case PeriodKind::FinancialYear: {
      // 2012-13 (the second part must be the next year's last two digits) or 2012.
      const auto dash = text.find('-');
      const auto y = ParseNumber(text.substr(0, dash));
      if (!y || *y < 1900 || *y > 2200) Bad(whole, "expected a financial year like 2012-13");
      if (dash != std::string_view::npos) {
        const auto next = ParseNumber(text.substr(dash + 1));
        if (!next || text.size() - dash - 1 != 2 || *next != (*y + 1) % 100)
          Bad(whole, "expected a financial year like 2012-13 (the years must be consecutive)");
      }
      return FinancialYearPeriod(*y);
    }
    case PeriodKind::Quarter: {
      const auto dash = text.find("-Q") != std::string_view::npos ? text.find("-Q") : text.find("-q");
      const auto y = dash == std::string_view::npos ? std::nullopt : ParseNumber(text.substr(0, dash));
      const auto q = dash == std::string_view::npos ? std::nullopt : ParseNumber(text.substr(dash + 2));
      if (!y || !q || *q < 1 || *q > 4) Bad(whole, "expected a quarter like 2013-Q1");
      return QuarterPeriod(*y, *q);
    }
    case PeriodKind::Month: {
      const auto dash = text.find('-');
      const auto y = ParseNumber(text.substr(0, dash));
      const auto m = dash == std::string_view::npos ? std::nullopt : ParseNumber(text.substr(dash + 1));
      if (!y || !m || *m < 1 || *m > 12) Bad(whole, "expected a month like 2013-03");
      return MonthPeriod(*y, *m);
    }
    default: Bad(whole, "unknown period kind");
  }
}

}  // namespace

Period CalendarYearPeriod(int year) {
  return {PeriodKind::CalendarYear, DaysFromCivil(year, 1, 1), DaysFromCivil(year, 12, 31)};
}
Period FinancialYearPeriod(int start_year) {
  return {PeriodKind::FinancialYear, DaysFromCivil(start_year, 4, 1), DaysFromCivil(start_year + 1, 3, 31)};
}
Period QuarterPeriod(int year, int quarter) {
  const int m = (quarter - 1) * 3 + 1;
  return {PeriodKind::Quarter, DaysFromCivil(year, m, 1), DaysFromCivil(year, m + 2, DaysInMonth(year, m + 2))};
}
Period MonthPeriod(int year, int month) {
  return {PeriodKind::Month, DaysFromCivil(year, month, 1), DaysFromCivil(year, month, DaysInMonth(year, month))};
}
Period CustomPeriod(int32_t first, int32_t last) { return {PeriodKind::Custom, first, last}; }

Period PeriodContaining(PeriodKind kind, int32_t day) {
  const CivilDate c = CivilFromDays(day);
  switch (kind) {
    case PeriodKind::CalendarYear: return CalendarYearPeriod(c.year);
    case PeriodKind::FinancialYear: return FinancialYearPeriod(c.month >= 4 ? c.year : c.year - 1);
    case PeriodKind::Quarter: return QuarterPeriod(c.year, (c.month - 1) / 3 + 1);
    case PeriodKind::Month: return MonthPeriod(c.year, c.month);
    default: return CustomPeriod(day, day);
  }
}

Period NextPeriod(const Period& p) {
  if (p.kind == PeriodKind::Custom) return CustomPeriod(p.last + 1, p.last + 1 + (p.last - p.first));
  return PeriodContaining(p.kind, p.last + 1);
}

std::string PeriodLabel(const Period& p) {
  const CivilDate a = CivilFromDays(p.first);
  switch (p.kind) {
    case PeriodKind::CalendarYear: return std::to_string(a.year);
    case PeriodKind::FinancialYear: return std::to_string(a.year) + "-" + TwoDigits((a.year + 1) % 100);
    case PeriodKind::Quarter: return std::to_string(a.year) + " Q" + std::to_string((a.month - 1) / 3 + 1);
    case PeriodKind::Month: return std::to_string(a.year) + "-" + TwoDigits(a.month);
    default: return FormatIsoDate(p.first) + ".." + FormatIsoDate(p.last);
  }
}

std::optional<int32_t> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = ParseNumber(s.substr(0, 4));
  const auto m = ParseNumber(s.substr(5, 2));
  const auto d = ParseNumber(s.substr(8, 2));
  if (!y || !m || !d || !IsValidCivil(*y, *m, *d)) return std::nullopt;
  return DaysFromCivil(*y, *m, *d);
}

std::vector<Period> ParsePeriods(std::string_view text) {
  std::vector<Period> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t comma = text.find(',', pos);
    const std::string part = Trim(text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    pos = comma == std::string_view::npos ? text.size() + 1 : comma + 1;
    if (part.empty()) Bad(text, "empty period");
    const size_t colon = part.find(':');
    if (colon == std::string::npos) Bad(part, "expected KIND:VALUE with KIND one of year, fy, q, month, range");
    const std::string kind_text = part.substr(0, colon);
    const std::string_view value = std::string_view(part).substr(colon + 1);
    const size_t dots = value.find("..");
    if (kind_text == "range") {
      const auto a = dots == std::string_view::npos ? std::nullopt : ParseIsoDate(value.substr(0, dots));
      const auto b = dots == std::string_view::npos ? std::nullopt : ParseIsoDate(value.substr(dots + 2));
      if (!a || !b) Bad(part, "expected range:yyyy-mm-dd..yyyy-mm-dd");
      if (*b < *a) Bad(part, "the range ends before it starts");
      out.push_back(CustomPeriod(*a, *b));
      continue;
    }
    PeriodKind kind;
    if (kind_text == "year" || kind_text == "y") kind = PeriodKind::CalendarYear;
    else if (kind_text == "fy") kind = PeriodKind::FinancialYear;
    else if (kind_text == "q" || kind_text == "quarter") kind = PeriodKind::Quarter;
    else if (kind_text == "month" || kind_text == "m") kind = PeriodKind::Month;
    else Bad(part, "unknown kind '" + kind_text + "'; valid: year, fy, q, month, range");
    if (dots == std::string_view::npos) {
      out.push_back(ParseOne(kind, value, part));
      continue;
    }
    Period p = ParseOne(kind, value.substr(0, dots), part);
    const Period last = ParseOne(kind, value.substr(dots + 2), part);
    if (last.first < p.first) Bad(part, "the trend ends before it starts");
    for (int guard = 0; p.first <= last.first; ++guard, p = NextPeriod(p)) {
      if (guard > 1200) Bad(part, "a trend may hold at most 1200 periods");
      out.push_back(p);
    }
  }
  return out;
}

std::optional<int32_t> SnapshotDate(const Period& p, int day, int month) {
  if (day == 0) return p.last;
  const int last_year = CivilFromDays(p.last).year;
  for (int y = last_year; y >= CivilFromDays(p.first).year; --y) {
    const int32_t d = DaysFromCivil(y, month, std::min(day, DaysInMonth(y, month)));
    if (d <= p.last && d >= p.first) return d;
    if (d < p.first) break;
  }
  return std::nullopt;
}

int PopulationYear(const Period& p) {
  const CivilDate c = CivilFromDays(p.last);
  return c.month > 6 || (c.month == 6 && c.day == 30) ? c.year : c.year - 1;
}

}  // namespace csc
