// The AVX-512 kernel of the vector scan (query/vector_scan.hpp). Only the functions marked
// CSC_AVX512 use those instructions, and VectorScan calls them only after the processor
// said it has them, so the program still runs on any x86-64 (or other) machine.
#include "query/vector_scan.hpp"

#include <algorithm>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#if !defined(__clang__)
// GCC 12 warns about the deliberately undefined source operand inside the maskz intrinsics.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#define CSC_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2,avx512dq,popcnt,bmi2")))

namespace csc::detail {

namespace {

constexpr size_t kMaxParts = 16;

// A 256-entry byte table in four registers, looked up 64 bytes at a time: two two-table
// permutes cover the low and high halves and the top bit of each byte picks between them.
// Codes known to be below 64 or 128 take one permute.
struct Table256 {
  __m512i t0, t1, t2, t3;
  int bits;
};

CSC_AVX512 inline Table256 LoadTable(const std::array<uint8_t, 256>& t, int bits) {
  const auto* p = t.data();
  return {_mm512_loadu_si512(p), _mm512_loadu_si512(p + 64), _mm512_loadu_si512(p + 128), _mm512_loadu_si512(p + 192), bits};
}

CSC_AVX512 inline __m512i Lookup(const Table256& t, __m512i x) {
  if (t.bits <= 6) return _mm512_permutexvar_epi8(x, t.t0);
  const __m512i lo = _mm512_permutex2var_epi8(t.t0, x, t.t1);
  if (t.bits == 7) return lo;
  const __m512i hi = _mm512_permutex2var_epi8(t.t2, x, t.t3);
  return _mm512_mask_blend_epi8(_mm512_movepi8_mask(x), lo, hi);
}

constexpr size_t kPrefetchRows = 1024;  // 256 to 4096 measured the same; none was 0.3 to 0.6 ms slower

// The cache lines of 64 values of `width` bytes from p.
inline void Prefetch(const void* p, int width) {
  for (int line = 0; line < width; ++line) _mm_prefetch(static_cast<const char*>(p) + 64 * line, _MM_HINT_T0);
}

// 64 validity bits from row r (n rows in the block; bits past them are not used).
inline uint64_t ValidBits(const uint64_t* words, size_t r, size_t n) {
  const size_t s = r & 63;
  uint64_t bits = words[r >> 6] >> s;
  if (s && s + n > 64) bits |= words[(r >> 6) + 1] << (64 - s);
  return bits;
}

// Rows passing `lo <= v <= hi` among 64 rows of a 1, 2 or 4-byte signed column.
CSC_AVX512 inline __mmask64 InRange(const VectorPlan::RangeFilter& f, size_t r, __mmask64 live) {
  switch (f.width) {
    case 1: {
      const __m512i v = _mm512_maskz_loadu_epi8(live, static_cast<const int8_t*>(f.values) + r);
      return _mm512_mask_cmpge_epi8_mask(live, v, _mm512_set1_epi8(static_cast<char>(f.lo))) &
             _mm512_cmple_epi8_mask(v, _mm512_set1_epi8(static_cast<char>(f.hi)));
    }
    case 2: {
      const auto* p = static_cast<const int16_t*>(f.values) + r;
      const __m512i lo = _mm512_set1_epi16(static_cast<short>(f.lo)), hi = _mm512_set1_epi16(static_cast<short>(f.hi));
      uint64_t out = 0;
      for (int h = 0; h < 2; ++h) {
        const auto part = static_cast<__mmask32>(live >> (32 * h));
        const __m512i v = _mm512_maskz_loadu_epi16(part, p + 32 * h);
        out |= uint64_t{_mm512_mask_cmpge_epi16_mask(part, v, lo) & _mm512_cmple_epi16_mask(v, hi)} << (32 * h);
      }
      return out;
    }
    default: {
      const auto* p = static_cast<const int32_t*>(f.values) + r;
      const __m512i lo = _mm512_set1_epi32(f.lo), hi = _mm512_set1_epi32(f.hi);
      uint64_t out = 0;
      for (int q = 0; q < 4; ++q) {
        const auto part = static_cast<__mmask16>(live >> (16 * q));
        const __m512i v = _mm512_maskz_loadu_epi32(part, p + 16 * q);
        out |= uint64_t{static_cast<uint16_t>(_mm512_mask_cmpge_epi32_mask(part, v, lo) & _mm512_cmple_epi32_mask(v, hi))}
               << (16 * q);
      }
      return out;
    }
  }
}

// Rows whose two-byte code is (or, negated, is not) one of the filter's values.
CSC_AVX512 inline __mmask64 InCodeSet(const VectorPlan::CodeSetFilter& f, size_t r, __mmask64 live) {
  uint64_t out = 0;
  for (int h = 0; h < 2; ++h) {
    const auto part = static_cast<__mmask32>(live >> (32 * h));
    const __m512i v = _mm512_maskz_loadu_epi16(part, f.codes + r + 32 * h);
    __mmask32 in = 0;
    for (int k = 0; k < f.count; ++k) in |= _mm512_cmpeq_epi16_mask(v, _mm512_set1_epi16(static_cast<short>(f.values[static_cast<size_t>(k)])));
    out |= uint64_t{f.negate ? static_cast<__mmask32>(~in) : in} << (32 * h);
  }
  return out & live;
}

// Sixteen child codes from row r as 32-bit lanes.
CSC_AVX512 inline __m512i Children16(const VectorPlan& plan, size_t r, __mmask16 live) {
  switch (plan.child_width) {
    case 1: return _mm512_cvtepu8_epi32(_mm_maskz_loadu_epi8(live, static_cast<const uint8_t*>(plan.child) + r));
    case 2: return _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi16(live, static_cast<const uint16_t*>(plan.child) + r));
    default: return _mm512_maskz_loadu_epi32(live, static_cast<const uint32_t*>(plan.child) + r);
  }
}

}  // namespace

