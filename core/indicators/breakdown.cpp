#include "indicators/breakdown.hpp"

#include <map>

#include "query/compiled_query.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

namespace csc {

namespace {

// One label's count and, publishing, its cell key (the summed record keys of its rows).
struct LabelCount {
  std::string label;
  double count = 0;
  uint32_t key = 0;
};

// label -> count for one of the indicator's counts split by `by`; with `seed`, cell keys too.
std::vector<LabelCount> SplitCount(const Indicator& ind, const CountSpec& spec, const Catalog& catalog,
                                   std::string_view year, std::string_view by, Query& q, std::optional<uint64_t> seed) {
  q = CountQuery(ind, spec, year);
  q.cell_key_seed = seed;
  const char* part = ind.numerator && &spec == &*ind.numerator ? "numerator" : "denominator";
  std::vector<Dimension> dims;
  try {
    dims = ParseGroupBy(by);
  } catch (const QueryError& e) {
    throw QueryError("indicator " + ind.id + ": breakdown: " + e.what());
  }
  if (dims.size() != 1) throw QueryError("indicator " + ind.id + ": breakdown: give one dimension, not '" + std::string(by) + "'");
  q.group_by.insert(q.group_by.begin(), dims[0]);
  QueryResult r;
  try {
    r = RunQuery(catalog, q);
  } catch (const QueryError& e) {
    throw QueryError("indicator " + ind.id + ": " + part + ": " + e.what());
  }
  std::vector<LabelCount> out;
  std::map<std::string, size_t> index;
  // A label's cell is the records of the rows added into it, so its key sums theirs.
  auto add = [&](const std::string& label, double v, uint32_t key) {
    auto [it, fresh] = index.emplace(label, out.size());
    if (fresh) out.push_back({label, 0, 0});
    out[it->second].count += v;
    out[it->second].key += key;
  };
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const auto& row = r.rows[i];
    const double v = row.values.empty() ? 0 : row.values[0].value_or(0);
    const uint32_t key = i < r.cells.size() && !r.cells[i].empty() ? r.cells[i][0].key : 0u;
    if (spec.groups_at_least > 0) {
      const bool in = v >= spec.groups_at_least;
      add(row.keys[0], in ? 1 : 0, in ? key : 0);
    } else if (!spec.row.empty()) {
      std::string rest;
      for (size_t k = 1; k < row.keys.size(); ++k) rest += (rest.empty() ? "" : "/") + row.keys[k];
      add(row.keys[0], rest == spec.row ? v : 0, rest == spec.row ? key : 0);
    } else {
      add(row.keys[0], v, key);
    }
  }
  return out;
}

// The label's figure as shown: exact, or published (nullopt for "c").
std::optional<double> Shown(const LabelCount& c, const Query& q, const CountPublication* publish) {
  if (!publish) return c.count;
  return PublishCount(q, c.count, c.key, *publish);
}

}  // namespace

std::vector<BreakdownRow> IndicatorBreakdown(const Indicator& ind, const Catalog& catalog, std::string_view year,
                                             std::string_view by, const CountPublication* publish) {
  if (!ind.numerator) throw QueryError("indicator " + ind.id + ": breakdown: its figures are entered, not counted");
  const std::optional<uint64_t> seed = publish ? std::optional<uint64_t>(publish->seed) : std::nullopt;
  Query num_query, den_query;
  const auto num = SplitCount(ind, *ind.numerator, catalog, year, by, num_query, seed);
  std::vector<LabelCount> den;
  if (ind.denominator) den = SplitCount(ind, *ind.denominator, catalog, year, by, den_query, seed);
  std::vector<BreakdownRow> rows;
  std::map<std::string, size_t> index;
  for (const LabelCount& c : den) {
    index[c.label] = rows.size();
    rows.push_back({c.label, 0.0, Shown(c, den_query, publish), std::nullopt});
  }
  for (const LabelCount& c : num) {
    auto it = index.find(c.label);
    if (it == index.end()) {
      index[c.label] = rows.size();
      rows.push_back({c.label, Shown(c, num_query, publish), ind.denominator ? std::optional<double>(0.0) : std::nullopt, std::nullopt});
    } else {
      rows[it->second].numerator = Shown(c, num_query, publish);
    }
  }
  // Publishing, a missing count is a withheld one ("c"), and a value resting on it is too.
  for (auto& row : rows) {
    if (publish) {
      row.numerator_withheld = !row.numerator;
      row.denominator_withheld = ind.denominator && !row.denominator;
    }
    row.value = IndicatorValueOf(ind, row.numerator, row.denominator);
  }
  return rows;
}

std::vector<IndicatorValue> IndicatorSeries(const Indicator& ind, const Catalog& catalog,
                                            const std::vector<std::string>& years, EnteredFigures entered,
                                            const CountPublication* publish) {
  std::vector<IndicatorValue> out;
  for (const auto& y : years) out.push_back(EvaluateIndicator(ind, catalog, y, entered, publish));
  return out;
}

std::vector<FunnelUnit> FunnelUnitsFrom(const std::vector<BreakdownRow>& rows) {
  std::vector<FunnelUnit> out;
  for (const auto& r : rows)
    if (r.numerator && r.denominator && *r.denominator > 0) out.push_back({r.label, *r.numerator, *r.denominator});
  return out;
}

std::vector<FunnelUnit> LaFunnelUnits(BenchmarkStore& store, const BenchmarkSpec& numerator,
                                      const std::string& denominator_column, int time_period) {
  BenchmarkSpec den = numerator;
  den.column = denominator_column;
  const BenchmarkYear n = store.Get(numerator, time_period);
  const BenchmarkYear d = store.Get(den, time_period);
  std::vector<FunnelUnit> out;
  for (const BenchmarkRow* row : n.Las()) {
    const BenchmarkRow* drow = d.La(row->la_code.empty() ? row->la_name : row->la_code);
    if (!row->value.value || !drow || !drow->value.value || *drow->value.value <= 0) continue;
    out.push_back({row->la_name, *row->value.value, *drow->value.value});
  }
  return out;
}

}  // namespace csc
