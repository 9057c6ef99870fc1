#include "query/executor.hpp"

#include <atomic>
#include <barrier>
#include <bit>
#include <cstring>
#include <limits>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <type_traits>

#include "async/parallel_for.hpp"
#include "query/aggregate.hpp"
#include "query/finalize.hpp"
#include "query/fused_shape.hpp"
#include "query/row_ages.hpp"
#include "query/chunk_scratch.hpp"
#include "query/row_filters.hpp"
#include "query/select_simd.hpp"
#include "query/vector_scan.hpp"
#include "time/anniversary.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

using detail::AgePasses;
using detail::ChildrenSlot;
using detail::ChunkScratch;
using detail::FusedEligible;
using detail::FusedReference;
using detail::kUnknownAge;
using detail::DenseCapable;
using detail::DenseMask;
using detail::Gather;
using detail::GatherDates;
using detail::Narrow;
using detail::Scratches;

class ChunkRunner {
 public:
  // `ages`: each row's age on its fused reference date (RowAgesAt), or null.
  ChunkRunner(const CompiledQuery& cq, ChunkScratch& s, Partial& out, const std::vector<int8_t>* ages,
              const VectorPlan* vector)
      : m_cq(cq), m_s(s), m_out(out), m_ages(ages), m_vector(vector) {
    m_children_slot = ChildrenSlot(cq);
    m_row_keys = cq.row_keys ? cq.row_keys->data() : nullptr;
    if (m_vector) return;  // the plan holds its own tables
    m_need_end = cq.need_duration || (!cq.periods.empty() && cq.query.counting.mode != CountMode::StartedIn);
    for (const LinkIndex& l : cq.links) m_need_end |= l.when == LinkWhen::OpenAtStart;
    // Age predicate as a table over age + 1 (Unborn = -1 .. kMaxAge), unknown ages last.
    m_age_pass.assign(kMaxAge + 3, 1);
    for (int a = -1; a <= kMaxAge + 1; ++a) m_age_pass[static_cast<size_t>(a + 1)] = AgePasses(cq.age, a);
    m_age_pass[kMaxAge + 2] = AgePasses(cq.age, kUnknownAge);
    for (const RowPredicate& p : cq.row_predicates) (DenseCapable(p) ? m_dense : m_sparse).push_back(&p);
    m_fused = FusedEligible(cq);
    if (!m_fused) m_ages = nullptr;
  }

  void Run(size_t r0, size_t r1) {
    const size_t n0 = r1 - r0;
    m_s.Reserve(n0);
    if (m_vector) {
      Vector(r0, r1);
      return;
    }
    uint32_t* sel = m_s.sel.data();
    size_t n = n0;
    if (!m_dense.empty()) {
      uint8_t* mask = m_s.mask.data();
      for (size_t i = 0; i < m_dense.size(); ++i) DenseMask(*m_dense[i], r0, n0, mask, i == 0);
      n = MaskToSelection(mask, n0, r0, sel);
    } else {
      for (size_t i = 0; i < n; ++i) sel[i] = static_cast<uint32_t>(r0 + i);
    }
    for (const RowPredicate* p : m_sparse) {
      if (n == 0) return;
      n = Narrow(*p, sel, n, false, r0);
    }
    if (n == 0) return;
    m_n = n;
    Gathers();
    const auto& periods = m_cq.periods;
    const CountMode mode = m_cq.query.counting.mode;
    const int32_t* st = m_s.start.data();
    const int32_t* en = m_s.end.data();
    uint32_t* uk = m_s.unit_row.data();
    uint32_t* up = m_s.unit_period.data();
    int32_t* ur = m_s.unit_ref.data();
    size_t m = 0;
    if (m_fused) {
      Fused(n);
    } else if (periods.empty()) {
      for (size_t k = 0; k < n; ++k) {
        uk[k] = static_cast<uint32_t>(k);
        up[k] = 0;
        ur[k] = st[k];
      }
      Batch(n);
    } else if (!m_cq.period_of_day.empty()) {
      // Started / ceased over disjoint periods: each row lands in at most one period.
      const int32_t* day = mode == CountMode::StartedIn ? st : en;
      const int8_t* lut = m_cq.period_of_day.data();
      const uint64_t size = m_cq.period_of_day.size();
      const int32_t base = m_cq.period_lut_base;
      for (size_t k = 0; k < n; ++k) {
        const int32_t d = day[k];
        const uint64_t off = static_cast<uint64_t>(static_cast<int64_t>(d) - base);
        const int p = off < size ? lut[off] : -1;  // kNoDate is far below base, so off >= size
        uk[m] = static_cast<uint32_t>(k);
        up[m] = static_cast<uint32_t>(p);
        ur[m] = d;
        m += p >= 0;
      }
      Batch(m);
    } else {
      for (uint32_t p = 0; p < periods.size(); ++p) {
        const int32_t first = periods[p].first, last = periods[p].last;
        m = 0;
        auto emit = [&](size_t k, bool in, int32_t ref) {
          uk[m] = static_cast<uint32_t>(k);
          ur[m] = ref;
          up[m] = p;
          m += in;
        };
        switch (mode) {
          case CountMode::OpenAt: {
            const int32_t d = m_cq.snapshots[p];
            for (size_t k = 0; k < n; ++k) emit(k, st[k] != kNoDate && st[k] <= d && (en[k] == kNoDate || en[k] > d), d);
            break;
          }
          case CountMode::StartedIn:
            for (size_t k = 0; k < n; ++k) emit(k, st[k] != kNoDate && st[k] >= first && st[k] <= last, st[k]);
            break;
          case CountMode::CeasedIn:
            for (size_t k = 0; k < n; ++k) emit(k, en[k] != kNoDate && en[k] >= first && en[k] <= last, en[k]);
            break;
          default:
            for (size_t k = 0; k < n; ++k)
              emit(k, st[k] != kNoDate && st[k] <= last && (en[k] == kNoDate || en[k] >= first), std::max(st[k], first));
            break;
        }
        Batch(m);
      }
    }
  }

