#include "query/query_parser.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "query/compile_support.hpp"
#include "query/query_result.hpp"
#include "time/anniversary.hpp"

namespace csc {

namespace {

using detail::Lower;

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

[[noreturn]] void Fail(std::string_view clause, std::string_view text, const std::string& why) {
  throw QueryError(std::string(clause) + " '" + std::string(text) + "': " + why);
}

// Splits at top-level separators (not inside quotes or brackets).
std::vector<std::string> SplitTop(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  int depth = 0;
  char quote = 0;
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    else if (c == '(' || c == '[') ++depth;
    else if (c == ')' || c == ']') --depth;
    else if (depth == 0 && s.substr(i, sep.size()) == sep) {
      out.push_back(Trim(s.substr(from, i - from)));
      from = i + sep.size();
      i = from - 1;
    }
  }
  out.push_back(Trim(s.substr(from)));
  return out;
}

std::string Unquote(const std::string& s) {
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"' || s.front() == '`') && s.back() == s.front())
    return s.substr(1, s.size() - 2);
  return s;
}

std::optional<double> ParseBound(const std::string& s) {
  if (s.empty()) return std::nullopt;
  if (const auto d = ParseIsoDate(s)) return static_cast<double>(*d);
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || std::isnan(v)) throw std::invalid_argument(s);
  return v;
}

// The column at the start of a filter: quoted, or up to the first space / operator.
std::pair<std::string, std::string> TakeColumn(const std::string& text) {
  if (!text.empty() && (text[0] == '\'' || text[0] == '"' || text[0] == '`')) {
    const size_t close = text.find(text[0], 1);
    if (close == std::string::npos) return {"", ""};
    return {text.substr(1, close - 1), Trim(std::string_view(text).substr(close + 1))};
  }
  size_t i = 0;
  while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '=' && text[i] != '!' &&
         text[i] != '<' && text[i] != '>' && text.compare(i, 2, "..") != 0)
    ++i;
  return {text.substr(0, i), Trim(std::string_view(text).substr(i))};
}

// Names the grammar reads as its own words; a column with one of these names (Annex A has a
// column called "Age") is written in backquotes: `age`.
bool IsKeywordColumnName(const std::string& name) {
  const std::string l = Lower(name);
  return l == "age" || l == "ageband" || l == "age_band" || l == "age-band" || l == "period" || l == "duration" ||
         l == "duration-band" || l == "ethnic-group" || l == "ethnicity-group" || l == "ethnic_group";
}

bool StartsQuoted(std::string_view s) { return !s.empty() && (s[0] == '\'' || s[0] == '"' || s[0] == '`'); }

bool StartsWithWord(const std::string& s, std::string_view word) {
  return Lower(s.substr(0, word.size())) == word && (s.size() == word.size() || !std::isalnum(static_cast<unsigned char>(s[word.size()])));
}

std::string FormatNumber(double v, bool as_date) {
  if (as_date) return FormatIsoDate(static_cast<int32_t>(v));
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  std::string s = std::to_string(v);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  return s;
}

std::string QuoteIfNeeded(const std::string& v) {
  const bool plain = !v.empty() && v.find_first_of(" ,()'\"") == std::string::npos && Lower(v) != "null";
  return plain ? v : "'" + v + "'";
}

}  // namespace

