// The popcount and key sum of a bitmap over child codes (query/bitmap_tally.hpp): the
// AVX-512 kernel and the plain loops agree, and both give the sums worked out by hand.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "query/bitmap_tally.hpp"

using namespace csc;

TEST_CASE("A bitmap's tally counts its set bits and sums their keys", "[query][cell_key]") {
  // Three words; keys[c] = c % 7. Set: 0 (key 0), 5 (5), 63 (0), 64 (1), 130 (4), 191 (2).
  std::vector<uint8_t> keys(192);
  for (size_t c = 0; c < keys.size(); ++c) keys[c] = static_cast<uint8_t>(c % 7);
  std::vector<uint64_t> words(3, 0);
  for (size_t c : {0u, 5u, 63u, 64u, 130u, 191u}) words[c / 64] |= uint64_t{1} << (c % 64);
  for (auto tally : {TallyBitmap, TallyBitmapPortable}) {
    const BitmapTally all = tally(words.data(), 0, 3, keys.data());
    CHECK(all.count == 6);
    CHECK(all.key_sum == 0 + 5 + 0 + 1 + 4 + 2);
    const BitmapTally middle = tally(words.data(), 1, 2, keys.data());  // 64 only
    CHECK(middle.count == 1);
    CHECK(middle.key_sum == 1);
    CHECK(tally(words.data(), 2, 2, keys.data()).count == 0);
  }
}

TEST_CASE("The vector tally and the plain one agree on random bitmaps, odd word counts and full words", "[query][cell_key]") {
  std::mt19937_64 rng(16);
  for (size_t words : {1u, 2u, 3u, 17u, 256u, 1001u}) {
    // Keys only as far as the last child: the kernel must not read past them.
    const size_t children = words * 64 - 13;
    std::vector<uint8_t> keys(children);
    for (auto& k : keys) k = static_cast<uint8_t>(rng());
    std::vector<uint64_t> bits(words);
    for (size_t w = 0; w < words; ++w) bits[w] = w % 5 == 4 ? ~uint64_t{0} : rng() & rng();
    bits[words - 1] &= (uint64_t{1} << (64 - 13)) - 1;  // no child past the last
    const BitmapTally a = TallyBitmap(bits.data(), 0, words, keys.data());
    const BitmapTally b = TallyBitmapPortable(bits.data(), 0, words, keys.data());
    CHECK(a.count == b.count);
    CHECK(a.key_sum == b.key_sum);
  }
}
