#include "ingest/byte_scan.hpp"

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace csc {

namespace {

void ScanScalar(const unsigned char* p, const unsigned char* e, ByteCounts& c) {
  unsigned char any = 0;
  bool cr = false, nul = false;
  for (; p < e; ++p) {
    const unsigned char b = *p;
    c.quotes += b == '"';
    c.line_feeds += b == '\n';
    cr |= b == '\r';
    nul |= b == 0;
    any |= b;
  }
  c.carriage_return |= cr;
  c.nul |= nul;
  c.non_ascii |= (any & 0x80) != 0;
}

}  // namespace

void ScanBytes(const char* begin, const char* end, ByteCounts& c) {
  const auto* p = reinterpret_cast<const unsigned char*>(begin);
  const auto* e = reinterpret_cast<const unsigned char*>(end);
#if defined(__SSE2__)
  // Byte-wide counters (a match subtracts -1) summed into 64-bit totals with SAD before they
  // can wrap: no popcount instruction needed on the baseline x86-64 target.
  const __m128i quote = _mm_set1_epi8('"'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  const __m128i zero = _mm_setzero_si128();
  __m128i crs = zero, nuls = zero, high = zero;
  while (e - p >= 16) {
    __m128i q_acc = zero, lf_acc = zero;
    const size_t blocks = static_cast<size_t>(e - p) / 16;
    const size_t run = blocks < 255 ? blocks : 255;
    for (size_t i = 0; i < run; ++i, p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      q_acc = _mm_sub_epi8(q_acc, _mm_cmpeq_epi8(v, quote));
      lf_acc = _mm_sub_epi8(lf_acc, _mm_cmpeq_epi8(v, lf));
      crs = _mm_or_si128(crs, _mm_cmpeq_epi8(v, cr));
      nuls = _mm_or_si128(nuls, _mm_cmpeq_epi8(v, zero));
      high = _mm_or_si128(high, v);
    }
    const __m128i qs = _mm_sad_epu8(q_acc, zero), ls = _mm_sad_epu8(lf_acc, zero);
    c.quotes += static_cast<size_t>(_mm_cvtsi128_si32(qs)) + static_cast<size_t>(_mm_extract_epi16(qs, 4));
    c.line_feeds += static_cast<size_t>(_mm_cvtsi128_si32(ls)) + static_cast<size_t>(_mm_extract_epi16(ls, 4));
  }
  c.carriage_return |= _mm_movemask_epi8(crs) != 0;
  c.nul |= _mm_movemask_epi8(nuls) != 0;
  c.non_ascii |= _mm_movemask_epi8(high) != 0;
#endif
  ScanScalar(p, e, c);
}

}  // namespace csc
