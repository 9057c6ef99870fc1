#pragma once
// Sorting 64-bit keys that use few of their bits (e.g. group << 32 | child code, with a few
// thousand groups and two million children: 33 bits) by least-significant-digit radix, 11
// bits a pass, skipping the passes whose digit every key shares.
#include <cstdint>
#include <vector>

namespace csc {

// Sorts `keys` ascending and drops repeats; `scratch` is working space (resized as needed).
void RadixSortUnique(std::vector<uint64_t>& keys, std::vector<uint64_t>& scratch);

}  // namespace csc
