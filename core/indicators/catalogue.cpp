#include "indicators/catalogue.hpp"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "indicators/query_command.hpp"
#include "query/compiled_query.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

using Json = nlohmann::json;

struct Where {
  std::string file, id;
  [[noreturn]] void Fail(const std::string& field, const std::string& why) const {
    throw CatalogueError(file + ": indicator " + (id.empty() ? "?" : id) + ": " + field + ": " + why);
  }
};

std::string RequireString(const Json& j, const char* key, const Where& w) {
  if (!j.contains(key)) w.Fail(key, "missing");
  if (!j[key].is_string()) w.Fail(key, "expected text");
  return j[key].get<std::string>();
}

std::optional<double> OptionalNumber(const Json& j, const char* key, const Where& w, const std::string& field) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  if (!j[key].is_number()) w.Fail(field + "." + key, "expected a number");
  return j[key].get<double>();
}

void CheckKeys(const Json& j, const std::set<std::string>& allowed, const Where& w, const std::string& field) {
  for (const auto& [key, value] : j.items())
    if (!allowed.count(key)) {
      std::string valid;
      for (const auto& a : allowed) valid += (valid.empty() ? "" : ", ") + a;
      w.Fail(field.empty() ? key : field + "." + key, "unknown field; valid: " + valid);
    }
}

void CheckYear(const std::string& year, const Where& w, const std::string& field) {
  try {
    FinancialYearStart(year);
  } catch (const QueryError& e) {
    w.Fail(field, e.what());
  }
}

CountSpec ParseCount(const Json& j, const char* field, const Where& w) {
  CountSpec spec;
  if (j.is_string()) {
    spec.text = j.get<std::string>();
  } else if (j.is_object()) {
    CheckKeys(j, {"query", "groups_at_least", "row"}, w, field);
    if (j.contains("row")) {
      if (!j["row"].is_string()) w.Fail(std::string(field) + ".row", "expected the row's key text");
      spec.row = j["row"].get<std::string>();
    }
    if (!j.contains("query") || !j["query"].is_string()) w.Fail(std::string(field) + ".query", "missing query text");
    spec.text = j["query"].get<std::string>();
    if (j.contains("groups_at_least")) {
      if (!j["groups_at_least"].is_number_integer() || j["groups_at_least"].get<int>() < 1)
        w.Fail(std::string(field) + ".groups_at_least", "expected a whole number >= 1");
      spec.groups_at_least = j["groups_at_least"].get<int>();
    }
  } else {
    w.Fail(field, "expected a query text or {\"query\": ..., \"groups_at_least\": N | \"row\": KEY}");
  }
  Query q;
  try {  // grammar only: columns are checked against the loaded data when evaluated
    q = ParseQueryText(ParseQueryCommand(SubstituteYear(spec.text, "2012-13")));
  } catch (const QueryError& e) {
    w.Fail(field, e.what());
  }
  if ((spec.groups_at_least > 0 || !spec.row.empty()) && q.group_by.empty())
    w.Fail(field, "\"groups_at_least\" and \"row\" count rows of a grouping: the query needs --by");
  if (spec.groups_at_least > 0 && !spec.row.empty()) w.Fail(field, "give \"groups_at_least\" or \"row\", not both");
  return spec;
}

