#pragma once
// What makes a query eligible for the executor's one-pass counting (the fused pass and the
// vector scan), and the age test both of them apply.
#include <climits>

#include "query/compiled_query.hpp"
#include "query/row_ages.hpp"
#include "time/anniversary.hpp"

namespace csc::detail {

inline constexpr int kUnknownAge = INT32_MIN;

// Only episodes and children counted, with no links and no durations: each unit needs
// nothing but its group key and child code.
inline bool CountsOnly(const CompiledQuery& cq) {
  bool only = cq.links.empty() && !cq.need_duration;
  for (const CompiledMeasure& m : cq.measures) only &= m.numeric_slot < 0 && m.ratio_slot < 0;
  for (const CompiledDimension& d : cq.dims) only &= d.kind != DimensionKind::DurationBand;
  return only;
}

// CountsOnly with one unit per row (no periods, or started / ceased over disjoint periods).
inline bool FusedEligible(const CompiledQuery& cq) {
  return CountsOnly(cq) && (cq.periods.empty() || !cq.period_of_day.empty());
}

// The age a derived age byte (row_ages.hpp) stands for.
inline int AgeOfDerived(int8_t a) { return a == kRowAgeUnknown ? kUnknownAge : a; }

// The date ages are taken on in the fused pass: the end when ceased counting has periods,
// else the start.
inline const Column* FusedReference(const CompiledQuery& cq) {
  return !cq.periods.empty() && cq.query.counting.mode == CountMode::CeasedIn ? cq.end : cq.start;
}

inline bool AgePasses(const AgePredicate& p, int age) {
  if (age == kUnknownAge) return !p.require_known && (p.band_mask >> static_cast<int>(AgeBand::Unknown) & 1);
  if (age < p.lo || age > p.hi) return false;
  return p.band_mask >> static_cast<int>(AgeBandOf(age)) & 1;
}

// The distinct store the children measure fills, or -1.
inline int ChildrenSlot(const CompiledQuery& cq) {
  int slot = -1;
  for (const CompiledMeasure& m : cq.measures)
    if (m.spec.kind == MeasureKind::Children || (m.distinct_slot >= 0 && m.spec.kind != MeasureKind::Ratio))
      slot = m.distinct_slot;
  return slot;
}

}  // namespace csc::detail
