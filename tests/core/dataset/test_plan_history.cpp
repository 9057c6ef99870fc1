// Repeat CP plans from the extract's own history when it has no number of previous plans
// (dataset/derived_columns.hpp DerivePreviousPlans), on tests/data/history/cp_plans.csv,
// counted by hand: six plans of four children, the earliest starting 1 May 2010.
#include <catch2/catch.hpp>

#include <algorithm>

#include "dataset/dataset_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {

const std::string kFile = std::string(CSC_TEST_DATA_DIR) + "/history/cp_plans.csv";

const char* kCaveat =
    "previous_plans counted from each child's plans in this extract (it has no number of previous plans): the history "
    "goes back to 2010-05-01; 3 plans starting before 2012-05-01 are counted as first plans but may follow a plan the "
    "extract does not hold";

}  // namespace

TEST_CASE("repeat plans derived from the child's earlier plans in the extract, and the answer says how far back", "[dataset][history]") {
  const DatasetLoad load = LoadDatasets({kFile});
  REQUIRE(load.datasets.size() == 1);
  const Dataset& d = load.datasets.front();
  REQUIRE(d.kind == DatasetKind::CpPlans);
  // R1's and R3's second plans follow one in the extract; the first plans of R1 (1 May
  // 2010), R3 (1 January 2011) and R4 (1 April 2012) start within 2 years of 1 May 2010, so
  // each may follow an unseen plan; R2's (1 July 2012) starts later: a first plan.
  CHECK(std::find(d.notes.begin(), d.notes.end(), kCaveat) != d.notes.end());

  const CatalogPtr catalog = ToCatalog(load.datasets);
  QueryText q;
  q.table = "cp_plans";
  q.period = "fy:2012-13";
  q.count = "started";
  q.where = {"previous_plans >= 1"};
  const QueryResult repeats = RunQuery(*catalog, ParseQueryText(q));
  // Started in 2012-13: R1 (June), R2 (July), R3 (September), R4 (April): 4; repeats R1, R3.
  REQUIRE(repeats.rows.size() == 1);
  CHECK(repeats.rows[0].values[0] == 2);
  CHECK(std::find(repeats.notes.begin(), repeats.notes.end(), kCaveat) != repeats.notes.end());
  q.where.clear();
  const QueryResult all = RunQuery(*catalog, ParseQueryText(q));
  CHECK(all.rows[0].values[0] == 4);
  // A query that does not use previous_plans carries no caveat about it.
  CHECK(std::find(all.notes.begin(), all.notes.end(), kCaveat) == all.notes.end());
}

TEST_CASE("an extract with its own previous_plans keeps them: nothing derived, no caveat", "[dataset][history]") {
  const DatasetLoad load = LoadDatasets({std::string(CSC_TEST_DATA_DIR) + "/unborn/cp_plans.csv"});
  const Dataset& d = load.datasets.front();
  CHECK(d.column_notes.empty());
  for (const std::string& n : d.notes) CHECK(n.find("previous_plans counted") == std::string::npos);
}