  uint64_t units() const { return m_units; }

 private:
  static constexpr int kMaxAge = 5600;  // dates span at most ~5,500 years (compile_query.cpp)

  void Gathers() {
    const uint32_t* sel = m_s.sel.data();
    const size_t n = m_n;
    GatherDates(m_cq.start, sel, n, m_s.start.data());
    if (m_need_end) GatherDates(m_cq.end, sel, n, m_s.end.data());
    if (m_ages) {
      const int8_t* ages = m_ages->data();
      int32_t* out = m_s.unit_age.data();
      for (size_t k = 0; k < n; ++k) {
        const int8_t a = ages[sel[k]];
        out[k] = detail::AgeOfDerived(a);
      }
    } else if (m_cq.dob) {
      GatherDates(m_cq.dob, sel, n, m_s.dob.data());
    }
    if (m_cq.child) Gather(*m_cq.child, sel, n, m_s.child.data(), UINT32_MAX, [](auto x) { return static_cast<uint32_t>(x); });
    for (size_t d = 0; d < m_cq.dims.size(); ++d) {
      const CompiledDimension& dim = m_cq.dims[d];
      if (!dim.column) continue;
      uint32_t* out = m_s.dim_keys[d].data();
      if (!dim.code_to_key.empty() || dim.column->dictionary()) {
        const uint32_t* map = dim.code_to_key.data();
        Gather(*dim.column, sel, n, out, dim.null_key, [map](auto x) { return map[static_cast<size_t>(x)]; });
      } else {
        const int64_t base = dim.int_base;
        Gather(*dim.column, sel, n, out, dim.null_key, [base](auto x) { return static_cast<uint32_t>(static_cast<int64_t>(x) - base); });
      }
    }
    m_s.numbers.resize(static_cast<size_t>(m_cq.numeric_slots));
    m_s.number_valid.resize(static_cast<size_t>(m_cq.numeric_slots));
    for (const CompiledMeasure& m : m_cq.measures) {
      if (m.numeric_slot < 0 || m.source.kind != NumericSource::Kind::Column) continue;
      auto& nums = m_s.numbers[m.numeric_slot];
      auto& valid = m_s.number_valid[m.numeric_slot];
      nums.resize(n);
      valid.resize(n);
      Gather(*m.source.column, sel, n, nums.data(), 0.0, [](auto x) { return static_cast<double>(x); });
      for (size_t k = 0; k < n; ++k) valid[k] = m.source.column->IsValid(sel[k]);
    }
  }

