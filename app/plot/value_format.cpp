#include "plot/value_format.hpp"

#include <cmath>
#include <cstdio>

#include "util/text.hpp"

namespace csc::app {

int ValueDecimals(const ChartData& d) {
  if (d.decimals >= 0) return d.decimals;
  double step = 1;
  for (int places = 0; places < 2; ++places, step /= 10) {
    bool exact = true;
    for (const auto& row : d.values)
      for (double v : row) exact = exact && (!std::isfinite(v) || std::abs(v / step - std::round(v / step)) < 1e-6);
    if (exact) return places;
  }
  return 2;
}

std::string FormatValue(double v, int decimals) {
  if (!std::isfinite(v)) return "";
  double scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const double rounded = std::round(std::abs(v) * scale);
  const auto whole = static_cast<long long>(std::floor(rounded / scale));
  std::string s = (v < 0 && rounded > 0 ? "-" : "") + WithThousands(whole);
  if (decimals > 0) {
    char frac[32];
    std::snprintf(frac, sizeof frac, "%0*lld", decimals, static_cast<long long>(rounded - static_cast<double>(whole) * scale));
    s += std::string(".") + frac;
  }
  return s;
}

}  // namespace csc::app
