#include "ingest/value_parsers.hpp"

#include <fast_float/fast_float.h>

#include <cmath>

#include "time/civil_date.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at s[pos]; advances pos. Returns -1 when there are none.
int ReadNumber(std::string_view s, size_t& pos, int max_digits, int& digits) {
  int v = 0;
  digits = 0;
  while (pos < s.size() && IsDigit(s[pos]) && digits < max_digits) {
    v = v * 10 + (s[pos] - '0');
    ++pos;
    ++digits;
  }
  return digits ? v : -1;
}

struct DateParts {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
};

// Time part after the date: " hh:mm[:ss]" or "Thh:mm[:ss]" with optional fraction / Z.
bool ParseTimeTail(std::string_view s, size_t pos, DateParts& p) {
  if (pos == s.size()) return true;
  if (s[pos] != ' ' && s[pos] != 'T') return false;
  ++pos;
  int digits = 0;
  p.hour = ReadNumber(s, pos, 2, digits);
  if (p.hour < 0 || pos >= s.size() || s[pos] != ':') return false;
  ++pos;
  p.minute = ReadNumber(s, pos, 2, digits);
  if (p.minute < 0 || digits != 2) return false;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    p.second = ReadNumber(s, pos, 2, digits);
    if (p.second < 0 || digits != 2) return false;
    if (pos < s.size() && s[pos] == '.') {  // fractional seconds are dropped
      ++pos;
      while (pos < s.size() && IsDigit(s[pos])) ++pos;
    }
  }
  if (pos < s.size() && s[pos] == 'Z') ++pos;
  if (pos != s.size()) return false;
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  p.has_time = true;
  return true;
}

ParseStatus ParseDateParts(std::string_view s, DateOrder order, DateParts& p, int pivot) {
  size_t pos = 0;
  int digits = 0;
  const int first = ReadNumber(s, pos, 4, digits);
  if (first < 0 || pos >= s.size()) return ParseStatus::Invalid;
  if (digits == 4 && s[pos] == '-') {  // ISO yyyy-mm-dd
    ++pos;
    p.year = first;
    p.month = ReadNumber(s, pos, 2, digits);
    if (p.month < 0 || pos >= s.size() || s[pos] != '-') return ParseStatus::Invalid;
    ++pos;
    p.day = ReadNumber(s, pos, 2, digits);
    if (p.day < 0) return ParseStatus::Invalid;
  } else if (digits <= 2 && (s[pos] == '/' || s[pos] == '-' || s[pos] == '.')) {  // d/m/y or m/d/y
    const char sep = s[pos++];
    const int second = ReadNumber(s, pos, 2, digits);
    if (second < 0 || pos >= s.size() || s[pos] != sep) return ParseStatus::Invalid;
    ++pos;
    const int year = ReadNumber(s, pos, 4, digits);
    if (year < 0) return ParseStatus::Invalid;
    if (pos < s.size() && IsDigit(s[pos])) return ParseStatus::Invalid;
    DateParts tail;
    if (!ParseTimeTail(s, pos, tail)) return ParseStatus::Invalid;
    if (digits == 2 && !pivot) return ParseStatus::TwoDigitYear;
    if (digits != 4 && digits != 2) return ParseStatus::Invalid;
    p.year = year;
    if (digits == 2) {  // the stated century window
      p.year = pivot - pivot % 100 + year;
      if (p.year < pivot) p.year += 100;
    }
    if (order == DateOrder::DayFirst) {
      p.day = first;
      p.month = second;
    } else {
      p.month = first;
      p.day = second;
    }
    p.hour = tail.hour, p.minute = tail.minute, p.second = tail.second, p.has_time = tail.has_time;
    if (!IsValidCivil(p.year, p.month, p.day)) return ParseStatus::NoSuchDay;
    return ParseStatus::Ok;
  } else {
    return ParseStatus::Invalid;
  }
  if (!ParseTimeTail(s, pos, p)) return ParseStatus::Invalid;
  if (!IsValidCivil(p.year, p.month, p.day)) return ParseStatus::NoSuchDay;
  return ParseStatus::Ok;
}

}  // namespace

bool IsNullToken(std::string_view s) {
  if (s.empty()) return true;
  if (s.size() > 3 && s.front() != ' ' && s.back() != ' ' && s.size() != 4) return false;  // the common case
  s = Trim(s);
  if (s.empty()) return true;
  if (s.size() > 4) return false;
  return EqualsIgnoreCase(s, "NULL") || EqualsIgnoreCase(s, "NA") || EqualsIgnoreCase(s, "N/A");
}