  bool LinkPasses(const LinkIndex& link, uint32_t k, uint32_t p, int32_t ref) const {
    const uint32_t c = m_s.child[k];
    bool found = false;
    if (c != UINT32_MAX) {
      const uint32_t b = link.offsets[c], e = link.offsets[c + 1];
      if (link.when == LinkWhen::Ever) {
        found = b != e;
      } else {
        const int32_t at = link.when == LinkWhen::OpenAtStart       ? m_s.start[k]
                           : link.when == LinkWhen::OpenAtPeriodEnd ? m_cq.periods[p].last
                                                                    : ref;
        const bool by_point = link.when == LinkWhen::OpenAtStart || link.when == LinkWhen::OpenAtReference ||
                              link.when == LinkWhen::OpenAtPeriodEnd;
        const int32_t first = by_point ? 0 : m_cq.periods[p].first, last = by_point ? 0 : m_cq.periods[p].last;
        for (uint32_t i = b; i < e && !found; ++i) {
          const int32_t s = link.starts[i], x = link.ends[i];
          if (s == kNoDate) continue;
          if (by_point) found = at != kNoDate && s <= at && (x == kNoDate || x > at);
          else if (link.when == LinkWhen::StartedInPeriod) found = s >= first && s <= last;
          else found = s <= last && (x == kNoDate || x >= first);
        }
      }
    }
    return found == link.present;
  }

  // Keeps the units for which keep(i) holds, in order, across the parallel unit arrays.
  template <class Keep>
  size_t Compact(size_t m, Keep keep) {
    uint32_t* uk = m_s.unit_row.data();
    uint32_t* up = m_s.unit_period.data();
    int32_t* ur = m_s.unit_ref.data();
    int32_t* ua = m_s.unit_age.data();
    size_t j = 0;
    for (size_t i = 0; i < m; ++i) {
      const bool in = keep(i);
      uk[j] = uk[i];
      up[j] = up[i];
      ur[j] = ur[i];
      ua[j] = ua[i];
      j += in;
    }
    return j;
  }

  // The units of one batch (row index, period, reference date) pass the remaining
  // conditions and are added to the partial aggregates, one tight loop per step.
  void Batch(size_t m) {
    if (m == 0) return;
    uint32_t* uk = m_s.unit_row.data();
    uint32_t* up = m_s.unit_period.data();
    int32_t* ur = m_s.unit_ref.data();
    int32_t* ua = m_s.unit_age.data();
    if (m_cq.need_dob) {
      // Age at the reference date from the packed-date tables; with an age predicate the
      // failing units are dropped in the same pass.
      const int32_t* dob = m_s.dob.data();
      const int32_t* kref = m_cq.year_key_ref.data();
      const int32_t* kfrom = m_cq.year_key_from.data();
      const int32_t base = m_cq.date_base;
      const uint8_t* pass = m_age_pass.data();
      const bool filter = m_cq.has_age_predicate;
      size_t j = 0;
      for (size_t i = 0; i < m; ++i) {
        const uint32_t k = uk[i];
        const int32_t b = dob[k], r = ur[i];
        const bool known = b != kNoDate && r != kNoDate;
        const int32_t raw = known ? (kref[r - base] - kfrom[b - base]) >> 9 : kUnknownAge;
        const int32_t a = raw < -1 && known ? -1 : raw;
        const bool in = !filter || pass[a == kUnknownAge ? kMaxAge + 2 : std::min(a, kMaxAge + 1) + 1];
        uk[j] = k;
        up[j] = up[i];
        ur[j] = r;
        ua[j] = a;
        j += in;
      }
      m = j;
    }
    for (const LinkIndex& link : m_cq.links) m = Compact(m, [&](size_t i) { return LinkPasses(link, uk[i], up[i], ur[i]); });
    if (m == 0) return;
    m_units += m;
    // Durations end at the snapshot (open-at), else at the end date, else the period's end.
    int32_t* dend = m_s.unit_duration_end.data();
    if (m_cq.need_duration) {
      const bool snapshot = !m_cq.periods.empty() && m_cq.query.counting.mode == CountMode::OpenAt;
      for (size_t i = 0; i < m; ++i) {
        const uint32_t k = uk[i];
        int32_t e = kNoDate;
        if (m_s.start[k] != kNoDate) {
          if (snapshot) e = m_cq.snapshots[up[i]];
          else if (m_s.end[k] != kNoDate) e = m_s.end[k];
          else if (!m_cq.periods.empty()) e = m_cq.periods[up[i]].last;
        }
        dend[i] = e;
      }
    }
    GroupKeys(m);
    const uint64_t* g = m_s.unit_group.data();
    uint64_t* episodes = m_out.episodes.data();
    for (size_t i = 0; i < m; ++i) ++episodes[g[i]];
    if (m_row_keys) {
      const uint32_t* sel = m_s.sel.data();
      uint64_t* sums = m_out.episode_keys.data();
      for (size_t i = 0; i < m; ++i) sums[g[i]] += m_row_keys[sel[uk[i]]];
    }
    if (m_children_slot >= 0) {
      // Bitmap words land all over a few MB: prefetching a few units ahead keeps several
      // cache misses in flight.
      DistinctStore& store = m_out.distinct[m_children_slot];
      const uint32_t* child = m_s.child.data();
      constexpr size_t kAhead = 12;
      for (size_t i = 0; i < m; ++i) {
        if (i + kAhead < m) {
          const uint32_t next = child[uk[i + kAhead]];
          if (next != UINT32_MAX) store.Prefetch(g[i + kAhead], next);
        }
        const uint32_t c = child[uk[i]];
        if (c != UINT32_MAX) store.Add(g[i], c);
      }
    }
    for (const CompiledMeasure& measure : m_cq.measures) {
      if (measure.numeric_slot >= 0) AddNumbers(measure, m);
      else if (measure.ratio_slot >= 0) AddRatio(measure, m);
    }
  }

