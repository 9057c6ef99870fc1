#include "query/describe_query.hpp"

#include <cctype>
#include <cmath>

#include "query/query.hpp"
#include "query/query_result.hpp"
#include "time/anniversary.hpp"
#include "time/civil_date.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// What is being counted, by dataset and whether children or episodes are measured.
std::string Subject(const std::string& table, bool children) {
  if (table == "cp_plans") return children ? "Children on a CP plan" : "CP plans";
  if (table == "lac_episodes") return children ? "Children looked after" : "Looked-after episodes";
  if (table == "cme_referrals") return children ? "Children missing education" : "CME referrals";
  if (table == "missing_episodes") return children ? "Children who went missing" : "Missing episodes";
  return (table.empty() ? std::string("Rows") : table) + (children ? " (children)" : "");
}

std::string CountPhrase(const std::string& table, const Counting& c) {
  switch (c.mode) {
    case CountMode::OpenAt:
      if (c.snapshot_day == 0) return " at the end of each period";
      return " at " + std::to_string(c.snapshot_day) + " " + kMonths[(c.snapshot_month + 11) % 12];
    case CountMode::StartedIn: return table == "cp_plans" || table == "lac_episodes" ? " starting in" : " in";
    case CountMode::CeasedIn: return " ending in";
    case CountMode::OpenDuring: return " open at any time in";
    case CountMode::COUNT: break;
  }
  return "";
}

// "fy:2010-11..2015-16" -> "2010-11 to 2015-16"; "q:2013-Q1" -> "2013-Q1".
std::string PeriodPhrase(const std::string& period) {
  std::string p(Trim(period));
  if (const size_t colon = p.find(':'); colon != std::string::npos) p = p.substr(colon + 1);
  if (const size_t dots = p.find(".."); dots != std::string::npos) p = p.substr(0, dots) + " to " + p.substr(dots + 2);
  return p;
}

// "a", "a or b", "a, b or c"
std::string JoinOr(const std::vector<std::string>& items, const char* last = " or ") {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) s += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
  return s;
}

// Category labels read as words mid-sentence ("Neglect" -> "neglect"); names of places and
// codes without a label keep their capitals.
std::string InSentence(std::string label) {
  if (label.size() >= 2 && std::isupper(static_cast<unsigned char>(label[0])) &&
      std::islower(static_cast<unsigned char>(label[1])))
    label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  return label;
}

std::string NumberText(double v) {
  return std::floor(v) == v && std::fabs(v) < 1e15 ? std::to_string(static_cast<long long>(v)) : FormatMeasureValue(v);
}

std::string ValuePhrase(const Filter& f, const CodeLabels* labels) {
  const std::string col = ToLower(f.column);
  std::vector<std::string> words;
  for (const auto& v : f.values) {
    if (col == "sex") words.push_back(v == "F" || v == "2" ? "girls" : v == "M" || v == "1" ? "boys" : v);
    else if (col == "ward") words.push_back(v);
    else words.push_back(InSentence(std::string(labels ? labels->Label(f.column, v) : std::string_view(v))));
  }
  if (f.match_null) words.push_back(f.kind == FilterKind::AgeBand ? "unknown age" : "no " + f.column + " recorded");
  if (col == "ward") return (f.kind == FilterKind::NotIn ? "outside " : "in ") + JoinOr(words, f.kind == FilterKind::NotIn ? " and " : " or ");
  if (f.kind == FilterKind::NotIn) return "excluding " + JoinOr(words, " and ");
  return JoinOr(words);
}

