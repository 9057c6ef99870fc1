#include "indicators/scenarios.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "query/compiled_query.hpp"
#include "util/atomic_file.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

using Json = nlohmann::ordered_json;

}  // namespace

std::string ScenariosToJson(const std::vector<NamedScenario>& scenarios) {
  Json arr = Json::array();
  for (const auto& s : scenarios) {
    Json changes = Json::array();
    for (const auto& c : s.changes)
      changes.push_back({{"part", c.part == WhatIfPart::Numerator ? "numerator" : "denominator"},
                         {"amount", c.amount},
                         {"percent", c.percent},
                         {"slice", c.slice},
                         {"with_denominator", c.with_denominator}});
    arr.push_back({{"name", s.name}, {"indicator", s.indicator}, {"year", s.year}, {"changes", changes}});
  }
  return Json{{"scenarios", arr}}.dump(2) + "\n";
}

std::vector<NamedScenario> ScenariosFromJson(std::string_view text) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw ScenarioError(std::string("scenarios: not valid JSON: ") + e.what());
  }
  if (!root.is_object() || !root.contains("scenarios") || !root["scenarios"].is_array())
    throw ScenarioError("scenarios: expected {\"scenarios\": [ ... ]}");
  std::vector<NamedScenario> out;
  for (const Json& j : root["scenarios"]) {
    NamedScenario s;
    const std::string who = j.is_object() && j.contains("name") && j["name"].is_string() ? j["name"].get<std::string>() : "?";
    auto fail = [&](const std::string& field, const std::string& why) {
      throw ScenarioError("scenario '" + who + "': " + field + ": " + why);
    };
    for (const char* key : {"name", "indicator", "year"})
      if (!j.is_object() || !j.contains(key) || !j[key].is_string()) fail(key, "expected text");
    s.name = j["name"];
    s.indicator = j["indicator"];
    s.year = j["year"];
    if (j.contains("changes")) {
      if (!j["changes"].is_array()) fail("changes", "expected a list");
      for (const Json& c : j["changes"]) {
        WhatIfChange ch;
        if (!c.is_object() || !c.contains("amount") || !c["amount"].is_number()) fail("changes", "each needs a numeric amount");
        const std::string part = c.value("part", "numerator");
        if (part != "numerator" && part != "denominator") fail("changes.part", "'" + part + "'; valid: numerator, denominator");
        ch.part = part == "numerator" ? WhatIfPart::Numerator : WhatIfPart::Denominator;
        ch.amount = c["amount"].get<double>();
        ch.percent = c.value("percent", false);
        ch.slice = c.value("slice", "");
        ch.with_denominator = c.value("with_denominator", false);
        s.changes.push_back(ch);
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

void SaveScenarios(const std::string& path, const std::vector<NamedScenario>& scenarios) {
  WriteFileAtomically(path, ScenariosToJson(scenarios));
}

std::vector<NamedScenario> LoadScenarios(const std::string& path) {
  if (!std::filesystem::exists(path)) return {};
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return ScenariosFromJson(ss.str());
  } catch (const ScenarioError& e) {
    throw ScenarioError(path + ": " + e.what());
  }
}

std::vector<ScenarioComparison> CompareScenarios(Scorecard& scorecard, const std::vector<NamedScenario>& scenarios) {
  std::vector<ScenarioComparison> out;
  for (const auto& s : scenarios) {
    ScenarioComparison row;
    row.name = s.name;
    row.indicator = s.indicator;
    row.year = s.year;
    const Indicator* ind = scorecard.indicators().Find(s.indicator);
    if (!ind) {
      row.error = "no indicator '" + s.indicator + "'";
      out.push_back(row);
      continue;
    }
    try {
      const WhatIfResult r = RunWhatIf(scorecard, *ind, s.year, s.changes);
      row.before = FormatIndicatorValue(*ind, r.before.value);
      row.after = FormatIndicatorValue(*ind, r.after.value);
      row.rag_before = RagName(r.rag_before);
      row.rag_after = RagName(r.rag_after);
      if (r.rank_after.rank)
        row.rank_after = std::to_string(*r.rank_after.rank) + "/" + std::to_string(r.rank_after.of) + " " + r.rank_after.quartile;
      for (const Gap& g : r.gaps) row.gaps.push_back(GapSentence(*ind, g));
    } catch (const std::exception& e) {  // QueryError, invalid_argument: shown in the row
      row.error = e.what();
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string ScenarioComparisonCsv(const std::vector<ScenarioComparison>& rows) {
  std::string out = "scenario,indicator,year,before,after,rag_before,rag_after,rank_after,to_reach,error\n";
  for (const auto& r : rows) {
    std::string gaps;
    for (const auto& g : r.gaps) gaps += (gaps.empty() ? "" : "; ") + g;
    const std::vector<std::string> f = {r.name, r.indicator, r.year, r.before, r.after, r.rag_before,
                                        r.rag_after, r.rank_after, gaps, r.error};
    std::string line;
    for (size_t i = 0; i < f.size(); ++i) line += (i ? "," : "") + CsvEscape(f[i]);
    out += line + "\n";
  }
  return out;
}

}  // namespace csc
