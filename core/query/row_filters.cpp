#include "query/row_filters.hpp"

#include <algorithm>
#include <limits>
#include <type_traits>

#include "query/select_simd.hpp"

namespace csc::detail {

size_t Narrow(const RowPredicate& p, uint32_t* sel, size_t n, bool dense, size_t r0) {
  const ValidityBitmap* valid = p.column->validity();
  return p.column->Visit([&](auto span) -> size_t {
    using T = typename decltype(span)::value_type;
    const T* v = span.data();
    size_t m = 0;
    auto run = [&](auto test) {
      if (valid) {
        const bool np = p.null_passes;
        for (size_t i = 0; i < n; ++i) {
          const uint32_t r = dense ? static_cast<uint32_t>(r0 + i) : sel[i];
          sel[m] = r;
          m += valid->IsValid(r) ? test(v[r]) : np;
        }
      } else if (dense) {
        for (size_t i = 0; i < n; ++i) {
          const uint32_t r = static_cast<uint32_t>(r0 + i);
          sel[m] = r;
          m += test(v[r]);
        }
      } else {
        for (size_t i = 0; i < n; ++i) {
          const uint32_t r = sel[i];
          sel[m] = r;
          m += test(v[r]);
        }
      }
    };
    if constexpr (std::is_floating_point_v<T>) {
      run([&](T x) -> bool { return x >= p.dlo && x <= p.dhi; });
    } else {
      switch (p.kind) {
        case RowPredicate::Kind::CodeLut: {
          const uint8_t* lut = p.lut.data();
          run([lut](T x) -> bool { return lut[static_cast<size_t>(x)]; });
          break;
        }
        case RowPredicate::Kind::IntLut: {
          const uint8_t* lut = p.lut.data();
          const int64_t base = p.base;
          const uint64_t size = p.lut.size();
          const bool outside = p.outside_passes;
          run([=](T x) -> bool {
            const uint64_t off = static_cast<uint64_t>(static_cast<int64_t>(x) - base);
            return off < size ? lut[off] != 0 : outside;
          });
          break;
        }
        case RowPredicate::Kind::IntRange: {
          const int64_t lo = p.lo, hi = p.hi;
          run([=](T x) -> bool { return static_cast<int64_t>(x) >= lo && static_cast<int64_t>(x) <= hi; });
          break;
        }
        default: {
          const double lo = p.dlo, hi = p.dhi;
          run([=](T x) -> bool { return static_cast<double>(x) >= lo && static_cast<double>(x) <= hi; });
          break;
        }
      }
    }
    return m;
  });
}

bool DenseCapable(const RowPredicate& p) {
  if (p.column->has_nulls()) return false;
  if (p.kind == RowPredicate::Kind::CodeLut) return p.column->width() == 1;
  return p.kind == RowPredicate::Kind::IntRange && p.column->type() != ColumnType::Decimal && p.column->width() <= 4;
}

// The dense loops below are written so the compiler vectorizes them: restrict pointers
// (uint8_t may alias anything otherwise), scalar operands, no early exits.
void CodesInSet(const uint8_t* __restrict c, uint8_t* __restrict mask, size_t n, uint8_t v0, uint8_t v1, uint8_t v2,
                uint8_t v3, uint8_t flip, bool first) {
  if (first) {
    for (size_t i = 0; i < n; ++i) {
      const uint8_t x = c[i];
      mask[i] = static_cast<uint8_t>(((x == v0) | (x == v1) | (x == v2) | (x == v3)) ^ flip);
    }
  } else {
    for (size_t i = 0; i < n; ++i) {
      const uint8_t x = c[i];
      mask[i] &= static_cast<uint8_t>(((x == v0) | (x == v1) | (x == v2) | (x == v3)) ^ flip);
    }
  }
}

template <class T>
void ValuesInRange(const T* __restrict v, uint8_t* __restrict mask, size_t n, T lo, T hi, bool first) {
  if (first) {
    for (size_t i = 0; i < n; ++i) mask[i] = static_cast<uint8_t>((v[i] >= lo) & (v[i] <= hi));
  } else {
    for (size_t i = 0; i < n; ++i) mask[i] &= static_cast<uint8_t>((v[i] >= lo) & (v[i] <= hi));
  }
}

void CodesInLut(const uint8_t* __restrict c, uint8_t* __restrict mask, size_t n, const uint8_t* __restrict lut, bool first) {
  if (first) {
    for (size_t i = 0; i < n; ++i) mask[i] = lut[c[i]];
  } else {
    for (size_t i = 0; i < n; ++i) mask[i] &= lut[c[i]];
  }
}

void DenseMask(const RowPredicate& p, size_t r0, size_t n, uint8_t* mask, bool first) {
  if (p.kind == RowPredicate::Kind::CodeLut) {
    const uint8_t* c = reinterpret_cast<const uint8_t*>(p.column->data()) + r0;
    uint8_t yes[4], no[4];
    size_t yes_n = 0, no_n = 0;
    for (size_t code = 0; code < p.lut.size(); ++code) {
      if (p.lut[code]) {
        if (yes_n < 4) yes[yes_n] = static_cast<uint8_t>(code);
        ++yes_n;
      } else {
        if (no_n < 4) no[no_n] = static_cast<uint8_t>(code);
        ++no_n;
      }
    }
    const bool negate = no_n < yes_n;
    const size_t count = negate ? no_n : yes_n;
    const uint8_t* list = negate ? no : yes;
    if (count == 0) {  // every row passes (negate) or none does
      if (!negate) std::fill(mask, mask + n, uint8_t{0});
      else if (first) std::fill(mask, mask + n, uint8_t{1});
      return;
    }
    if (count <= 4) {
      // Up to four codes to compare against, padded with repeats of the first.
      auto at = [&](size_t i) { return list[i < count ? i : 0]; };
      CodesInSet(c, mask, n, at(0), at(1), at(2), at(3), negate ? 1 : 0, first);
      return;
    }
    CodesInLut(c, mask, n, p.lut.data(), first);
    return;
  }
  p.column->Visit([&](auto span) {
    using T = typename decltype(span)::value_type;
    if constexpr (std::is_integral_v<T> && sizeof(T) <= 4) {
      const int64_t tmin = std::numeric_limits<T>::min(), tmax = std::numeric_limits<T>::max();
      if (p.lo > tmax || p.hi < tmin || p.lo > p.hi) {
        std::fill(mask, mask + n, uint8_t{0});
        return;
      }
      ValuesInRange<T>(span.data() + r0, mask, n, static_cast<T>(std::max(p.lo, tmin)), static_cast<T>(std::min(p.hi, tmax)), first);
    }
  });
}


}  // namespace csc::detail