Indicator ParseIndicator(const Json& j, const std::string& file) {
  Where w{file, ""};
  if (!j.is_object()) w.Fail("(entry)", "expected an object");
  if (j.contains("id") && j["id"].is_string()) w.id = j["id"].get<std::string>();
  CheckKeys(j, {"id", "ref", "name", "datasets", "polarity", "unit", "decimals", "numerator", "denominator", "targets",
                "benchmark", "reported", "notes"},
            w, "");
  Indicator ind;
  ind.id = RequireString(j, "id", w);
  if (ind.id.empty()) w.Fail("id", "empty");
  ind.ref = j.contains("ref") ? RequireString(j, "ref", w) : ind.id;
  ind.name = RequireString(j, "name", w);
  if (j.contains("notes")) ind.notes = RequireString(j, "notes", w);
  if (j.contains("datasets")) {
    if (!j["datasets"].is_array()) w.Fail("datasets", "expected a list of table names");
    for (const auto& d : j["datasets"]) {
      if (!d.is_string()) w.Fail("datasets", "expected a list of table names");
      ind.datasets.push_back(d.get<std::string>());
    }
  }
  const std::string polarity = RequireString(j, "polarity", w);
  if (polarity == "higher") ind.polarity = Polarity::HigherIsBetter;
  else if (polarity == "lower") ind.polarity = Polarity::LowerIsBetter;
  else if (polarity == "none") ind.polarity = Polarity::None;
  else w.Fail("polarity", "'" + polarity + "'; valid: higher, lower, none");
  const std::string unit = RequireString(j, "unit", w);
  if (unit == "%") ind.unit = IndicatorUnit::Percent;
  else if (unit == "per 10k") ind.unit = IndicatorUnit::Per10k;
  else if (unit == "count") ind.unit = IndicatorUnit::Count;
  else if (unit == "ratio") ind.unit = IndicatorUnit::Ratio;
  else w.Fail("unit", "'" + unit + "'; valid: %, per 10k, count, ratio");
  if (j.contains("decimals")) {
    if (!j["decimals"].is_number_integer() || j["decimals"].get<int>() < 0 || j["decimals"].get<int>() > 6)
      w.Fail("decimals", "expected a whole number 0..6");
    ind.decimals = j["decimals"].get<int>();
  }
  if (j.contains("numerator")) ind.numerator = ParseCount(j["numerator"], "numerator", w);
  if (j.contains("denominator")) ind.denominator = ParseCount(j["denominator"], "denominator", w);
  if (ind.unit != IndicatorUnit::Count && ind.numerator && !ind.denominator)
    w.Fail("denominator", std::string("missing (needed for unit '") + UnitName(ind.unit) + "')");
  if (j.contains("targets")) {
    if (!j["targets"].is_object()) w.Fail("targets", "expected {\"2012-13\": 13.3, ...}");
    for (const auto& [year, v] : j["targets"].items()) {
      CheckYear(year, w, "targets." + year);
      if (!v.is_number()) w.Fail("targets." + year, "expected a number");
      ind.targets[year] = v.get<double>();
    }
  }
  if (j.contains("benchmark") && !j["benchmark"].is_null()) {
    const Json& b = j["benchmark"];
    if (!b.is_object()) w.Fail("benchmark", "expected {\"file\": ..., \"column\": ..., \"where\": {...}}");
    CheckKeys(b, {"file", "column", "where", "lait_measure", "per_10k_of", "counts"}, w, "benchmark");
    BenchmarkSpec spec;
    Where bw{file, ind.id};
    try {
      spec.file = RequireString(b, "file", bw);
      spec.column = RequireString(b, "column", bw);
    } catch (const CatalogueError&) {
      w.Fail("benchmark", "needs \"file\" and \"column\" as text");
    }
    if (b.contains("lait_measure") && b["lait_measure"].is_string()) spec.lait_measure = b["lait_measure"];
    if (b.contains("where")) {
      if (!b["where"].is_object()) w.Fail("benchmark.where", "expected {\"column\": \"value\", ...}");
      for (const auto& [col, v] : b["where"].items()) {
        if (!v.is_string()) w.Fail("benchmark.where." + col, "expected text");
        spec.where.push_back({col, v.get<std::string>()});
      }
    }
    if (b.contains("per_10k_of")) {
      const Json& p = b["per_10k_of"];
      if (!p.is_object() || !p.contains("file") || !p["file"].is_string() || !p.contains("column") ||
          !p["column"].is_string())
        w.Fail("benchmark.per_10k_of", "expected {\"file\": ..., \"column\": ..., \"where\": {...}, \"year_offset\": -1}");
      CheckKeys(p, {"file", "column", "where", "year_offset"}, w, "benchmark.per_10k_of");
      BenchmarkPopulation pop;
      pop.file = p["file"].get<std::string>();
      pop.column = p["column"].get<std::string>();
      if (p.contains("year_offset")) {
        if (!p["year_offset"].is_number_integer()) w.Fail("benchmark.per_10k_of.year_offset", "expected a whole number");
        pop.year_offset = p["year_offset"].get<int>();
      }
      if (p.contains("where")) {
        if (!p["where"].is_object()) w.Fail("benchmark.per_10k_of.where", "expected {\"column\": \"value\", ...}");
        for (const auto& [col, v] : p["where"].items()) {
          if (!v.is_string()) w.Fail("benchmark.per_10k_of.where." + col, "expected text");
          pop.where.push_back({col, v.get<std::string>()});
        }
      }
      spec.per_10k_of = std::move(pop);
    }
    if (b.contains("counts")) {
      const Json& c = b["counts"];
      if (!c.is_object() || !c.contains("numerator") || !c["numerator"].is_string() || !c.contains("denominator") ||
          !c["denominator"].is_string())
        w.Fail("benchmark.counts", "expected {\"numerator\": COLUMN, \"denominator\": COLUMN}");
      CheckKeys(c, {"numerator", "denominator"}, w, "benchmark.counts");
      spec.counts = BenchmarkCounts{c["numerator"].get<std::string>(), c["denominator"].get<std::string>()};
    }
    ind.benchmark = std::move(spec);
  }
  if (j.contains("reported")) {
    if (!j["reported"].is_object()) w.Fail("reported", "expected {\"2012-13\": {...}, ...}");
    for (const auto& [year, r] : j["reported"].items()) {
      const std::string field = "reported." + year;
      CheckYear(year, w, field);
      if (!r.is_object()) w.Fail(field, "expected {\"numerator\": .., \"denominator\": .., \"england\": .., \"sn\": ..}");
      CheckKeys(r, {"numerator", "denominator", "england", "sn"}, w, field);
      ReportedFigures f;
      f.numerator = OptionalNumber(r, "numerator", w, field);
      f.denominator = OptionalNumber(r, "denominator", w, field);
      f.england = OptionalNumber(r, "england", w, field);
      f.statistical_neighbours = OptionalNumber(r, "sn", w, field);
      ind.reported[year] = f;
    }
  }
  return ind;
}

}  // namespace

