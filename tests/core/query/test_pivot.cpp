#include <catch2/catch.hpp>

#include "query/pivot.hpp"
#include "support/children_result.hpp"

using namespace csc;

TEST_CASE("a pivot lays two dimensions out as a cross-table with totals from their own queries", "[pivot]") {
  // Child C1 is in both NEG and EMO in 2012-13: the row total (3) is not the sum of cells (4).
  const QueryResult cells = test::ChildrenResult({"period", "category"}, {{{"2012-13", "EMO"}, {1}},
                                                            {{"2012-13", "NEG"}, {3}},
                                                            {{"2013-14", "NEG"}, {2}}});
  const QueryResult rows = test::ChildrenResult({"period"}, {{{"2012-13"}, {3}}, {{"2013-14"}, {2}}});
  const QueryResult cols = test::ChildrenResult({"category"}, {{{"EMO"}, {1}}, {{"NEG"}, {4}}});
  const QueryResult all = test::ChildrenResult({}, {{{}, {4}}});
  const Pivot p = BuildPivot(cells, &rows, &cols, &all);
  CHECK(p.row_keys == std::vector<std::string>{"2012-13", "2013-14"});
  CHECK(p.column_keys == std::vector<std::string>{"EMO", "NEG"});
  CHECK(p.cells[0][0] == 1);
  CHECK(p.cells[0][1] == 3);
  CHECK_FALSE(p.cells[1][0]);  // no group: empty, not zero
  CHECK(p.cells[1][1] == 2);
  CHECK(p.row_totals == std::vector<std::optional<double>>{3, 2});
  CHECK(p.column_totals == std::vector<std::optional<double>>{1, 4});
  CHECK(p.grand_total == 4);
  CHECK(PivotShareOf(p, 0, 1, PivotShare::OfRow) == Approx(100.0));
  CHECK(*PivotShareOf(p, 1, 1, PivotShare::OfColumn) == Approx(50.0));
  CHECK_FALSE(PivotShareOf(p, 1, 0, PivotShare::OfRow));
  CHECK(FormatPivotTsv(p) ==
        "period \\ category\tEMO\tNEG\tTotal\n"
        "2012-13\t1\t3\t3\n"
        "2013-14\t\t2\t2\n"
        "Total\t1\t4\t4\n");
}

TEST_CASE("a pivot without total queries leaves totals empty, and needs two dimensions", "[pivot]") {
  const QueryResult cells = test::ChildrenResult({"a", "b"}, {{{"x", "y"}, {5}}});
  const Pivot p = BuildPivot(cells, nullptr, nullptr, nullptr);
  CHECK_FALSE(p.row_totals[0]);
  CHECK_FALSE(p.grand_total);
  CHECK_THROWS_AS(BuildPivot(test::ChildrenResult({"a"}, {}), nullptr, nullptr, nullptr), std::invalid_argument);
}
