#include "indicators/evaluate.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "indicators/query_command.hpp"
#include "query/compiled_query.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

#include <cmath>

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

namespace {

// The count and its cell key (summed record keys; 0 without cell keys).
std::pair<double, uint32_t> CountWithKey(const Indicator& ind, const CountSpec& spec, const Catalog& catalog,
                                         std::string_view year, const std::vector<Filter>& extra,
                                         std::optional<uint64_t> seed) {
  Query q = CountQuery(ind, spec, year, extra);
  q.cell_key_seed = seed;
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
  auto key_of = [&](size_t i) { return i < r.cells.size() && !r.cells[i].empty() ? r.cells[i][0].key : 0u; };
  if (spec.groups_at_least > 0) {
    // The cell is the qualifying groups' records: its key sums theirs.
    double n = 0;
    uint32_t key = 0;
    for (size_t i = 0; i < r.rows.size(); ++i) {
      const auto& row = r.rows[i];
      if (!row.values.empty() && row.values[0] && *row.values[0] >= spec.groups_at_least) {
        ++n;
        key += key_of(i);
      }
    }
    return {n, key};
  }
  if (!spec.row.empty()) {
    for (size_t i = 0; i < r.rows.size(); ++i) {
      const auto& row = r.rows[i];
      std::string key;
      for (const auto& k : row.keys) key += (key.empty() ? "" : "/") + k;
      if (key == spec.row) return {row.values.empty() ? 0 : row.values[0].value_or(0), key_of(i)};
    }
    return {0, 0};
  }
  if (r.rows.size() != 1 || r.rows[0].values.empty())
    throw QueryError("indicator " + ind.id + ": " + part + ": the query must give one number (drop --by)");
  return {r.rows[0].values[0].value_or(0), key_of(0)};
}

}  // namespace

double RunCount(const Indicator& ind, const CountSpec& spec, const Catalog& catalog, std::string_view year,
                const std::vector<Filter>& extra) {
  return CountWithKey(ind, spec, catalog, year, extra, std::nullopt).first;
}

std::optional<double> RunPublishedCount(const Indicator& ind, const CountSpec& spec, const Catalog& catalog,
                                        std::string_view year, const CountPublication& publish,
                                        const std::vector<Filter>& extra) {
  const Query q = CountQuery(ind, spec, year, extra);
  const auto [count, key] = CountWithKey(ind, spec, catalog, year, extra, publish.seed);
  return PublishCount(q, count, key, publish);
}

std::optional<double> PublishCount(const Query& q, double count, uint32_t key, const CountPublication& publish) {
  // The population table is public (ONS estimates): its sums are published as they are.
  if (q.table == q.population.table) return count;
  // Anything but a count of records (a sum over case rows) is not published.
  const MeasureKind kind = q.measures.empty() ? MeasureKind::Episodes : q.measures[0].kind;
  if (kind != MeasureKind::Episodes && kind != MeasureKind::Children) return std::nullopt;
  const auto p = PerturbCount(std::llround(count), key, publish.options);
  if (!p) return std::nullopt;
  return static_cast<double>(*p);
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
                                 EnteredFigures entered, const CountPublication* publish) {
  IndicatorValue out;
  if (ind.numerator) {
    try {
      if (publish) {
        const auto num = RunPublishedCount(ind, *ind.numerator, catalog, year, *publish);
        const auto den = ind.denominator ? RunPublishedCount(ind, *ind.denominator, catalog, year, *publish)
                                         : std::optional<double>(0);
        if (!num || !den) {
          out.withheld = true;
          return out;
        }
        out.numerator = num;
        if (ind.denominator) out.denominator = den;
      } else {
        out.numerator = RunCount(ind, *ind.numerator, catalog, year);
        if (ind.denominator) out.denominator = RunCount(ind, *ind.denominator, catalog, year);
      }
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