Filter ParseFilter(std::string_view raw) {
  const std::string text = Trim(raw);
  constexpr std::string_view kClause = "where";
  if (text.empty()) Fail(kClause, raw, "empty filter; expected e.g. 'category in (NEG,PHY)' or 'age 0..4'");
  auto [column, rest] = TakeColumn(text);
  if (column.empty()) Fail(kClause, raw, "expected a column name first");
  const bool is_age =
      !StartsQuoted(text) && (Lower(column) == "age" || Lower(column) == "ageband" || Lower(column) == "age_band");
  Filter f;
  f.column = column;
  auto parse_list = [&](const std::string& s) {
    if (s.size() < 2 || s.front() != '(' || s.back() != ')')
      Fail(kClause, raw, "expected a list in brackets, e.g. (A, B, null)");
    if (Trim(std::string_view(s).substr(1, s.size() - 2)).empty()) return;  // "()": nothing listed
    for (const std::string& item : SplitTop(std::string_view(s).substr(1, s.size() - 2), ",")) {
      if (item.empty()) Fail(kClause, raw, "empty value in the list");
      if (Lower(item) == "null" || item == kNullLabel) f.match_null = true;
      else f.values.push_back(Unquote(item));
    }
  };
  const std::string lrest = Lower(rest);
  if (StartsWithWord(lrest, "not in")) {
    f.kind = FilterKind::NotIn;
    parse_list(Trim(std::string_view(rest).substr(6)));
  } else if (StartsWithWord(lrest, "in")) {
    f.kind = FilterKind::In;
    parse_list(Trim(std::string_view(rest).substr(2)));
  } else if (lrest == "is null") {
    f.kind = FilterKind::In;
    f.match_null = true;
  } else if (lrest == "is not null") {
    f.kind = FilterKind::NotIn;
    f.match_null = true;
  } else if (rest.rfind("!=", 0) == 0 || rest.rfind("=", 0) == 0) {
    const bool negate = rest[0] == '!';
    const std::string value = Unquote(Trim(std::string_view(rest).substr(negate ? 2 : 1)));
    if (value.empty()) Fail(kClause, raw, "expected a value after '='");
    f.kind = negate ? FilterKind::NotIn : FilterKind::In;
    if (Lower(value) == "null") f.match_null = true;
    else f.values.push_back(value);
  } else if (rest.rfind(">=", 0) == 0 || rest.rfind("<=", 0) == 0) {
    f.kind = FilterKind::Range;
    try {
      const auto bound = ParseBound(Trim(std::string_view(rest).substr(2)));
      if (!bound) Fail(kClause, raw, "expected a number or date after the comparison");
      (rest[0] == '>' ? f.lo : f.hi) = bound;
    } catch (const std::invalid_argument& e) {
      Fail(kClause, raw, std::string("'") + e.what() + "' is not a number or yyyy-mm-dd date");
    }
  } else if (rest.find("..") != std::string::npos) {
    f.kind = FilterKind::Range;
    const size_t dots = rest.find("..");
    try {
      f.lo = ParseBound(Trim(std::string_view(rest).substr(0, dots)));
      f.hi = ParseBound(Trim(std::string_view(rest).substr(dots + 2)));
    } catch (const std::invalid_argument& e) {
      Fail(kClause, raw, std::string("'") + e.what() + "' is not a number or yyyy-mm-dd date");
    }
  } else {
    Fail(kClause, raw, "expected 'in (...)', 'not in (...)', '= value', 'is null', 'lo..hi', '>= x' or '<= x' after the column");
  }
  if (is_age) {
    f.column.clear();
    if (f.kind == FilterKind::Range) {
      f.kind = FilterKind::Age;
    } else if (f.kind == FilterKind::In) {
      f.kind = FilterKind::AgeBand;
      for (auto it = f.values.begin(); it != f.values.end();) {
        if (Lower(*it) == "unknown") {
          f.match_null = true;
          it = f.values.erase(it);
          continue;
        }
        if (!ParseAgeBand(*it)) {
          std::vector<std::string> valid;
          for (int i = 0; i < kAgeBandCount; ++i) valid.emplace_back(AgeBandLabel(static_cast<AgeBand>(i)));
          Fail(kClause, raw, "unknown age band '" + *it + "'; valid bands: " + detail::ListValid(valid));
        }
        ++it;
      }
    } else {
      Fail(kClause, raw, "age takes a range (age 0..4) or bands (age in (under1, 1-4))");
    }
  }
  return f;
}