  // Each row is at most one unit (no periods, or started / ceased over disjoint periods)
  // and only episodes and children are counted: the period, age, group and counts of a
  // row in one pass, with no unit arrays in between.
  void Fused(size_t n) {
    const CountMode mode = m_cq.query.counting.mode;
    const bool periods = !m_cq.periods.empty();
    const int32_t* day = periods && mode == CountMode::CeasedIn ? m_s.end.data() : m_s.start.data();
    const int8_t* plut = m_cq.period_of_day.data();
    const uint64_t psize = m_cq.period_of_day.size();
    const int32_t pbase = m_cq.period_lut_base;
    // The key of the column dimensions first (one tight loop each); period and age after.
    uint64_t* __restrict g = m_s.unit_group.data();
    std::fill(g, g + n, uint64_t{0});
    uint64_t period_stride = 0, band_stride = 0, single_stride = 0;
    for (size_t d = 0; d < m_cq.dims.size(); ++d) {
      const uint64_t stride = m_cq.strides[d];
      switch (m_cq.dims[d].kind) {
        // A dimension given twice adds its value at both strides.
        case DimensionKind::Period: period_stride += stride; break;
        case DimensionKind::AgeBand: band_stride += stride; break;
        case DimensionKind::SingleAge: single_stride += stride; break;
        default: {
          const uint32_t* __restrict keys = m_s.dim_keys[d].data();
          for (size_t k = 0; k < n; ++k) g[k] += uint64_t{keys[k]} * stride;
          break;
        }
      }
    }
    const bool need_age = m_cq.need_dob;
    const bool filter = m_cq.has_age_predicate;
    const int32_t* dob = m_s.dob.data();
    const int32_t* kref = m_cq.year_key_ref.data();
    const int32_t* kfrom = m_cq.year_key_from.data();
    const int32_t base = m_cq.date_base;
    const uint8_t* pass = m_age_pass.data();
    const int32_t* given = m_ages ? m_s.unit_age.data() : nullptr;  // ages gathered from RowAgesAt
    uint64_t* episodes = m_out.episodes.data();
    DistinctStore* children = m_children_slot >= 0 ? &m_out.distinct[m_children_slot] : nullptr;
    const uint32_t* child = m_s.child.data();
    // Two passes: keys and keep flags without branches (a failed age or a day between
    // periods is a data-dependent branch that mispredicts often), then the kept rows'
    // positions compacted, then the counting over those alone.
    uint32_t* __restrict kept = m_s.unit_row.data();
    size_t m = 0;
    if (!periods && !need_age) {
      for (size_t k = 0; k < n; ++k) kept[k] = static_cast<uint32_t>(k);
      m = n;
    } else {
      for (size_t k = 0; k < n; ++k) {
        const int32_t r = day[k];
        uint64_t key = g[k];
        bool keep = true;
        if (periods) {
          const uint64_t off = static_cast<uint64_t>(static_cast<int64_t>(r) - pbase);
          const int p = off < psize ? plut[off] : -1;
          keep = p >= 0;
          key += static_cast<uint64_t>(p < 0 ? 0 : p) * period_stride;
        }
        if (need_age) {
          int32_t a;
          if (given) {
            a = given[k];
          } else {
            const int32_t b = dob[k];
            const bool known = b != kNoDate && r != kNoDate;
            const int32_t raw = known ? (kref[r - base] - kfrom[b - base]) >> 9 : kUnknownAge;
            a = raw < -1 && known ? -1 : raw;
          }
          if (filter) keep &= pass[a == kUnknownAge ? kMaxAge + 2 : std::min(a, kMaxAge + 1) + 1] != 0;
          if (band_stride) key += static_cast<uint64_t>(a == kUnknownAge ? AgeBand::Unknown : AgeBandOf(a)) * band_stride;
          if (single_stride)
            key += static_cast<uint64_t>(a == kUnknownAge ? kSingleAgeUnknownSlot : SingleAgeSlot(a)) * single_stride;
        }
        g[k] = key;
        kept[m] = static_cast<uint32_t>(k);
        m += keep;
      }
    }
    CountEpisodes(episodes, g, kept, m);
    if (m_row_keys) {
      const uint32_t* sel = m_s.sel.data();
      uint64_t* sums = m_out.episode_keys.data();
      for (size_t i = 0; i < m; ++i) sums[g[kept[i]]] += m_row_keys[sel[kept[i]]];
    }
    if (children)
      for (size_t i = 0; i < m; ++i) {
        const uint32_t k = kept[i];
        if (child[k] != UINT32_MAX) children->Add(g[k], child[k]);
      }
    const uint64_t units = m;
    m_units += units;
  }

