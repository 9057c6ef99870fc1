// The AVX-512 kernel of the vector scan (query/vector_scan.hpp). Only the functions marked
// CSC_AVX512 use those instructions, and VectorScan calls them only after the processor
// said it has them, so the program still runs on any x86-64 (or other) machine.
#include "query/vector_scan.hpp"

#include "query/row_ages.hpp"

#include <algorithm>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#if !defined(__clang__)
// GCC 12 warns about the deliberately undefined source operand inside the maskz intrinsics.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
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

namespace {

// key[q] (16 rows each) += zero-extended bytes x stride.
CSC_AVX512 inline void AddKeyPart(__m512i key[4], __m512i bytes, uint32_t stride) {
  const __m512i k[4] = {_mm512_cvtepu8_epi32(_mm512_castsi512_si128(bytes)), _mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(bytes, 1)),
                        _mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(bytes, 2)), _mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(bytes, 3))};
  if (stride == 1) {
    for (int q = 0; q < 4; ++q) key[q] = _mm512_add_epi32(key[q], k[q]);
  } else {
    const __m512i s = _mm512_set1_epi32(static_cast<int>(stride));
    for (int q = 0; q < 4; ++q) key[q] = _mm512_add_epi32(key[q], _mm512_mullo_epi32(k[q], s));
  }
}

// The kept rows' keys and child codes, compressed in registers and stored whole (the
// buffers have room past the end).
CSC_AVX512 inline size_t Emit(uint64_t keep, const __m512i key[4], const __m512i child[4], uint32_t* keys, uint32_t* children,
                              size_t m) {
  for (int q = 0; q < 4; ++q) {
    const auto kq = static_cast<__mmask16>(keep >> (16 * q));
    if (!kq) continue;
    _mm512_storeu_si512(keys + m, _mm512_maskz_compress_epi32(kq, key[q]));
    _mm512_storeu_si512(children + m, _mm512_maskz_compress_epi32(kq, child[q]));
    m += static_cast<size_t>(__builtin_popcount(kq));
  }
  return m;
}

// key[q] += table[code] x stride for two-byte codes (null_key for a null cell), the table
// read with a masked gather of the live rows.
CSC_AVX512 inline void AddWideKeyPart(__m512i key[4], const VectorPlan::KeyPart& part, size_t r, size_t n, __mmask64 live) {
  const uint64_t valid = (part.valid ? ValidBits(part.valid, r, n) : ~uint64_t{0}) & live;
  const __m512i nulls = _mm512_set1_epi32(static_cast<int>(part.null_key));
  const __m512i stride = _mm512_set1_epi32(static_cast<int>(part.stride));
  const auto* table = reinterpret_cast<const int*>(part.wide_table.data());
  for (int q = 0; q < 4; ++q) {
    const auto lanes = static_cast<__mmask16>(valid >> (16 * q));
    const __m512i codes = _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi16(static_cast<__mmask16>(live >> (16 * q)), part.wide_codes + r + 16 * q));
    const __m512i v = _mm512_mask_i32gather_epi32(nulls, lanes, codes, table, 4);
    key[q] = _mm512_add_epi32(key[q], _mm512_mullo_epi32(v, stride));
  }
}

CSC_AVX512 inline void AddAgeParts(const VectorPlan& plan, const Table256* parts, __m512i key[4], __m512i ages) {
  for (size_t i = 0; i < plan.keys.size(); ++i)
    if (plan.keys[i].source == VectorPlan::KeyPart::Source::Age) AddKeyPart(key, Lookup(parts[i], ages), plan.keys[i].stride);
}

// Rows 16q .. 16q + 15 of a block held as two halves of 32 16-bit lanes.
CSC_AVX512 inline __m256i Quarter16(const __m512i halves[2], int q) {
  return q & 1 ? _mm512_extracti64x4_epi64(halves[q >> 1], 1) : _mm512_castsi512_si256(halves[q >> 1]);
}

// The year keys (a calendar table by day - date_base) of 64 rows' 16-bit days, in four
// groups of 16 lanes; only the `lanes` rows are read.
CSC_AVX512 inline void GatherYearKeys(const __m512i days[2], uint64_t lanes, const int32_t* table, int32_t date_base, __m512i out[4]) {
  const __m512i base = _mm512_set1_epi32(date_base);
  for (int q = 0; q < 4; ++q) {
    const __m512i index = _mm512_sub_epi32(_mm512_cvtepi16_epi32(Quarter16(days, q)), base);
    out[q] = _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), static_cast<__mmask16>(lanes >> (16 * q)), index, table, 4);
  }
}

