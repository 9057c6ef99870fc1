#include "query/finalize.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "time/anniversary.hpp"

namespace csc {

namespace {

struct DimState {
  uint32_t cardinality = 0;
  std::vector<std::string> labels;
  std::vector<std::vector<std::string>> members;
};

std::vector<uint64_t> Strides(const std::vector<DimState>& dims) {
  std::vector<uint64_t> strides(dims.size(), 1);
  uint64_t s = 1;
  for (size_t i = dims.size(); i-- > 0;) {
    strides[i] = s;
    s *= dims[i].cardinality;
  }
  return strides;
}

uint64_t GroupCount(const std::vector<DimState>& dims) {
  uint64_t n = 1;
  for (const auto& d : dims) n *= d.cardinality;
  return n;
}

// Keeps the top_n values of dimension `d` by episodes (ties: key order), folds the rest.
void FoldTopN(const CompiledQuery& cq, std::vector<DimState>& dims, size_t d, int top_n, Partial& state) {
  const auto strides = Strides(dims);
  const uint64_t groups = GroupCount(dims);
  std::vector<uint64_t> marginal(dims[d].cardinality, 0);
  for (uint64_t g = 0; g < groups; ++g) marginal[(g / strides[d]) % dims[d].cardinality] += state.episodes[g];
  std::vector<uint32_t> present;
  for (uint32_t k = 0; k < marginal.size(); ++k)
    if (marginal[k]) present.push_back(k);
  if (present.size() <= static_cast<size_t>(top_n)) return;
  std::vector<uint32_t> ranked = present;
  std::stable_sort(ranked.begin(), ranked.end(), [&](uint32_t a, uint32_t b) { return marginal[a] > marginal[b]; });
  std::vector<uint8_t> keep(marginal.size(), 0);
  for (int i = 0; i < top_n; ++i) keep[ranked[static_cast<size_t>(i)]] = 1;
  DimState folded;
  std::vector<uint32_t> key_map(marginal.size());
  for (uint32_t k = 0; k < marginal.size(); ++k)
    if (keep[k]) {
      key_map[k] = static_cast<uint32_t>(folded.labels.size());
      folded.labels.push_back(dims[d].labels[k]);
      folded.members.push_back(dims[d].members[k]);
    }
  const uint32_t other = static_cast<uint32_t>(folded.labels.size());
  folded.labels.emplace_back(kOtherLabel);
  folded.members.emplace_back();
  for (uint32_t k = 0; k < marginal.size(); ++k)
    if (!keep[k]) {
      key_map[k] = other;
      for (const auto& m : dims[d].members[k]) folded.members[other].push_back(m);
    }
  folded.cardinality = static_cast<uint32_t>(folded.labels.size());
  std::vector<DimState> next = dims;
  next[d] = folded;
  const auto next_strides = Strides(next);
  std::vector<uint64_t> map(groups);
  for (uint64_t g = 0; g < groups; ++g) {
    uint64_t ng = 0;
    for (size_t i = 0; i < dims.size(); ++i) {
      uint32_t key = static_cast<uint32_t>((g / strides[i]) % dims[i].cardinality);
      if (i == d) key = key_map[key];
      ng += key * next_strides[i];
    }
    map[g] = ng;
  }
  state = state.Project(cq, map, GroupCount(next));
  dims = std::move(next);
}

// Projection of every group onto the dimensions kept by `keep_dim` (others collapsed).
Partial Totals(const CompiledQuery& cq, const std::vector<DimState>& dims, const Partial& state, int keep_dim) {
  const auto strides = Strides(dims);
  const uint64_t groups = GroupCount(dims);
  std::vector<uint64_t> map(groups);
  for (uint64_t g = 0; g < groups; ++g)
    map[g] = keep_dim < 0 ? 0 : (g / strides[static_cast<size_t>(keep_dim)]) % dims[static_cast<size_t>(keep_dim)].cardinality;
  const uint64_t n = keep_dim < 0 ? 1 : dims[static_cast<size_t>(keep_dim)].cardinality;
  return state.Project(cq, map, n);
}

bool Allowed(const std::vector<Filter>& filters, const std::string& v) {
  for (const Filter& f : filters) {
    const bool listed = std::find(f.values.begin(), f.values.end(), v) != f.values.end();
    if (listed != (f.kind == FilterKind::In)) return false;
  }
  return true;
}

std::optional<double> Population(const CompiledQuery& cq, const std::vector<DimState>& dims,
                                  const std::vector<uint32_t>& keys) {
  int year = cq.periods.empty() ? 0 : PopulationYear(cq.periods[0]);
  uint32_t ages = (1u << 18) - 1;  // 0..17
  // Several dimensions may constrain the same role (ward top-5 and ward): intersect them.
  std::optional<std::vector<std::string>> sexes, wards;
  auto narrow = [](std::optional<std::vector<std::string>>& set, const std::vector<std::string>& members) {
    if (!set) {
      set = members;
      return;
    }
    std::vector<std::string> both;
    for (const auto& v : *set)
      if (std::find(members.begin(), members.end(), v) != members.end()) both.push_back(v);
    set = std::move(both);
  };
  for (size_t d = 0; d < cq.dims.size(); ++d) {
    const uint32_t key = keys[d];
    switch (cq.dims[d].kind) {
      case DimensionKind::Period: year = PopulationYear(cq.periods[key]); break;
      case DimensionKind::AgeBand: {
        uint32_t mask = 0;
        for (int a = 0; a <= 17; ++a)
          if (static_cast<uint32_t>(AgeBandOf(a)) == key) mask |= 1u << a;
        ages &= mask;
        break;
      }
      case DimensionKind::SingleAge: ages &= key >= 1 && key <= 18 ? 1u << (key - 1) : 0u; break;
      case DimensionKind::Column:
        if (cq.dims[d].is_sex) narrow(sexes, dims[d].members[key]);
        if (cq.dims[d].is_ward) narrow(wards, dims[d].members[key]);
        break;
      default: break;
    }
  }
  if (cq.has_age_predicate)
    for (int a = 0; a <= 17; ++a)
      if (a < cq.age.lo || a > cq.age.hi || !(cq.age.band_mask >> static_cast<int>(AgeBandOf(a)) & 1)) ages &= ~(1u << a);
  double total = 0;
  for (const PopulationRow& r : cq.population) {
    if (r.year != year || r.age < 0 || r.age > 17 || !(ages >> r.age & 1)) continue;
    if (sexes ? std::find(sexes->begin(), sexes->end(), r.sex) == sexes->end()
              : !Allowed(cq.sex_filters, r.sex))
      continue;
    if (wards ? std::find(wards->begin(), wards->end(), r.ward) == wards->end()
              : !Allowed(cq.ward_filters, r.ward))
      continue;
    total += r.count;
  }
  if (total <= 0) return std::nullopt;
  return total;
}

// The count (and its cell key) a measure rests on in group g of `p`.
std::pair<double, uint32_t> BaseCell(const CompiledMeasure& m, const Partial& p, const std::vector<std::vector<uint64_t>>& sums,
                                     uint64_t g) {
  if (m.distinct_slot >= 0) {
    const auto& keys = sums[static_cast<size_t>(m.distinct_slot)];
    return {static_cast<double>(p.distinct[m.distinct_slot].Count(g)), keys.empty() ? 0u : static_cast<uint32_t>(keys[g])};
  }
  return {static_cast<double>(p.episodes[g]), p.episode_keys.empty() ? 0u : static_cast<uint32_t>(p.episode_keys[g])};
}

CellCounts Cells(const CompiledQuery& cq, const CompiledMeasure& m, const Partial& s,
                 const std::vector<std::vector<uint64_t>>& sums, uint64_t g, const std::optional<Partial> (&totals)[3],
                 const std::vector<std::vector<uint64_t>> (&total_sums)[3], const std::vector<uint32_t>& keys,
                 const std::vector<DimState>& dims) {
  CellCounts c;
  if (m.spec.kind == MeasureKind::Ratio) {
    if (m.distinct_slot >= 0) {
      const size_t a = static_cast<size_t>(m.distinct_slot);
      c.count = static_cast<double>(s.distinct[a].Count(g));
      c.other = static_cast<double>(s.distinct[a + 1].Count(g));
      if (!sums[a].empty()) {
        c.key = static_cast<uint32_t>(sums[a][g]);
        c.other_key = static_cast<uint32_t>(sums[a + 1][g]);
      }
    } else {
      const size_t r = static_cast<size_t>(m.ratio_slot);
      c.count = static_cast<double>(s.ratio_num[r][g]);
      c.other = static_cast<double>(s.ratio_den[r][g]);
      if (!s.ratio_num_keys.empty()) {
        c.key = static_cast<uint32_t>(s.ratio_num_keys[r][g]);
        c.other_key = static_cast<uint32_t>(s.ratio_den_keys[r][g]);
      }
    }
    return c;
  }
  std::tie(c.count, c.key) = BaseCell(m, s, sums, g);
  if (m.spec.kind == MeasureKind::Share) {
    const int which = static_cast<int>(m.spec.share_of);
    const uint64_t tg = which == 0 ? 0 : keys[which == 1 ? 0 : 1];
    std::tie(c.other, c.other_key) = BaseCell(m, *totals[which], total_sums[which], tg);
  } else if (m.spec.kind == MeasureKind::Rate10k) {
    c.other = Population(cq, dims, keys).value_or(0);
  }
  return c;
}

}  // namespace

QueryResult FinalizeResult(const CompiledQuery& cq, Partial& merged) {
  std::vector<DimState> dims;
  for (const auto& d : cq.dims) dims.push_back({d.cardinality, d.labels, d.members});
  Partial folded;
  Partial* state = &merged;
  for (size_t d = 0; d < cq.dims.size(); ++d) {
    if (cq.dims[d].top_n <= 0) continue;
    if (state == &merged) {
      folded = merged.Project(cq, [&] {
        std::vector<uint64_t> id(merged.groups);
        std::iota(id.begin(), id.end(), 0);
        return id;
      }(), merged.groups);
      state = &folded;
    }
    FoldTopN(cq, dims, d, cq.dims[d].top_n, *state);
  }
  const Partial& s = *state;
  const auto strides = Strides(dims);
  const uint64_t groups = GroupCount(dims);

  // Totals for shares, built only when asked for.
  std::optional<Partial> totals[3];  // whole, row, column
  for (const CompiledMeasure& m : cq.measures) {
    if (m.spec.kind != MeasureKind::Share) continue;
    const int which = static_cast<int>(m.spec.share_of);
    if (!totals[which]) totals[which] = Totals(cq, dims, s, which == 0 ? -1 : which == 1 ? 0 : 1);
  }
  // Median lookups: per slot, the start of each group's run of sorted values.
  std::vector<std::vector<size_t>> median_from(s.values.size());
  for (size_t i = 0; i < s.values.size(); ++i) {
    if (s.values[i].empty()) continue;
    median_from[i].assign(groups + 1, 0);
    for (const auto& [g, v] : s.values[i]) ++median_from[i][g + 1];
    for (uint64_t g = 0; g < groups; ++g) median_from[i][g + 1] += median_from[i][g];
  }

  // Cell keys: the children's key sums per distinct store (the result's and the totals').
  const bool cell_keys = cq.query.cell_key_seed.has_value();
  const uint8_t* child_keys = cq.child_keys ? cq.child_keys->data() : nullptr;
  auto child_sums = [&](const Partial& p) {
    std::vector<std::vector<uint64_t>> sums(p.distinct.size());
    if (cell_keys && child_keys)
      for (size_t i = 0; i < p.distinct.size(); ++i) sums[i] = p.distinct[i].KeySums(child_keys);
    return sums;
  };
  const auto sums = child_sums(s);
  std::vector<std::vector<uint64_t>> total_sums[3];
  for (int i = 0; i < 3; ++i)
    if (totals[i]) total_sums[i] = child_sums(*totals[i]);

  QueryResult result;
  for (const auto& d : cq.dims) result.dimensions.push_back(d.title);
  for (const auto& m : cq.measures) result.measures.push_back(MeasureTitle(m.spec));
  for (uint64_t g = 0; g < groups; ++g) {
    if (!dims.empty() && s.episodes[g] == 0) continue;
    QueryResult::Row row;
    std::vector<CellCounts> cells;
    std::vector<uint32_t> keys(dims.size());
    for (size_t d = 0; d < dims.size(); ++d) {
      keys[d] = static_cast<uint32_t>((g / strides[d]) % dims[d].cardinality);
      row.keys.push_back(dims[d].labels[keys[d]]);
    }
    for (const CompiledMeasure& m : cq.measures) {
      const auto base_count = [&](const Partial& p, uint64_t group) -> double {
        return static_cast<double>(m.spec.of_children && m.distinct_slot >= 0 ? p.distinct[m.distinct_slot].Count(group)
                                                                               : p.episodes[group]);
      };
      std::optional<double> value;
      switch (m.spec.kind) {
        case MeasureKind::Episodes: value = static_cast<double>(s.episodes[g]); break;
        case MeasureKind::Children: value = static_cast<double>(s.distinct[m.distinct_slot].Count(g)); break;
        case MeasureKind::Sum:
        case MeasureKind::Mean: {
          const int slot = m.numeric_slot;
          const double sum = m.source.integral ? static_cast<double>(s.isum[slot][g]) : s.dsum[slot][g];
          const uint64_t n = s.nvalues[slot][g];
          if (m.spec.kind == MeasureKind::Sum) value = sum;
          else if (n) value = sum / static_cast<double>(n);
          break;
        }
        case MeasureKind::Median: {
          const auto& from = median_from[m.numeric_slot];
          if (from.empty()) break;
          const size_t a = from[g], b = from[g + 1];
          if (a == b) break;
          const auto& v = s.values[m.numeric_slot];
          const size_t mid = a + (b - a) / 2;
          value = (b - a) % 2 ? v[mid].second : (v[mid - 1].second + v[mid].second) / 2;
          break;
        }
        case MeasureKind::Share: {
          const int which = static_cast<int>(m.spec.share_of);
          const uint64_t tg = which == 0 ? 0 : keys[which == 1 ? 0 : 1];
          const double total = base_count(*totals[which], tg);
          if (total > 0) value = 100.0 * base_count(s, g) / total;
          break;
        }
        case MeasureKind::Rate10k: {
          const auto pop = Population(cq, dims, keys);
          if (pop) value = base_count(s, g) * 10000.0 / *pop;
          break;
        }
        default: {
          double num, den;
          if (m.distinct_slot >= 0) {
            num = static_cast<double>(s.distinct[m.distinct_slot].Count(g));
            den = static_cast<double>(s.distinct[m.distinct_slot + 1].Count(g));
          } else {
            num = static_cast<double>(s.ratio_num[m.ratio_slot][g]);
            den = static_cast<double>(s.ratio_den[m.ratio_slot][g]);
          }
          if (den > 0) value = 100.0 * num / den;
          break;
        }
      }
      row.values.push_back(value);
      if (cell_keys) cells.push_back(Cells(cq, m, s, sums, g, totals, total_sums, keys, dims));
    }
    result.rows.push_back(std::move(row));
    if (cell_keys) result.cells.push_back(std::move(cells));
  }
  return result;
}

}  // namespace csc
