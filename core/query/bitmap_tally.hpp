#pragma once
// Cell keys of distinct children (query/record_keys.hpp, docs/DISCLOSURE.md): a group's cell
// key is the sum of its children's record keys, so each group's bitmap of children is read
// once for both its popcount and that sum. Bit by bit the sum took a mispredicted branch per
// bitmap word (about 6 ms on the typical slice, doubling the query); the AVX-512 kernel
// instead loads the 64 key bytes of a word under the word as a mask and adds them with one
// sum of absolute differences, no branch at all. Plain loops elsewhere, with the same meaning.
#include <cstddef>
#include <cstdint>

namespace csc {

struct BitmapTally {
  uint64_t count = 0;    // set bits
  uint64_t key_sum = 0;  // sum of keys[c] over the set bits c
};

// Words [w0, w1) of a bitmap over child codes; keys[c] must be readable for every set bit c
// (bits past the last child are never set, and the AVX-512 kernel reads no masked-off byte).
BitmapTally TallyBitmap(const uint64_t* words, size_t w0, size_t w1, const uint8_t* keys);
// The same with plain loops, whatever the processor (tests compare the two).
BitmapTally TallyBitmapPortable(const uint64_t* words, size_t w0, size_t w1, const uint8_t* keys);

}  // namespace csc
