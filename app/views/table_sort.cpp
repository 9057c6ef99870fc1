#include "views/table_sort.hpp"

#include <charconv>

namespace csc::app {

namespace {

std::optional<double> AsNumber(const std::string& s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

int CompareCells(const std::string& a, const std::string& b) {
  const auto x = AsNumber(a), y = AsNumber(b);
  if (x && y) return *x < *y ? -1 : (*y < *x ? 1 : 0);
  return a.compare(b);
}

bool LessValue(const std::optional<double>& a, const std::optional<double>& b, bool descending) {
  if (!a || !b) return a && !b;  // a blank goes last
  return descending ? *b < *a : *a < *b;
}

}  // namespace csc::app
