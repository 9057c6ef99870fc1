#include <catch2/catch.hpp>

#include "query/pivot_groups.hpp"
#include "support/children_result.hpp"

using namespace csc;

TEST_CASE("three dimensions lay out as row groups, each with its own totals, then all groups", "[pivot]") {
  // sex, period, category. Girls have no PHY: the column is shared, the cell empty.
  const QueryResult cells = test::ChildrenResult({"sex", "period", "category"}, {{{"F", "2012-13", "NEG"}, {2}},
                                                                   {{"F", "2013-14", "NEG"}, {1}},
                                                                   {{"M", "2012-13", "NEG"}, {1}},
                                                                   {{"M", "2012-13", "PHY"}, {1}}});
  const QueryResult group_rows = test::ChildrenResult({"sex", "period"}, {{{"F", "2012-13"}, {2}}, {{"F", "2013-14"}, {1}}, {{"M", "2012-13"}, {1}}});
  const QueryResult group_cols = test::ChildrenResult({"sex", "category"}, {{{"F", "NEG"}, {2}}, {{"M", "NEG"}, {1}}, {{"M", "PHY"}, {1}}});
  const QueryResult group = test::ChildrenResult({"sex"}, {{{"F"}, {2}}, {{"M"}, {1}}});
  const QueryResult all_cells = test::ChildrenResult({"period", "category"}, {{{"2012-13", "NEG"}, {3}}, {{"2012-13", "PHY"}, {1}},
                                                                {{"2013-14", "NEG"}, {1}}});
  const QueryResult all_rows = test::ChildrenResult({"period"}, {{{"2012-13"}, {3}}, {{"2013-14"}, {1}}});
  const QueryResult all_cols = test::ChildrenResult({"category"}, {{{"NEG"}, {3}}, {{"PHY"}, {1}}});
  const QueryResult overall = test::ChildrenResult({}, {{{}, {3}}});
  const PivotGroups p =
      BuildPivotGroups(cells, {&group_rows, &group_cols, &group, &all_cells, &all_rows, &all_cols, &overall});
  CHECK(p.group_dimension == "sex");
  REQUIRE(p.group_keys == std::vector<std::string>{"F", "M"});
  const Pivot& girls = p.groups[0];
  CHECK(girls.row_keys == std::vector<std::string>{"2012-13", "2013-14"});
  CHECK(girls.column_keys == std::vector<std::string>{"NEG", "PHY"});
  CHECK(girls.cells[0][0] == 2);
  CHECK_FALSE(girls.cells[0][1]);
  CHECK(girls.row_totals == std::vector<std::optional<double>>{2, 1});
  CHECK(girls.column_totals == std::vector<std::optional<double>>{2, std::nullopt});
  CHECK(girls.grand_total == 2);  // one girl in both years: 2, not 3
  const Pivot& boys = p.groups[1];
  CHECK(boys.row_keys == std::vector<std::string>{"2012-13"});
  CHECK(boys.cells[0] == std::vector<std::optional<double>>{1, 1});
  CHECK(boys.grand_total == 1);
  CHECK(p.all.row_keys == std::vector<std::string>{"2012-13", "2013-14"});
  CHECK(p.all.cells[0] == std::vector<std::optional<double>>{3, 1});
  CHECK(p.all.grand_total == 3);
  CHECK(PivotShareOf(boys, 0, 1, PivotShare::OfRow) == Approx(100.0));
  CHECK(FormatPivotGroupsTsv(p) ==
        "sex\tperiod \\ category\tNEG\tPHY\tTotal\n"
        "F\t2012-13\t2\t\t2\nF\t2013-14\t1\t\t1\nF\tTotal\t2\t\t2\n"
        "M\t2012-13\t1\t1\t1\nM\tTotal\t1\t1\t1\n"
        "All\t2012-13\t3\t1\t3\nAll\t2013-14\t1\t\t1\nAll\tTotal\t3\t1\t3\n");
}

TEST_CASE("row groups before their totals arrive keep the cells and leave totals empty", "[pivot]") {
  const QueryResult cells = test::ChildrenResult({"a", "b", "c"}, {{{"x", "1", "p"}, {4}}, {{"y", "2", "q"}, {5}}});
  const PivotGroups p = BuildPivotGroups(cells, {});
  REQUIRE(p.groups.size() == 2);
  CHECK(p.groups[0].column_keys == std::vector<std::string>{"p", "q"});
  CHECK(p.groups[1].cells[0] == std::vector<std::optional<double>>{std::nullopt, 5});
  CHECK_FALSE(p.groups[1].grand_total);
  CHECK(p.all.row_keys.empty());
  CHECK(p.all.column_keys == std::vector<std::string>{"p", "q"});
  CHECK_THROWS_AS(BuildPivotGroups(test::ChildrenResult({"a", "b"}, {}), {}), std::invalid_argument);
}

TEST_CASE("a slice keeps the rows of one first key without that key", "[pivot]") {
  const QueryResult r = test::ChildrenResult({"sex", "period"}, {{{"F", "2012-13"}, {2}}, {{"M", "2012-13"}, {1}}});
  const QueryResult f = SliceFirstKey(r, "F");
  CHECK(f.dimensions == std::vector<std::string>{"period"});
  REQUIRE(f.rows.size() == 1);
  CHECK(f.rows[0].keys == std::vector<std::string>{"2012-13"});
  CHECK(f.rows[0].values[0] == 2);
}