// Bands as a person says them: adjacent bands read as one range ("under 1" and "1-4" are
// "aged 0-4"), Unborn and Unknown as words: "unborn or aged under 1", "aged 5-9 or 16-17".
std::string AgeBandPhrase(const Filter& f) {
  struct Span {
    int lo, hi;  // hi < 0: no upper bound
  };
  auto span_of = [](AgeBand b) -> Span {
    switch (b) {
      case AgeBand::Under1: return {0, 0};
      case AgeBand::Age1To4: return {1, 4};
      case AgeBand::Age5To9: return {5, 9};
      case AgeBand::Age10To15: return {10, 15};
      case AgeBand::Age16To17: return {16, 17};
      default: return {18, -1};
    }
  };
  std::vector<bool> on(kAgeBandCount, false);
  for (const auto& v : f.values)
    if (const auto band = ParseAgeBand(v)) on[static_cast<size_t>(*band)] = true;
  std::vector<std::string> ranges;
  for (int i = static_cast<int>(AgeBand::Under1); i <= static_cast<int>(AgeBand::Age18Plus); ++i) {
    if (!on[static_cast<size_t>(i)] || (i > static_cast<int>(AgeBand::Under1) && on[static_cast<size_t>(i - 1)])) continue;
    int last = i;
    while (last < static_cast<int>(AgeBand::Age18Plus) && on[static_cast<size_t>(last + 1)]) ++last;
    const Span a = span_of(static_cast<AgeBand>(i)), b = span_of(static_cast<AgeBand>(last));
    if (b.hi < 0) ranges.push_back(std::to_string(a.lo) + " and over");
    else if (b.hi == 0) ranges.push_back("under 1");
    else ranges.push_back(std::to_string(a.lo) + "-" + std::to_string(b.hi));
  }
  std::vector<std::string> parts;
  if (on[static_cast<size_t>(AgeBand::Unborn)]) parts.push_back("unborn");
  if (!ranges.empty()) parts.push_back("aged " + JoinOr(ranges));
  if (f.match_null || on[static_cast<size_t>(AgeBand::Unknown)]) parts.push_back("of unknown age");
  return JoinOr(parts);
}

std::string FilterPhrase(const Filter& f, const CodeLabels* labels) {
  switch (f.kind) {
    case FilterKind::In:
    case FilterKind::NotIn: return ValuePhrase(f, labels);
    case FilterKind::AgeBand: return AgeBandPhrase(f);
    case FilterKind::Age:
      if (f.lo && f.hi) return *f.lo == *f.hi ? "aged " + NumberText(*f.lo) : "aged " + NumberText(*f.lo) + "-" + NumberText(*f.hi);
      if (f.lo) return "aged " + NumberText(*f.lo) + " and over";
      if (f.hi) return "aged " + NumberText(*f.hi) + " and under";
      return "any age";
    case FilterKind::Range: {
      // Bounds past 3000 are day numbers (as FormatFilter writes them).
      auto bound = [](double v) { return std::fabs(v) > 3000 ? FormatUkDate(static_cast<int32_t>(v)) : NumberText(v); };
      if (f.lo && f.hi) return f.column + " " + bound(*f.lo) + " to " + bound(*f.hi);
      if (f.lo) return f.column + " from " + bound(*f.lo);
      if (f.hi) return f.column + " up to " + bound(*f.hi);
      return "";
    }
    default: return FormatFilter(f);
  }
}

// "who were also looked after (lac_episodes) at the time"
std::string LinkPhrase(const Link& l) {
  std::string what = l.table;
  if (l.table == "lac_episodes") what = "looked after";
  else if (l.table == "cp_plans") what = "on a CP plan";
  else if (l.table == "missing_episodes") what = "reported missing";
  else if (l.table == "cme_referrals") what = "referred as missing education";
  else what = "in " + l.table;
  std::string when;
  switch (l.when) {
    case LinkWhen::Ever: when = ""; break;
    case LinkWhen::OpenAtStart: when = " at the start"; break;
    case LinkWhen::OpenAtReference: when = " at the reference date"; break;
    case LinkWhen::StartedInPeriod: when = " (starting in the period)"; break;
    case LinkWhen::OpenDuringPeriod: when = " during the period"; break;
    case LinkWhen::OpenAtPeriodEnd: when = " at the end of the period"; break;
    case LinkWhen::COUNT: break;
  }
  return std::string(l.present ? "who were also " : "who were not ") + what + when;
}

}  // namespace

std::string DescribeFilters(const QueryText& text, const CodeLabels* labels) {
  const std::vector<Measure> measures = ParseMeasures(text.measure.empty() ? "episodes" : text.measure);
  bool children = false;
  if (!measures.empty()) children = measures.front().kind == MeasureKind::Children || measures.front().of_children;
  std::string s = Subject(text.table, children);
  const Counting counting = text.count.empty() ? Counting{} : ParseCounting(text.count);
  const std::string period = PeriodPhrase(text.period);
  if (!period.empty()) s += CountPhrase(text.table, counting) + (counting.mode == CountMode::OpenAt ? ", " : " ") + period;
  else if (counting.mode != CountMode::OpenAt || !text.count.empty()) s += CountPhrase(text.table, counting);
  for (const auto& w : text.where) {
    const std::string phrase = FilterPhrase(ParseFilter(w), labels);
    if (!phrase.empty()) s += ", " + phrase;
  }
  for (const auto& l : text.links) s += ", " + LinkPhrase(ParseLink(l));
  return s;
}

}  // namespace csc
