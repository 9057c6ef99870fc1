// NI 59, NI 60 and NI 68 (domain.md section 4) asked of the bundled demonstration extract's
// referrals and assessments, loaded as the explorer loads them (derived timeliness columns
// included) and counted by the catalogue's own queries.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "dataset/dataset_loader.hpp"
#include "indicators/catalogue.hpp"
#include "indicators/evaluate.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {

const DatasetLoad& Demo() {
  static const DatasetLoad load = [] {
    const std::string dir = std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/";
    return LoadDatasets({dir + "referrals.csv", dir + "assessments.csv", dir + "cp_plans.csv", dir + "adoptions.csv"});
  }();
  return load;
}

const Catalog& DemoCatalog() {
  static const CatalogPtr catalog = ToCatalog(Demo().datasets);
  return *catalog;
}

struct Figures {
  double numerator = -1, denominator = -1;
};

Figures Evaluate(const std::string& id, const std::string& year) {
  static const IndicatorCatalogue catalogue = LoadCatalogue(DefaultCataloguePath());
  const Indicator* ind = catalogue.Find(id);
  REQUIRE(ind);
  const IndicatorValue v = EvaluateIndicator(*ind, DemoCatalog(), year);
  INFO(v.error);
  REQUIRE(v.numerator);
  CHECK_FALSE(v.entered);  // computed from the case data, not the typed-in figures
  return {*v.numerator, v.denominator.value_or(-1)};
}

}  // namespace

TEST_CASE("demo: every row of referrals and assessments loads, none rejected", "[demo][journey]") {
  for (const char* name : {"referrals", "assessments", "adoptions"}) {
    const Dataset* d = Demo().Find(name);
    REQUIRE(d);
    CHECK(d->format == SourceFormat::Canonical);
    CHECK(d->table->provenance().rows_rejected == 0);
    CHECK(d->UnknownCodeCount() == 0);
    INFO(name);
    CHECK(d->notes.empty());  // no assessment with unknown timeliness
  }
}

TEST_CASE("demo NI 59: initial assessments within 10 working days, 3996/4614 and 2901/3521", "[demo][journey]") {
  const Figures y11 = Evaluate("NI59", "2011-12"), y12 = Evaluate("NI59", "2012-13");
  CHECK(y11.numerator == 3996);
  CHECK(y11.denominator == 4614);
  // The report prints 78.2% beside these counts; they give 82.4% (docs/INDICATORS.md).
  CHECK(y12.numerator == 2901);
  CHECK(y12.denominator == 3521);
}

TEST_CASE("demo NI 60: core assessments within 35 working days, 1345/1937 and 1148/1614", "[demo][journey]") {
  const Figures y11 = Evaluate("NI60", "2011-12"), y12 = Evaluate("NI60", "2012-13");
  CHECK(y11.numerator == 1345);
  CHECK(y11.denominator == 1937);
  CHECK(y12.numerator == 1148);
  CHECK(y12.denominator == 1614);
}

TEST_CASE("demo NI 68: referrals going on to initial assessment, 4614/4913 and 3521/3833", "[demo][journey]") {
  const Figures y11 = Evaluate("NI68", "2011-12"), y12 = Evaluate("NI68", "2012-13");
  CHECK(y11.numerator == 4614);
  CHECK(y11.denominator == 4913);
  CHECK(y12.numerator == 3521);
  CHECK(y12.denominator == 3833);
}

TEST_CASE("demo NI 61: adoptions placed within 12 months of the decision, 13/26 and 22/36", "[demo][journey]") {
  const Figures y11 = Evaluate("NI61", "2011-12"), y12 = Evaluate("NI61", "2012-13");
  CHECK(y11.numerator == 13);
  CHECK(y11.denominator == 26);
  CHECK(y12.numerator == 22);
  CHECK(y12.denominator == 36);
}

TEST_CASE("demo journey: a child protection plan's child was referred and assessed first", "[demo][journey]") {
  // Every plan starting in 2010-11..2015-16 has its child in the referrals and assessments,
  // with the assessment completed on or before the plan's start.
  const Table& cp = *Demo().Find("cp_plans")->table;
  const Table& as = *Demo().Find("assessments")->table;
  std::map<std::string, int64_t> first_assessment_end;
  const Column* a_child = as.ColumnByName("child_id");
  const Column* a_end = as.ColumnByName("assessment_end");
  for (size_t r = 0; r < as.num_rows(); ++r) {
    auto [it, fresh] = first_assessment_end.emplace(a_child->FormatCell(r), a_end->GetInt(r));
    if (!fresh) it->second = std::min(it->second, a_end->GetInt(r));
  }
  const Column* c_child = cp.ColumnByName("child_id");
  const Column* c_start = cp.ColumnByName("plan_start");
  const int64_t from = DaysFromCivil(2010, 4, 1), to = DaysFromCivil(2016, 3, 31);
  size_t plans = 0, linked = 0;
  for (size_t r = 0; r < cp.num_rows(); ++r) {
    if (c_start->GetInt(r) < from || c_start->GetInt(r) > to) continue;
    ++plans;
    const auto it = first_assessment_end.find(c_child->FormatCell(r));
    if (it != first_assessment_end.end() && it->second <= c_start->GetInt(r)) ++linked;
  }
  CHECK(plans > 2000);
  CHECK(linked == plans);
}

TEST_CASE("demo referrals: some re-referrals within 12 months, every year has referrals", "[demo][journey]") {
  QueryText q;
  q.table = "referrals";
  q.period = "fy:2009-10..2015-16";
  q.count = "started";
  q.by = "period";
  const QueryResult all = RunQuery(DemoCatalog(), ParseQueryText(q));
  CHECK(all.rows.size() == 7);
  q.period = "fy:2012-13";
  q.by.clear();
  q.where = {"re_referral = Y"};
  const QueryResult re = RunQuery(DemoCatalog(), ParseQueryText(q));
  REQUIRE(re.rows.size() == 1);
  const double share = re.rows[0].values[0].value_or(0) / 3833;
  CHECK(share > 0.05);  // DfE's England rate is about a quarter; a synthetic LA between 5% and 40%
  CHECK(share < 0.40);
}
