#pragma once
// Parsing one CSV cell as each column type. Shared by type inference (which asks "could
// this be a date?") and by the chunk parser (which converts every cell), so both always
// agree on what a valid value is.
#include <cstdint>
#include <string_view>

#include "ingest/load_options.hpp"

namespace csc {

enum class ParseStatus : uint8_t {
  Ok,
  Invalid,       // not a value of this type at all
  TwoDigitYear,  // looks like a date but the year has two digits: never guessed
  HasTime,       // a date column met a value with a time of day (the column should be datetime)
  NoSuchDay,     // shaped like a date but the day does not exist (31/02/2019, 2019-13-01)
  TooLarge,      // a whole number beyond int64: never silently read as an approximate decimal
};

// Empty (after trimming), NULL, NA, N/A, case-insensitive.
bool IsNullToken(std::string_view s);

// Optional sign and digits; no leading zeros ("007" is an id, not 7), no overflow.
ParseStatus ParseInt(std::string_view s, int64_t& out);
// Decimal notation with optional exponent; not inf/nan.
ParseStatus ParseDecimal(std::string_view s, double& out);
// Y/N, Yes/No, True/False, any case.
ParseStatus ParseBool(std::string_view s, int64_t& out);
// ISO 2013-03-31 or 31/03/2013 (order per `order` when ambiguous) with an optional midnight
// time "00:00" or "00:00:00" (Excel's habit). Day number since 1970-01-01.
// A two-digit year (31/03/13) is TwoDigitYear unless `two_digit_pivot` (a year such as 1950)
// says how to read it: into [pivot, pivot + 99], so 1950 reads 50..99 as 1950-1999 and
// 00..49 as 2000-2049. 0 = never guess.
ParseStatus ParseDate(std::string_view s, DateOrder order, int64_t& days, int two_digit_pivot = 0);
// A date with an optional time of day "hh:mm[:ss]" (or ISO 'T'); seconds since 1970-01-01.
ParseStatus ParseDateTime(std::string_view s, DateOrder order, int64_t& seconds, int two_digit_pivot = 0);

}  // namespace csc
