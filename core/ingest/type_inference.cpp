#include "ingest/type_inference.hpp"

#include "ingest/value_parsers.hpp"
#include "util/text.hpp"

namespace csc {

void TypeVote::Add(std::string_view cell, DateOrder order) {
  if (IsNullToken(cell)) return;
  ++m_non_null;
  int64_t i = 0;
  double d = 0;
  if (ParseBool(cell, i) == ParseStatus::Ok) ++m_bools;
  if (ParseInt(cell, i) == ParseStatus::Ok) ++m_ints;
  if (ParseDecimal(cell, d) == ParseStatus::Ok) ++m_numbers;
  switch (ParseDate(cell, order, i)) {
    case ParseStatus::Ok:
    case ParseStatus::TwoDigitYear:  // a date that needs a person's reading: still a date column
    case ParseStatus::NoSuchDay: ++m_dates; break;
    case ParseStatus::HasTime:
      ++m_dates;
      ++m_with_time;
      break;
    case ParseStatus::Invalid:
    case ParseStatus::TooLarge: break;
  }
}

ColumnType TypeVote::Decide(std::string_view column_name) const {
  if (IsIdLikeName(column_name)) return ColumnType::Text;
  if (m_non_null == 0) return ColumnType::Category;
  // Up to 1% of sampled values may be bad cells (the same tolerance the loader applies
  // before re-reading a column as text): one typo must not turn a number column into text.
  const size_t tolerated = m_non_null / 100;
  auto fits = [&](size_t n) { return n + tolerated >= m_non_null && n > 0; };
  if (fits(m_bools)) return ColumnType::Bool;
  if (fits(m_ints)) return ColumnType::Int;
  if (fits(m_numbers)) return ColumnType::Decimal;
  if (fits(m_dates)) return m_with_time ? ColumnType::DateTime : ColumnType::Date;
  // Mostly dates: a date column with some bad cells, each of which the load lists. Reading
  // it as text would lose the good dates and stop flagging the bad ones.
  if (m_dates > 0 && IsMostlyDates(column_name, m_dates, m_non_null))
    return m_with_time ? ColumnType::DateTime : ColumnType::Date;
  return ColumnType::Category;
}

bool NameSaysDate(std::string_view column_name) {
  const std::string name = ToLower(Trim(column_name));
  return name.find("date") != std::string::npos || name.find("dob") != std::string::npos ||
         name.find("birth") != std::string::npos ||
         (name.size() > 3 && (name.compare(name.size() - 3, 3, "_dt") == 0 || name.compare(name.size() - 3, 3, " dt") == 0));
}

bool IsMostlyDates(std::string_view column_name, size_t dates, size_t non_null) {
  return NameSaysDate(column_name) ? dates * 2 > non_null : dates * 10 >= non_null * 9;
}

bool IsIdLikeName(std::string_view column_name) {
  const std::string name = ToLower(Trim(column_name));
  if (name == "child" || name == "id" || name == "upn" || name == "urn" || name == "uln" || name == "mother" ||
      name == "nhs number" || name == "nhs_number")
    return true;
  if (name.find("unique id") != std::string::npos) return true;
  // "child_id", "Child ID", "person-id", "ChildId": an "id" suffix after a separator or a
  // lower-to-upper change.
  if (name.size() > 2 && name.compare(name.size() - 2, 2, "id") == 0) {
    const char before = name[name.size() - 3];
    if (before == '_' || before == ' ' || before == '-' || before == '.') return true;
    const std::string_view raw = Trim(column_name);
    if (raw.size() > 2 && raw[raw.size() - 2] == 'I' && raw[raw.size() - 3] >= 'a' && raw[raw.size() - 3] <= 'z')
      return true;
  }
  return false;
}

ColumnType ChooseStringType(size_t distinct, size_t non_null, bool id_like) {
  if (id_like) return ColumnType::Text;
  if (distinct <= 255) return ColumnType::Category;
  if (distinct <= 65535 && distinct * 4 <= non_null) return ColumnType::Category;
  return ColumnType::Text;
}

}  // namespace csc
