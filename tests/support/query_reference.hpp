#pragma once
// The reference evaluator for the query engine: plain loops over rows, string keys, std::map
// and std::set, no lookup tables, no chunks, no threads. It follows the counting rules of
// query/query.hpp literally so the property tests can demand identical answers from the
// engine. It uses only the scalar date functions of time/ (tested by hand on their own).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "query/catalog.hpp"
#include "query/compiled_query.hpp"
#include "query/query.hpp"
#include "query/query_result.hpp"
#include "query/record_keys.hpp"
#include "time/anniversary.hpp"
#include "time/periods.hpp"
#include "util/text.hpp"

namespace csc::test {

struct RefRowKey {
  std::vector<std::string> keys;
  bool operator<(const RefRowKey& o) const { return keys < o.keys; }
};

class ReferenceEvaluator {
 public:
  ReferenceEvaluator(const Catalog& catalog, const Query& q) : m_catalog(catalog), m_q(q) {
    m_table = catalog.Find(q.table);
    m_roles = ResolveEventColumns(*m_table, q.columns);
  }

  // Rows keyed by their labels -> measure values.
  std::map<std::vector<std::string>, std::vector<std::optional<double>>> Run() {
    const Table& t = *m_table;
    std::vector<Measure> measures = m_q.measures;
    if (measures.empty()) measures.push_back(Measure{});
    for (size_t r = 0; r < t.num_rows(); ++r) {
      bool ok = true;
      for (const Filter& f : m_q.filters)
        if (f.kind != FilterKind::Age && f.kind != FilterKind::AgeBand && !RowFilter(t, r, f)) ok = false;
      if (!ok) continue;
      if (EndNeeded() && t.ColumnByName(m_roles.end) && t.ColumnByName(m_roles.end)->IsUnreadable(r)) continue;
      const std::optional<int32_t> start = DateCell(t, m_roles.start, r);
      const std::optional<int32_t> end = DateCell(t, m_roles.end, r);
      if (m_q.periods.empty()) {
        Unit(r, -1, start, start, end, measures);
        continue;
      }
      for (size_t p = 0; p < m_q.periods.size(); ++p) {
        const Period& per = m_q.periods[p];
        std::optional<int32_t> ref;
        switch (m_q.counting.mode) {
          case CountMode::OpenAt: {
            const int32_t d = *SnapshotDate(per, m_q.counting.snapshot_day, m_q.counting.snapshot_month);
            if (start && *start <= d && (!end || *end > d)) ref = d;
            break;
          }
          case CountMode::StartedIn:
            if (start && *start >= per.first && *start <= per.last) ref = *start;
            break;
          case CountMode::CeasedIn:
            if (end && *end >= per.first && *end <= per.last) ref = *end;
            break;
          default:
            if (start && *start <= per.last && (!end || *end >= per.first)) ref = std::max(*start, per.first);
            break;
        }
        if (ref) Unit(r, static_cast<int>(p), ref, start, end, measures);
      }
    }
    FoldTopN();
    if (m_q.group_by.empty() && m_groups.empty()) m_groups[{}] = Acc{};
    m_measures = measures;
    std::map<std::vector<std::string>, std::vector<std::optional<double>>> out;
    for (const auto& [keys, acc] : m_groups) {
      std::vector<std::optional<double>> values;
      for (size_t i = 0; i < measures.size(); ++i) values.push_back(Value(measures[i], i, keys, acc));
      out[keys] = values;
    }
    return out;
  }

  // After Run, when the query asks for cell keys: each row's counts with their keys, from
  // record keys worked out row by row (record_keys.hpp defines them).
  std::map<std::vector<std::string>, std::vector<CellCounts>> Cells() const {
    std::map<std::vector<std::string>, std::vector<CellCounts>> out;
    for (const auto& [keys, acc] : m_groups) {
      std::vector<CellCounts> cells;
      for (size_t i = 0; i < m_measures.size(); ++i) cells.push_back(CellsOf(m_measures[i], i, keys, acc));
      out[keys] = cells;
    }
    return out;
  }

 private:
  struct Acc {
    uint64_t episodes = 0;
    uint64_t episode_keys = 0;
    std::map<size_t, uint64_t> num_keys, den_keys;
    std::set<std::string> children;
    std::map<size_t, std::vector<double>> numbers;
    std::map<size_t, uint64_t> num, den;
    std::map<size_t, std::set<std::string>> num_children, den_children;
  };