bool CpuHasAvx512Vbmi() {
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
         __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512vbmi2") &&
         __builtin_cpu_supports("avx512dq");
}

CSC_AVX512 size_t VectorScanAvx512(const VectorPlan& plan, size_t r0, size_t r1, uint32_t* keys, uint32_t* children) {
  if (plan.nothing_passes) return 0;
  if (plan.code_filters.size() > kMaxParts || plan.keys.size() > kMaxParts)
    return VectorScanPortable(plan, r0, r1, keys, children);
  Table256 filters[kMaxParts], parts[kMaxParts];
  for (size_t i = 0; i < plan.code_filters.size(); ++i)
    filters[i] = LoadTable(plan.code_filters[i].pass, plan.code_filters[i].index_bits);
  for (size_t i = 0; i < plan.keys.size(); ++i) parts[i] = LoadTable(plan.keys[i].table, plan.keys[i].index_bits);
  const Table256 age_pass = LoadTable(plan.age_pass, 8);
  const size_t runs = plan.run_start.size();
  const __m512i zero = _mm512_setzero_si512();
  size_t m = 0;
  for (size_t r = r0; r < r1; r += 64) {
    const size_t n = std::min<size_t>(64, r1 - r);
    const __mmask64 live = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    __mmask64 keep = live;
    {
      // Every column a few blocks ahead: more of each stream in flight than the hardware
      // prefetcher keeps on its own (the child codes, the widest, gain most).
      const size_t ahead = r + kPrefetchRows;
      for (size_t i = 0; i < plan.code_filters.size(); ++i) Prefetch(plan.code_filters[i].codes + ahead, 1);
      for (size_t i = 0; i < plan.code_set_filters.size(); ++i) Prefetch(plan.code_set_filters[i].codes + ahead, 2);
      for (size_t i = 0; i < plan.range_filters.size(); ++i)
        Prefetch(static_cast<const char*>(plan.range_filters[i].values) + ahead * static_cast<size_t>(plan.range_filters[i].width),
                 plan.range_filters[i].width);
      if (plan.ages) Prefetch(plan.ages + ahead, 1);
      if (plan.day) Prefetch(plan.day + ahead, 2);
      if (plan.child) Prefetch(static_cast<const char*>(plan.child) + ahead * static_cast<size_t>(plan.child_width), plan.child_width);
    }
    for (size_t i = 0; i < plan.code_filters.size() && keep; ++i) {
      const __m512i codes = _mm512_maskz_loadu_epi8(live, plan.code_filters[i].codes + r);
      keep &= _mm512_test_epi8_mask(Lookup(filters[i], codes), _mm512_set1_epi8(1));
    }
    for (size_t i = 0; i < plan.code_set_filters.size() && keep; ++i) keep &= InCodeSet(plan.code_set_filters[i], r, live);
    for (size_t i = 0; i < plan.range_filters.size() && keep; ++i) keep &= InRange(plan.range_filters[i], r, live);
    if (!keep) continue;
    __m512i ages = zero;
    if (plan.ages) {
      ages = _mm512_maskz_loadu_epi8(live, plan.ages + r);
      if (plan.age_filter) keep &= _mm512_test_epi8_mask(Lookup(age_pass, ages), _mm512_set1_epi8(1));
    }
    __m512i periods = zero;  // one byte per row
    if (plan.day) {
      if (plan.day_valid) keep &= ValidBits(plan.day_valid, r, n);
      __m256i halves[2];
      for (int h = 0; h < 2; ++h) {
        const auto part = static_cast<__mmask32>(live >> (32 * h));
        const __m512i day = _mm512_maskz_loadu_epi16(part, plan.day + r + 32 * h);
        __m512i p = _mm512_set1_epi16(-1);
        for (size_t j = 0; j < runs; ++j)
          p = _mm512_mask_mov_epi16(p, _mm512_cmpge_epi16_mask(day, _mm512_set1_epi16(plan.run_start[j])),
                                    _mm512_set1_epi16(plan.run_value[j]));
        keep &= ~(uint64_t{_mm512_movepi16_mask(p)} << (32 * h));  // -1: in no period
        halves[h] = _mm512_cvtepi16_epi8(p);
      }
      periods = _mm512_inserti64x4(_mm512_castsi256_si512(halves[0]), halves[1], 1);
    }
    if (!keep) continue;
    __m512i key[4] = {zero, zero, zero, zero};
    for (size_t i = 0; i < plan.keys.size(); ++i) {
      const VectorPlan::KeyPart& part = plan.keys[i];
      __m512i bytes;
      if (part.source == VectorPlan::KeyPart::Source::Period) {
        bytes = periods;
      } else if (part.source == VectorPlan::KeyPart::Source::Age) {
        bytes = Lookup(parts[i], ages);
      } else {
        bytes = Lookup(parts[i], _mm512_maskz_loadu_epi8(live, part.codes + r));
        if (part.valid)
          bytes = _mm512_mask_blend_epi8(ValidBits(part.valid, r, n), _mm512_set1_epi8(static_cast<char>(part.null_key)), bytes);
      }
      const __m512i k0 = _mm512_cvtepu8_epi32(_mm512_castsi512_si128(bytes));
      const __m512i k1 = _mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(bytes, 1));
      const __m512i k2 = _mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(bytes, 2));
      const __m512i k3 = _mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(bytes, 3));
      if (part.stride == 1) {
        key[0] = _mm512_add_epi32(key[0], k0);
        key[1] = _mm512_add_epi32(key[1], k1);
        key[2] = _mm512_add_epi32(key[2], k2);
        key[3] = _mm512_add_epi32(key[3], k3);
      } else {
        const __m512i stride = _mm512_set1_epi32(static_cast<int>(part.stride));
        key[0] = _mm512_add_epi32(key[0], _mm512_mullo_epi32(k0, stride));
        key[1] = _mm512_add_epi32(key[1], _mm512_mullo_epi32(k1, stride));
        key[2] = _mm512_add_epi32(key[2], _mm512_mullo_epi32(k2, stride));
        key[3] = _mm512_add_epi32(key[3], _mm512_mullo_epi32(k3, stride));
      }
    }
    const uint64_t child_valid = plan.child_valid ? ValidBits(plan.child_valid, r, n) : ~uint64_t{0};
    for (int q = 0; q < 4; ++q) {
      const auto kq = static_cast<__mmask16>(keep >> (16 * q));
      if (!kq) continue;
      // Compressed in registers and stored whole: the buffers have room past the end.
      _mm512_storeu_si512(keys + m, _mm512_maskz_compress_epi32(kq, key[q]));
      __m512i c = _mm512_set1_epi32(-1);
      if (plan.child) {
        const auto valid = static_cast<__mmask16>(child_valid >> (16 * q));
        c = _mm512_mask_blend_epi32(valid, c, Children16(plan, r + 16 * q, static_cast<__mmask16>(live >> (16 * q))));
      }
      _mm512_storeu_si512(children + m, _mm512_maskz_compress_epi32(kq, c));
      m += static_cast<size_t>(__builtin_popcount(kq));
    }
  }
  return m;
}

}  // namespace csc::detail

#else

namespace csc::detail {
bool CpuHasAvx512Vbmi() { return false; }
size_t VectorScanAvx512(const VectorPlan& plan, size_t r0, size_t r1, uint32_t* keys, uint32_t* children) {
  return VectorScanPortable(plan, r0, r1, keys, children);
}
}  // namespace csc::detail

#endif
