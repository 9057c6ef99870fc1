#pragma once
// The hand-worked counting tests' question: cp_plans in 2012-13, episodes and children,
// under one counting mode.
#include "query/query.hpp"
#include "time/periods.hpp"

namespace csc::test {

inline Query CpPlans2012_13(CountMode mode) {
  Query q;
  q.table = "cp_plans";
  q.periods = {FinancialYearPeriod(2012)};
  q.counting.mode = mode;
  q.measures = {MeasureOf(MeasureKind::Episodes), MeasureOf(MeasureKind::Children)};
  return q;
}

}  // namespace csc::test