  static std::string Cell(const Table& t, const std::string& col, size_t r) {
    const Column* c = t.ColumnByName(col);
    if (!c->IsValid(r)) return kNullLabel;
    if (c->type() == ColumnType::Date) return FormatIsoDate(static_cast<int32_t>(c->GetInt(r)));
    if (c->dictionary()) return std::string(c->GetString(r));
    return std::to_string(c->GetInt(r));
  }

  static std::optional<int32_t> DateCell(const Table& t, const std::string& col, size_t r) {
    const Column* c = col.empty() ? nullptr : t.ColumnByName(col);
    if (!c || !c->IsValid(r)) return std::nullopt;
    return static_cast<int32_t>(c->GetInt(r));
  }

  static bool RowFilter(const Table& t, size_t r, const Filter& f) {
    const Column* c = t.ColumnByName(f.column);
    const bool valid = c->IsValid(r);
    if (f.kind == FilterKind::Range) {
      if (!valid) return false;
      const double v = c->GetDouble(r);
      return (!f.lo || v >= *f.lo) && (!f.hi || v <= *f.hi);
    }
    const bool listed = valid && std::find(f.values.begin(), f.values.end(), Cell(t, f.column, r)) != f.values.end();
    if (f.kind == FilterKind::In) return valid ? listed : f.match_null;
    return valid ? !listed : !f.match_null;
  }

  static bool AgeFilter(const Filter& f, std::optional<int> age) {
    if (f.kind == FilterKind::Age) return age && (!f.lo || *age >= *f.lo) && (!f.hi || *age <= *f.hi);
    const AgeBand band = age ? AgeBandOf(*age) : AgeBand::Unknown;
    for (const auto& v : f.values)
      if (ParseAgeBand(v) == band) return true;
    return f.match_null && band == AgeBand::Unknown;
  }

  bool AllAgeFilters(const std::vector<Filter>& fs, std::optional<int> age) const {
    for (const Filter& f : fs)
      if ((f.kind == FilterKind::Age || f.kind == FilterKind::AgeBand) && !AgeFilter(f, age)) return false;
    return true;
  }

  bool AllRowFilters(const std::vector<Filter>& fs, size_t r) const {
    for (const Filter& f : fs)
      if (f.kind != FilterKind::Age && f.kind != FilterKind::AgeBand && !RowFilter(*m_table, r, f)) return false;
    return true;
  }

  bool LinkHolds(const Link& link, const std::string& child, std::optional<int32_t> start, std::optional<int32_t> ref,
                 int p) const {
    const Table& o = *m_catalog.Find(link.table);
    const EventColumns roles = ResolveEventColumns(o, link.columns);
    bool found = false;
    for (size_t r = 0; r < o.num_rows() && !found; ++r) {
      if (Cell(o, roles.child, r) != child || child == kNullLabel) continue;
      bool ok = true;
      for (const Filter& f : link.filters) ok = ok && RowFilter(o, r, f);
      if (!ok) continue;
      const auto s = DateCell(o, roles.start, r);
      const auto e = DateCell(o, roles.end, r);
      switch (link.when) {
        case LinkWhen::Ever: found = true; break;
        case LinkWhen::OpenAtStart: found = s && start && *s <= *start && (!e || *e > *start); break;
        case LinkWhen::OpenAtReference: found = s && ref && *s <= *ref && (!e || *e > *ref); break;
        case LinkWhen::OpenAtPeriodEnd: {
          const int32_t at = m_q.periods[static_cast<size_t>(p)].last;
          found = s && *s <= at && (!e || *e > at);
          break;
        }
        case LinkWhen::StartedInPeriod:
          found = s && *s >= m_q.periods[static_cast<size_t>(p)].first && *s <= m_q.periods[static_cast<size_t>(p)].last;
          break;
        default:
          found = s && *s <= m_q.periods[static_cast<size_t>(p)].last && (!e || *e >= m_q.periods[static_cast<size_t>(p)].first);
          break;
      }
    }
    return found == link.present;
  }

  static std::string EthnicGroup(const std::string& code) {
    if (code == kNullLabel) return "Unknown";
    if (code == "CHNE") return "Chinese";
    if (code == "OOTH") return "Other";
    if (code == "REFU") return "Refused";
    if (code == "NOBT") return "Not obtained";
    if (code.size() == 4 && code[0] == 'W') return "White";
    if (code.size() == 4 && code[0] == 'M') return "Mixed";
    if (code.size() == 4 && code[0] == 'A') return "Asian";
    if (code.size() == 4 && code[0] == 'B') return "Black";
    return "Unknown";
  }

