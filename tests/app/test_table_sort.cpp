// Clicking a table header sorts the result table and the cross-table by that column (again:
// descending); totals rows stay last. Read from the screen description, as drawn.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "query_tab_fixture.hpp"
#include "ui/screen_description.hpp"
#include "views/table_sort.hpp"

using namespace csc;

namespace {

// The first cell of each row of the one table on screen.
std::vector<std::string> FirstColumn(const test::QueryTab& t) {
  const auto& tables = t.ui.app->screen().tables;
  REQUIRE(tables.size() == 1);
  std::vector<std::string> firsts;
  for (const auto& row : tables[0].rows) firsts.push_back(row.empty() ? "" : row[0]);
  return firsts;
}

}  // namespace

TEST_CASE("table headers sort labels as numbers when both are numbers and blanks last", "[ui]") {
  CHECK(app::CompareCells("9", "10") < 0);
  CHECK(app::CompareCells("Keppel", "Valley") < 0);
  CHECK(app::CompareCells("10", "10") == 0);
  CHECK(app::LessValue(1.0, std::nullopt, false));
  CHECK(app::LessValue(1.0, std::nullopt, true));  // blank last descending too
  CHECK_FALSE(app::LessValue(std::nullopt, 1.0, true));
  CHECK(app::LessValue(2.0, 1.0, true));
  CHECK_FALSE(app::LessValue(2.0, 1.0, false));
}

TEST_CASE("clicking a result table header sorts by it, again descending", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_sort_result.csv", {"C1", "C2", "C3", "C4", "C5"}));
  // Open at 31 March 2013 by ward: Keppel 2 (C2, C5), Sitwell 1 (C1), Valley 1 (C4); C3 ended 2012.
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  t.Settle();
  CHECK(FirstColumn(t) == std::vector<std::string>{"Keppel", "Sitwell", "Valley"});
  t.Click("header:children");  // ascending; equal counts keep their order
  CHECK(FirstColumn(t) == std::vector<std::string>{"Sitwell", "Valley", "Keppel"});
  t.Click("header:children");  // descending
  CHECK(FirstColumn(t) == std::vector<std::string>{"Keppel", "Sitwell", "Valley"});
  t.Click("header:ward");
  CHECK(FirstColumn(t) == std::vector<std::string>{"Keppel", "Sitwell", "Valley"});
  t.Click("header:ward");
  CHECK(FirstColumn(t) == std::vector<std::string>{"Valley", "Sitwell", "Keppel"});
  const auto& rows = t.ui.app->screen().tables[0].rows;
  CHECK(rows[2] == std::vector<std::string>{"Keppel", "2"});  // cells move with their row
}

TEST_CASE("clicking a cross-table header sorts its rows and keeps the totals row last", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_sort_pivot.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.by, sizeof t.q.by, "sex, latest_category");
  t.Settle();
  REQUIRE(t.ui.FramesUntil([&] { return t.q.pivot.totals.size() == 3 && t.q.pivot.totals[0] && t.q.pivot.totals[1] && t.q.pivot.totals[2]; }, 2000));
  t.ui.Frame();
  // Open at 31 March 2013: F C1 NEG, C5 NEG; M C2 EMO, C4 NEG. Neglect: F 2, M 1.
  CHECK(FirstColumn(t) == std::vector<std::string>{"F", "M", "Total"});
  t.Click("header:Neglect");  // ascending
  CHECK(FirstColumn(t) == std::vector<std::string>{"M", "F", "Total"});
  CHECK(t.ui.app->screen().tables[0].rows[0] == std::vector<std::string>{"M", "1", "1", "2"});
  t.Click("header:Neglect");  // descending
  CHECK(FirstColumn(t) == std::vector<std::string>{"F", "M", "Total"});
  // Emotional abuse: M 1, F none; the blank goes last both ways.
  t.Click("header:Emotional abuse");
  CHECK(FirstColumn(t) == std::vector<std::string>{"M", "F", "Total"});
  t.Click("header:Emotional abuse");
  CHECK(FirstColumn(t) == std::vector<std::string>{"M", "F", "Total"});
  CHECK(t.ui.app->screen().tables[0].rows[2] == std::vector<std::string>{"Total", "3", "1", "4"});
}