IndicatorCatalogue ParseCatalogue(std::string_view json_text, const std::string& name) {
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const Json::parse_error& e) {
    throw CatalogueError(name + ": not valid JSON: " + e.what());
  }
  if (!root.is_object() || !root.contains("indicators") || !root["indicators"].is_array())
    throw CatalogueError(name + ": expected {\"indicators\": [ ... ]}");
  IndicatorCatalogue cat;
  cat.path = name;
  std::string reported_by;
  if (root.contains("reported_by")) {
    if (!root["reported_by"].is_string()) throw CatalogueError(name + ": reported_by: expected text, e.g. \"Rotherham\"");
    reported_by = root["reported_by"].get<std::string>();
  }
  std::set<std::string> ids;
  for (const Json& entry : root["indicators"]) {
    Indicator ind = ParseIndicator(entry, name);
    ind.reported_by = reported_by;
    if (!ids.insert(ind.id).second) throw CatalogueError(name + ": indicator " + ind.id + ": id: used twice");
    cat.indicators.push_back(std::move(ind));
  }
  return cat;
}

IndicatorCatalogue LoadCatalogue(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CatalogueError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseCatalogue(ss.str(), path);
}

std::string AssetsDir() {
  if (const char* env = std::getenv("CSC_ASSETS"); env && *env) return env;
  return CSC_SOURCE_ASSETS_DIR;
}

std::string DefaultCataloguePath() { return AssetsDir() + "/indicators/catalogue.json"; }

}  // namespace csc