  // A row whose end date could not be read is unknown: left out wherever the end matters
  // (counting by it, or a duration), kept where it does not (started in, no periods).
  bool EndNeeded() const {
    bool duration = false;
    for (const Dimension& d : m_q.group_by) duration |= d.kind == DimensionKind::DurationBand;
    for (const Measure& m : m_q.measures) duration |= EqualsIgnoreCase(m.column, "duration");
    return duration || (!m_q.periods.empty() && m_q.counting.mode != CountMode::StartedIn);
  }

  void Unit(size_t r, int p, std::optional<int32_t> ref, std::optional<int32_t> start, std::optional<int32_t> end,
            const std::vector<Measure>& measures) {
    const Table& t = *m_table;
    const auto dob = DateCell(t, m_roles.dob, r);
    std::optional<int> age;
    if (dob && ref) age = std::max(-1, AgeAt(*dob, *ref));
    if (!AllAgeFilters(m_q.filters, age)) return;
    const std::string child = m_roles.child.empty() || !t.ColumnByName(m_roles.child) ? kNullLabel : Cell(t, m_roles.child, r);
    for (const Link& link : m_q.links)
      if (!LinkHolds(link, child, start, ref, p)) return;
    std::optional<int32_t> duration_end;
    if (start) {
      if (p >= 0 && m_q.counting.mode == CountMode::OpenAt)
        duration_end = *SnapshotDate(m_q.periods[static_cast<size_t>(p)], m_q.counting.snapshot_day, m_q.counting.snapshot_month);
      else if (end) duration_end = end;
      else if (p >= 0) duration_end = m_q.periods[static_cast<size_t>(p)].last;
    }
    std::vector<std::string> keys;
    for (const Dimension& d : m_q.group_by) {
      switch (d.kind) {
        case DimensionKind::Period: keys.push_back(PeriodLabel(m_q.periods[static_cast<size_t>(p)])); break;
        case DimensionKind::AgeBand: keys.emplace_back(AgeBandLabel(age ? AgeBandOf(*age) : AgeBand::Unknown)); break;
        case DimensionKind::SingleAge:
          keys.push_back(!age ? "Unknown" : *age < 0 ? "Unborn" : *age >= 18 ? "18+" : std::to_string(*age));
          break;
        case DimensionKind::DurationBand:
          keys.emplace_back(duration_end ? DurationBandLabel(DurationBandOf(*start, *duration_end)) : "Unknown");
          break;
        case DimensionKind::EthnicityGroup: keys.push_back(EthnicGroup(Cell(t, m_roles.ethnicity, r))); break;
        default: keys.push_back(Cell(t, d.column, r)); break;
      }
    }
    Acc& acc = m_groups[keys];
    ++acc.episodes;
    const uint64_t seed = m_q.cell_key_seed.value_or(0);
    const uint8_t row_key =
        RowRecordKey(ChildIdHash(child == kNullLabel ? std::string() : child, seed), start, end);
    acc.episode_keys += row_key;
    if (child != kNullLabel) acc.children.insert(child);
    for (size_t i = 0; i < measures.size(); ++i) {
      const Measure& m = measures[i];
      if (m.kind == MeasureKind::Sum || m.kind == MeasureKind::Mean || m.kind == MeasureKind::Median) {
        std::optional<double> v;
        if (m.column == "duration") {
          if (duration_end) v = *duration_end - *start;
        } else if (m.column == "age") {
          if (age && *age >= 0) v = *age;
        } else if (t.ColumnByName(m.column)->IsValid(r)) {
          v = t.ColumnByName(m.column)->GetDouble(r);
        }
        acc.numbers[i];
        if (v) acc.numbers[i].push_back(*v);
      } else if (m.kind == MeasureKind::Ratio) {
        const bool num = AllRowFilters(m.numerator, r) && AllAgeFilters(m.numerator, age);
        const bool den = AllRowFilters(m.denominator, r) && AllAgeFilters(m.denominator, age);
        acc.num[i] += num;
        acc.den[i] += den;
        acc.num_keys[i] += num ? row_key : 0;
        acc.den_keys[i] += den ? row_key : 0;
        if (num && child != kNullLabel) acc.num_children[i].insert(child);
        if (den && child != kNullLabel) acc.den_children[i].insert(child);
      }
    }
  }