// 64 rows of a 16-bit date column as two halves of 32 lanes.
CSC_AVX512 inline void LoadDays(const int16_t* days, size_t r, __mmask64 live, __m512i out[2]) {
  out[0] = _mm512_maskz_loadu_epi16(static_cast<__mmask32>(live), days + r);
  out[1] = _mm512_maskz_loadu_epi16(static_cast<__mmask32>(live >> 32), days + r + 32);
}

}  // namespace

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
  const bool spans = !plan.start_by.empty();
  const __m512i zero = _mm512_setzero_si512(), ones8 = _mm512_set1_epi8(1);
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
      if (plan.start) Prefetch(plan.start + ahead, 2);
      if (plan.end) Prefetch(plan.end + ahead, 2);
      if (plan.dob) Prefetch(plan.dob + ahead, 2);
      for (const VectorPlan::KeyPart& part : plan.keys) {
        if (part.wide_codes) Prefetch(part.wide_codes + ahead, 2);
        if (part.identity) Prefetch(part.codes + ahead, 1);  // the record keys: read by no filter
      }
      if (plan.child) Prefetch(static_cast<const char*>(plan.child) + ahead * static_cast<size_t>(plan.child_width), plan.child_width);
    }
    for (size_t i = 0; i < plan.code_filters.size() && keep; ++i) {
      const __m512i codes = _mm512_maskz_loadu_epi8(live, plan.code_filters[i].codes + r);
      keep &= _mm512_test_epi8_mask(Lookup(filters[i], codes), ones8);
    }
    for (size_t i = 0; i < plan.code_set_filters.size() && keep; ++i) keep &= InCodeSet(plan.code_set_filters[i], r, live);
    for (size_t i = 0; i < plan.range_filters.size() && keep; ++i) keep &= InRange(plan.range_filters[i], r, live);
    if (!keep) continue;

    // What does not depend on the period: the column parts of the key and the child codes.
    __m512i base[4] = {zero, zero, zero, zero};
    for (size_t i = 0; i < plan.keys.size(); ++i) {
      const VectorPlan::KeyPart& part = plan.keys[i];
      if (part.source == VectorPlan::KeyPart::Source::WideCodes) {
        AddWideKeyPart(base, part, r, n, live);
        continue;
      }
      if (part.source != VectorPlan::KeyPart::Source::Codes) continue;
      const __m512i raw = _mm512_maskz_loadu_epi8(live, part.codes + r);
      __m512i bytes = part.identity ? raw : Lookup(parts[i], raw);
      if (part.valid)
        bytes = _mm512_mask_blend_epi8(ValidBits(part.valid, r, n), _mm512_set1_epi8(static_cast<char>(part.null_key)), bytes);
      AddKeyPart(base, bytes, part.stride);
    }
    __m512i child[4];
    const uint64_t child_valid = plan.child_valid ? ValidBits(plan.child_valid, r, n) : ~uint64_t{0};
    for (int q = 0; q < 4; ++q) {
      child[q] = _mm512_set1_epi32(-1);
      if (plan.child)
        child[q] = _mm512_mask_blend_epi32(static_cast<__mmask16>(child_valid >> (16 * q)), child[q],
                                           Children16(plan, r + 16 * q, static_cast<__mmask16>(live >> (16 * q))));
    }

    if (!spans) {
      __m512i ages = zero;
      if (plan.ages) {
        ages = _mm512_maskz_loadu_epi8(live, plan.ages + r);
        if (plan.age_filter) keep &= _mm512_test_epi8_mask(Lookup(age_pass, ages), ones8);
      }
      __m512i periods = zero;  // one byte per row
      if (plan.day) {
        if (plan.day_valid) keep &= ValidBits(plan.day_valid, r, n);
        __m512i days[2];
        LoadDays(plan.day, r, live, days);
        __m256i halves[2];
        for (int h = 0; h < 2; ++h) {
          __m512i p = _mm512_set1_epi16(-1);
          for (size_t j = 0; j < runs; ++j)
            p = _mm512_mask_mov_epi16(p, _mm512_cmpge_epi16_mask(days[h], _mm512_set1_epi16(plan.run_start[j])),
                                      _mm512_set1_epi16(plan.run_value[j]));
          keep &= ~(uint64_t{_mm512_movepi16_mask(p)} << (32 * h));  // -1: in no period
          halves[h] = _mm512_cvtepi16_epi8(p);
        }
        periods = _mm512_inserti64x4(_mm512_castsi256_si512(halves[0]), halves[1], 1);
      }
      if (!keep) continue;
      __m512i key[4] = {base[0], base[1], base[2], base[3]};
      AddAgeParts(plan, parts, key, ages);
      for (size_t i = 0; i < plan.keys.size(); ++i)
        if (plan.keys[i].source == VectorPlan::KeyPart::Source::Period) AddKeyPart(key, periods, plan.keys[i].stride);
      m = Emit(keep, key, child, keys, children, m);
      continue;
    }

    // Open-at, open-during: the start, end and year keys once per block, then each period.
    __m512i start[2], end[2];
    LoadDays(plan.start, r, live, start);
    LoadDays(plan.end, r, live, end);
    const uint64_t start_valid = plan.start_valid ? ValidBits(plan.start_valid, r, n) : ~uint64_t{0};
    const uint64_t end_null = plan.end_valid ? ~ValidBits(plan.end_valid, r, n) : 0;
    keep &= start_valid;
    if (!keep) continue;
    uint64_t dob_valid = ~uint64_t{0};
    __m512i dob_key[4] = {zero, zero, zero, zero}, start_key[4] = {zero, zero, zero, zero}, start32[4];
    if (plan.dob) {
      dob_valid = plan.dob_valid ? ValidBits(plan.dob_valid, r, n) : ~uint64_t{0};
      __m512i dob[2];
      LoadDays(plan.dob, r, live, dob);
      GatherYearKeys(dob, dob_valid & live, plan.dob_key, plan.date_base, dob_key);
      if (plan.start_key) {
        GatherYearKeys(start, keep, plan.start_key, plan.date_base, start_key);
        for (int q = 0; q < 4; ++q) start32[q] = _mm512_cvtepi16_epi32(Quarter16(start, q));
      }
    }
    for (size_t p = 0; p < plan.start_by.size(); ++p) {
      const __m512i by = _mm512_set1_epi16(plan.start_by[p]), from = _mm512_set1_epi16(plan.end_from[p]);
      uint64_t open = 0;
      for (int h = 0; h < 2; ++h)
        open |= uint64_t{_mm512_cmple_epi16_mask(start[h], by) & (_mm512_cmpge_epi16_mask(end[h], from) |
                                                                    static_cast<__mmask32>(end_null >> (32 * h)))}
                << (32 * h);
      uint64_t kp = keep & open;
      if (!kp) continue;
      __m512i ages = zero;
      if (plan.dob) {
        const __m512i ref = _mm512_set1_epi32(plan.ref_key[p]), unborn = _mm512_set1_epi32(-1);
        const __m512i from32 = _mm512_set1_epi32(plan.end_from[p]);
        __m128i bytes[4];
        for (int q = 0; q < 4; ++q) {
          // Open-during takes ages at the later of the start and the period's first day.
          const __m512i at = plan.start_key ? _mm512_mask_blend_epi32(_mm512_cmpgt_epi32_mask(start32[q], from32), ref, start_key[q]) : ref;
          bytes[q] = _mm512_cvtsepi32_epi8(_mm512_max_epi32(_mm512_srai_epi32(_mm512_sub_epi32(at, dob_key[q]), 9), unborn));
        }
        ages = _mm512_inserti32x4(_mm512_inserti32x4(_mm512_inserti32x4(_mm512_castsi128_si512(bytes[0]), bytes[1], 1), bytes[2], 2),
                                  bytes[3], 3);
        ages = _mm512_mask_blend_epi8(dob_valid, _mm512_set1_epi8(static_cast<char>(kRowAgeUnknown)), ages);
        if (plan.age_filter) kp &= _mm512_test_epi8_mask(Lookup(age_pass, ages), ones8);
        if (!kp) continue;
      }
      __m512i key[4] = {base[0], base[1], base[2], base[3]};
      AddAgeParts(plan, parts, key, ages);
      for (size_t i = 0; i < plan.keys.size(); ++i)
        if (plan.keys[i].source == VectorPlan::KeyPart::Source::Period) {
          const __m512i add = _mm512_set1_epi32(static_cast<int>(static_cast<uint32_t>(p) * plan.keys[i].stride));
          for (int q = 0; q < 4; ++q) key[q] = _mm512_add_epi32(key[q], add);
        }
      m = Emit(kp, key, child, keys, children, m);
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