ParseStatus ParseInt(std::string_view s, int64_t& out) {
  size_t pos = 0;
  bool negative = false;
  if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) negative = s[pos++] == '-';
  const size_t digits_at = pos;
  if (pos >= s.size()) return ParseStatus::Invalid;
  if (s[pos] == '0' && s.size() - pos > 1) return ParseStatus::Invalid;  // leading zero: an id
  if (s.size() - digits_at > 19) {
    for (size_t k = digits_at; k < s.size(); ++k)
      if (!IsDigit(s[k])) return ParseStatus::Invalid;
    return ParseStatus::TooLarge;
  }
  uint64_t v = 0;  // 19 digits cannot overflow uint64
  for (; pos < s.size(); ++pos) {
    const char c = s[pos];
    if (!IsDigit(c)) return ParseStatus::Invalid;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > static_cast<uint64_t>(INT64_MAX) + (negative ? 1 : 0)) return ParseStatus::TooLarge;
  out = negative ? static_cast<int64_t>(0 - v) : static_cast<int64_t>(v);  // INT64_MIN too
  return ParseStatus::Ok;
}

ParseStatus ParseDecimal(std::string_view s, double& out) {
  if (s.empty()) return ParseStatus::Invalid;
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (*begin == '+') ++begin;  // fast_float accepts only '-'
  if (begin == end) return ParseStatus::Invalid;
  // Only plain decimal notation: reject "inf", "nan", hex and the like up front.
  const char first = *begin == '-' && begin + 1 < end ? begin[1] : *begin;
  if (!IsDigit(first) && first != '.') return ParseStatus::Invalid;
  auto result = fast_float::from_chars(begin, end, out);
  if (result.ec != std::errc() || result.ptr != end || !std::isfinite(out)) return ParseStatus::Invalid;
  return ParseStatus::Ok;
}

ParseStatus ParseBool(std::string_view s, int64_t& out) {
  switch (s.size()) {
    case 1:
      if (s[0] == 'Y' || s[0] == 'y') return out = 1, ParseStatus::Ok;
      if (s[0] == 'N' || s[0] == 'n') return out = 0, ParseStatus::Ok;
      return ParseStatus::Invalid;
    case 2:
      if (EqualsIgnoreCase(s, "no")) return out = 0, ParseStatus::Ok;
      return ParseStatus::Invalid;
    case 3:
      if (EqualsIgnoreCase(s, "yes")) return out = 1, ParseStatus::Ok;
      return ParseStatus::Invalid;
    case 4:
      if (EqualsIgnoreCase(s, "true")) return out = 1, ParseStatus::Ok;
      return ParseStatus::Invalid;
    case 5:
      if (EqualsIgnoreCase(s, "false")) return out = 0, ParseStatus::Ok;
      return ParseStatus::Invalid;
    default: return ParseStatus::Invalid;
  }
}

ParseStatus ParseDate(std::string_view s, DateOrder order, int64_t& days, int two_digit_pivot) {
  // Fast path: exactly "yyyy-mm-dd", the canonical layout and most of every big file.
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    const auto d = [&](size_t i) { return static_cast<unsigned>(s[i] - '0'); };
    if (d(0) < 10 && d(1) < 10 && d(2) < 10 && d(3) < 10 && d(5) < 10 && d(6) < 10 && d(8) < 10 && d(9) < 10) {
      const int y = static_cast<int>(d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3));
      const int m = static_cast<int>(d(5) * 10 + d(6));
      const int dd = static_cast<int>(d(8) * 10 + d(9));
      if (!IsValidCivil(y, m, dd)) return ParseStatus::NoSuchDay;
      days = DaysFromCivil(y, m, dd);
      return ParseStatus::Ok;
    }
  }
  DateParts p;
  const ParseStatus status = ParseDateParts(s, order, p, two_digit_pivot);
  if (status != ParseStatus::Ok) return status;
  if (p.hour || p.minute || p.second) return ParseStatus::HasTime;
  days = DaysFromCivil(p.year, p.month, p.day);
  return ParseStatus::Ok;
}

ParseStatus ParseDateTime(std::string_view s, DateOrder order, int64_t& seconds, int two_digit_pivot) {
  DateParts p;
  const ParseStatus status = ParseDateParts(s, order, p, two_digit_pivot);
  if (status != ParseStatus::Ok) return status;
  seconds = int64_t{DaysFromCivil(p.year, p.month, p.day)} * 86400 + p.hour * 3600 + p.minute * 60 + p.second;
  return ParseStatus::Ok;
}

}  // namespace csc
