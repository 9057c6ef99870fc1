#include "chart/ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "util/text.hpp"

namespace csc {

AxisTicks NiceTicks(double data_lo, double data_hi, int max_ticks) {
  max_ticks = std::max(3, max_ticks);  // a range across zero needs -step, 0 and step
  if (!std::isfinite(data_lo) || !std::isfinite(data_hi)) data_lo = 0, data_hi = 1;
  if (data_lo > data_hi) std::swap(data_lo, data_hi);
  if (data_hi - data_lo < 1e-12) {
    const double pad = data_lo == 0 ? 1 : std::abs(data_lo) * 0.1;
    data_lo -= pad;
    data_hi += pad;
  }
  const double raw = (data_hi - data_lo) / (max_ticks - 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  // The smallest 1-2-5 step whose whole-step span needs no more than max_ticks ticks.
  for (int i = 0;; ++i) {
    step = magnitude * (i % 3 == 0 ? 1.0 : i % 3 == 1 ? 2.0 : 5.0);
    if (std::ceil(data_hi / step - 1e-9) - std::floor(data_lo / step + 1e-9) + 1 <= max_ticks) break;  // 1e-9: 0.3/0.1
    if (i % 3 == 2) magnitude *= 10;
  }
  AxisTicks t;
  t.step = step;
  t.lo = std::floor(data_lo / step + 1e-9) * step;
  t.hi = std::ceil(data_hi / step - 1e-9) * step;
  const int n = static_cast<int>(std::llround((t.hi - t.lo) / step));
  for (int i = 0; i <= n; ++i) t.values.push_back(t.lo + i * step);
  return t;
}

std::string FormatTick(double value, double step) {
  int decimals = 0;
  while (decimals < 6 && std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-9)
    ++decimals;
  if (decimals == 0) return WithThousands(std::llround(value));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  const size_t dot = s.find('.');
  const bool negative = s[0] == '-';
  const std::string whole = WithThousands(std::llabs(std::stoll(s.substr(0, dot))));
  return (negative ? "-" : "") + whole + s.substr(dot);
}

}  // namespace csc
