#include "query/bitmap_tally.hpp"

#include <bit>

#include "query/vector_scan.hpp"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#if !defined(__clang__)
// GCC 12 warns about the deliberately undefined source operand inside the reduce intrinsics.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#endif

namespace csc {

BitmapTally TallyBitmapPortable(const uint64_t* words, size_t w0, size_t w1, const uint8_t* keys) {
  BitmapTally t;
  for (size_t w = w0; w < w1; ++w) {
    t.count += static_cast<uint64_t>(std::popcount(words[w]));
    for (uint64_t x = words[w]; x; x &= x - 1) t.key_sum += keys[w * 64 + static_cast<size_t>(std::countr_zero(x))];
  }
  return t;
}

#if defined(__x86_64__) && defined(__GNUC__)

namespace {

// Two words per step in two accumulators: the masked load and the byte sum of one word do
// not wait for the other's.
__attribute__((target("avx512f,avx512bw,popcnt"))) BitmapTally TallyAvx512(const uint64_t* words, size_t w0, size_t w1,
                                                                           const uint8_t* keys) {
  const __m512i zero = _mm512_setzero_si512();
  __m512i acc0 = zero, acc1 = zero;
  uint64_t n0 = 0, n1 = 0;
  size_t w = w0;
  for (; w + 2 <= w1; w += 2) {
    const uint64_t a = words[w], b = words[w + 1];
    n0 += static_cast<uint64_t>(_mm_popcnt_u64(a));
    n1 += static_cast<uint64_t>(_mm_popcnt_u64(b));
    acc0 = _mm512_add_epi64(acc0, _mm512_sad_epu8(_mm512_maskz_loadu_epi8(a, keys + w * 64), zero));
    acc1 = _mm512_add_epi64(acc1, _mm512_sad_epu8(_mm512_maskz_loadu_epi8(b, keys + w * 64 + 64), zero));
  }
  if (w < w1) {
    n0 += static_cast<uint64_t>(_mm_popcnt_u64(words[w]));
    acc0 = _mm512_add_epi64(acc0, _mm512_sad_epu8(_mm512_maskz_loadu_epi8(words[w], keys + w * 64), zero));
  }
  return {n0 + n1, static_cast<uint64_t>(_mm512_reduce_add_epi64(_mm512_add_epi64(acc0, acc1)))};
}

bool UseAvx512() {
  static const bool use = [] {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && VectorScanUsesAvx512();
  }();
  return use;
}

}  // namespace

BitmapTally TallyBitmap(const uint64_t* words, size_t w0, size_t w1, const uint8_t* keys) {
  if (UseAvx512()) return TallyAvx512(words, w0, w1, keys);
  return TallyBitmapPortable(words, w0, w1, keys);
}

#else

BitmapTally TallyBitmap(const uint64_t* words, size_t w0, size_t w1, const uint8_t* keys) {
  return TallyBitmapPortable(words, w0, w1, keys);
}

#endif

}  // namespace csc
