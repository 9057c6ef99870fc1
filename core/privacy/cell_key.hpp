#pragma once
// The cell-key method's perturbation (docs/DISCLOSURE.md), as the Australian Bureau of
// Statistics' TableBuilder and ONS's Census 2021 tables use it. A cell's key is the sum of
// its records' keys (query/record_keys.hpp) modulo kRecordKeyRange; the published figure
// is a fixed function of (true count, cell key), so the same records always publish the
// same figure, and a difference of two published figures carries both cells' noise:
//   0                 published as 0 (no records, so no key: a structural zero, as ABS)
//   1 .. threshold    never published: "c"
//   above threshold   count + adjustment, the adjustment in -3..+3 drawn by the cell key
//                     from a fixed symmetric table (mean 0, about 1.7 standard deviation),
//                     never below threshold + 1 (so near the threshold the mean is > 0)
// then, optionally, rounded to the nearest 5 or 10.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace csc {

struct DisclosureOptions {
  int threshold = 5;  // counts 1..threshold are never published (5, 7 or 10: IsAllowedThreshold)
  int round_to = 0;   // 0 = no rounding; 5 or 10 = perturbed counts rounded to the nearest multiple
};

inline constexpr int kDefaultThreshold = 5;
inline constexpr int kMaxAdjustment = 3;
// Of the 256 cell keys, how many draw each adjustment -3..+3 (a fixed, symmetric table).
inline constexpr std::array<int, 2 * kMaxAdjustment + 1> kAdjustmentWeights = {20, 36, 44, 56, 44, 36, 20};

// The allowed thresholds are 5, 7 and 10 (domain.md section 7).
bool IsAllowedThreshold(int threshold);
// "disclosure threshold 3 is not allowed: use 5, 7 or 10" (empty when allowed).
std::string ThresholdError(int threshold);
// Rounding is 0 (none), 5 or 10.
bool IsAllowedRounding(int round_to);

// Nearest multiple of `base` (halves round up), unchanged when base <= 1.
int64_t RoundCount(int64_t count, int base);

// The adjustment the table gives a count above the threshold under this cell key (before
// the floor at threshold + 1).
int Adjustment(int64_t count, uint32_t cell_key);

// The published figure for a count with its cell key, or nullopt for "c".
std::optional<int64_t> PerturbCount(int64_t count, uint32_t cell_key, const DisclosureOptions& options);

// "c" or the figure.
std::string PerturbedText(int64_t count, uint32_t cell_key, const DisclosureOptions& options);

}  // namespace csc
