// Columns computed at load (dataset/derived_columns.hpp): assessment timeliness in working
// days and re-referrals within 12 months, on tiny extracts in tests/data/journey/ whose
// answers were worked by hand on a calendar (and re-checked with a day-by-day count).
#include <catch2/catch.hpp>

#include <map>

#include "support/by_child.hpp"
#include "dataset/dataset_loader.hpp"
#include "dataset/derived_columns.hpp"
#include "ingest/csv_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;
using test::ByChild;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/journey/";

double Count(const Catalog& catalog, QueryText text) {
  const QueryResult r = RunQuery(catalog, ParseQueryText(text));
  return r.rows.empty() ? 0 : r.rows.at(0).values.at(0).value_or(-1);
}

}  // namespace

TEST_CASE("assessments: working days from the clock's start and within timescale by type", "[dataset][derived]") {
  const DatasetLoad load = LoadDatasets({kDir + "assessments.csv"});
  const Dataset* d = load.Find("assessments");
  REQUIRE(d);
  CHECK(d->kind == DatasetKind::Assessments);
  const auto days = ByChild(*d->table, "working_days");
  const auto within = ByChild(*d->table, "within_timescale");
  // Initial: from the referral (27 March 2013; Easter 29 March and 1 April) to 12 April = 10, 15 April = 11.
  CHECK(days.at("A1") == "10;");
  CHECK(within.at("A1") == "true;");
  CHECK(days.at("A2") == "11;");
  CHECK(within.at("A2") == "false;");
  // Core: from the assessment start (Monday 7 January 2013): seven weeks to 25 February = 35.
  CHECK(days.at("A3") == "35;");
  CHECK(within.at("A3") == "true;");
  CHECK(days.at("A4") == "36;");
  CHECK(within.at("A4") == "false;");
  // Single: from the referral (1 December 2014) over Christmas 2014 and New Year 2015:
  // December 20 working days, January 21, then 2-5 February = 45; 6 February = 46.
  CHECK(days.at("A5") == "45;");
  CHECK(within.at("A5") == "true;");
  CHECK(days.at("A6") == "46;");
  CHECK(within.at("A6") == "false;");
  // Not complete, an unknown type, no referral date: unknown, never a guessed Y or N.
  CHECK(within.at("A7") == "-;");
  CHECK(within.at("A8") == "-;");
  CHECK(days.at("A8") == "-;");
  CHECK(within.at("A9") == "-;");
  bool type_note = false, clock_note = false;
  for (const auto& n : d->notes) {
    type_note = type_note || n.find("1 assessments with no type") != std::string::npos;
    clock_note = clock_note || n.find("1 completed assessments without the date") != std::string::npos;
  }
  CHECK(type_note);
  CHECK(clock_note);

  // As the catalogue counts them: 6 complete typed assessments with a clock, 3 in time.
  const CatalogPtr catalog = ToCatalog(load.datasets);
  QueryText all;
  all.table = "assessments";
  all.where = {"within_timescale in (Y, N)"};
  CHECK(Count(*catalog, all) == 6);
  all.where = {"within_timescale = Y"};
  CHECK(Count(*catalog, all) == 3);
  all.where = {"within_timescale = Y", "assessment_type = initial"};
  CHECK(Count(*catalog, all) == 1);
}

TEST_CASE("a working_days column in the file is recomputed, with a note", "[dataset][derived]") {
  const TablePtr raw = LoadCsvFile(kDir + "assessments.csv").table;
  std::vector<std::string> notes;
  const TablePtr once = WithDerivedColumns(raw, &notes);
  const TablePtr twice = AddDerivedColumns(DatasetKind::Assessments, once, &notes);
  CHECK(twice->num_columns() == once->num_columns());
  CHECK(twice->num_columns() == raw->num_columns() + 2);
  CHECK(ByChild(*twice, "working_days") == ByChild(*once, "working_days"));
  bool replaced = false;
  for (const auto& n : notes) replaced = replaced || n.find("working_days recomputed") != std::string::npos;
  CHECK(replaced);
  // A calendar that covers nothing: every working day count is unknown.
  const HolidayCalendar none;
  notes.clear();
  const TablePtr unknown = AddDerivedColumns(DatasetKind::Assessments, raw, &notes, &none);
  CHECK(unknown->ColumnByName("working_days")->null_count() == unknown->num_rows());
  CHECK(!notes.empty());
}