  // The vector scan's kept units, counted. Open-at and open-during make up to one unit per
  // row and period, so the chunk goes in parts whose units fit the scratch buffers.
  void Vector(size_t r0, size_t r1) {
    const size_t per_row = UnitsPerRow(*m_vector);
    const size_t rows = std::max<size_t>(64, (r1 - r0) / per_row / 64 * 64);
    const size_t need = rows * per_row + 64;
    if (m_s.vector_keys.size() < need) {
      m_s.vector_keys.resize(need);
      m_s.child.resize(need);
    }
    uint32_t* keys = m_s.vector_keys.data();
    uint32_t* children = m_s.child.data();
    for (size_t a = r0; a < r1; a += rows) {
      const size_t m = VectorScan(*m_vector, a, std::min(r1, a + rows), keys, children);
      m_units += m;
      static_assert(kNoChild == UINT32_MAX);
      // With cell keys each key carries the row's record key in its low bits (vector_plan.cpp).
      const int bits = m_vector->row_key_bits;
      if (bits && m_children_slot >= 0) {
        m_out.distinct[m_children_slot].AddBatchCounting(keys, children, m, bits, m_out.episodes.data(),
                                                         m_out.episode_keys.data());
        continue;
      }
      if (bits) CountEpisodesAndKeys(keys, m, bits);
      else CountEpisodes(m_out.episodes.data(), keys, m);
      if (m_children_slot >= 0) m_out.distinct[m_children_slot].AddBatch(keys, children, m);
    }
  }

 public:

 private:
  // The vector scan's widened keys (group << bits | record key): each group's count and the
  // sum of its units' record keys, in four interleaved copies as CountKeys (a group just
  // added to is often the next one).
  void CountEpisodesAndKeys(const uint32_t* keys, size_t m, int bits) {
    constexpr size_t kMaxUnits = size_t{1} << 24;  // 2^24 x 255 stays within 32 bits
    for (size_t from = 0; from < m; from += kMaxUnits) CountSliceAndKeys(keys + from, std::min(kMaxUnits, m - from), bits);
  }
  void CountSliceAndKeys(const uint32_t* keys, size_t m, int bits) {
    const size_t groups = m_out.episodes.size();
    std::vector<uint32_t>& copies = m_s.histogram;
    copies.assign(groups * 8, 0);  // per copy: count, key sum (m units x 255 fits 32 bits)
    uint32_t* h = copies.data();
    const uint32_t low = (uint32_t{1} << bits) - 1;
    size_t i = 0;
    for (; i + 4 <= m; i += 4)
      for (size_t c = 0; c < 4; ++c) {
        const uint32_t k = keys[i + c];
        uint32_t* slot = h + (c * groups + (k >> bits)) * 2;
        slot[0] += 1;
        slot[1] += k & low;
      }
    for (; i < m; ++i) {
      uint32_t* slot = h + (keys[i] >> bits) * 2;
      slot[0] += 1;
      slot[1] += keys[i] & low;
    }
    for (size_t c = 0; c < 4; ++c)
      for (size_t g = 0; g < groups; ++g) {
        m_out.episodes[g] += h[(c * groups + g) * 2];
        m_out.episode_keys[g] += h[(c * groups + g) * 2 + 1];
      }
  }

