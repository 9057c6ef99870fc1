#include <catch2/catch.hpp>

#include "dataset/code_labels.hpp"
#include "query/describe_query.hpp"
#include "query/query.hpp"

using namespace csc;

namespace {
std::shared_ptr<const CodeLabels> Labels() {
  return CodeLabels::Load(std::string(CSC_TEST_DATA_DIR) + "/../../assets/reference/code_lists.csv");
}
}  // namespace

TEST_CASE("the filter sentence reads as the issue's example", "[describe]") {
  QueryText t;
  t.table = "cp_plans";
  t.measure = "children";
  t.count = "open-at:31-03";
  t.period = "fy:2010-11..2015-16";
  t.where = {"latest_category in (NEG, EMO)", "age 0..4", "ward in (Sitwell, 'Boston Castle')"};
  CHECK(DescribeFilters(t, Labels().get()) ==
        "Children on a CP plan at 31 March, 2010-11 to 2015-16, neglect or emotional abuse, aged 0-4, in Sitwell or "
        "Boston Castle");
}

TEST_CASE("the filter sentence for episodes, other counting modes and exclusions", "[describe]") {
  QueryText t;
  t.table = "cp_plans";
  t.count = "started";
  t.period = "fy:2012-13";
  t.where = {"sex = F", "latest_category not in (NEG, PHY, SAB)", "age 10..", "ward not in (Sitwell)"};
  CHECK(DescribeFilters(t, Labels().get()) ==
        "CP plans starting in 2012-13, girls, excluding neglect, physical abuse and sexual abuse, aged 10 and over, "
        "outside Sitwell");
  t.where = {"age in (under1, 1-4, unknown)"};
  t.table = "missing_episodes";
  t.count = "started";
  t.period = "year:2014";
  CHECK(DescribeFilters(t, nullptr) == "Missing episodes in 2014, aged 0-4 or of unknown age");
}

TEST_CASE("age bands read as a person says them: adjacent bands join into one range", "[describe]") {
  QueryText t;
  t.table = "cp_plans";
  auto phrase = [&](const std::string& where) {
    t.where = {where};
    return DescribeFilters(t, nullptr);
  };
  CHECK(phrase("age in (under1, 1-4)") == "CP plans, aged 0-4");
  CHECK(phrase("age in (unborn, under1)") == "CP plans, unborn or aged under 1");
  CHECK(phrase("age in (unborn)") == "CP plans, unborn");
  CHECK(phrase("age in ('Under 1', 5-9)") == "CP plans, aged under 1 or 5-9");
  CHECK(phrase("age in (10-15, 1-4, 16-17)") == "CP plans, aged 1-4 or 10-17");
  CHECK(phrase("age in (16-17, 18+)") == "CP plans, aged 16 and over");
  CHECK(phrase("age in (unborn, 5-9, unknown)") == "CP plans, unborn, aged 5-9 or of unknown age");
}

TEST_CASE("without labels codes stay codes, and an unknown table is named as it is", "[describe]") {
  QueryText t;
  t.table = "my_extract";
  t.where = {"category in (NEG)"};
  CHECK(DescribeFilters(t, nullptr) == "my_extract, NEG");
  t.where = {"category in (NEG"};
  CHECK_THROWS_AS(DescribeFilters(t, nullptr), QueryError);
}

TEST_CASE("a linked dataset reads as a clause about the same children", "[describe]") {
  QueryText t;
  t.table = "cme_referrals";
  t.count = "started";
  t.period = "fy:2012-13";
  t.links = {"present lac_episodes open-at-start"};
  CHECK(DescribeFilters(t, nullptr) == "CME referrals in 2012-13, who were also looked after at the start");
  t.links = {"absent cp_plans open-during-period"};
  CHECK(DescribeFilters(t, nullptr) == "CME referrals in 2012-13, who were not on a CP plan during the period");
}
