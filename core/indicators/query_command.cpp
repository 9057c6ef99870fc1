#include "indicators/query_command.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <vector>

#include "query/compiled_query.hpp"

namespace csc {

namespace {

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (char c : s) {
    if (quote) {
      if (c == quote) quote = 0;
      else cur += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      if (in_word) words.push_back(std::move(cur));
      cur.clear();
      in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (quote) throw QueryError("query '" + std::string(s) + "': unclosed quote");
  if (in_word) words.push_back(std::move(cur));
  return words;
}

}  // namespace

QueryText ParseQueryCommand(std::string_view command) {
  const auto words = SplitWords(command);
  QueryText t;
  size_t i = 0;
  if (!words.empty() && words[0].rfind("--", 0) != 0) t.table = words[i++];
  for (; i < words.size(); ++i) {
    const std::string& opt = words[i];
    if (i + 1 >= words.size()) throw QueryError("query '" + std::string(command) + "': " + opt + " needs a value");
    const std::string& value = words[++i];
    if (opt == "--table") t.table = value;
    else if (opt == "--where") t.where.push_back(value);
    else if (opt == "--link") t.links.push_back(value);
    else if (opt == "--period") t.period = value;
    else if (opt == "--count") t.count = value;
    else if (opt == "--by") t.by = value;
    else if (opt == "--measure") t.measure = value;
    else if (opt == "--role") t.roles.push_back(value);
    else
      throw QueryError("query '" + std::string(command) + "': unknown option '" + opt +
                       "'; valid: --table --where --link --period --count --by --measure --role");
  }
  if (t.table.empty()) throw QueryError("query '" + std::string(command) + "': no table named");
  return t;
}

int FinancialYearStart(std::string_view year) {
  int start = 0, end = 0;
  const bool ok = year.size() == 7 && year[4] == '-' &&
                  std::from_chars(year.data(), year.data() + 4, start).ec == std::errc() &&
                  std::from_chars(year.data() + 5, year.data() + 7, end).ec == std::errc() && (start + 1) % 100 == end;
  if (!ok) throw QueryError("year '" + std::string(year) + "': expected a financial year like 2012-13");
  return start;
}

std::string FinancialYearLabel(int start_year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", start_year, (start_year + 1) % 100);
  return buf;
}

std::string SubstituteYear(std::string_view text, std::string_view year) {
  const int start = FinancialYearStart(year);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') {
      out += text[i];
      continue;
    }
    const size_t close = text.find('}', i);
    if (close == std::string_view::npos) throw QueryError("query '" + std::string(text) + "': unclosed {");
    const std::string_view name = text.substr(i + 1, close - i - 1);
    // {start_year-3}, {end_year+1}: whole years before or after.
    std::string_view base = name;
    int offset = 0;
    if (const size_t sign = name.find_first_of("+-"); sign != std::string_view::npos && sign > 0) {
      base = name.substr(0, sign);
      const std::string_view digits = name.substr(sign + 1);
      int n = 0;
      if (digits.empty() || std::from_chars(digits.data(), digits.data() + digits.size(), n).ec != std::errc())
        base = name;  // reported as unknown below
      offset = name[sign] == '-' ? -n : n;
    }
    if (name == "year") out += year;
    else if (name == "prev_year") out += FinancialYearLabel(start - 1);
    else if (base == "pop_year" || base == "start_year") out += std::to_string(start + offset);
    else if (base == "end_year") out += std::to_string(start + 1 + offset);
    else
      throw QueryError("query '" + std::string(text) + "': unknown placeholder {" + std::string(name) +
                       "}; valid: {year} {prev_year} {pop_year} {start_year} {end_year}, the last three +/-N");
    i = close;
  }
  return out;
}

}  // namespace csc
