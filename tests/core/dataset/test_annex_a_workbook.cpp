// The public Annex A workbook (tests/data/real/liia_Annex_A_sample.xlsx, MIT, see the README
// there) loaded as an analyst would: all eleven lists recognised, Lists 7 and 8 converted to
// the canonical datasets, the others kept as their own. Every expected figure was counted by
// hand from the sheets (serial dates converted with 1899-12-30 as day 0).
#include <catch2/catch.hpp>

#include "dataset/annex_a_lists.hpp"
#include "dataset/dataset_loader.hpp"
#include "dataset/recognise.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {

const std::string kWorkbook = std::string(CSC_TEST_DATA_DIR) + "/real/liia_Annex_A_sample.xlsx";

const DatasetLoad& Workbook() {
  static const DatasetLoad load = LoadDatasets({kWorkbook});
  return load;
}

// One number from `csc query`-style text over the workbook's datasets.
double Ask(const std::string& table, const std::string& period, const std::string& count,
           const std::vector<std::string>& where = {}, const std::string& measure = "episodes") {
  QueryText q;
  q.table = table;
  q.period = period;
  q.count = count;
  q.measure = measure;
  q.where = where;
  const QueryResult r = RunQuery(*ToCatalog(Workbook().datasets), ParseQueryText(q));
  return r.rows.empty() ? 0 : r.rows[0].values.at(0).value_or(-1);
}

}  // namespace

TEST_CASE("Annex A workbook: every list is recognised and becomes a dataset", "[formats][xlsx]") {
  const DatasetLoad& load = Workbook();
  REQUIRE(load.files.size() == 11);
  for (size_t i = 0; i < 11; ++i) {
    CHECK(load.files[i].path == kWorkbook + " [List " + std::to_string(i + 1) + "]");
    CHECK(load.files[i].recognition.format == AnnexAListFormat(static_cast<int>(i) + 1));
    CHECK(load.files[i].load.report.rows_rejected == 0);
  }
  const std::pair<const char*, size_t> expected[] = {
      {"annex_a_contacts", 5},         {"annex_a_early_help", 5}, {"annex_a_referrals", 6},
      {"annex_a_assessments", 5},      {"annex_a_section_47", 5}, {"annex_a_children_in_need", 5},
      {"cp_plans", 7},                 {"lac_episodes", 5},       {"annex_a_care_leavers", 6},
      {"annex_a_adoption", 5},         {"annex_a_adopters", 5}};
  for (const auto& [name, rows] : expected) {
    INFO(name);
    const Dataset* d = load.Find(name);
    REQUIRE(d);
    CHECK(d->table->num_rows() == rows);
    CHECK(d->sources.size() == 1);
  }
}

TEST_CASE("Annex A workbook: List 7 child protection plans count as the sheet says", "[formats][xlsx]") {
  // Plan ends: 16/02/2021, open, open, 04/01/2021, 04/01/2021, 17/09/2020, 17/09/2020.
  CHECK(Ask("cp_plans", "fy:2020-21", "open-at:31-03") == 2);
  // Starts in 2020-21: 23/11/2020, 22/02/2021 twice, 27/04/2020 twice (2 others in June 2019).
  CHECK(Ask("cp_plans", "fy:2020-21", "started") == 5);
  CHECK(Ask("cp_plans", "", "", {"latest_category = PHY"}) == 3);
  CHECK(Ask("cp_plans", "", "", {"latest_category = EMO"}) == 4);
  // Child 10721552 was born (04/01/2021) after the plan began (23/11/2020): unborn at the start.
  CHECK(Ask("cp_plans", "fy:2020-21", "started", {"age = unborn"}) == 1);
}

TEST_CASE("Annex A workbook: List 8 keeps the legal status codes, not the date the status began", "[formats][xlsx]") {
  // "Child's Legal Status": E1, C2, C2, C2, C1 ("Start date of current legal status" is a date).
  CHECK(Ask("lac_episodes", "", "", {"legal_status = C2"}) == 3);
  CHECK(Ask("lac_episodes", "", "", {"legal_status in (E1, C1)"}) == 2);
  const Table& t = *Workbook().Find("lac_episodes")->table;
  // The episode starts at "Start Date of Most Recent Placement": 40119 = 02/11/2009 for child 1761444.
  const Column* id = t.ColumnByName("child_id");
  const Column* start = t.ColumnByName("episode_start");
  REQUIRE(id);
  REQUIRE(start);
  std::string found;
  for (size_t r = 0; r < t.num_rows(); ++r)
    if (id->FormatCell(r) == "1761444") found = start->FormatCell(r);
  CHECK(found == "2009-11-02");
}

