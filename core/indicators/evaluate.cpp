#include "indicators/evaluate.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

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
  if (r.no_data) {
    std::string why = "no data for " + std::string(year);
    for (const std::string& n : r.notes)
      if (n.rfind("no data for ", 0) == 0) why = n;
    throw QueryError("indicator " + ind.id + ": " + part + ": " + why);
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

std::string ReportedSource(const Indicator& ind, std::string_view year) {
  return (ind.reported_by.empty() ? "" : ind.reported_by + " ") + std::string(year) + " report";
}

bool IsDemonstrationData(const Catalog& catalog) {
  namespace fs = std::filesystem;
  std::map<std::string, bool> synthetic;  // folder -> README says SYNTHETIC
  bool any = false;
  for (const NamedTable& t : catalog.tables()) {
    if (!t.table || t.table->provenance().path.empty()) return false;
    const std::string dir = fs::path(t.table->provenance().path).parent_path().string();
    auto it = synthetic.find(dir);
    if (it == synthetic.end()) {
      std::ifstream in(dir + "/README.md");
      std::stringstream text;
      text << in.rdbuf();
      it = synthetic.emplace(dir, text.str().find("SYNTHETIC") != std::string::npos).first;
    }
    if (!it->second) return false;
    any = true;
  }
  return any;
}

IndicatorValue EvaluateIndicator(const Indicator& ind, const Catalog& catalog, std::string_view year,
                                 EnteredFigures entered) {
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
    // No count from the data: figures entered for the year stand as the value only for the
    // extract they belong to; for anyone else's data they are a labelled comparator.
    const auto it = ind.reported.find(std::string(year));
    if (it != ind.reported.end() && it->second.numerator) {
      if (entered == EnteredFigures::AsValue) {
        out.numerator = it->second.numerator;
        out.denominator = it->second.denominator;
        out.entered = true;
        out.error.clear();
      } else {
        out.reported = IndicatorValueOf(ind, it->second.numerator, it->second.denominator);
        out.reported_source = ReportedSource(ind, year);
        if (out.error.empty()) out.error = "not counted from this data (the figure is the " + out.reported_source + "'s)";
      }
    } else if (out.error.empty()) {
      out.error = "no figures for " + std::string(year);
    }
  }
  out.value = IndicatorValueOf(ind, out.numerator, out.denominator);
  if (out.numerator && !out.value && out.error.empty()) out.error = "denominator is 0";
  return out;
}

}  // namespace csc
