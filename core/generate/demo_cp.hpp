#pragma once
// Child protection plans of the demonstration extract, built so the published Rotherham
// figures (domain.md sections 4 and 5) come out exactly: 334 plans open at 31 March 2013
// (by category, sex and ethnicity), 393 at 31 March 2014, NI 64 and NI 65 for 2011-12 and
// 2012-13. Flows in the other years are plausible, not published.
#include <string>
#include <vector>

#include "generate/demo_common.hpp"

namespace csc::demo {

struct CpPlan {
  Child child;
  int32_t start = 0;
  int32_t end = kOpen;
  std::string initial_category, latest_category;
  int previous_plans = 0;
};

std::vector<CpPlan> GenerateCpPlans(Rng& rng);
std::string CpPlansCsv(const std::vector<CpPlan>& plans);
// Every category each plan records, one row each: its initial and latest categories, a
// plan under multiple categories (MUL) listing the two it combines instead (drawn from its own stream,
// so the plans' rows do not move).
std::string CpCategoriesCsv(const std::vector<CpPlan>& plans);

}  // namespace csc::demo
