#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include "query/executor.hpp"
#include "query/pivot_groups.hpp"
#include "query/query_parser.hpp"
#include "query_tab_fixture.hpp"

using namespace csc;

namespace {
// The same count asked of the engine directly, as filters rather than groups: an
// independent route to each figure the cross-table shows.
double Count(const Catalog& catalog, const std::vector<std::string>& where, const std::string& period) {
  QueryText t;
  t.table = "cp_plans";
  t.where = where;
  t.period = period;
  t.count = "open-at:31-03";
  t.measure = "children";
  const QueryResult r = RunQuery(catalog, ParseQueryText(t));
  REQUIRE(r.rows.size() == 1);
  return r.rows[0].values[0].value_or(0);
}

size_t IndexOf(const std::vector<std::string>& keys, const std::string& key) {
  const auto it = std::find(keys.begin(), keys.end(), key);
  REQUIRE(it != keys.end());
  return static_cast<size_t>(it - keys.begin());
}
}  // namespace

TEST_CASE("a three-dimension answer shows row groups whose totals match the engine asked directly", "[ui]") {
  test::QueryTab t(app::DemoFiles(), "cp_plans");
  REQUIRE(t.ui.app->table_names()[static_cast<size_t>(t.q.table)] == "cp_plans");
  std::snprintf(t.q.by, sizeof t.q.by, "sex, period, latest_category");
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2012-13..2013-14");
  t.Settle();
  REQUIRE(t.q.live.result());
  REQUIRE(t.q.live.result()->dimensions.size() == 3);
  auto& pivot = t.q.pivot;
  REQUIRE(t.ui.FramesUntil([&] {
    return pivot.totals.size() == 7 && std::all_of(pivot.totals.begin(), pivot.totals.end(), [](const auto& r) { return r != nullptr; });
  }));
  std::vector<const QueryResult*> totals;
  for (const auto& r : pivot.totals) totals.push_back(r.get());
  const PivotGroups p = BuildPivotGroups(*t.q.live.result(), totals);
  REQUIRE(p.group_keys == std::vector<std::string>{"F", "M", "U"});

  // The published figures (domain.md 5): 334 plans open at 31 March 2013 (166 girls), 393 in 2014.
  const size_t y13 = IndexOf(p.all.row_keys, "2012-13"), y14 = IndexOf(p.all.row_keys, "2013-14");
  CHECK(p.all.row_totals[y13] == 334);
  CHECK(p.all.row_totals[y14] == 393);
  const Pivot& girls = p.groups[0];
  CHECK(girls.row_totals[IndexOf(girls.row_keys, "2012-13")] == 166);

  const Catalog& catalog = *t.ui.app->catalog();
  const std::string both = "fy:2012-13..2013-14";
  // Group totals: a child on plans at both dates is one child in the group's total.
  for (size_t g = 0; g < p.group_keys.size(); ++g) {
    const std::string sex = "sex in (" + p.group_keys[g] + ")";
    const Pivot& block = p.groups[g];
    CHECK(block.grand_total == Count(catalog, {sex}, both));
    for (size_t r = 0; r < block.row_keys.size(); ++r)
      CHECK(block.row_totals[r] == Count(catalog, {sex}, "fy:" + block.row_keys[r]));
    for (size_t c = 0; c < block.column_keys.size(); ++c) {
      const std::string category = "latest_category in (" + block.column_keys[c] + ")";
      if (block.column_totals[c]) CHECK(*block.column_totals[c] == Count(catalog, {sex, category}, both));
      for (size_t r = 0; r < block.row_keys.size(); ++r)
        CHECK(block.cells[r][c].value_or(0) == Count(catalog, {sex, category}, "fy:" + block.row_keys[r]));
    }
  }
  // All groups together.
  CHECK(p.all.grand_total == Count(catalog, {}, both));
  CHECK(*p.all.grand_total < 334 + 393);  // children on plans at both dates count once
  for (size_t c = 0; c < p.all.column_keys.size(); ++c) {
    const std::string category = "latest_category in (" + p.all.column_keys[c] + ")";
    CHECK(p.all.column_totals[c] == Count(catalog, {category}, both));
    CHECK(p.all.cells[y13][c] == Count(catalog, {category}, "fy:2012-13"));
  }
  // Neglect at 31 March 2013, published: 148.
  CHECK(p.all.cells[y13][IndexOf(p.all.column_keys, "NEG")] == 148);
}
