#pragma once
// Named what-if scenarios, kept so they can be reopened, compared side by side and exported
// (the dashboard's scenario list). A scenario stores what was changed, never the answer:
// results are recomputed from the loaded data with RunWhatIf, so a reloaded extract updates
// them. File form (JSON): {"scenarios": [{"name", "indicator", "year", "changes": [{"part":
// "numerator"|"denominator", "amount", "percent", "slice", "with_denominator"}]}]}.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/whatif.hpp"

namespace csc {

struct NamedScenario {
  std::string name;
  std::string indicator;  // id
  std::string year;
  std::vector<WhatIfChange> changes;
  friend bool operator==(const NamedScenario&, const NamedScenario&) = default;
};

class ScenarioError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string ScenariosToJson(const std::vector<NamedScenario>& scenarios);
// Throws ScenarioError naming the scenario and field.
std::vector<NamedScenario> ScenariosFromJson(std::string_view text);
void SaveScenarios(const std::string& path, const std::vector<NamedScenario>& scenarios);  // atomic
std::vector<NamedScenario> LoadScenarios(const std::string& path);  // a missing file is an empty list

// Side by side: one row per scenario, for a comparison table or a CSV export.
struct ScenarioComparison {
  std::string name, indicator, year;
  std::string before, after;  // formatted values
  std::string rag_before, rag_after;
  std::string rank_after;     // "49/145 B" or ""
  std::vector<std::string> gaps;  // GapSentence per goal
  std::string error;          // when the scenario could not be evaluated
};
std::vector<ScenarioComparison> CompareScenarios(Scorecard& scorecard, const std::vector<NamedScenario>& scenarios);
std::string ScenarioComparisonCsv(const std::vector<ScenarioComparison>& rows);

}  // namespace csc