TEST_CASE("Annex A workbook: the other lists are queryable by their own columns and event dates", "[formats][xlsx]") {
  // Six referrals, all dated 44090 = 16/09/2020; referral sources q) 6: Police three times.
  CHECK(Ask("annex_a_referrals", "fy:2020-21", "started") == 6);
  // 2019-20 lies before the list's first date: no data for that period, not a count of 0.
  CHECK(Ask("annex_a_referrals", "fy:2019-20", "started") == -1);
  CHECK(Ask("annex_a_referrals", "", "", {"referral_source = '6: Police'"}) == 3);
  CHECK(Ask("annex_a_referrals", "", "", {"sex = M"}) == 4);
  // The list's own "Age" column (decimal years: 16.66, 11.59, 0.85, 12.42, 11.38, 2.84) in
  // backquotes, so it is the column and not the age the engine derives from the date of birth.
  CHECK(Ask("annex_a_referrals", "", "", {"`age` >= 12"}) == 2);
  QueryText by_age;
  by_age.table = "annex_a_referrals";
  by_age.by = "`Age`";
  by_age.where = {"`age` >= 12"};
  const Query parsed = ParseQueryText(by_age);
  CHECK(parsed.group_by.at(0).kind == DimensionKind::Column);
  CHECK(FormatQueryText(parsed).by == "`Age`");
  CHECK(FormatQueryText(parsed).where.at(0).find("`age` 12..") != std::string::npos);
  const Dataset& referrals = *Workbook().Find("annex_a_referrals");
  REQUIRE(referrals.table->FindColumn("date_of_referral"));
  REQUIRE(referrals.table->FindColumn("start_date"));
  CHECK(referrals.table->ColumnByName("start_date")->type() == ColumnType::Date);
}

TEST_CASE("Annex A lists: recognised by their columns, or by a sheet named List N", "[formats]") {
  CHECK(AnnexAOtherListOfHeader({"Child Unique ID", "Gender", "Date of Referral", "Referral Source"}) == 3);
  CHECK(AnnexAOtherListOfHeader({"Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date"}) == 5);
  CHECK(AnnexAOtherListOfHeader({"Individual adopter identifier", "Family identifier"}) == 11);
  CHECK(AnnexAOtherListOfHeader({"Child Unique ID", "Child Protection Plan Start Date"}) == 0);  // List 7: elsewhere
  CHECK(AnnexAOtherListOfHeader({"Date of Referral"}) == 0);  // no child
  CHECK(AnnexAListOfSheetName("List 7") == 7);
  CHECK(AnnexAListOfSheetName("Annex A - list11 adopters") == 11);
  CHECK(AnnexAListOfSheetName("List 12") == 0);
  CHECK(AnnexAListOfSheetName("Sheet1") == 0);
  // List 8's two legal status columns: only the status itself feeds legal_status.
  CHECK(MatchAnnexAColumn(SourceFormat::AnnexAList8, "Start date of current legal status").canonical.empty());
  CHECK(MatchAnnexAColumn(SourceFormat::AnnexAList8, "Child's Legal Status").canonical == "legal_status");
  CHECK(MatchAnnexAColumn(SourceFormat::AnnexAList8, "Start Date of Most Recent Placement").canonical == "episode_start");
}

TEST_CASE("SSDA903: the public episodes sample loads and counts as a hand count gives", "[formats]") {
  // tests/data/real/liia_SSDA903_2020_episodes.csv (MIT): 5 episodes of children 689661 and
  // 249901, no Header table. Reasons ceased E15 (18/07/2019), X1, E2 (26/09/2019), X1, X1;
  // reasons for new episode P, S, T, L, L.
  const DatasetLoad load = LoadDatasets({std::string(CSC_TEST_DATA_DIR) + "/real/liia_SSDA903_2020_episodes.csv"});
  const Dataset* lac = load.Find("lac_episodes");
  REQUIRE(lac);
  CHECK(lac->format == SourceFormat::Ssda903Episodes);
  CHECK(lac->table->num_rows() == 5);
  auto ask = [&](const std::string& period, const std::string& count) {
    QueryText q;
    q.table = "lac_episodes";
    q.period = period;
    q.count = count;
    const QueryResult r = RunQuery(*ToCatalog(load.datasets), ParseQueryText(q));
    return r.rows.empty() ? 0 : r.rows[0].values.at(0).value_or(-1);
  };
  // Started = RNE S only: the 02/12/2018 episode (the P episode 9 days later is a move).
  CHECK(ask("fy:2018-19", "started") == 1);
  // Ceased = an end for a reason other than X1: E15 and E2, both in 2019-20.
  CHECK(ask("fy:2019-20", "ceased") == 2);
  // Open at 31 March 2019: 689661's S and P episodes (both start in December 2018, end 2019)
  // and 249901's first L episode (30/03/2019 to 10/04/2019): 3 episodes.
  CHECK(ask("fy:2018-19", "open-at:31-03") == 3);
}