  // A histogram over few groups stalls on its own stores (the next row's group is usually
  // the one just incremented), so rows take turns among four copies summed at the end.
  void CountEpisodes(uint64_t* episodes, const uint64_t* g, const uint32_t* kept, size_t m) {
    CountKeys(episodes, m, [g, kept](size_t i) { return g[kept[i]]; });
  }
  void CountEpisodes(uint64_t* episodes, const uint32_t* keys, size_t m) {
    CountKeys(episodes, m, [keys](size_t i) { return keys[i]; });
  }
  template <class KeyAt>
  void CountKeys(uint64_t* episodes, size_t m, KeyAt key) {
    const size_t groups = m_out.episodes.size();
    if (groups * 4 > m) {
      for (size_t i = 0; i < m; ++i) ++episodes[key(i)];
      return;
    }
    std::vector<uint32_t>& copies = m_s.histogram;
    copies.assign(groups * 4, 0);
    uint32_t* h0 = copies.data();
    uint32_t* h1 = h0 + groups;
    uint32_t* h2 = h1 + groups;
    uint32_t* h3 = h2 + groups;
    size_t i = 0;
    for (; i + 4 <= m; i += 4) {
      ++h0[key(i)];
      ++h1[key(i + 1)];
      ++h2[key(i + 2)];
      ++h3[key(i + 3)];
    }
    for (; i < m; ++i) ++h0[key(i)];
    for (size_t j = 0; j < groups; ++j) episodes[j] += uint64_t{h0[j]} + h1[j] + h2[j] + h3[j];
  }

  // Group keys one dimension at a time: a switch per unit and dimension costs more than
  // the rest of a simple count.
  void GroupKeys(size_t m) {
    uint64_t* __restrict g = m_s.unit_group.data();
    const uint32_t* __restrict uk = m_s.unit_row.data();
    const uint32_t* __restrict up = m_s.unit_period.data();
    const int32_t* __restrict ua = m_s.unit_age.data();
    const int32_t* __restrict dend = m_s.unit_duration_end.data();
    std::fill(g, g + m, uint64_t{0});
    for (size_t d = 0; d < m_cq.dims.size(); ++d) {
      const uint64_t stride = m_cq.strides[d];
      switch (m_cq.dims[d].kind) {
        case DimensionKind::Period:
          for (size_t i = 0; i < m; ++i) g[i] += up[i] * stride;
          break;
        case DimensionKind::AgeBand:
          for (size_t i = 0; i < m; ++i)
            g[i] += static_cast<uint64_t>(ua[i] == kUnknownAge ? AgeBand::Unknown : AgeBandOf(ua[i])) * stride;
          break;
        case DimensionKind::SingleAge:
          for (size_t i = 0; i < m; ++i)
            g[i] += static_cast<uint64_t>(ua[i] == kUnknownAge ? kSingleAgeUnknownSlot : SingleAgeSlot(ua[i])) * stride;
          break;
        case DimensionKind::DurationBand:
          for (size_t i = 0; i < m; ++i)
            g[i] += static_cast<uint64_t>(dend[i] == kNoDate ? DurationBand::Unknown : BandOfDuration(m_s.start[uk[i]], dend[i])) * stride;
          break;
        default: {
          const uint32_t* __restrict keys = m_s.dim_keys[d].data();
          for (size_t i = 0; i < m; ++i) g[i] += uint64_t{keys[uk[i]]} * stride;
          break;
        }
      }
    }
  }

  void AddNumbers(const CompiledMeasure& measure, size_t m) {
    const int s = measure.numeric_slot;
    const uint32_t* uk = m_s.unit_row.data();
    for (size_t i = 0; i < m; ++i) {
      const uint32_t k = uk[i];
      double v = 0;
      bool ok = false;
      switch (measure.source.kind) {
        case NumericSource::Kind::Column:
          ok = m_s.number_valid[s][k];
          v = m_s.numbers[s][k];
          break;
        case NumericSource::Kind::Duration:
          ok = m_s.unit_duration_end[i] != kNoDate;
          if (ok) v = static_cast<double>(m_s.unit_duration_end[i] - m_s.start[k]);
          break;
        default:
          ok = m_s.unit_age[i] != kUnknownAge && m_s.unit_age[i] >= 0;
          v = m_s.unit_age[i];
          break;
      }
      if (!ok) continue;
      const uint64_t g = m_s.unit_group[i];
      if (measure.source.integral) m_out.isum[s][g] += static_cast<int64_t>(v);
      else m_out.dsum[s][g] += v;
      ++m_out.nvalues[s][g];
      if (measure.spec.kind == MeasureKind::Median) m_out.values[s].emplace_back(g, v);
    }
  }

