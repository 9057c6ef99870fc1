#include "indicators/breakdown.hpp"

#include <map>

#include "query/compiled_query.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

namespace csc {

namespace {

// label -> count for one of the indicator's counts split by `by`.
std::vector<std::pair<std::string, double>> SplitCount(const Indicator& ind, const CountSpec& spec,
                                                       const Catalog& catalog, std::string_view year,
                                                       std::string_view by) {
  Query q = CountQuery(ind, spec, year);
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
  std::vector<std::pair<std::string, double>> out;
  std::map<std::string, size_t> index;
  auto add = [&](const std::string& label, double v) {
    auto [it, fresh] = index.emplace(label, out.size());
    if (fresh) out.push_back({label, 0});
    out[it->second].second += v;
  };
  for (const auto& row : r.rows) {
    const double v = row.values.empty() ? 0 : row.values[0].value_or(0);
    if (spec.groups_at_least > 0) {
      add(row.keys[0], v >= spec.groups_at_least ? 1 : 0);
    } else if (!spec.row.empty()) {
      std::string rest;
      for (size_t k = 1; k < row.keys.size(); ++k) rest += (rest.empty() ? "" : "/") + row.keys[k];
      add(row.keys[0], rest == spec.row ? v : 0);
    } else {
      add(row.keys[0], v);
    }
  }
  return out;
}

}  // namespace

std::vector<BreakdownRow> IndicatorBreakdown(const Indicator& ind, const Catalog& catalog, std::string_view year,
                                             std::string_view by) {
  if (!ind.numerator) throw QueryError("indicator " + ind.id + ": breakdown: its figures are entered, not counted");
  const auto num = SplitCount(ind, *ind.numerator, catalog, year, by);
  std::vector<std::pair<std::string, double>> den;
  if (ind.denominator) den = SplitCount(ind, *ind.denominator, catalog, year, by);
  std::vector<BreakdownRow> rows;
  std::map<std::string, size_t> index;
  for (const auto& [label, v] : den) {
    index[label] = rows.size();
    rows.push_back({label, 0.0, v, std::nullopt});
  }
  for (const auto& [label, v] : num) {
    auto it = index.find(label);
    if (it == index.end()) {
      index[label] = rows.size();
      rows.push_back({label, v, ind.denominator ? std::optional<double>(0.0) : std::nullopt, std::nullopt});
    } else {
      rows[it->second].numerator = v;
    }
  }
  for (auto& row : rows) row.value = IndicatorValueOf(ind, row.numerator, row.denominator);
  return rows;
}

std::vector<IndicatorValue> IndicatorSeries(const Indicator& ind, const Catalog& catalog,
                                            const std::vector<std::string>& years, EnteredFigures entered) {
  std::vector<IndicatorValue> out;
  for (const auto& y : years) out.push_back(EvaluateIndicator(ind, catalog, y, entered));
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
