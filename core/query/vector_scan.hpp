#pragma once
// The count pass for the common slicer question, one row block at a time with no selection
// vectors in between: every filter, the age and the period of 64 rows become one bit mask,
// the group keys of those rows are computed in vector lanes, and only the kept rows' keys
// and child codes are written out. It covers queries the fused pass would run (one unit
// per row, episodes and children) whose filters are one-byte codes, a few two-byte codes
// or integer ranges with no nulls, whose dimensions are one-byte codes, ages or periods, whose ages come from the
// derived age column and whose periods fit a short list of date runs, or open-at and
// open-during counting over periods with ages taken at each period's reference date; PlanVectorScan says no to anything else and the
// executor takes its general path.
//
// Two implementations with one meaning: AVX-512 (VBMI) where the processor has it, plain
// loops elsewhere; the tests run both against the reference evaluator.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "query/compiled_query.hpp"

namespace csc {

// Everything a block needs, with column data as raw pointers and each per-value test or key
// as a 256-entry table over the byte value (unused entries 0).
struct VectorPlan {
  using ByteTable = std::array<uint8_t, 256>;
  struct CodeFilter {  // one-byte codes: pass[code]
    const uint8_t* codes = nullptr;
    int index_bits = 8;  // every code is below 1 << index_bits (6 and 7 take fewer lookups)
    alignas(64) ByteTable pass{};
  };
  struct CodeSetFilter {  // two-byte codes (e.g. ward): in `values` (or, negated, not in them)
    static constexpr int kMax = 8;
    const uint16_t* codes = nullptr;
    std::array<uint16_t, kMax> values{};
    int count = 0;
    bool negate = false;
  };
  struct RangeFilter {  // signed integers of 1, 2 or 4 bytes (dates are 2 or 4)
    const void* values = nullptr;
    int width = 0;
    int32_t lo = 0, hi = 0;  // inclusive, within the width's range
  };
  // One dimension's part of the group key: table[value] * stride, or null_key * stride for
  // a null cell (column parts only).
  struct KeyPart {
    enum class Source : uint8_t { Codes, WideCodes, Age, Period } source = Source::Codes;
    const uint8_t* codes = nullptr;
    const uint16_t* wide_codes = nullptr;  // WideCodes: two-byte codes (e.g. ward) ...
    std::vector<uint32_t> wide_table;      // ... and code -> key, one entry per code
    const uint64_t* valid = nullptr;  // validity words of the codes' column, or null
    uint32_t null_key = 0;
    int index_bits = 8;  // as for CodeFilter (ages need all 8)
    alignas(64) ByteTable table{};  // Codes and Age: value -> key (Period: unused)
    bool identity = false;          // Codes whose table is value -> value (record keys): no lookup
    uint32_t stride = 0;
  };

  bool nothing_passes = false;  // a range no value of its width can meet
  std::vector<CodeFilter> code_filters;
  std::vector<CodeSetFilter> code_set_filters;
  std::vector<RangeFilter> range_filters;

  const int8_t* ages = nullptr;  // each row's age (kRowAgeUnknown), when an age is needed
  bool age_filter = false;
  alignas(64) ByteTable age_pass{};  // by the age's byte

  // Periods: the day column (16-bit dates) and the runs of the day -> period table. A day
  // takes the value of the last run starting at or before it; before the first, -1.
  const int16_t* day = nullptr;
  const uint64_t* day_valid = nullptr;
  std::vector<int16_t> run_start;  // ascending
  std::vector<int8_t> run_value;   // -1 = between or outside the periods

  // Open-at and open-during counting instead: a row is a unit in period p when its start
  // is on or before start_by[p] and its end is blank or on or after end_from[p] (open at D:
  // D and D + 1; open during [F, L]: L and F).
  std::vector<int16_t> start_by, end_from;  // per period; empty: one unit per row, as above
  const int16_t* start = nullptr;
  const uint64_t* start_valid = nullptr;
  const int16_t* end = nullptr;
  const uint64_t* end_valid = nullptr;
  // Ages at the reference date: (reference key - dob_key[dob - date_base]) >> 9, at least -1
  // (Unborn), at most 127, kRowAgeUnknown for a blank date of birth; then age_pass and the
  // age key parts as for derived ages. The reference key is ref_key[p] (the year key of D,
  // or of F), or for open-during a start after F: start_key[start - date_base].
  const int16_t* dob = nullptr;
  const uint64_t* dob_valid = nullptr;
  const int32_t* dob_key = nullptr;
  const int32_t* start_key = nullptr;
  int32_t date_base = 0;
  std::vector<int32_t> ref_key;

  std::vector<KeyPart> keys;
  // Cell keys: > 0 when the last key part is the row's record key (the other strides
  // widened by 1 << row_key_bits), so a key is group << row_key_bits | record key.
  int row_key_bits = 0;

  const void* child = nullptr;  // child codes (width 1, 2 or 4), when children are counted
  int child_width = 0;
  const uint64_t* child_valid = nullptr;
};

inline constexpr uint32_t kNoChild = UINT32_MAX;

// Units a row can make: one per period when counting open-at or open-during, else one.
inline size_t UnitsPerRow(const VectorPlan& plan) { return plan.start_by.empty() ? 1 : plan.start_by.size(); }

// A plan when the query has the shape above; null otherwise. `ages` as for the fused pass
// (each row's age on its reference date), or null.
std::unique_ptr<VectorPlan> PlanVectorScan(const CompiledQuery& cq, const std::vector<int8_t>* ages);

// Rows [r0, r1): the kept units' group keys and child codes (kNoChild for none); returns
// how many. Units come block by block (64 rows from r0), then period by period (open-at,
// open-during),
// then in row order. `keys` and `children` hold (r1 - r0) x units per row + 64 entries.
size_t VectorScan(const VectorPlan& plan, size_t r0, size_t r1, uint32_t* keys, uint32_t* children);
// The same with plain loops, whatever the processor (tests compare the two).
size_t VectorScanPortable(const VectorPlan& plan, size_t r0, size_t r1, uint32_t* keys, uint32_t* children);
// Whether VectorScan takes the AVX-512 kernel here (CSC_SCALAR set in the environment says no).
bool VectorScanUsesAvx512();

namespace detail {
size_t VectorScanAvx512(const VectorPlan& plan, size_t r0, size_t r1, uint32_t* keys, uint32_t* children);
bool CpuHasAvx512Vbmi();
}  // namespace detail

}  // namespace csc
