#include "query/where_edit.hpp"

#include <algorithm>
#include <cctype>

#include "query/query_parser.hpp"
#include "time/anniversary.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

std::optional<Filter> TryParse(const std::string& line) {
  try {
    return ParseFilter(line);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool SameColumn(std::string_view a, std::string_view b) { return ToLower(a) == ToLower(b); }

bool IsOnColumn(const std::optional<Filter>& f, std::string_view column) {
  return f && (f->kind == FilterKind::In || f->kind == FilterKind::NotIn) && SameColumn(f->column, column);
}

bool IsAgeRange(const std::optional<Filter>& f) { return f && f->kind == FilterKind::Age; }
bool IsAgeFilter(const std::optional<Filter>& f) {
  return f && (f->kind == FilterKind::Age || f->kind == FilterKind::AgeBand);
}

// The grammar's short form of a band: "under1", "1-4", "unborn" (no spaces, so no quotes).
std::string BandText(AgeBand band) {
  std::string s;
  for (char ch : AgeBandLabel(band))
    if (ch != ' ') s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  return s;
}

// Replaces the lines matching `is_target` with `replacement` (if any) at the first one's place.
template <class Pred>
std::string Replace(std::string_view where, Pred is_target, const std::optional<std::string>& replacement) {
  std::vector<std::string> out;
  bool placed = false;
  for (auto& line : WhereLines(where)) {
    if (!is_target(TryParse(line))) {
      out.push_back(std::move(line));
    } else if (!placed) {
      placed = true;
      if (replacement) out.push_back(*replacement);
    }
  }
  if (!placed && replacement) out.push_back(*replacement);
  return JoinWhereLines(out);
}

}  // namespace

std::vector<std::string> WhereLines(std::string_view where) {
  std::vector<std::string> lines;
  for (std::string_view line : Split(where, '\n'))
    if (!Trim(line).empty()) lines.emplace_back(Trim(line));
  return lines;
}

std::string JoinWhereLines(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

std::optional<Filter> SelectionOf(std::string_view where, std::string_view column) {
  for (const auto& line : WhereLines(where))
    if (auto f = TryParse(line); IsOnColumn(f, column) && f->kind == FilterKind::In) return f;
  return std::nullopt;
}

std::vector<std::string> LinesWithout(std::string_view where, std::string_view column) {
  std::vector<std::string> out;
  for (auto& line : WhereLines(where))
    if (!IsOnColumn(TryParse(line), column)) out.push_back(std::move(line));
  return out;
}

std::string SetSelection(std::string_view where, std::string_view column, const std::vector<std::string>& values,
                         bool match_null) {
  std::optional<std::string> line;
  if (!values.empty() || match_null) {
    Filter f;
    f.kind = FilterKind::In;
    f.column = std::string(column);
    f.values = values;
    f.match_null = match_null;
    line = FormatFilter(f);
  }
  return Replace(where, [&](const std::optional<Filter>& f) { return IsOnColumn(f, column); }, line);
}

std::string ClickValue(std::string_view where, std::string_view column, const std::string& value, bool add) {
  const auto current = SelectionOf(where, column);
  std::vector<std::string> values = current ? current->values : std::vector<std::string>{};
  const bool match_null = current && current->match_null;
  const auto it = std::find(values.begin(), values.end(), value);
  if (add) {
    if (it != values.end()) values.erase(it);
    else values.push_back(value);
    return SetSelection(where, column, values, match_null);
  }
  const bool only_this = values.size() == 1 && it != values.end() && !match_null;
  return SetSelection(where, column, only_this ? std::vector<std::string>{} : std::vector<std::string>{value});
}

std::optional<std::pair<int, int>> AgeRangeOf(std::string_view where) {
  for (const auto& line : WhereLines(where))
    if (auto f = TryParse(line); IsAgeRange(f) && f->lo && f->hi)
      return std::pair{static_cast<int>(*f->lo), static_cast<int>(*f->hi)};
  return std::nullopt;
}

std::string SetAgeRange(std::string_view where, std::optional<std::pair<int, int>> range) {
  std::optional<std::string> line;
  if (range) line = "age " + std::to_string(range->first) + ".." + std::to_string(range->second);
  return Replace(where, [](const std::optional<Filter>& f) { return IsAgeFilter(f); }, line);
}

std::vector<std::string> AgeBandsOf(std::string_view where) {
  for (const auto& line : WhereLines(where)) {
    const auto f = TryParse(line);
    if (!f || f->kind != FilterKind::AgeBand) continue;
    std::vector<bool> on(kAgeBandCount, false);
    for (const auto& v : f->values)
      if (const auto band = ParseAgeBand(v)) on[static_cast<size_t>(*band)] = true;
    if (f->match_null) on[static_cast<size_t>(AgeBand::Unknown)] = true;
    std::vector<std::string> bands;
    for (int i = 0; i < kAgeBandCount; ++i)
      if (on[static_cast<size_t>(i)]) bands.emplace_back(AgeBandLabel(static_cast<AgeBand>(i)));
    return bands;
  }
  return {};
}

std::string SetAgeBands(std::string_view where, const std::vector<std::string>& bands) {
  std::vector<bool> on(kAgeBandCount, false);
  for (const auto& b : bands)
    if (const auto band = ParseAgeBand(b)) on[static_cast<size_t>(*band)] = true;
  std::string list;
  for (int i = 0; i < kAgeBandCount; ++i)
    if (on[static_cast<size_t>(i)]) list += (list.empty() ? "" : ", ") + BandText(static_cast<AgeBand>(i));
  std::optional<std::string> line;
  if (!list.empty()) line = "age in (" + list + ")";
  return Replace(where, [](const std::optional<Filter>& f) { return IsAgeFilter(f); }, line);
}

std::vector<std::string> LinesWithoutAge(std::string_view where) {
  std::vector<std::string> out;
  for (auto& line : WhereLines(where))
    if (!IsAgeFilter(TryParse(line))) out.push_back(std::move(line));
  return out;
}

}  // namespace csc