std::string FormatFilter(const Filter& f) {
  auto list = [&] {
    std::string s;
    for (const auto& v : f.values) s += (s.empty() ? "" : ", ") + QuoteIfNeeded(v);
    if (f.match_null) s += std::string(s.empty() ? "" : ", ") + (f.kind == FilterKind::AgeBand ? "unknown" : "null");
    return "(" + s + ")";
  };
  const std::string col = f.column.find_first_of(" ,()=<>!.'\"") == std::string::npos && !IsKeywordColumnName(f.column)
                              ? f.column
                              : "`" + f.column + "`";
  // Bounds past 3000 in size are written as dates (day numbers otherwise read oddly); both
  // forms parse back to the same number.
  const bool dates = (f.lo && std::fabs(*f.lo) > 3000) || (f.hi && std::fabs(*f.hi) > 3000);
  auto bound = [&](const std::optional<double>& v) { return v ? FormatNumber(*v, dates) : std::string(); };
  switch (f.kind) {
    case FilterKind::In: return col + " in " + list();
    case FilterKind::NotIn: return col + " not in " + list();
    case FilterKind::Range: return col + " " + bound(f.lo) + ".." + bound(f.hi);
    case FilterKind::Age: return "age " + bound(f.lo) + ".." + bound(f.hi);
    default: return "age in " + list();
  }
}

Link ParseLink(std::string_view raw) {
  constexpr std::string_view kClause = "link";
  std::string text = Trim(raw);
  Link link;
  const size_t where = Lower(text).find(" where ");
  if (where != std::string::npos) {
    for (const std::string& part : SplitTop(std::string_view(text).substr(where + 7), " and "))
      link.filters.push_back(ParseFilter(part));
    text = Trim(std::string_view(text).substr(0, where));
  }
  std::vector<std::string> words;
  for (const std::string& w : SplitTop(text, " "))
    if (!w.empty()) words.push_back(w);
  size_t i = 0;
  if (i < words.size() && (Lower(words[i]) == "present" || Lower(words[i]) == "absent" || Lower(words[i]) == "not")) {
    link.present = Lower(words[i]) == "present";
    ++i;
  }
  if (i >= words.size()) Fail(kClause, raw, "expected '[present|absent] TABLE WHEN'");
  link.table = words[i++];
  const std::string when = i < words.size() ? Lower(words[i++]) : "ever";
  if (when == "ever") link.when = LinkWhen::Ever;
  else if (when == "open-at-start" || when == "at-start") link.when = LinkWhen::OpenAtStart;
  else if (when == "open-at-ref" || when == "at-ref" || when == "open-at-reference") link.when = LinkWhen::OpenAtReference;
  else if (when == "started-in-period" || when == "in-period") link.when = LinkWhen::StartedInPeriod;
  else if (when == "open-during-period" || when == "during-period") link.when = LinkWhen::OpenDuringPeriod;
  else if (when == "open-at-end" || when == "at-end" || when == "open-at-period-end") link.when = LinkWhen::OpenAtPeriodEnd;
  else Fail(kClause, raw, "unknown condition '" + when + "'; valid: ever, open-at-start, open-at-ref, started-in-period, open-during-period");
  if (i < words.size()) Fail(kClause, raw, "unexpected '" + words[i] + "'; filters on the other table follow 'where'");
  return link;
}

