#include "query/query_command.hpp"

namespace csc {

std::string ShellQuote(const std::string& word) {
  auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == ':' || c == '.' || c == ',' || c == '/' || c == '=' || c == '+';
  };
  bool quote = word.empty();
  for (const char c : word) quote = quote || !plain(c);
  if (!quote) return word;
  if (word.find('\'') == std::string::npos) return "'" + word + "'";
  // Quoted values ("ward in ('Boston Castle')") read best in double quotes, which keep the
  // single ones as they are; only $ ` \ " ! would mean something inside them.
  if (word.find_first_of("$`\\\"!") == std::string::npos) return "\"" + word + "\"";
  std::string out = "'";
  for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string CscQueryCommand(const QueryText& t) {
  std::string s = "csc query";
  auto add = [&](const char* option, const std::string& value) {
    if (!value.empty()) s += std::string(" ") + option + " " + ShellQuote(value);
  };
  add("--table", t.table);
  for (const auto& w : t.where) add("--where", w);
  for (const auto& l : t.links) add("--link", l);
  add("--count", t.count);
  add("--period", t.period);
  add("--by", t.by);
  add("--measure", t.measure);
  for (const auto& r : t.roles) add("--role", r);
  return s;
}

}  // namespace csc
