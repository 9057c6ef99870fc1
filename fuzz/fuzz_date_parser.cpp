// Any text through the date parsers: a parsed date must be a real calendar day that
// formats back to an equal day number; two-digit years are never accepted.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/value_parsers.hpp"
#include "time/civil_date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  for (const auto order : {csc::DateOrder::DayFirst, csc::DateOrder::MonthFirst}) {
    int64_t days = 0;
    if (csc::ParseDate(s, order, days) == csc::ParseStatus::Ok) {
      const csc::CivilDate c = csc::CivilFromDays(static_cast<int32_t>(days));
      if (!csc::IsValidCivil(c.year, c.month, c.day) || c.year < 0 || c.year > 9999) std::abort();
      int64_t again = 0;
      if (c.year >= 1000 && (csc::ParseDate(csc::FormatIsoDate(static_cast<int32_t>(days)), order, again) !=
                                 csc::ParseStatus::Ok ||
                             again != days))
        std::abort();
    }
    int64_t seconds = 0;
    if (csc::ParseDateTime(s, order, seconds) == csc::ParseStatus::Ok) {
      int64_t day_only = 0;
      const auto status = csc::ParseDate(s, order, day_only);
      if (status == csc::ParseStatus::Ok && day_only * 86400 != seconds) std::abort();
      if (status == csc::ParseStatus::TwoDigitYear) std::abort();
    }
  }
  return 0;
}