Counting ParseCounting(std::string_view raw) {
  const std::string text = Lower(Trim(raw));
  Counting c;
  if (text.rfind("open-at", 0) == 0) {
    c.mode = CountMode::OpenAt;
    if (text.size() == 7) return c;
    if (text[7] != ':') Fail("count", raw, "expected open-at:DD-MM or open-at:end");
    const std::string when = text.substr(8);
    if (when == "end") {
      c.snapshot_day = 0;
      c.snapshot_month = 0;
      return c;
    }
    int d = 0, m = 0;
    const size_t dash = when.find('-');
    const auto r1 = std::from_chars(when.data(), when.data() + (dash == std::string::npos ? when.size() : dash), d);
    const auto r2 = dash == std::string::npos ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                                              : std::from_chars(when.data() + dash + 1, when.data() + when.size(), m);
    if (r1.ec != std::errc() || r2.ec != std::errc() || m < 1 || m > 12 || d < 1 || d > DaysInMonth(2012, m))
      Fail("count", raw, "expected a day and month like open-at:31-03");
    c.snapshot_day = d;
    c.snapshot_month = m;
    return c;
  }
  if (text == "started" || text == "started-in") c.mode = CountMode::StartedIn;
  else if (text == "ceased" || text == "ceased-in" || text == "ended") c.mode = CountMode::CeasedIn;
  else if (text == "open-during" || text == "during") c.mode = CountMode::OpenDuring;
  else Fail("count", raw, "valid: open-at[:DD-MM|:end], started, ceased, open-during");
  return c;
}

std::vector<Dimension> ParseGroupBy(std::string_view raw) {
  std::vector<Dimension> out;
  if (Trim(raw).empty()) return out;
  for (std::string part : SplitTop(raw, ",")) {
    Dimension d;
    const size_t colon = part.rfind(":top");
    if (colon != std::string::npos) {
      const std::string n = part.substr(colon + 4);
      const auto r = std::from_chars(n.data(), n.data() + n.size(), d.top_n);
      if (r.ec != std::errc() || r.ptr != n.data() + n.size() || d.top_n < 1)
        Fail("by", raw, "expected :topN with N a positive number, e.g. ward:top5");
      part = part.substr(0, colon);
    }
    const std::string l = Lower(part);
    if (part.empty()) Fail("by", raw, "empty dimension");
    if (StartsQuoted(part)) d.column = Unquote(part);  // `age`: the column, not the keyword
    else if (l == "period") d.kind = DimensionKind::Period;
    else if (l == "age-band" || l == "ageband" || l == "age_band") d.kind = DimensionKind::AgeBand;
    else if (l == "age") d.kind = DimensionKind::SingleAge;
    else if (l == "duration" || l == "duration-band") d.kind = DimensionKind::DurationBand;
    else if (l == "ethnic-group" || l == "ethnicity-group" || l == "ethnic_group") d.kind = DimensionKind::EthnicityGroup;
    else d.column = Unquote(part);
    if (d.top_n && d.kind != DimensionKind::Column) Fail("by", raw, ":topN applies to column dimensions only");
    out.push_back(d);
  }
  return out;
}