  void AddRatio(const CompiledMeasure& measure, size_t m) {
    auto passes = [&](const std::vector<RowPredicate>& preds, bool has_age, const AgePredicate& ap, uint32_t row, int age) {
      for (const RowPredicate& rp : preds)
        if (!rp.Test(row)) return false;
      return !has_age || AgePasses(ap, age);
    };
    for (size_t i = 0; i < m; ++i) {
      const uint32_t k = m_s.unit_row[i];
      const uint32_t row = m_s.sel[k];
      const int age = m_s.unit_age[i];
      const uint64_t g = m_s.unit_group[i];
      const bool num = passes(measure.num_rows, measure.num_has_age, measure.num_age, row, age);
      const bool den = passes(measure.den_rows, measure.den_has_age, measure.den_age, row, age);
      if (measure.distinct_slot >= 0) {
        const uint32_t c = m_s.child[k];
        if (c == UINT32_MAX) continue;
        if (num) m_out.distinct[measure.distinct_slot].Add(g, c);
        if (den) m_out.distinct[measure.distinct_slot + 1].Add(g, c);
      } else {
        m_out.ratio_num[measure.ratio_slot][g] += num;
        m_out.ratio_den[measure.ratio_slot][g] += den;
        if (m_row_keys) {
          m_out.ratio_num_keys[measure.ratio_slot][g] += num ? m_row_keys[row] : 0u;
          m_out.ratio_den_keys[measure.ratio_slot][g] += den ? m_row_keys[row] : 0u;
        }
      }
    }
  }

  DurationBand BandOfDuration(int32_t from, int32_t to) const {
    const int months = (m_cq.month_key_ref[static_cast<size_t>(to - m_cq.date_base)] -
                        m_cq.month_key_from[static_cast<size_t>(from - m_cq.date_base)]) >> 6;
    return DurationBandOfMonths(from, to, months);
  }

  const CompiledQuery& m_cq;
  ChunkScratch& m_s;
  Partial& m_out;
  size_t m_n = 0;
  int m_children_slot = -1;
  bool m_need_end = true;
  const std::vector<int8_t>* m_ages = nullptr;
  const VectorPlan* m_vector = nullptr;
  const uint8_t* m_row_keys = nullptr;  // CompiledQuery::row_keys, when cell keys are asked for
  bool m_fused = false;
  std::vector<uint8_t> m_age_pass;
  std::vector<const RowPredicate*> m_dense, m_sparse;
  uint64_t m_units = 0;
};

}  // namespace

