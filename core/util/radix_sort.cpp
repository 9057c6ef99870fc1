#include "util/radix_sort.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace csc {

void RadixSortUnique(std::vector<uint64_t>& keys, std::vector<uint64_t>& scratch) {
  constexpr int kBits = 11;
  constexpr size_t kBuckets = size_t{1} << kBits;
  const size_t n = keys.size();
  if (n < 2) return;
  if (n < 256) {  // the passes' fixed cost is more than a comparison sort of a few keys
    std::sort(keys.begin(), keys.end());
  } else {
    uint64_t all = 0;
    for (uint64_t k : keys) all |= k;
    const int bits = 64 - std::countl_zero(all);
    scratch.resize(n);
    std::array<size_t, kBuckets> count{};
    for (int shift = 0; shift < bits; shift += kBits) {
      count.fill(0);
      for (uint64_t k : keys) ++count[(k >> shift) & (kBuckets - 1)];
      if (std::find(count.begin(), count.end(), n) != count.end()) continue;  // one digit for all
      size_t at = 0;
      for (size_t& c : count) {
        const size_t here = c;
        c = at;
        at += here;
      }
      for (uint64_t k : keys) scratch[count[(k >> shift) & (kBuckets - 1)]++] = k;
      keys.swap(scratch);
    }
  }
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace csc