std::vector<Measure> ParseMeasures(std::string_view raw) {
  std::vector<Measure> out;
  if (Trim(raw).empty()) return out;
  for (const std::string& part : SplitTop(raw, ",")) {
    const std::string l = Lower(part);
    Measure m;
    if (l == "episodes" || l == "count" || l == "plans" || l == "rows") {
      m.kind = MeasureKind::Episodes;
    } else if (l == "children") {
      m.kind = MeasureKind::Children;
    } else if (l.rfind("sum:", 0) == 0 || l.rfind("mean:", 0) == 0 || l.rfind("median:", 0) == 0) {
      const size_t colon = l.find(':');
      m.kind = l[1] == 'u' ? MeasureKind::Sum : l[1] == 'e' && l[2] == 'a' ? MeasureKind::Mean : MeasureKind::Median;
      m.column = Trim(std::string_view(part).substr(colon + 1));
      if (m.column.empty()) Fail("measure", part, "expected a column, 'duration' or 'age' after the colon");
    } else if (l.rfind("share", 0) == 0) {
      m.kind = MeasureKind::Share;
      for (const std::string& opt : SplitTop(std::string_view(l).substr(5), ":")) {
        if (opt.empty()) continue;
        if (opt == "row") m.share_of = ShareOf::Row;
        else if (opt == "column" || opt == "col") m.share_of = ShareOf::Column;
        else if (opt == "whole" || opt == "total") m.share_of = ShareOf::Whole;
        else if (opt == "children") m.of_children = true;
        else if (opt == "episodes") m.of_children = false;
        else Fail("measure", part, "share takes :whole, :row, :column and :children or :episodes");
      }
    } else if (l.rfind("rate10k", 0) == 0) {
      m.kind = MeasureKind::Rate10k;
      m.of_children = l != "rate10k:episodes";
      if (l != "rate10k" && l != "rate10k:episodes" && l != "rate10k:children")
        Fail("measure", part, "rate10k takes :children (default) or :episodes");
    } else if (l.rfind("ratio", 0) == 0) {
      m.kind = MeasureKind::Ratio;
      const size_t open = part.find('(');
      if (open == std::string::npos || part.back() != ')')
        Fail("measure", part, "expected ratio(NUMERATOR / DENOMINATOR), e.g. ratio(previous_plans 1.. / )");
      const std::string opts = Lower(Trim(std::string_view(part).substr(5, open - 5)));
      if (opts == ":children") m.of_children = true;
      else if (!opts.empty() && opts != ":episodes") Fail("measure", part, "ratio takes :children or :episodes");
      const auto sides = SplitTop(std::string_view(part).substr(open + 1, part.size() - open - 2), "/");
      if (sides.size() != 2) Fail("measure", part, "expected one '/' between numerator and denominator");
      for (int s = 0; s < 2; ++s)
        if (!sides[static_cast<size_t>(s)].empty())
          for (const std::string& f : SplitTop(sides[static_cast<size_t>(s)], " and "))
            (s ? m.denominator : m.numerator).push_back(ParseFilter(f));
    } else {
      Fail("measure", part, "valid: episodes, children, sum:X, mean:X, median:X, share[:row|:column][:children], "
                            "rate10k[:episodes], ratio(NUM / DEN)");
    }
    out.push_back(m);
  }
  return out;
}

Query ParseQueryText(const QueryText& text) {
  Query q;
  q.table = Trim(text.table);
  for (const std::string& w : text.where) q.filters.push_back(ParseFilter(w));
  for (const std::string& l : text.links) q.links.push_back(ParseLink(l));
  if (!Trim(text.period).empty()) {
    try {
      q.periods = ParsePeriods(text.period);
    } catch (const std::invalid_argument& e) {
      throw QueryError(e.what());
    }
  }
  if (!Trim(text.count).empty()) q.counting = ParseCounting(text.count);
  q.group_by = ParseGroupBy(text.by);
  q.measures = ParseMeasures(text.measure);
  for (const std::string& r : text.roles) {
    const size_t eq = r.find('=');
    const std::string role = eq == std::string::npos ? "" : Lower(Trim(std::string_view(r).substr(0, eq)));
    const std::string column = eq == std::string::npos ? "" : Trim(std::string_view(r).substr(eq + 1));
    std::string* field = role == "child" ? &q.columns.child : role == "start" ? &q.columns.start : role == "end" ? &q.columns.end
                       : role == "dob" ? &q.columns.dob : role == "sex" ? &q.columns.sex : role == "ward" ? &q.columns.ward
                       : role == "ethnicity" ? &q.columns.ethnicity : nullptr;
    if (!field || column.empty()) Fail("role", r, "expected ROLE=COLUMN with ROLE one of child, start, end, dob, sex, ward, ethnicity");
    *field = column;
  }
  return q;
}

