// RadixSortUnique against std::sort + std::unique on keys of every width it meets: a few
// bits, group << 32 | child, full 64-bit, many repeats, already sorted, reversed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "util/radix_sort.hpp"

TEST_CASE("radix sort with repeats dropped equals sort and unique", "[util]") {
  std::mt19937_64 rng(11);
  std::vector<uint64_t> scratch;
  for (int iteration = 0; iteration < 200; ++iteration) {
    const size_t n = rng() % 5 == 0 ? rng() % 300 : rng() % 20000;
    const int bits = 1 + static_cast<int>(rng() % 64);
    const uint64_t mask = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
    std::vector<uint64_t> keys(n);
    for (auto& k : keys) k = rng() % 3 == 0 ? ((rng() % 4000) << 32 | (rng() % 2000000)) : rng() & mask;
    if (iteration % 10 == 1) std::sort(keys.begin(), keys.end());
    if (iteration % 10 == 2) std::sort(keys.rbegin(), keys.rend());
    std::vector<uint64_t> want = keys;
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    csc::RadixSortUnique(keys, scratch);
    INFO("iteration " << iteration << " n " << n << " bits " << bits);
    REQUIRE(keys == want);
  }
}
