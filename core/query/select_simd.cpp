#include "query/select_simd.hpp"

#include <cstdlib>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CSC_HAVE_X86_DISPATCH 1
#endif

namespace csc {

namespace {

size_t MaskToSelectionScalar(const uint8_t* mask, size_t n, size_t r0, uint32_t* sel) {
  // Branch-free: at a fifth to a third of rows selected, a branch per row mispredicts more
  // than this costs.
  size_t out = 0;
  for (size_t i = 0; i < n; ++i) {
    sel[out] = static_cast<uint32_t>(r0 + i);
    out += mask[i] != 0;
  }
  return out;
}

#ifdef CSC_HAVE_X86_DISPATCH
__attribute__((target("avx512f,avx512bw,popcnt"))) size_t MaskToSelectionAvx512(const uint8_t* mask, size_t n,
                                                                                 size_t r0, uint32_t* sel) {
  __m512i rows = _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(r0)),
                                  _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
  const __m512i step = _mm512_set1_epi32(16);
  size_t out = 0, i = 0;
  for (; i + 64 <= n; i += 64) {
    const __m512i bytes = _mm512_loadu_si512(mask + i);
    const __mmask64 k = _mm512_test_epi8_mask(bytes, bytes);
    for (int j = 0; j < 4; ++j) {
      const __mmask16 part = static_cast<__mmask16>(k >> (16 * j));
      _mm512_storeu_si512(sel + out, _mm512_maskz_compress_epi32(part, rows));
      out += static_cast<size_t>(__builtin_popcount(part));
      rows = _mm512_add_epi32(rows, step);
    }
  }
  return out + MaskToSelectionScalar(mask + i, n - i, r0 + i, sel + out);
}

bool HasAvx512() {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && !std::getenv("CSC_SCALAR");
  return has;
}
#endif

}  // namespace

size_t MaskToSelection(const uint8_t* mask, size_t n, size_t r0, uint32_t* sel) {
#ifdef CSC_HAVE_X86_DISPATCH
  if (HasAvx512()) return MaskToSelectionAvx512(mask, n, r0, sel);
#endif
  return MaskToSelectionScalar(mask, n, r0, sel);
}

}  // namespace csc