QueryText FormatQueryText(const Query& q) {
  QueryText t;
  t.table = q.table;
  for (const Filter& f : q.filters) t.where.push_back(FormatFilter(f));
  for (const Link& l : q.links) {
    std::string s = std::string(l.present ? "present " : "absent ") + l.table + " " + LinkWhenName(l.when);
    for (size_t i = 0; i < l.filters.size(); ++i) s += (i ? " and " : " where ") + FormatFilter(l.filters[i]);
    t.links.push_back(s);
  }
  for (const Period& p : q.periods) {
    const char* kinds[] = {"year:", "fy:", "q:", "month:", "range:"};
    std::string label = PeriodLabel(p);
    if (p.kind == PeriodKind::Quarter) label = label.substr(0, 4) + "-" + label.substr(5);
    t.period += (t.period.empty() ? "" : ",") + std::string(kinds[static_cast<int>(p.kind)]) + label;
  }
  t.count = CountModeName(q.counting.mode);
  if (q.counting.mode == CountMode::OpenAt) {
    if (q.counting.snapshot_day == 0) t.count += ":end";
    else t.count += ":" + std::string(q.counting.snapshot_day < 10 ? "0" : "") + std::to_string(q.counting.snapshot_day) + "-" +
                    (q.counting.snapshot_month < 10 ? "0" : "") + std::to_string(q.counting.snapshot_month);
  }
  for (const Dimension& d : q.group_by) {
    std::string s;
    switch (d.kind) {
      case DimensionKind::Period: s = "period"; break;
      case DimensionKind::AgeBand: s = "age-band"; break;
      case DimensionKind::SingleAge: s = "age"; break;
      case DimensionKind::DurationBand: s = "duration"; break;
      case DimensionKind::EthnicityGroup: s = "ethnic-group"; break;
      default: s = IsKeywordColumnName(d.column) ? "`" + d.column + "`" : d.column; break;
    }
    if (d.top_n) s += ":top" + std::to_string(d.top_n);
    t.by += (t.by.empty() ? "" : ",") + s;
  }
  for (const Measure& m : q.measures) {
    std::string s;
    switch (m.kind) {
      case MeasureKind::Episodes: s = "episodes"; break;
      case MeasureKind::Children: s = "children"; break;
      case MeasureKind::Sum: s = "sum:" + m.column; break;
      case MeasureKind::Mean: s = "mean:" + m.column; break;
      case MeasureKind::Median: s = "median:" + m.column; break;
      case MeasureKind::Share:
        s = std::string("share:") + (m.share_of == ShareOf::Row ? "row" : m.share_of == ShareOf::Column ? "column" : "whole") +
            (m.of_children ? ":children" : "");
        break;
      case MeasureKind::Rate10k: s = m.of_children ? "rate10k" : "rate10k:episodes"; break;
      default: {
        auto side = [](const std::vector<Filter>& fs) {
          std::string x;
          for (size_t i = 0; i < fs.size(); ++i) x += (i ? " and " : "") + FormatFilter(fs[i]);
          return x;
        };
        s = std::string("ratio") + (m.of_children ? ":children" : "") + "(" + side(m.numerator) + " / " + side(m.denominator) + ")";
      }
    }
    t.measure += (t.measure.empty() ? "" : ",") + s;
  }
  const std::pair<const char*, const std::string*> roles[] = {
      {"child", &q.columns.child}, {"start", &q.columns.start}, {"end", &q.columns.end}, {"dob", &q.columns.dob},
      {"sex", &q.columns.sex},     {"ward", &q.columns.ward},   {"ethnicity", &q.columns.ethnicity}};
  for (const auto& [name, column] : roles)
    if (!column->empty()) t.roles.push_back(std::string(name) + "=" + *column);
  return t;
}

std::string QueryTextKey(const QueryText& t) {
  // Unit separators cannot be typed into a clause, so no two texts share a key.
  std::string k = t.table + "\x1f" + t.period + "\x1f" + t.count + "\x1f" + t.by + "\x1f" + t.measure;
  for (const auto& w : t.where) k += "\x1fw" + w;
  for (const auto& l : t.links) k += "\x1fl" + l;
  for (const auto& r : t.roles) k += "\x1fr" + r;
  return k;
}

}  // namespace csc
