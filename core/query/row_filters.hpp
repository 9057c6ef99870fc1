#pragma once
// Row predicates of the query executor over one scan chunk: byte masks over a dense row
// range (vectorized loops) and narrowing a selection vector; gathering the selected rows'
// values of a column.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "query/compiled_query.hpp"

namespace csc::detail {

// Narrows sel[0..n) (or the dense range [r0, r0 + n) when `dense`) to rows passing `p`.
size_t Narrow(const RowPredicate& p, uint32_t* sel, size_t n, bool dense, size_t r0);
// Whether `p` can be evaluated as a byte mask over a dense row range with loops the
// compiler vectorizes: no nulls, one-byte codes or integer ranges on up to 4-byte values.
bool DenseCapable(const RowPredicate& p);
// mask[i] (&)= p(row r0 + i) as 0/1 bytes.
void DenseMask(const RowPredicate& p, size_t r0, size_t n, uint8_t* mask, bool first);

template <class Out, class Convert>
void Gather(const Column& col, const uint32_t* sel, size_t n, Out* out, Out null_value, Convert convert) {
  col.Visit([&](auto span) {
    const auto* v = span.data();
    for (size_t k = 0; k < n; ++k) out[k] = convert(v[sel[k]]);
  });
  if (const ValidityBitmap* valid = col.validity())
    for (size_t k = 0; k < n; ++k)
      if (!valid->IsValid(sel[k])) out[k] = null_value;
}

inline void GatherDates(const Column* col, const uint32_t* sel, size_t n, int32_t* out) {
  if (!col) {
    std::fill(out, out + n, kNoDate);
    return;
  }
  Gather(*col, sel, n, out, kNoDate, [](auto x) { return static_cast<int32_t>(x); });
}

}  // namespace csc::detail
