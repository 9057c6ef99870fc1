#include "query/vector_scan.hpp"

#include <algorithm>
#include <cstdlib>

#include "query/row_ages.hpp"

namespace csc {

namespace {

bool BitSet(const uint64_t* words, size_t row) { return (words[row >> 6] >> (row & 63)) & 1u; }

int32_t IntAt(const void* values, int width, size_t row) {
  switch (width) {
    case 1: return static_cast<const int8_t*>(values)[row];
    case 2: return static_cast<const int16_t*>(values)[row];
    default: return static_cast<const int32_t*>(values)[row];
  }
}

uint32_t CodeAt(const void* values, int width, size_t row) {
  switch (width) {
    case 1: return static_cast<const uint8_t*>(values)[row];
    case 2: return static_cast<const uint16_t*>(values)[row];
    default: return static_cast<const uint32_t*>(values)[row];
  }
}

constexpr int kRowAgeUnknownByte = static_cast<uint8_t>(kRowAgeUnknown);

// Whether row r passes the filters that do not depend on the period.
bool PassesFilters(const VectorPlan& plan, size_t r) {
  bool keep = true;
  for (const VectorPlan::CodeFilter& f : plan.code_filters) keep &= f.pass[f.codes[r]] != 0;
  for (const VectorPlan::CodeSetFilter& f : plan.code_set_filters) {
    bool in = false;
    for (int k = 0; k < f.count; ++k) in |= f.codes[r] == f.values[static_cast<size_t>(k)];
    keep &= in != f.negate;
  }
  for (const VectorPlan::RangeFilter& f : plan.range_filters) {
    const int32_t v = IntAt(f.values, f.width, r);
    keep &= v >= f.lo && v <= f.hi;
  }
  return keep;
}

// Row r's age byte on period p's reference date.
uint8_t AgeInPeriod(const VectorPlan& plan, size_t r, size_t p) {
  if (plan.dob_valid && !BitSet(plan.dob_valid, r)) return static_cast<uint8_t>(kRowAgeUnknownByte);
  const bool later_start = plan.start_key && plan.start[r] > plan.end_from[p];  // open-during: max(start, F)
  const int32_t ref = later_start ? plan.start_key[plan.start[r] - plan.date_base] : plan.ref_key[p];
  const int32_t raw = (ref - plan.dob_key[plan.dob[r] - plan.date_base]) >> 9;
  return static_cast<uint8_t>(static_cast<int8_t>(std::clamp(raw, -1, 127)));
}

uint32_t KeyOf(const VectorPlan& plan, size_t r, uint8_t age, uint32_t period) {
  uint32_t key = 0;
  for (const VectorPlan::KeyPart& part : plan.keys) {
    uint32_t v = 0;
    switch (part.source) {
      case VectorPlan::KeyPart::Source::Codes:
        v = part.valid && !BitSet(part.valid, r) ? part.null_key : part.table[part.codes[r]];
        break;
      case VectorPlan::KeyPart::Source::WideCodes:
        v = part.valid && !BitSet(part.valid, r) ? part.null_key : part.wide_table[part.wide_codes[r]];
        break;
      case VectorPlan::KeyPart::Source::Age: v = part.table[age]; break;
      case VectorPlan::KeyPart::Source::Period: v = period; break;
    }
    key += v * part.stride;
  }
  return key;
}

uint32_t ChildOf(const VectorPlan& plan, size_t r) {
  if (!plan.child || (plan.child_valid && !BitSet(plan.child_valid, r))) return kNoChild;
  return CodeAt(plan.child, plan.child_width, r);
}

}  // namespace

size_t VectorScanPortable(const VectorPlan& plan, size_t r0, size_t r1, uint32_t* keys, uint32_t* children) {
  if (plan.nothing_passes) return 0;
  size_t m = 0;
  auto emit = [&](size_t r, uint8_t age, uint32_t period) {
    keys[m] = KeyOf(plan, r, age, period);
    children[m] = ChildOf(plan, r);
    ++m;
  };
  for (size_t b = r0; b < r1; b += 64) {
    const size_t b1 = std::min(r1, b + 64);
    if (plan.start_by.empty()) {
      for (size_t r = b; r < b1; ++r) {
        bool keep = PassesFilters(plan, r);
        const uint8_t age = plan.ages ? static_cast<uint8_t>(plan.ages[r]) : 0;
        if (plan.age_filter) keep &= plan.age_pass[age] != 0;
        int period = 0;
        if (plan.day) {
          period = -1;
          for (size_t j = 0; j < plan.run_start.size(); ++j)
            if (plan.day[r] >= plan.run_start[j]) period = plan.run_value[j];
          keep &= period >= 0 && (!plan.day_valid || BitSet(plan.day_valid, r));
        }
        if (keep) emit(r, age, static_cast<uint32_t>(period));
      }
      continue;
    }
    // Open-at, open-during: period by period within the block, as the vector kernel emits them.
    for (size_t p = 0; p < plan.start_by.size(); ++p) {
      for (size_t r = b; r < b1; ++r) {
        bool keep = PassesFilters(plan, r);
        keep &= (!plan.start_valid || BitSet(plan.start_valid, r)) && plan.start[r] <= plan.start_by[p];
        keep &= (plan.end_valid && !BitSet(plan.end_valid, r)) || plan.end[r] >= plan.end_from[p];
        if (!keep) continue;
        const uint8_t age = plan.dob ? AgeInPeriod(plan, r, p) : 0;
        if (plan.age_filter && !plan.age_pass[age]) continue;
        emit(r, age, static_cast<uint32_t>(p));
      }
    }
  }
  return m;
}

bool VectorScanUsesAvx512() {
  static const bool use = [] {
    return detail::CpuHasAvx512Vbmi() && !std::getenv("CSC_SCALAR");
  }();
  return use;
}

size_t VectorScan(const VectorPlan& plan, size_t r0, size_t r1, uint32_t* keys, uint32_t* children) {
  if (VectorScanUsesAvx512()) return detail::VectorScanAvx512(plan, r0, r1, keys, children);
  return VectorScanPortable(plan, r0, r1, keys, children);
}

}  // namespace csc