TEST_CASE("referrals: re-referral when an earlier referral is within the 12 months before", "[dataset][derived]") {
  const DatasetLoad load = LoadDatasets({kDir + "referrals.csv"});
  const Dataset* d = load.Find("referrals");
  REQUIRE(d);
  CHECK(d->kind == DatasetKind::Referrals);
  // C1: 10 Jan 2012 (first), 10 Jan 2013 (exactly 12 months after: Y), 1 Mar 2014 (previous
  // 10 Jan 2013 is more than 12 months before: N). C2: two on 1 May 2012 (a same-day
  // duplicate is not a re-referral: N, N), 1 June 2012 (Y). C3: one referral (N).
  const auto re = ByChild(*d->table, "re_referral");
  CHECK(re.at("C1") == "false;true;false;");
  CHECK(re.at("C2") == "false;false;true;");
  CHECK(re.at("C3") == "false;");
  const CatalogPtr catalog = ToCatalog(load.datasets);
  QueryText q;
  q.table = "referrals";
  q.period = "fy:2012-13";
  q.count = "started";
  CHECK(Count(*catalog, q) == 5);  // 1 May x2, 1 June, 1 July 2012, 10 January 2013
  q.where = {"re_referral = Y"};
  CHECK(Count(*catalog, q) == 2);
  q.where = {"nfa = Y"};
  CHECK(Count(*catalog, q) == 2);
}

TEST_CASE("factors at assessment: children with a factor are distinct children, factors per child rows over children",
          "[dataset][factors]") {
  // tests/data/journey/assessment_factors.csv: F1 has factors 1C, 2A, 3A at one assessment
  // and 1C again at a second; F2 1C and 4A; F3 2A. 7 rows, 3 children.
  const DatasetLoad load = LoadDatasets({kDir + "assessment_factors.csv"});
  const Dataset* d = load.Find("assessment_factors");
  REQUIRE(d);
  CHECK(d->kind == DatasetKind::AssessmentFactors);
  const CatalogPtr catalog = ToCatalog(load.datasets);
  QueryText q;
  q.table = "assessment_factors";
  CHECK(Count(*catalog, q) == 7);
  q.measure = "children";
  CHECK(Count(*catalog, q) == 3);  // factors per child = 7 / 3
  q.where = {"factor = 1C"};
  CHECK(Count(*catalog, q) == 2);  // F1 (twice) and F2: two children, three rows
  q.measure.clear();
  CHECK(Count(*catalog, q) == 3);
  // By factor, children per factor: 1C 2, 2A 2, 3A 1, 4A 1 (more than 3 in all: one child
  // has several).
  q.where.clear();
  q.by = "factor";
  q.measure = "children";
  const QueryResult r = RunQuery(*catalog, ParseQueryText(q));
  std::map<std::string, double> by;
  for (const auto& row : r.rows) by[row.keys.at(0)] = row.values.at(0).value_or(-1);
  CHECK(by == std::map<std::string, double>{{"1C", 2}, {"2A", 2}, {"3A", 1}, {"4A", 1}});
}

TEST_CASE("adoptions: placed within 12 months of the decision by the anniversary rule", "[dataset][derived]") {
  // D1 31 Jan 2012 -> 31 Jan 2013: exactly 12 months, in time. D2 29 Feb 2012 -> 28 Feb 2013:
  // the anniversary of a leap day is 28 February, in time; D3 -> 1 March 2013, late. D4 not
  // yet placed: unknown. D5 adopted in 2011-12, placed after 5 months.
  const DatasetLoad load = LoadDatasets({kDir + "adoptions.csv"});
  const Dataset* d = load.Find("adoptions");
  REQUIRE(d);
  CHECK(d->kind == DatasetKind::Adoptions);
  const auto within = ByChild(*d->table, "placed_within_12_months");
  CHECK(within.at("D1") == "true;");
  CHECK(within.at("D2") == "true;");
  CHECK(within.at("D3") == "false;");
  CHECK(within.at("D4") == "-;");
  CHECK(within.at("D5") == "true;");
  const CatalogPtr catalog = ToCatalog(load.datasets);
  QueryText q;
  q.table = "adoptions";
  q.period = "fy:2012-13";
  q.count = "ceased";  // adopted in the year
  CHECK(Count(*catalog, q) == 4);
  q.where = {"placed_within_12_months = Y"};
  CHECK(Count(*catalog, q) == 2);
}
