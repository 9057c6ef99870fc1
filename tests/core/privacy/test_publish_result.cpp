// Publication-safe query results built by hand: counts perturbed by their cell keys, every
// derived figure from perturbed counts (so a ratio or share cannot be multiplied back into a
// withheld count), sums never published. Perturbations worked as in test_cell_key.cpp:
// count 100 with key 40 -> 100, with key 195 -> 103; 200 x 167 = 130 x 256 + 120, so
// count 200 with key 0 -> index 120 -> 200, with key 80 -> index 200 -> 202.
#include <catch2/catch.hpp>

#include "privacy/publish_result.hpp"

using namespace csc;

namespace {
// One row with its counts and cell keys.
void R(QueryResult& r, std::vector<std::string> keys, std::vector<std::optional<double>> values, std::vector<CellCounts> cells) {
  r.rows.push_back({std::move(keys), std::move(values)});
  r.cells.push_back(std::move(cells));
}
Query Prepared(std::vector<Measure> measures) {
  Query q;
  q.measures = std::move(measures);
  PrepareForPublication(q, 1);
  return q;
}
}  // namespace

TEST_CASE("Published counts: small withheld, zero kept, others perturbed by their key", "[privacy][publish]") {
  const Query q = Prepared({MeasureOf(MeasureKind::Children)});
  QueryResult r;
  r.dimensions = {"category"};
  r.measures = {"children"};
  R(r, {"A"}, {3}, {{3, 17}});
  R(r, {"B"}, {0}, {{0, 0}});
  R(r, {"C"}, {100}, {{100, 195}});
  const auto p = PublishResult(r, q);
  REQUIRE(p.rows.size() == 3);
  CHECK(p.rows[0].cells[0] == "c");
  CHECK(p.rows[1].cells[0] == "0");
  CHECK(p.rows[2].cells[0] == "103");
  CHECK(p.hidden == 1);
  CHECK(FormatPublishedCsv(p) ==
        "category,children\nA,c\nB,0\nC,103\n# Publication-safe (cell-key method): counts 1-5 shown as c, other counts "
        "perturbed by a few; rates and shares from the perturbed counts; figures are protected and totals may not add\n");
}

TEST_CASE("Shares, ratios and rates come from perturbed counts, a small part withholds them", "[privacy][publish]") {
  Measure ratio = MeasureOf(MeasureKind::Ratio);
  const Query q = Prepared({MeasureOf(MeasureKind::Share), ratio, MeasureOf(MeasureKind::Rate10k),
                            MeasureOf(MeasureKind::Sum, "duration"), MeasureOf(MeasureKind::Mean, "duration")});
  QueryResult r;
  r.measures = {"share", "ratio", "rate10k", "sum", "mean"};
  // Exact values (50%, 50%, 20 per 10,000) are what an attacker would multiply back; the
  // published ones use 103 of 202 and 103 per 50,000.
  R(r, {}, {50.0, 50.0, 20.0, 9000.0, 90.0},
    {{100, 195, 200, 80}, {100, 195, 200, 80}, {100, 195, 50000, 0}, {100, 195}, {100, 195}});
  auto p = PublishResult(r, q);
  CHECK(p.rows[0].cells == std::vector<std::string>{FormatMeasureValue(100.0 * 103 / 202), FormatMeasureValue(100.0 * 103 / 202),
                                                    FormatMeasureValue(103 * 10000.0 / 50000), "c", "90"});
  // A withheld numerator or denominator withholds the figure.
  r.rows.clear();
  r.cells.clear();
  R(r, {}, {40.0, 2.0, 0.8, 36.0, 9.0}, {{4, 1, 10, 2}, {100, 195, 5, 3}, {4, 1, 50000, 0}, {4, 1}, {4, 1}});
  p = PublishResult(r, q);
  CHECK(p.rows[0].cells == std::vector<std::string>{"c", "c", "c", "c", "c"});
  CHECK(p.hidden == 5);
}

TEST_CASE("A result without cell keys is never formatted for publication", "[privacy][publish]") {
  Query q;
  q.measures = {MeasureOf(MeasureKind::Episodes)};
  QueryResult r;
  r.measures = {"episodes"};
  r.rows.push_back({{}, {4}});
  CHECK_THROWS_AS(PublishResult(r, q), std::logic_error);
  PrepareForPublication(q, 9);
  CHECK_THROWS_AS(PublishResult(r, q), std::logic_error);
}
