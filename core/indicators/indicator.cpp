#include "indicators/indicator.hpp"

#include "util/text.hpp"

namespace csc {

const char* PolarityName(Polarity p) {
  switch (p) {
    case Polarity::HigherIsBetter: return "higher";
    case Polarity::LowerIsBetter: return "lower";
    case Polarity::None: return "none";
  }
  return "";
}

const char* UnitName(IndicatorUnit u) {
  switch (u) {
    case IndicatorUnit::Percent: return "%";
    case IndicatorUnit::Per10k: return "per 10k";
    case IndicatorUnit::Count: return "count";
    case IndicatorUnit::Ratio: return "ratio";
  }
  return "";
}

double UnitScale(IndicatorUnit u) {
  switch (u) {
    case IndicatorUnit::Percent: return 100;
    case IndicatorUnit::Per10k: return 10000;
    default: return 1;
  }
}

const Indicator* IndicatorCatalogue::Find(const std::string& id) const {
  for (const auto& ind : indicators)
    if (ind.id == id) return &ind;
  auto squash = [](std::string_view s) {
    std::string out;
    for (char c : s)
      if (c != ' ') out += ToLowerAscii(c);
    return out;
  };
  const std::string want = squash(id);
  for (const auto& ind : indicators)
    if (squash(ind.id) == want || squash(ind.ref) == want) return &ind;
  return nullptr;
}

}  // namespace csc
