// The DfE CIN census XML return through the ordinary dataset loader, on the public samples
// in tests/data/cin_census/ (README there: sources and licences). Expected counts were
// taken by hand from the files with grep -c and grep -o | sort | uniq -c.
#include <catch2/catch.hpp>

#include "dataset/cin_census.hpp"
#include "dataset/dataset_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/cin_census/";

double Count(const DatasetLoad& load, const std::string& table, std::vector<std::string> where = {},
             std::string period = "", std::string measure = "") {
  QueryText q;
  q.table = table;
  q.where = std::move(where);
  q.period = std::move(period);
  if (!q.period.empty()) q.count = "started";
  q.measure = std::move(measure);
  const QueryResult r = RunQuery(*ToCatalog(load.datasets), ParseQueryText(q));
  return r.rows.empty() ? 0 : r.rows.at(0).values.at(0).value_or(-1);
}

bool HasNote(const std::vector<std::string>& notes, const std::string& part) {
  for (const auto& n : notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("CIN census 2022 (liia): one child, referral, assessment and plan, unloaded parts listed", "[dataset][cin]") {
  const DatasetLoad load = LoadDatasets({kDir + "liia_cin-2022.xml"});
  // referrals, assessments, assessment_factors, cp_plans, cp_categories, s47_enquiries, cp_reviews
  REQUIRE(load.datasets.size() == 7);
  const Dataset* ref = load.Find("referrals");
  const Dataset* as = load.Find("assessments");
  const Dataset* cp = load.Find("cp_plans");
  REQUIRE(ref);
  REQUIRE(as);
  REQUIRE(cp);
  CHECK(ref->format == SourceFormat::CinCensusXml);
  CHECK(ref->table->num_rows() == 1);
  CHECK(as->table->num_rows() == 1);
  CHECK(cp->table->num_rows() == 1);
  CHECK(ref->table->ColumnByName("child_id")->FormatCell(0) == "DfEX0000001");
  CHECK(ref->table->ColumnByName("sex")->FormatCell(0) == "M");  // GenderCurrent 1
  CHECK(ref->table->ColumnByName("dob")->FormatCell(0) == "1966-03-24");
  CHECK(ref->table->ColumnByName("referral_source")->FormatCell(0) == "1A");
  CHECK(ref->table->ColumnByName("nfa")->FormatCell(0) == "false");
  CHECK(cp->table->ColumnByName("latest_category")->FormatCell(0) == "PHY");
  CHECK(cp->table->ColumnByName("previous_plans")->FormatCell(0) == "10");
  // 1970 is outside the bank-holiday calendar: working days unknown, and said so.
  CHECK_FALSE(as->table->ColumnByName("working_days")->IsValid(0));
  CHECK(HasNote(as->notes, "outside the bank-holiday calendar"));
  const auto& notes = ref->reports.at(0).notes;
  // Factors 2A and 2B: two rows of one child.
  REQUIRE(load.Find("assessment_factors"));
  CHECK(load.Find("assessment_factors")->table->num_rows() == 2);
  for (const char* part : {"1 <InitialCPCtarget> read but not loaded", "1 <CINPlanDates> read but not loaded",
                           "1 <Disabilities> read but not loaded"})
    CHECK(HasNote(notes, part));
  CHECK_FALSE(HasNote(notes, "<Section47> read but not loaded"));
  CHECK_FALSE(HasNote(notes, "<Reviews> read but not loaded"));
  // The plan's categories as a list: initial and latest are both PHY, listed once.
  const Dataset* categories = load.Find("cp_categories");
  REQUIRE(categories);
  REQUIRE(categories->table->num_rows() == 1);
  CHECK(categories->table->ColumnByName("category")->FormatCell(0) == "PHY");
  // The enquiry (started 2 June 1970, conference 17 June): 1970 is outside the calendar.
  const Dataset* s47 = load.Find("s47_enquiries");
  REQUIRE(s47);
  REQUIRE(s47->table->num_rows() == 1);
  CHECK(s47->table->ColumnByName("icpc_date")->FormatCell(0) == "1970-06-17");
  CHECK(s47->table->ColumnByName("icpc_not_required")->FormatCell(0) == "false");
  CHECK_FALSE(s47->table->ColumnByName("icpc_within_15_days")->IsValid(0));
  // The review of 15 February 1971 is the plan's first (plan 17 February 1970): due within
  // 3 months, by 17 May 1970, so late.
  const Dataset* reviews = load.Find("cp_reviews");
  REQUIRE(reviews);
  REQUIRE(reviews->table->num_rows() == 1);
  CHECK(reviews->table->ColumnByName("plan_start")->FormatCell(0) == "1970-02-17");
  CHECK(reviews->table->ColumnByName("due_date")->FormatCell(0) == "1970-05-17");
  CHECK(reviews->table->ColumnByName("on_time")->FormatCell(0) == "false");
  CHECK(ref->reports.at(0).cell_warnings == 0);
}

TEST_CASE("CIN census (d2i fake data): 332 children, 402 referrals, no assessments or plans", "[dataset][cin]") {
  const DatasetLoad load = LoadDatasets({kDir + "d2i_fake_CIN_data.xml"});
  // grep -c '<Child>' 332, '<CINdetails>' 402, '<CINclosureDate>' 252; no <Assessments>
  // or <ChildProtectionPlans>: only referrals.
  REQUIRE(load.datasets.size() == 1);
  const Dataset* ref = load.Find("referrals");
  REQUIRE(ref);
  CHECK(ref->reports.at(0).rows_read == 332);
  CHECK(ref->table->num_rows() == 402);
  CHECK(ref->UnknownCodeCount() == 0);
  CHECK(Count(load, "referrals", {}, "", "children") == 332);
  CHECK(Count(load, "referrals", {"nfa = Y"}) == 402);  // every ReferralNFA is true
  CHECK(Count(load, "referrals", {"closure_date 1900-01-01.."}) == 252);
  CHECK(Count(load, "referrals", {"closure_reason = RC8"}) == 30);
  CHECK(Count(load, "referrals", {"referral_source = 5C"}) == 28);
  // GenderCurrent per child: 0 x96 and 9 x80 are U; counted on referrals' children.
  CHECK(Count(load, "referrals", {"sex = U"}, "", "children") == 176);
  // CINreferralDate from 2021-04-01 to 2022-03-31: 54.
  CHECK(Count(load, "referrals", {}, "fy:2021-22") == 54);
  CHECK(HasNote(ref->reports.at(0).notes, "350 <DateOfInitialCPC> read but not loaded"));
  CHECK(HasNote(ref->reports.at(0).notes, "21 <PersonDeathDate> read but not loaded"));
}

TEST_CASE("CIN census 2024 (d2i): stray text named by line, assessments ending before the referral", "[dataset][cin]") {
  const DatasetLoad load = LoadDatasets({kDir + "d2i_CIN_Census_2024.xml"});
  const Dataset* ref = load.Find("referrals");
  const Dataset* as = load.Find("assessments");
  REQUIRE(ref);
  REQUIRE(as);
  REQUIRE(load.Find("cp_plans"));
  CHECK(ref->table->num_rows() == 2);
  CHECK(as->table->num_rows() == 2);
  CHECK(load.Find("cp_plans")->table->num_rows() == 1);
  CHECK(Count(load, "referrals", {"sex = M"}) == 2);  // <Sex>1</Sex> and <Sex>M</Sex>
  CHECK(Count(load, "referrals", {"closure_reason = RC9"}) == 1);
  CHECK(ref->UnknownCodeCount() == 0);
  // Line 23: "<UPNunknown>UN3</UPNunknown>PersonBirthDate".
  CHECK(HasNote(ref->reports.at(0).notes, "line 23: text 'PersonBirthDate' in <ChildIdentifiers>"));
  // Both assessments are authorised before their referral (2020-09-19 vs 2022-10-06,
  // 2024-01-27 vs 2024-10-24): timeliness unknown, never "in time".
  CHECK(as->table->ColumnByName("within_timescale")->null_count() == 2);
  CHECK(HasNote(as->notes, "2 assessments end before the date their clock starts from"));
  // Factors 1C, RB, 6B for the first child, an empty list for the second. RB is not in the
  // guide's list: kept and counted as an unknown code, never dropped.
  const Dataset* factors = load.Find("assessment_factors");
  REQUIRE(factors);
  CHECK(factors->table->num_rows() == 3);
  CHECK(Count(load, "assessment_factors", {}, "", "children") == 1);
  CHECK(factors->UnknownCodeCount() == 1);
}

TEST_CASE("CIN census 2026 (d2i): the pre-proceedings block is listed as not loaded", "[dataset][cin]") {
  const DatasetLoad load = LoadDatasets({kDir + "d2i_CIN_Census_2026.xml"});
  const Dataset* ref = load.Find("referrals");
  REQUIRE(ref);
  CHECK(ref->table->num_rows() == 2);
  CHECK(load.Find("assessments")->table->num_rows() == 2);
  CHECK(HasNote(ref->reports.at(0).notes, "1 <PreProceedingsandFGDM> read but not loaded"));
}

TEST_CASE("CIN census: unknown elements, bad dates and bad flags are reported with their line", "[dataset][cin]") {
  const DatasetLoad load = LoadDatasets({kDir + "unknown.xml"});
  const Dataset* ref = load.Find("referrals");
  const Dataset* as = load.Find("assessments");
  REQUIRE(ref);
  REQUIRE(as);
  CHECK(load.Find("cp_plans") == nullptr);  // none in the file
  const LoadReport& report = ref->reports.at(0);
  CHECK(HasNote(report.notes, "line 9: element <ShoeSize> in <ChildIdentifiers> is not read"));
  REQUIRE(report.cell_warnings == 2);
  CHECK(report.warnings.at(0).line == 13);
  CHECK(report.warnings.at(0).column_name == "ReferralNFA");
  CHECK(report.warnings.at(0).value == "maybe");
  CHECK(report.warnings.at(1).line == 16);
  CHECK(report.warnings.at(1).column_name == "AssessmentAuthorisationDate");
  CHECK(report.warnings.at(1).reason == "not a date");
  // The second assessment: referral Wednesday 27 March 2013 to Friday 12 April = 10 working
  // days (Easter skipped), a single assessment in time.
  CHECK(as->table->ColumnByName("working_days")->FormatCell(1) == "10");
  CHECK(as->table->ColumnByName("within_timescale")->FormatCell(1) == "true");
  CHECK_FALSE(as->table->ColumnByName("assessment_end")->IsValid(0));
}

TEST_CASE("CIN census: XML that is not well-formed fails with file, line and column", "[dataset][cin]") {
  CHECK_THROWS_WITH(LoadDatasets({kDir + "broken.xml"}),
                    Catch::Contains("broken.xml:9:") && Catch::Contains("not well-formed XML"));
}
