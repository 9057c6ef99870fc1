#include "stats/funnel.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace csc {

namespace {

double PoissonLogPmf(int64_t i, double mean) {
  return -mean + static_cast<double>(i) * std::log(mean) - std::lgamma(static_cast<double>(i) + 1);
}

double BinomialLogPmf(int64_t i, int64_t n, double p) {
  const double di = static_cast<double>(i), dn = static_cast<double>(n);
  return std::lgamma(dn + 1) - std::lgamma(di + 1) - std::lgamma(dn - di + 1) + di * std::log(p) +
         (dn - di) * std::log1p(-p);
}

// Spiegelhalter's interpolated quantile: r is the smallest count with F(r) >= q, and the
// limit moves back from r by the fraction of the last step that overshoots q.
double InterpolatedQuantile(const std::function<double(int64_t)>& pmf, int64_t max_k, double q) {
  double cdf = 0;
  for (int64_t r = 0; r <= max_k; ++r) {
    const double step = pmf(r);
    const double prev = cdf;
    cdf += step;
    if (cdf >= q) {
      const double alpha = step > 0 ? (cdf - q) / (cdf - prev) : 0;
      return std::max(0.0, static_cast<double>(r) - alpha);
    }
  }
  return static_cast<double>(max_k);
}

// Root of a monotone function on [lo, hi] by bisection (f(lo) and f(hi) of opposite sign).
double Bisect(const std::function<double(double)>& f, double lo, double hi) {
  const bool increasing = f(lo) < f(hi);
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    if ((f(mid) < 0) == increasing) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

double PoissonCdf(int64_t k, double mean) {
  if (k < 0) return 0;
  if (mean <= 0) return 1;
  double s = 0;
  for (int64_t i = 0; i <= k; ++i) s += std::exp(PoissonLogPmf(i, mean));
  return std::min(1.0, s);
}

double BinomialCdf(int64_t k, int64_t n, double p) {
  if (k < 0) return 0;
  if (k >= n || p <= 0) return 1;
  if (p >= 1) return 0;
  double s = 0;
  for (int64_t i = 0; i <= k; ++i) s += std::exp(BinomialLogPmf(i, n, p));
  return std::min(1.0, s);
}

FunnelLimits FunnelLimitsAt(FunnelKind kind, double target, double size) {
  FunnelLimits out;
  if (size <= 0) return out;
  std::function<double(int64_t)> pmf;
  int64_t max_k;
  if (kind == FunnelKind::Poisson) {
    const double mean = target * size;
    if (mean <= 0) return out;
    pmf = [mean](int64_t i) { return std::exp(PoissonLogPmf(i, mean)); };
    max_k = static_cast<int64_t>(mean + 20 * std::sqrt(mean) + 50);
  } else {
    const auto n = static_cast<int64_t>(std::llround(size));
    if (target <= 0 || target >= 1) {
      out.lower95 = out.upper95 = out.lower998 = out.upper998 = target;
      return out;
    }
    pmf = [n, target](int64_t i) { return std::exp(BinomialLogPmf(i, n, target)); };
    max_k = n;
  }
  out.lower95 = InterpolatedQuantile(pmf, max_k, 0.025) / size;
  out.upper95 = InterpolatedQuantile(pmf, max_k, 0.975) / size;
  out.lower998 = InterpolatedQuantile(pmf, max_k, 0.001) / size;
  out.upper998 = InterpolatedQuantile(pmf, max_k, 0.999) / size;
  return out;
}

std::vector<FunnelCurvePoint> FunnelCurve(FunnelKind kind, double target, double min_size, double max_size, int points) {
  std::vector<FunnelCurvePoint> out;
  if (points < 2 || max_size <= min_size) return out;
  for (int i = 0; i < points; ++i) {
    double size = min_size + (max_size - min_size) * i / (points - 1);
    if (kind == FunnelKind::Binomial) size = std::max(1.0, std::round(size));
    out.push_back({size, FunnelLimitsAt(kind, target, size)});
  }
  return out;
}

const char* FunnelFlagName(FunnelFlag flag) {
  switch (flag) {
    case FunnelFlag::Within: return "within";
    case FunnelFlag::Above95: return "above 95%";
    case FunnelFlag::Below95: return "below 95%";
    case FunnelFlag::Above998: return "above 99.8%";
    case FunnelFlag::Below998: return "below 99.8%";
  }
  return "";
}

FunnelPlot BuildFunnel(FunnelKind kind, const std::vector<FunnelUnit>& units) {
  FunnelPlot plot;
  plot.kind = kind;
  double num = 0, den = 0;
  for (const auto& u : units) {
    if (u.denominator <= 0) continue;
    num += u.numerator;
    den += u.denominator;
  }
  if (den <= 0) return plot;
  plot.target = num / den;
  for (const auto& u : units) {
    if (u.denominator <= 0) continue;
    FunnelPoint p;
    p.label = u.label;
    p.size = u.denominator;
    p.value = u.numerator / u.denominator;
    p.limits = FunnelLimitsAt(kind, plot.target, u.denominator);
    if (p.value > p.limits.upper998) p.flag = FunnelFlag::Above998;
    else if (p.value < p.limits.lower998) p.flag = FunnelFlag::Below998;
    else if (p.value > p.limits.upper95) p.flag = FunnelFlag::Above95;
    else if (p.value < p.limits.lower95) p.flag = FunnelFlag::Below95;
    plot.points.push_back(std::move(p));
  }
  return plot;
}

std::pair<double, double> PoissonExactInterval(int64_t observed, double confidence) {
  const double tail = (1 - confidence) / 2;
  const double hi_bound = static_cast<double>(observed) + 30 * std::sqrt(static_cast<double>(observed) + 1) + 30;
  const double lower =
      observed == 0 ? 0 : Bisect([&](double m) { return (1 - PoissonCdf(observed - 1, m)) - tail; }, 1e-12, hi_bound);
  const double upper = Bisect([&](double m) { return PoissonCdf(observed, m) - tail; }, 1e-12, hi_bound);
  return {lower, upper};
}

std::pair<double, double> BinomialExactInterval(int64_t k, int64_t n, double confidence) {
  const double tail = (1 - confidence) / 2;
  const double lower = k == 0 ? 0 : Bisect([&](double p) { return (1 - BinomialCdf(k - 1, n, p)) - tail; }, 1e-15, 1 - 1e-15);
  const double upper = k >= n ? 1 : Bisect([&](double p) { return BinomialCdf(k, n, p) - tail; }, 1e-15, 1 - 1e-15);
  return {lower, upper};
}

}  // namespace csc
