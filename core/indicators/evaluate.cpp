#include "indicators/evaluate.hpp"

#include "indicators/query_command.hpp"
#include "query/compiled_query.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

namespace csc {

std::optional<double> IndicatorValueOf(const Indicator& ind, std::optional<double> numerator,
                                       std::optional<double> denominator) {
  if (!numerator) return std::nullopt;
  if (ind.unit == IndicatorUnit::Count) return numerator;
  if (!denominator || *denominator == 0) return std::nullopt;
  return *numerator / *denominator * UnitScale(ind.unit);
}

namespace {
const char* PartName(const Indicator& ind, const CountSpec& spec) {
  return ind.numerator && &spec == &*ind.numerator ? "numerator" : "denominator";
}
}  // namespace

Query CountQuery(const Indicator& ind, const CountSpec& spec, std::string_view year, const std::vector<Filter>& extra) {
  const char* part = PartName(ind, spec);
  try {
    Query q = ParseQueryText(ParseQueryCommand(SubstituteYear(spec.text, year)));
    q.filters.insert(q.filters.end(), extra.begin(), extra.end());
    return q;
  } catch (const QueryError& e) {
    throw QueryError("indicator " + ind.id + ": " + part + ": " + e.what());
  }
}

double RunCount(const Indicator& ind, const CountSpec& spec, const Catalog& catalog, std::string_view year,
                const std::vector<Filter>& extra) {
  const Query q = CountQuery(ind, spec, year, extra);
  const char* part = PartName(ind, spec);
  if (!catalog.Find(q.table))
    throw QueryError("indicator " + ind.id + ": " + part + ": needs table '" + q.table + "', not loaded (loaded: " +
                     catalog.Names() + ")");
  QueryResult r;
  try {
    r = RunQuery(catalog, q);
  } catch (const QueryError& e) {
    throw QueryError("indicator " + ind.id + ": " + part + ": " + e.what());
  }
  if (spec.groups_at_least > 0) {
    double n = 0;
    for (const auto& row : r.rows)
      if (!row.values.empty() && row.values[0] && *row.values[0] >= spec.groups_at_least) ++n;
    return n;
  }
  if (!spec.row.empty()) {
    for (const auto& row : r.rows) {
      std::string key;
      for (const auto& k : row.keys) key += (key.empty() ? "" : "/") + k;
      if (key == spec.row) return row.values.empty() ? 0 : row.values[0].value_or(0);
    }
    return 0;
  }
  if (r.rows.size() != 1 || r.rows[0].values.empty())
    throw QueryError("indicator " + ind.id + ": " + part + ": the query must give one number (drop --by)");
  return r.rows[0].values[0].value_or(0);
}

IndicatorValue EvaluateIndicator(const Indicator& ind, const Catalog& catalog, std::string_view year) {
  IndicatorValue out;
  if (ind.numerator) {
    try {
      out.numerator = RunCount(ind, *ind.numerator, catalog, year);
      if (ind.denominator) out.denominator = RunCount(ind, *ind.denominator, catalog, year);
    } catch (const QueryError& e) {
      out.numerator.reset();
      out.denominator.reset();
      out.error = e.what();
    }
  }
  if (!out.numerator) {
    // No datasets for it (or not loaded): fall back to figures entered for the year.
    const auto it = ind.reported.find(std::string(year));
    if (it != ind.reported.end() && it->second.numerator) {
      out.numerator = it->second.numerator;
      out.denominator = it->second.denominator;
      out.entered = true;
      out.error.clear();
    } else if (out.error.empty()) {
      out.error = "no figures for " + std::string(year);
    }
  }
  out.value = IndicatorValueOf(ind, out.numerator, out.denominator);
  if (out.numerator && !out.value && out.error.empty()) out.error = "denominator is 0";
  return out;
}

}  // namespace csc
