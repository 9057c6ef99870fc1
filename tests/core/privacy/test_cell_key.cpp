// The perturbation table of the cell-key method, worked by hand: index = (cell key + count x
// 167) mod 256; indices 0-19 give -3, 20-55 -2, 56-99 -1, 100-155 0, 156-199 +1, 200-235 +2,
// 236-255 +3 (privacy/cell_key.hpp).
#include <catch2/catch.hpp>

#include <map>

#include "privacy/cell_key.hpp"

using namespace csc;

TEST_CASE("Cell key: counts above the threshold move by the table's adjustment", "[privacy][cellkey]") {
  // 100 x 167 = 16700 = 65 x 256 + 60: key 0 -> index 60 (-1), key 40 -> 100 (0),
  // key 196 -> 256 = 0 (-3), key 195 -> 255 (+3).
  CHECK(PerturbCount(100, 0, {}) == 99);
  CHECK(PerturbCount(100, 40, {}) == 100);
  CHECK(PerturbCount(100, 196, {}) == 97);
  CHECK(PerturbCount(100, 195, {}) == 103);
  // The key is read modulo 256: a sum of record keys of 40 + 256 is the same cell key.
  CHECK(PerturbCount(100, 40 + 256 * 7, {}) == 100);
  // Rounding composes: 103 to the nearest 5 is 105, to the nearest 10 is 100.
  CHECK(PerturbCount(100, 195, {5, 5}) == 105);
  CHECK(PerturbCount(100, 195, {5, 10}) == 100);
}

TEST_CASE("Cell key: 1..threshold is never published, 0 is, and nothing lands at or below the threshold",
          "[privacy][cellkey]") {
  for (uint32_t key = 0; key < 256; ++key) {
    CHECK(PerturbCount(0, key, {}) == 0);
    for (int t : {5, 7, 10})
      for (int n = 1; n <= t; ++n) CHECK_FALSE(PerturbCount(n, key, {t, 0}).has_value());
    // 6 x 167 = 1002 = 3 x 256 + 234: key 22 -> index 0 (-3), floored at threshold + 1 = 6.
    for (int t : {5, 7, 10})
      for (int n = t + 1; n < t + 10; ++n) CHECK(*PerturbCount(n, key, {t, 0}) > t);
  }
  CHECK(PerturbCount(6, 22, {}) == 6);
  CHECK(PerturbCount(6, 0, {}) == 8);  // index 234: +2
  CHECK(PerturbedText(4, 0, {}) == "c");
  CHECK(PerturbedText(0, 9, {}) == "0");
}

TEST_CASE("Cell key: every count's row of the table has the weights' distribution, mean 0", "[privacy][cellkey]") {
  for (int64_t n : {14, 15, 100, 391, 5000}) {
    std::map<int, int> seen;
    int64_t sum = 0;
    for (uint32_t key = 0; key < 256; ++key) {
      const int a = Adjustment(n, key);
      ++seen[a];
      sum += a;
    }
    CHECK(sum == 0);
    for (int a = -kMaxAdjustment; a <= kMaxAdjustment; ++a) CHECK(seen[a] == kAdjustmentWeights[static_cast<size_t>(a + 3)]);
  }
}

TEST_CASE("Thresholds other than 5, 7 and 10 are refused in words", "[privacy][cellkey]") {
  CHECK(IsAllowedThreshold(5));
  CHECK(IsAllowedThreshold(7));
  CHECK(IsAllowedThreshold(10));
  for (int t : {0, -1, 1, 3, 6, 11, 100}) CHECK_FALSE(IsAllowedThreshold(t));
  CHECK(ThresholdError(0) == "disclosure threshold 0 is not allowed: use 5, 7 or 10");
  CHECK(ThresholdError(7).empty());
  CHECK(IsAllowedRounding(0));
  CHECK(IsAllowedRounding(10));
  CHECK_FALSE(IsAllowedRounding(3));
}
