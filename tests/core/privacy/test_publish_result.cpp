// Publication-safe query results built by hand: which cells become "c", derived measures
// following their counts, and the measures added only to decide suppression.
#include <catch2/catch.hpp>

#include "privacy/publish_result.hpp"

using namespace csc;

namespace {
QueryResult::Row R(std::vector<std::string> keys, std::vector<std::optional<double>> values) {
  return {std::move(keys), std::move(values)};
}
std::vector<std::string> Column(const PublishedResult& p, size_t m) {
  std::vector<std::string> out;
  for (const auto& r : p.rows) out.push_back(r.cells[m]);
  return out;
}
}  // namespace

TEST_CASE("One figure: only primary suppression, zero stays", "[privacy]") {
  Query q;
  q.measures = {MeasureOf(MeasureKind::Children)};
  QueryResult r;
  r.measures = {"children"};
  for (double v : {3.0, 0.0, 12.0}) {
    r.rows = {R({}, {v})};
    const auto p = PublishResult(r, q, 1);
    CHECK(p.rows[0].cells[0] == (v == 3 ? "c" : v == 0 ? "0" : "12"));
  }
}

TEST_CASE("Shares follow their counts, the base count added for suppression is not printed", "[privacy]") {
  // Episodes 4, 20, 30 with total 54: 4 is hidden, then 20 (the smallest other) too.
  Query q;
  q.group_by = {GroupByColumn("category")};
  q.measures = {MeasureOf(MeasureKind::Share)};
  const size_t shown = AddBaseCounts(q);
  CHECK(shown == 1);
  REQUIRE(q.measures.size() == 2);
  CHECK(q.measures[1].kind == MeasureKind::Episodes);
  QueryResult r;
  r.dimensions = {"category"};
  r.measures = {"share", "episodes"};
  r.rows = {R({"A"}, {4.0 / 54, 4}), R({"B"}, {20.0 / 54, 20}), R({"C"}, {30.0 / 54, 30})};
  const auto p = PublishResult(r, q, shown);
  CHECK(p.measures == std::vector<std::string>{"share"});
  CHECK(Column(p, 0) == std::vector<std::string>{"c", "c", FormatMeasureValue(30.0 / 54)});
  CHECK(p.hidden == 2);
  CHECK(FormatPublishedCsv(p) == "category,share\nA,c\nB,c\nC,0.5556\n");
}

TEST_CASE("Three dimensions: one 2-D table with margins per value of the first", "[privacy]") {
  Query q;
  q.measures = {MeasureOf(MeasureKind::Episodes)};
  QueryResult r;
  r.dimensions = {"period", "sex", "category"};
  r.measures = {"episodes"};
  // 2012-13: F: 10 3 / M: 8 9 -> (F,PHY) 3 hidden; row F and column PHY need complements:
  // F,NEG 10 (the smallest non-zero in row F, total 13), then M,NEG 8 for column NEG (total
  // 18) and M,PHY 9 for column PHY (total 12). 2013-14 has nothing small and stays as it is.
  r.rows = {R({"2012-13", "F", "NEG"}, {10}), R({"2012-13", "F", "PHY"}, {3}), R({"2012-13", "M", "NEG"}, {8}),
            R({"2012-13", "M", "PHY"}, {9}),  R({"2013-14", "F", "NEG"}, {12}), R({"2013-14", "M", "NEG"}, {7})};
  const auto p = PublishResult(r, q, 1);
  CHECK(Column(p, 0) == std::vector<std::string>{"c", "c", "c", "c", "12", "7"});
  const auto rounded = PublishResult(r, q, 1, {5, 10});
  CHECK(Column(rounded, 0) == std::vector<std::string>{"c", "c", "c", "c", "10", "10"});
  CHECK(FormatPublishedTable(rounded).find("Publication-safe: counts 1-5 and cells that would reveal them shown as c; "
                                           "counts rounded to the nearest 10\n") != std::string::npos);
}
