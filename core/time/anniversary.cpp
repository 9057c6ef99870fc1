#include "time/anniversary.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace csc {

int32_t AddMonths(int32_t day, int months) {
  const CivilDate c = CivilFromDays(day);
  const int total = c.year * 12 + (c.month - 1) + months;
  const int y = total >= 0 ? total / 12 : -((-total + 11) / 12);
  const int m = total - y * 12 + 1;
  return DaysFromCivil(y, m, std::min(c.day, DaysInMonth(y, m)));
}

int32_t AddYears(int32_t day, int years) { return AddMonths(day, years * 12); }

int WholeMonthsBetween(int32_t from, int32_t to) {
  const CivilDate a = CivilFromDays(from);
  const CivilDate b = CivilFromDays(to);
  int months = (b.year - a.year) * 12 + (b.month - a.month);
  // The anniversary in b's month is a.day, or the month's last day when a.day is past it.
  const int anniversary_day = std::min(a.day, DaysInMonth(b.year, b.month));
  if (months > 0 && b.day < anniversary_day) --months;
  if (months < 0 && b.day > anniversary_day) ++months;
  if (months == 0 && to < from) months = -1;
  return months;
}

int WholeYearsBetween(int32_t from, int32_t to) {
  const int months = WholeMonthsBetween(from, to);
  return months >= 0 ? months / 12 : -((-months + 11) / 12);
}

AgeBand AgeBandOf(int age) {
  if (age < 0) return AgeBand::Unborn;
  if (age < 1) return AgeBand::Under1;
  if (age <= 4) return AgeBand::Age1To4;
  if (age <= 9) return AgeBand::Age5To9;
  if (age <= 15) return AgeBand::Age10To15;
  if (age <= 17) return AgeBand::Age16To17;
  return AgeBand::Age18Plus;
}

std::string_view AgeBandLabel(AgeBand band) {
  switch (band) {
    case AgeBand::Unborn: return "Unborn";
    case AgeBand::Under1: return "Under 1";
    case AgeBand::Age1To4: return "1-4";
    case AgeBand::Age5To9: return "5-9";
    case AgeBand::Age10To15: return "10-15";
    case AgeBand::Age16To17: return "16-17";
    case AgeBand::Age18Plus: return "18+";
    default: return "Unknown";
  }
}

std::optional<AgeBand> ParseAgeBand(std::string_view text) {
  std::string t;
  for (char ch : text)
    if (ch != ' ' && ch != '_') t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  for (int i = 0; i < kAgeBandCount; ++i) {
    std::string label;
    for (char ch : AgeBandLabel(static_cast<AgeBand>(i)))
      if (ch != ' ') label.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    if (t == label) return static_cast<AgeBand>(i);
  }
  if (t == "0" || t == "<1") return AgeBand::Under1;
  return std::nullopt;
}

int SingleAgeSlot(int age) {
  if (age < 0) return 0;
  return std::min(age, kSingleAgeMax + 1) + 1;
}

std::string SingleAgeLabel(int slot) {
  if (slot == 0) return "Unborn";
  if (slot == kSingleAgeUnknownSlot) return "Unknown";
  if (slot == kSingleAgeMax + 2) return std::to_string(kSingleAgeMax + 1) + "+";
  return std::to_string(slot - 1);
}

DurationBand DurationBandOfMonths(int32_t start, int32_t end, int months) {
  // "3 months or less" and "to 6 months" include the anniversary day itself.
  const bool on_anniversary = (months == 3 || months == 6) && AddMonths(start, months) == end;
  if (months < 3 || (months == 3 && on_anniversary)) return DurationBand::UpTo3Months;
  if (months < 6 || (months == 6 && on_anniversary)) return DurationBand::Over3To6Months;
  if (months < 12) return DurationBand::Over6MonthsUnder1Year;
  if (months < 24) return DurationBand::Years1To2;
  return DurationBand::Years2Plus;
}

DurationBand DurationBandOf(int32_t start, int32_t end) { return DurationBandOfMonths(start, end, WholeMonthsBetween(start, end)); }

std::string_view DurationBandLabel(DurationBand band) {
  switch (band) {
    case DurationBand::UpTo3Months: return "3 months or less";
    case DurationBand::Over3To6Months: return "more than 3 months to 6 months";
    case DurationBand::Over6MonthsUnder1Year: return "more than 6 months, less than 1 year";
    case DurationBand::Years1To2: return "1 year, less than 2 years";
    case DurationBand::Years2Plus: return "2 years or more";
    default: return "Unknown";
  }
}

}  // namespace csc
