#include "privacy/cell_key.hpp"

#include <algorithm>

#include "query/record_keys.hpp"

namespace csc {

namespace {

static_assert([] {
  int sum = 0;
  for (int w : kAdjustmentWeights) sum += w;
  return sum == static_cast<int>(kRecordKeyRange);
}(), "the adjustment weights cover every cell key once");

// Odd, so for a fixed count (key + count x kCountStride) runs over every key once: each
// count row of the table has exactly the weights' distribution, and neighbouring counts
// draw different adjustments from one key.
constexpr uint32_t kCountStride = 167;

}  // namespace

bool IsAllowedThreshold(int threshold) { return threshold == 5 || threshold == 7 || threshold == 10; }

std::string ThresholdError(int threshold) {
  if (IsAllowedThreshold(threshold)) return {};
  return "disclosure threshold " + std::to_string(threshold) + " is not allowed: use 5, 7 or 10";
}

bool IsAllowedRounding(int round_to) { return round_to == 0 || round_to == 5 || round_to == 10; }

int64_t RoundCount(int64_t count, int base) {
  if (base <= 1) return count;
  return (count + base / 2) / base * base;
}

int Adjustment(int64_t count, uint32_t cell_key) {
  const uint32_t index = (cell_key + static_cast<uint32_t>(count) * kCountStride) % kRecordKeyRange;
  uint32_t upto = 0;
  for (size_t a = 0; a < kAdjustmentWeights.size(); ++a) {
    upto += static_cast<uint32_t>(kAdjustmentWeights[a]);
    if (index < upto) return static_cast<int>(a) - kMaxAdjustment;
  }
  return 0;  // unreachable: the weights sum to the key range
}

std::optional<int64_t> PerturbCount(int64_t count, uint32_t cell_key, const DisclosureOptions& options) {
  if (count <= 0) return 0;
  if (count <= options.threshold) return std::nullopt;
  const int64_t perturbed = std::max<int64_t>(count + Adjustment(count, cell_key), options.threshold + 1);
  return RoundCount(perturbed, options.round_to);
}

std::string PerturbedText(int64_t count, uint32_t cell_key, const DisclosureOptions& options) {
  const auto p = PerturbCount(count, cell_key, options);
  return p ? std::to_string(*p) : std::string("c");
}

}  // namespace csc
