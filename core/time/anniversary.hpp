#pragma once
// Whole years and months between dates by the anniversary rule, ages, and the DfE age and
// duration bands. Every counting rule that says "2 years or more" or "aged 1-4" goes
// through these, so the rule lives in one place.
//
// Anniversary rule: the n-year (or n-month) anniversary of a date is the same day of the
// month n years (months) later; when that month is shorter, it is the month's last day.
// So a child born on 29 February 2012 turns 1 on 28 February 2013, and a plan started on
// 31 January is one month old on 28 (or 29) February. We chose the month-end rule over
// "1 March" because it keeps AddYears(d, n) == AddMonths(d, 12 n) and never moves an
// anniversary into the next month.
#include <cstdint>
#include <optional>
#include <string_view>

#include "time/civil_date.hpp"

namespace csc {

// The date n months (years) after `day`, clamped to the end of the target month.
int32_t AddMonths(int32_t day, int months);
int32_t AddYears(int32_t day, int years);

// Completed whole years (months) from `from` to `to`: the largest n with
// AddYears(from, n) <= to. When `to` is before `from` the result is negative (only its sign
// is meaningful: ages before birth are "Unborn").
int WholeYearsBetween(int32_t from, int32_t to);
int WholeMonthsBetween(int32_t from, int32_t to);

// Age in completed years at `at`; negative when `at` is before the date of birth.
inline int AgeAt(int32_t dob, int32_t at) { return WholeYearsBetween(dob, at); }

// DfE age bands, in display order. Unborn: the reference date is before the date of birth
// (CP plans for unborn children carry the expected date). Unknown: no date of birth.
enum class AgeBand : uint8_t { Unborn, Under1, Age1To4, Age5To9, Age10To15, Age16To17, Age18Plus, Unknown, COUNT };
inline constexpr int kAgeBandCount = static_cast<int>(AgeBand::COUNT);
AgeBand AgeBandOf(int age_years);  // age < 0 -> Unborn
std::string_view AgeBandLabel(AgeBand band);  // "Unborn", "Under 1", "1-4", ..., "18+", "Unknown"
// Accepts the label or a short form ("under1", "1-4", "unborn", "16-17", "18+"), any case.
std::optional<AgeBand> ParseAgeBand(std::string_view text);

// Single-year ages as a dimension: Unborn, 0..17, 18+, Unknown.
inline constexpr int kSingleAgeMax = 17;
inline constexpr int kSingleAgeSlots = kSingleAgeMax + 4;
int SingleAgeSlot(int age_years);          // Unborn -> 0, age a -> a + 1, 18+ -> 19
inline constexpr int kSingleAgeUnknownSlot = kSingleAgeMax + 3;
std::string SingleAgeLabel(int slot);

// Duration bands exactly as DfE's d5 file (CP plans at 31 March; also plans ceased), by the
// anniversary rule: "3 months or less" includes a plan open exactly 3 months (end on the
// third monthly anniversary), "more than 3 months to 6 months" includes exactly 6 months,
// "more than 6 months, less than 1 year" stops before the first anniversary, "1 year, less
// than 2 years" before the second, and the second anniversary is "2 years or more".
enum class DurationBand : uint8_t { UpTo3Months, Over3To6Months, Over6MonthsUnder1Year, Years1To2, Years2Plus, Unknown, COUNT };
inline constexpr int kDurationBandCount = static_cast<int>(DurationBand::COUNT);
DurationBand DurationBandOf(int32_t start, int32_t end);  // end before start -> UpTo3Months
// The one definition of the band edges: `whole_months` = WholeMonthsBetween(start, end),
// which callers may have from a faster table (the query executor); the exact-anniversary
// test is only needed at 3 and 6 months.
DurationBand DurationBandOfMonths(int32_t start, int32_t end, int whole_months);
std::string_view DurationBandLabel(DurationBand band);

}  // namespace csc