  void FoldTopN() {
    for (size_t d = 0; d < m_q.group_by.size(); ++d) {
      const int n = m_q.group_by[d].top_n;
      if (n <= 0) continue;
      std::map<std::string, uint64_t> marginal;
      for (const auto& [keys, acc] : m_groups) marginal[keys[d]] += acc.episodes;
      if (marginal.size() <= static_cast<size_t>(n)) continue;
      std::vector<std::pair<std::string, uint64_t>> ranked(marginal.begin(), marginal.end());
      // Ties go to key order: labels ascending, "(blank)" last (text columns only in tests).
      std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        const bool an = a.first == kNullLabel, bn = b.first == kNullLabel;
        if (an != bn) return bn;
        return a.first < b.first;
      });
      std::set<std::string> keep;
      for (int i = 0; i < n; ++i) keep.insert(ranked[static_cast<size_t>(i)].first);
      std::map<std::vector<std::string>, Acc> folded;
      for (auto& [keys, acc] : m_groups) {
        std::vector<std::string> k = keys;
        if (!keep.count(k[d])) k[d] = kOtherLabel;
        Merge(folded[k], acc);
      }
      // "Other" stands for every value not kept, including values no counted row has.
      std::set<std::string> rest;
      for (size_t r = 0; r < m_table->num_rows(); ++r) {
        const std::string v = Cell(*m_table, m_q.group_by[d].column, r);
        if (v != kNullLabel && !keep.count(v)) rest.insert(v);
      }
      m_other_members[d] = rest;
      m_groups = std::move(folded);
    }
  }

  static void Merge(Acc& into, const Acc& from) {
    into.episodes += from.episodes;
    into.episode_keys += from.episode_keys;
    for (const auto& [i, v] : from.num_keys) into.num_keys[i] += v;
    for (const auto& [i, v] : from.den_keys) into.den_keys[i] += v;
    into.children.insert(from.children.begin(), from.children.end());
    for (const auto& [i, v] : from.numbers) into.numbers[i].insert(into.numbers[i].end(), v.begin(), v.end());
    for (const auto& [i, v] : from.num) into.num[i] += v;
    for (const auto& [i, v] : from.den) into.den[i] += v;
    for (const auto& [i, v] : from.num_children) into.num_children[i].insert(v.begin(), v.end());
    for (const auto& [i, v] : from.den_children) into.den_children[i].insert(v.begin(), v.end());
  }

  uint32_t ChildKeys(const std::set<std::string>& children) const {
    uint64_t sum = 0;
    for (const std::string& c : children) sum += ChildRecordKey(ChildIdHash(c, m_q.cell_key_seed.value_or(0)));
    return static_cast<uint32_t>(sum);
  }

  CellCounts CellsOf(const Measure& m, size_t i, const std::vector<std::string>& keys, const Acc& a) const {
    CellCounts c;
    auto base = [&](const Acc& x) -> std::pair<double, uint32_t> {
      if (m.kind == MeasureKind::Children || m.of_children) return {static_cast<double>(x.children.size()), ChildKeys(x.children)};
      return {static_cast<double>(x.episodes), static_cast<uint32_t>(x.episode_keys)};
    };
    if (m.kind == MeasureKind::Ratio) {
      if (m.of_children) {
        const std::set<std::string> none;
        const auto& num = a.num_children.count(i) ? a.num_children.at(i) : none;
        const auto& den = a.den_children.count(i) ? a.den_children.at(i) : none;
        return {static_cast<double>(num.size()), ChildKeys(num), static_cast<double>(den.size()), ChildKeys(den)};
      }
      auto at = [&](const std::map<size_t, uint64_t>& mp) { return mp.count(i) ? mp.at(i) : uint64_t{0}; };
      return {static_cast<double>(at(a.num)), static_cast<uint32_t>(at(a.num_keys)), static_cast<double>(at(a.den)),
              static_cast<uint32_t>(at(a.den_keys))};
    }
    std::tie(c.count, c.key) = base(a);
    if (m.kind == MeasureKind::Share) {
      Acc total;
      for (const auto& [k, acc] : m_groups) {
        if (m.share_of == ShareOf::Row && k[0] != keys[0]) continue;
        if (m.share_of == ShareOf::Column && k[1] != keys[1]) continue;
        Merge(total, acc);
      }
      std::tie(c.other, c.other_key) = base(total);
    } else if (m.kind == MeasureKind::Rate10k) {
      c.other = std::max(0.0, Population(keys));
    }
    return c;
  }

  double Base(const Measure& m, const Acc& a) const {
    return static_cast<double>(m.of_children ? a.children.size() : a.episodes);
  }

  std::optional<double> Value(const Measure& m, size_t i, const std::vector<std::string>& keys, const Acc& a) const {
    switch (m.kind) {
      case MeasureKind::Episodes: return static_cast<double>(a.episodes);
      case MeasureKind::Children: return static_cast<double>(a.children.size());
      case MeasureKind::Sum:
      case MeasureKind::Mean:
      case MeasureKind::Median: {
        std::vector<double> v = a.numbers.count(i) ? a.numbers.at(i) : std::vector<double>{};
        double sum = 0;
        for (double x : v) sum += x;
        if (m.kind == MeasureKind::Sum) return sum;
        if (v.empty()) return std::nullopt;
        if (m.kind == MeasureKind::Mean) return sum / static_cast<double>(v.size());
        std::sort(v.begin(), v.end());
        const size_t mid = v.size() / 2;
        return v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
      }
      case MeasureKind::Share: {
        Acc total;
        for (const auto& [k, acc] : m_groups) {
          if (m.share_of == ShareOf::Row && k[0] != keys[0]) continue;
          if (m.share_of == ShareOf::Column && k[1] != keys[1]) continue;
          Merge(total, acc);
        }
        const double t = Base(m, total);
        if (t <= 0) return std::nullopt;
        return 100.0 * Base(m, a) / t;
      }
      case MeasureKind::Rate10k: {
        const double pop = Population(keys);
        if (pop <= 0) return std::nullopt;
        return Base(m, a) * 10000.0 / pop;
      }
      default: {
        const double num = m.of_children ? (a.num_children.count(i) ? a.num_children.at(i).size() : 0) : (a.num.count(i) ? a.num.at(i) : 0);
        const double den = m.of_children ? (a.den_children.count(i) ? a.den_children.at(i).size() : 0) : (a.den.count(i) ? a.den.at(i) : 0);
        if (den <= 0) return std::nullopt;
        return 100.0 * num / den;
      }
    }
  }

  double Population(const std::vector<std::string>& keys) const {
    const Table& pop = *m_catalog.Find(m_q.population.table);
    int year = m_q.periods.empty() ? 0 : PopulationYear(m_q.periods[0]);
    bool by_sex = false, by_ward = false;
    std::optional<std::string> age_band, single_age;
    std::set<std::string> sexes = {"M", "F"}, wards = {"W1", "W2", "W3", "W4"};
    for (size_t d = 0; d < m_q.group_by.size(); ++d) {
      const Dimension& dim = m_q.group_by[d];
      if (dim.kind == DimensionKind::Period)
        for (const Period& p : m_q.periods)
          if (PeriodLabel(p) == keys[d]) year = PopulationYear(p);
      if (dim.kind == DimensionKind::AgeBand) age_band = keys[d];
      if (dim.kind == DimensionKind::SingleAge) single_age = keys[d];
      if (dim.kind != DimensionKind::Column || (dim.column != m_roles.sex && dim.column != m_roles.ward)) continue;
      std::set<std::string> members;
      if (keys[d] == kOtherLabel) members = m_other_members.at(d);
      else if (keys[d] != kNullLabel) members = {keys[d]};
      std::set<std::string>& target = dim.column == m_roles.sex ? sexes : wards;
      std::set<std::string> both;
      for (const auto& v : target)
        if (members.count(v)) both.insert(v);
      target = both;
      (dim.column == m_roles.sex ? by_sex : by_ward) = true;
    }
    double total = 0;
    for (size_t r = 0; r < pop.num_rows(); ++r) {
      const int y = static_cast<int>(pop.ColumnByName("year")->GetInt(r));
      const int age = static_cast<int>(pop.ColumnByName("age")->GetInt(r));
      const std::string sex(pop.ColumnByName("sex")->GetString(r));
      const std::string ward(pop.ColumnByName("ward")->GetString(r));
      if (y != year || age < 0 || age > 17) continue;
      if (age_band && AgeBandLabel(AgeBandOf(age)) != *age_band) continue;
      if (single_age && std::to_string(age) != *single_age) continue;
      bool ok = AllAgeFilters(m_q.filters, age);
      for (const Filter& f : m_q.filters) {
        if (f.kind != FilterKind::In && f.kind != FilterKind::NotIn) continue;
        const std::string* v = f.column == m_roles.sex ? &sex : f.column == m_roles.ward ? &ward : nullptr;
        if (!v) continue;
        if ((f.column == m_roles.sex && by_sex) || (f.column == m_roles.ward && by_ward)) continue;
        const bool listed = std::find(f.values.begin(), f.values.end(), *v) != f.values.end();
        ok = ok && (f.kind == FilterKind::In ? listed : !listed);
      }
      if (!sexes.count(sex) || !wards.count(ward)) ok = false;
      if (ok) total += pop.ColumnByName("population")->GetDouble(r);
    }
    return total;
  }

  const Catalog& m_catalog;
  const Query& m_q;
  const Table* m_table;
  EventColumns m_roles;
  std::map<std::vector<std::string>, Acc> m_groups;
  std::vector<Measure> m_measures;
  std::map<size_t, std::set<std::string>> m_other_members;  // per top-N dimension
};

}  // namespace csc::test
