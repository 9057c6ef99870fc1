#include <algorithm>
#include <limits>

#include "query/fused_shape.hpp"
#include "query/row_ages.hpp"
#include "query/vector_scan.hpp"
#include "query/record_keys.hpp"

#include <bit>

namespace csc {

namespace {

// Bounds on what one block keeps in registers.
constexpr size_t kMaxCodeFilters = 8;
constexpr size_t kMaxRangeFilters = 8;
constexpr size_t kMaxPeriodRuns = 48;

bool SignedIntegral(const Column& c) {
  return !IsStringType(c.type()) && c.type() != ColumnType::Bool && c.type() != ColumnType::Decimal;
}

// The fewest index bits that cover every code of a dictionary column.
int IndexBits(const Column& c) {
  const size_t codes = c.dictionary() ? c.dictionary()->size() : 256;
  return codes <= 64 ? 6 : codes <= 128 ? 7 : 8;
}

const uint64_t* ValidWords(const Column& c) { return c.validity() ? c.validity()->words().data() : nullptr; }

// The age a byte of the age tables stands for (as a derived age, two's complement).
int AgeOfByte(int b) { return detail::AgeOfDerived(static_cast<int8_t>(static_cast<uint8_t>(b))); }

bool AddRowPredicate(VectorPlan& plan, const RowPredicate& p) {
  const Column& c = *p.column;
  if (c.has_nulls()) return false;
  if (p.kind == RowPredicate::Kind::CodeLut && c.width() == 1 && IsStringType(c.type())) {
    if (plan.code_filters.size() == kMaxCodeFilters) return false;
    VectorPlan::CodeFilter& f = plan.code_filters.emplace_back();
    f.codes = reinterpret_cast<const uint8_t*>(c.data());
    f.index_bits = IndexBits(c);
    for (size_t code = 0; code < p.lut.size() && code < 256; ++code) f.pass[code] = p.lut[code] ? 1 : 0;
    return true;
  }
  if (p.kind == RowPredicate::Kind::CodeLut && c.width() == 2 && IsStringType(c.type())) {
    // A handful of wards picked (or left out) among thousands: compared one by one.
    std::vector<uint16_t> yes, no;
    for (size_t code = 0; code < p.lut.size() && code <= UINT16_MAX; ++code) (p.lut[code] ? yes : no).push_back(static_cast<uint16_t>(code));
    const bool negate = no.size() < yes.size();
    const std::vector<uint16_t>& list = negate ? no : yes;
    if (list.size() > VectorPlan::CodeSetFilter::kMax || plan.code_set_filters.size() == kMaxCodeFilters) return false;
    if (list.empty()) {
      if (!negate) plan.nothing_passes = true;  // nothing picked; an empty NOT IN passes everything
      return true;
    }
    VectorPlan::CodeSetFilter& f = plan.code_set_filters.emplace_back();
    f.codes = reinterpret_cast<const uint16_t*>(c.data());
    std::copy(list.begin(), list.end(), f.values.begin());
    f.count = static_cast<int>(list.size());
    f.negate = negate;
    return true;
  }
  if (p.kind == RowPredicate::Kind::IntRange && SignedIntegral(c) && c.width() <= 4) {
    const int64_t tmin = -(int64_t{1} << (8 * c.width() - 1)), tmax = (int64_t{1} << (8 * c.width() - 1)) - 1;
    if (p.lo > tmax || p.hi < tmin || p.lo > p.hi) {
      plan.nothing_passes = true;
      return true;
    }
    if (plan.range_filters.size() == kMaxRangeFilters) return false;
    VectorPlan::RangeFilter& f = plan.range_filters.emplace_back();
    f.values = c.data();
    f.width = c.width();
    f.lo = static_cast<int32_t>(std::max(p.lo, tmin));
    f.hi = static_cast<int32_t>(std::min(p.hi, tmax));
    return true;
  }
  return false;
}

// The day -> period table as runs of equal values over 16-bit days.
bool AddPeriodRuns(VectorPlan& plan, const CompiledQuery& cq, const Column& day) {
  if (day.type() != ColumnType::Date || day.width() != 2) return false;
  const int64_t base = cq.period_lut_base;
  const int64_t end = base + static_cast<int64_t>(cq.period_of_day.size());  // first day after the table
  if (base <= std::numeric_limits<int16_t>::min()) return false;
  int prev = -1;
  for (size_t off = 0; off < cq.period_of_day.size(); ++off) {
    const int v = cq.period_of_day[off];
    if (v == prev) continue;
    const int64_t start = base + static_cast<int64_t>(off);
    if (start > std::numeric_limits<int16_t>::max()) break;  // no 16-bit day reaches it
    plan.run_start.push_back(static_cast<int16_t>(start));
    plan.run_value.push_back(static_cast<int8_t>(v));
    prev = v;
  }
  if (prev != -1 && end <= std::numeric_limits<int16_t>::max()) {
    plan.run_start.push_back(static_cast<int16_t>(end));
    plan.run_value.push_back(-1);
  }
  if (plan.run_start.size() > kMaxPeriodRuns) return false;
  plan.day = reinterpret_cast<const int16_t*>(day.data());
  plan.day_valid = ValidWords(day);
  return true;
}

// The compiler adds the span of the periods as a range on the day column; the period runs
// already keep nothing outside it, so the block need not compare days twice.
void DropRangesThePeriodsImply(VectorPlan& plan) {
  int32_t first = INT32_MAX, last = INT32_MIN;  // days in some period
  for (size_t j = 0; j < plan.run_start.size(); ++j) {
    if (plan.run_value[j] < 0) continue;
    first = std::min<int32_t>(first, plan.run_start[j]);
    last = std::max<int32_t>(last, j + 1 < plan.run_start.size() ? plan.run_start[j + 1] - 1 : INT16_MAX);
  }
  std::erase_if(plan.range_filters, [&](const VectorPlan::RangeFilter& f) {
    return f.values == plan.day && f.lo <= first && f.hi >= last;
  });
}

bool AddDimension(VectorPlan& plan, const CompiledDimension& dim, uint64_t stride, bool ages) {
  if (stride > UINT32_MAX) return false;
  VectorPlan::KeyPart part;
  part.stride = static_cast<uint32_t>(stride);
  switch (dim.kind) {
    case DimensionKind::Period:
      if (!plan.day && plan.start_by.empty()) return false;
      part.source = VectorPlan::KeyPart::Source::Period;
      break;
    case DimensionKind::AgeBand:
    case DimensionKind::SingleAge:
      if (!ages) return false;
      part.source = VectorPlan::KeyPart::Source::Age;
      for (int b = 0; b < 256; ++b) {
        const int a = AgeOfByte(b);
        const int key = dim.kind == DimensionKind::AgeBand
                            ? static_cast<int>(a == detail::kUnknownAge ? AgeBand::Unknown : AgeBandOf(a))
                            : (a == detail::kUnknownAge ? kSingleAgeUnknownSlot : SingleAgeSlot(a));
        if (key < 0 || key > 255) return false;
        part.table[static_cast<size_t>(b)] = static_cast<uint8_t>(key);
      }
      break;
    case DimensionKind::Column:
    case DimensionKind::EthnicityGroup: {
      const Column* c = dim.column;
      if (c && c->width() == 2 && IsStringType(c->type()) && c->dictionary()) {
        // Thousands of wards: each code's key from a table in memory (a gather per 16 rows).
        part.source = VectorPlan::KeyPart::Source::WideCodes;
        part.wide_codes = reinterpret_cast<const uint16_t*>(c->data());
        part.valid = ValidWords(*c);
        part.null_key = dim.null_key;
        part.wide_table.assign(c->dictionary()->size(), 0);
        for (size_t code = 0; code < part.wide_table.size() && code < dim.code_to_key.size(); ++code)
          part.wide_table[code] = dim.code_to_key[code];
        break;
      }
      if (!c || c->width() != 1 || dim.null_key > 255) return false;
      part.codes = reinterpret_cast<const uint8_t*>(c->data());
      part.index_bits = IsStringType(c->type()) ? IndexBits(*c) : 8;
      part.valid = ValidWords(*c);
      part.null_key = dim.null_key;
      const bool mapped = !dim.code_to_key.empty() || c->dictionary();
      for (int b = 0; b < 256; ++b) {
        int64_t key = 0;
        if (mapped) {
          if (static_cast<size_t>(b) < dim.code_to_key.size()) key = dim.code_to_key[static_cast<size_t>(b)];
        } else {
          const int64_t value = SignedIntegral(*c) ? static_cast<int8_t>(static_cast<uint8_t>(b)) : b;
          key = value - dim.int_base;
          if (value < c->min_int() || value > c->max_int()) key = 0;  // no row holds it
        }
        if (key < 0 || key > 255) return false;
        part.table[static_cast<size_t>(b)] = static_cast<uint8_t>(key);
      }
      break;
    }
    default:
      return false;
  }
  plan.keys.push_back(part);
  return true;
}

// Whether a 16-bit date column can stand in for `c` (null: the query has no such role).
bool ShortDates(const Column* c) { return !c || (c->type() == ColumnType::Date && c->width() == 2); }

// Open-at and open-during counting over periods: each period's bounds on start and end, the
// start and end columns, and the date of birth with the year-key tables when ages are asked
// for.
bool AddSpans(VectorPlan& plan, const CompiledQuery& cq) {
  if (!cq.start || !cq.end || !ShortDates(cq.start) || !ShortDates(cq.end) || !ShortDates(cq.dob)) return false;
  const bool during = cq.query.counting.mode == CountMode::OpenDuring;
  auto fits = [](int64_t d) { return d >= std::numeric_limits<int16_t>::min() && d <= std::numeric_limits<int16_t>::max(); };
  std::vector<int32_t> refs;  // the reference day of each period (open-during: before the start's own)
  for (size_t p = 0; p < cq.periods.size(); ++p) {
    const int64_t by = during ? cq.periods[p].last : cq.snapshots[p];
    const int64_t from = during ? cq.periods[p].first : int64_t{cq.snapshots[p]} + 1;
    if (!fits(by) || !fits(from)) return false;
    plan.start_by.push_back(static_cast<int16_t>(by));
    plan.end_from.push_back(static_cast<int16_t>(from));
    refs.push_back(during ? cq.periods[p].first : cq.snapshots[p]);
  }
  plan.start = reinterpret_cast<const int16_t*>(cq.start->data());
  plan.start_valid = ValidWords(*cq.start);
  plan.end = reinterpret_cast<const int16_t*>(cq.end->data());
  plan.end_valid = ValidWords(*cq.end);
  if (!cq.need_dob) return true;
  // Ages are capped at 127 in a byte: fine unless a filter tells ages over 126 apart.
  if (cq.age.lo > 127 || (cq.age.hi >= 127 && cq.age.hi < INT32_MAX)) return false;
  plan.dob = reinterpret_cast<const int16_t*>(cq.dob->data());
  plan.dob_valid = ValidWords(*cq.dob);
  plan.dob_key = cq.year_key_from.data();
  if (during) plan.start_key = cq.year_key_ref.data();
  plan.date_base = cq.date_base;
  for (int32_t d : refs) plan.ref_key.push_back(cq.year_key_ref[static_cast<size_t>(d - cq.date_base)]);
  return true;
}

}  // namespace

std::unique_ptr<VectorPlan> PlanVectorScan(const CompiledQuery& cq, const std::vector<int8_t>* ages) {
  const CountMode mode = cq.query.counting.mode;
  const bool spans = (mode == CountMode::OpenAt || mode == CountMode::OpenDuring) && !cq.periods.empty();
  // One unit per row, or one per period a row spans, counting only episodes and children.
  if (!(spans ? detail::CountsOnly(cq) : detail::FusedEligible(cq)) || cq.group_count > UINT32_MAX) return nullptr;
  if (cq.need_dob && !ages && !spans) return nullptr;
  auto plan = std::make_unique<VectorPlan>();
  for (const RowPredicate& p : cq.row_predicates)
    if (!AddRowPredicate(*plan, p)) return nullptr;
  if (spans) {
    if (!AddSpans(*plan, cq)) return nullptr;
  } else if (cq.need_dob) {
    if (ages->size() != cq.table->num_rows()) return nullptr;
    plan->ages = ages->data();
  }
  if (cq.need_dob) {
    plan->age_filter = cq.has_age_predicate;
    for (int b = 0; b < 256; ++b) plan->age_pass[static_cast<size_t>(b)] = detail::AgePasses(cq.age, AgeOfByte(b)) ? 1 : 0;
  }
  if (!cq.periods.empty() && !spans) {
    const Column* day = detail::FusedReference(cq);
    if (!day || !AddPeriodRuns(*plan, cq, *day)) return nullptr;
    DropRangesThePeriodsImply(*plan);
  }
  // Cell keys: the row's record key becomes the lowest part of the group key, so the scan
  // itself needs no change; the executor splits the widened keys.
  const int key_bits = cq.row_keys ? std::bit_width(kRecordKeyRange - 1) : 0;
  // The widened keys must still fit the scan's 32-bit lanes.
  if (key_bits && (cq.group_count << key_bits) > (uint64_t{1} << 32)) return nullptr;
  for (size_t d = 0; d < cq.dims.size(); ++d)
    if (!AddDimension(*plan, cq.dims[d], cq.strides[d] << key_bits, cq.need_dob)) return nullptr;
  if (key_bits) {
    if (cq.row_keys->size() != cq.table->num_rows()) return nullptr;
    VectorPlan::KeyPart part;
    part.source = VectorPlan::KeyPart::Source::Codes;
    part.codes = cq.row_keys->data();
    part.index_bits = 8;
    part.stride = 1;
    part.identity = true;
    for (int b = 0; b < 256; ++b) part.table[static_cast<size_t>(b)] = static_cast<uint8_t>(b);
    plan->keys.push_back(std::move(part));
    plan->row_key_bits = key_bits;
  }
  if (detail::ChildrenSlot(cq) >= 0) {
    const Column* c = cq.child;
    if (!c || !IsStringType(c->type()) || c->width() > 4) return nullptr;
    plan->child = c->data();
    plan->child_width = c->width();
    plan->child_valid = ValidWords(*c);
  }
  return plan;
}

}  // namespace csc
