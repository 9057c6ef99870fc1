#pragma once
// Funnel plots (Spiegelhalter 2005, "Funnel plots for comparing institutional performance"):
// each unit's rate or proportion against its size, with control limits around the overall
// value that narrow as the size grows. Limits are exact: quantiles of the Poisson (counts
// against an exposure, e.g. rates per 10,000) or binomial (proportions) distribution at the
// unit's size, interpolated between integers as Spiegelhalter does so the funnel is smooth.
// 95% limits are the 2.5/97.5 percentiles, 99.8% the 0.1/99.9 percentiles.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace csc {

enum class FunnelKind : uint8_t { Poisson, Binomial };

struct FunnelLimits {
  double lower95 = 0, upper95 = 0, lower998 = 0, upper998 = 0;  // on the value's scale
};

// target: the overall value as a fraction (a proportion, or events per unit of exposure);
// size: the unit's denominator (population or cases). Limits are on the same scale as target.
FunnelLimits FunnelLimitsAt(FunnelKind kind, double target, double size);

// The limits at `points` sizes spread evenly from min_size to max_size, for drawing.
struct FunnelCurvePoint {
  double size;
  FunnelLimits limits;
};
std::vector<FunnelCurvePoint> FunnelCurve(FunnelKind kind, double target, double min_size, double max_size,
                                          int points = 100);

enum class FunnelFlag : uint8_t { Within, Above95, Below95, Above998, Below998 };
const char* FunnelFlagName(FunnelFlag flag);  // "within", "above 95%", ..., "above 99.8%"

struct FunnelUnit {
  std::string label;  // ward or LA name
  double numerator = 0, denominator = 0;
};
struct FunnelPoint {
  std::string label;
  double value = 0;  // numerator / denominator (scale by `scale` before showing, e.g. 10,000)
  double size = 0;
  FunnelLimits limits;
  FunnelFlag flag = FunnelFlag::Within;
};
struct FunnelPlot {
  FunnelKind kind = FunnelKind::Poisson;
  double target = 0;  // sum of numerators / sum of denominators
  std::vector<FunnelPoint> points;
};
// Units with a zero denominator are left out (they have no value).
FunnelPlot BuildFunnel(FunnelKind kind, const std::vector<FunnelUnit>& units);

// Distribution helpers, exposed for tests and for the detail views' confidence intervals.
double PoissonCdf(int64_t k, double mean);
double BinomialCdf(int64_t k, int64_t n, double p);
// Exact (Garwood) interval for a Poisson count and (Clopper-Pearson) for a proportion k/n.
std::pair<double, double> PoissonExactInterval(int64_t observed, double confidence);
std::pair<double, double> BinomialExactInterval(int64_t k, int64_t n, double confidence);

}  // namespace csc
