// CP categories as a list (cp_categories: one row per plan and category), on
// tests/data/categories/cp_categories.csv counted by hand: at 31 March 2013 K1's plan (neglect
// and emotional), K2's (neglect) and K3's second plan (physical and sexual) are open; K3's
// first plan (neglect) ended in February 2012.
#include <catch2/catch.hpp>

#include <map>

#include "dataset/dataset_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {

std::map<std::string, double> Ask(const std::string& by, const std::string& measure, std::vector<std::string> where = {}) {
  static const DatasetLoad load = LoadDatasets({std::string(CSC_TEST_DATA_DIR) + "/categories/cp_categories.csv"});
  static const CatalogPtr catalog = ToCatalog(load.datasets);
  QueryText q;
  q.table = "cp_categories";
  q.period = "fy:2012-13";
  q.count = "open-at:31-03";
  q.by = by;
  q.measure = measure;
  q.where = std::move(where);
  std::map<std::string, double> out;
  for (const auto& row : RunQuery(*catalog, ParseQueryText(q)).rows)
    out[row.keys.empty() ? "all" : row.keys[0]] = row.values.at(0).value_or(-1);
  return out;
}

}  // namespace

TEST_CASE("cp categories: a file with one category column is its own kind, not cp_plans", "[dataset][categories]") {
  const DatasetLoad load = LoadDatasets({std::string(CSC_TEST_DATA_DIR) + "/categories/cp_categories.csv"});
  REQUIRE(load.datasets.size() == 1);
  CHECK(load.datasets[0].kind == DatasetKind::CpCategories);
  CHECK(load.datasets[0].UnknownCodeCount() == 0);
}

TEST_CASE("cp categories: plans including neglect, children with each category, categories per child", "[dataset][categories]") {
  // Plans including neglect open at 31 March 2013: K1's and K2's (K3's neglect plan ended).
  CHECK(Ask("", "episodes", {"category = NEG"}) == std::map<std::string, double>{{"all", 2}});
  CHECK(Ask("", "children", {"category = NEG"}) == std::map<std::string, double>{{"all", 2}});
  // Each category once per plan: a child counts under every category of the plan.
  CHECK(Ask("category", "children") == std::map<std::string, double>{{"NEG", 2}, {"EMO", 1}, {"PHY", 1}, {"SAB", 1}});
  // Categories per child: 5 categories over 3 children.
  CHECK(Ask("", "episodes") == std::map<std::string, double>{{"all", 5}});
  CHECK(Ask("", "children") == std::map<std::string, double>{{"all", 3}});
}