QueryResult ExecuteQuery(const CompiledQuery& cq, const ExecuteOptions& options, const CancelToken* cancel) {
  const auto t0 = std::chrono::steady_clock::now();
  const size_t rows = cq.table->num_rows();
  const size_t chunk = std::max<size_t>(options.chunk_rows, 1);
  const size_t chunks = (rows + chunk - 1) / chunk;
  unsigned threads = options.threads ? options.threads : DefaultThreadCount();
  threads = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(threads, chunks)));
  std::vector<Partial> partials(threads);
  std::vector<uint64_t> units(threads, 0);
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  // Ages for the fused pass come from the table's derived cache (made on first use).
  std::shared_ptr<const std::vector<int8_t>> ages;
  if (cq.need_dob && FusedEligible(cq) && FusedReference(cq) && options.derived_ages)
    ages = RowAgesAt(cq, *FusedReference(cq));
  const std::unique_ptr<VectorPlan> vector = options.vector_scan ? PlanVectorScan(cq, ages.get()) : nullptr;
  // With bitmaps, the workers merge and count the distinct children in parallel, each
  // taking every threads-th group, once all have finished scanning (the merge and the
  // popcounts were a serial tail of about 0.7 ms on the typical slice).
  bool parallel_merge = threads > 1 && cq.distinct_slots > 0;
  std::barrier scanned(static_cast<std::ptrdiff_t>(threads));
  // With cell keys the children's keys are summed in the same pass as the popcount.
  auto merge_share = [&](unsigned t) {
    for (size_t i = 0; i < partials[0].distinct.size(); ++i) {
      DistinctStore& into = partials[0].distinct[i];
      if (into.keys()) {
        std::vector<uint64_t> mine;
        for (uint64_t g = t; g < into.groups(); g += threads) mine.push_back(g);
        std::vector<DistinctStore*> others;
        for (unsigned o = 1; o < threads; ++o) others.push_back(&partials[o].distinct[i]);
        into.MergeAndCountGroups(others, mine);
        continue;
      }
      for (uint64_t g = t; g < into.groups(); g += threads) {
        for (unsigned o = 1; o < threads; ++o) into.MergeGroup(partials[o].distinct[i], g);
        into.CountGroup(g);
      }
    }
  };
  auto work = [&](unsigned t) {
    try {
      partials[t].Init(cq, options.force_pairs);
      auto scratch = Scratches().Acquire();
      ChunkRunner runner(cq, *scratch, partials[t], ages.get(), vector.get());
      for (;;) {
        const size_t i = next.fetch_add(1, std::memory_order_relaxed);
        if (i >= chunks || stop.load(std::memory_order_relaxed)) break;
        if (cancel && cancel->IsCancelled()) {
          stop = true;
          break;
        }
        runner.Run(i * chunk, std::min(rows, (i + 1) * chunk));
      }
      // Buffered children wait for the merge when it runs group by group in parallel; pairs
      // are sorted here, each worker its own.
      for (DistinctStore& d : partials[t].distinct)
        if (!parallel_merge || !d.uses_bitmaps()) d.Flush();
      units[t] = runner.units();
      Scratches().Release(std::move(scratch));
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      stop = true;
    }
    if (!parallel_merge) return;
    scanned.arrive_and_wait();  // every worker arrives, even one that failed
    if (t == 0 && !stop) {
      for (Partial& p : partials)
        for (DistinctStore& d : p.distinct) parallel_merge &= d.uses_bitmaps();
      if (parallel_merge)
        for (DistinctStore& d : partials[0].distinct) d.PrepareCounts();
    }
    scanned.arrive_and_wait();
    if (!parallel_merge || stop) return;
    merge_share(t);
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
  }
  if (error) std::rethrow_exception(error);
  if (cancel && cancel->IsCancelled()) throw Cancelled();
  if (parallel_merge) {
    for (DistinctStore& d : partials[0].distinct) d.MarkCounted();
    for (unsigned t = 1; t < threads; ++t)
      for (DistinctStore& d : partials[t].distinct) d.Drop();  // merged group by group
  }
  for (unsigned t = 1; t < threads; ++t) partials[0].Merge(partials[t]);
  partials.resize(1);
  partials[0].Finish();
  QueryResult result = FinalizeResult(cq, partials[0]);
  result.notes = cq.notes;
  if (!cq.period_uncovered.empty() &&
      std::all_of(cq.period_uncovered.begin(), cq.period_uncovered.end(), [](bool b) { return b; })) {
    result.no_data = true;
    for (auto& row : result.rows)
      for (auto& v : row.values) v.reset();
  }
  result.rows_scanned = rows;
  result.vector_scan = vector != nullptr;
  for (uint64_t u : units) result.units_counted += u;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

QueryResult RunQuery(const Catalog& catalog, const Query& query, const ExecuteOptions& options, const CancelToken* cancel) {
  const auto compiled = CompileQuery(catalog, query);
  QueryResult result = ExecuteQuery(*compiled, options, cancel);
  // A count that includes records the quality check flagged says how many: the same
  // question asked of the flagged records alone (one more pass, only on such tables).
  const NamedTable* entry = catalog.FindEntry(query.table);
  if (entry && entry->rules.flagged && !query.only_flagged && result.units_counted > 0) {
    Query flagged = query;
    flagged.only_flagged = true;
    flagged.cell_key_seed.reset();
    const QueryResult f = ExecuteQuery(*CompileQuery(catalog, flagged), options, cancel);
    if (f.units_counted > 0) {
      const bool periods = query.periods.size() > 1;
      result.notes.push_back("includes " + WithThousands(static_cast<long long>(f.units_counted)) +
                             (f.units_counted == 1 ? " flagged record" : " flagged records") +
                             (periods ? " (counted once per period)" : "") +
                             ": data-quality problems (csc check lists them)");
    }
  }
  return result;
}

}  // namespace csc
