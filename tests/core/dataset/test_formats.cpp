// Hand-written SSDA903, Annex A and DfE files (tests/data/formats/): BOMs, both SEX codings,
// prefixed values, open episodes repeated across years, two-digit years, suppression
// symbols, unknown codes. Each asserts exact counts after loading.
#include <catch2/catch.hpp>

#include "dataset/dataset_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "time/civil_date.hpp"

using namespace csc;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/formats/";

// The cell of `column` in the first row whose child_id is `child` (as CSV text).
std::string Cell(const Table& t, const std::string& child, const std::string& column, size_t nth = 0) {
  const Column* id = t.ColumnByName("child_id");
  for (size_t r = 0; r < t.num_rows(); ++r)
    if (id->FormatCell(r) == child && nth-- == 0) return t.ColumnByName(column)->FormatCell(r);
  return "<no row>";
}

bool HasNote(const Dataset& d, const std::string& text) {
  for (const auto& n : d.notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

std::map<std::string, size_t> Unknown(const Dataset& d, const std::string& column) {
  for (const auto& u : d.unknown_codes)
    if (u.column == column) return u.counts;
  return {};
}

const DatasetLoad& Ssda903() {
  static const DatasetLoad load = LoadDatasets({kDir + "ssda903/header_2023.csv", kDir + "ssda903/header_2024.csv",
                                                kDir + "ssda903/episodes_2024.csv", kDir + "ssda903/episodes_2023.csv",
                                                kDir + "ssda903/missing_2023.csv", kDir + "ssda903/missing_2024.csv"});
  return load;
}

double Count(const Table& table, const std::string& period, const std::string& count) {
  Catalog c;
  c.Add("t", std::shared_ptr<const Table>(std::shared_ptr<const Table>{}, &table));
  QueryText q;
  q.table = "t";
  q.period = period;
  q.count = count;
  q.measure = "children";
  q.where = {"legal_status not in (V3, V4)"};
  const QueryResult r = RunQuery(c, ParseQueryText(q));
  return r.rows.empty() ? 0 : r.rows[0].values.at(0).value_or(-1);
}

}  // namespace

TEST_CASE("SSDA903: Header, Episodes and Missing of two years are recognised, joined and de-duplicated",
          "[formats]") {
  const DatasetLoad& load = Ssda903();
  REQUIRE(load.datasets.size() == 2);
  const Dataset& lac = *load.Find("lac_episodes");
  CHECK(lac.kind == DatasetKind::LacEpisodes);
  CHECK(lac.format == SourceFormat::Ssda903Episodes);
  CHECK(lac.sources.size() == 4);
  const Table& t = *lac.table;
  // 10 episode rows, of which 2 repeat an episode from the earlier return.
  CHECK(t.num_rows() == 8);
  CHECK(HasNote(lac, "2 repeated episodes"));
  // The repeated open episode of A3 is closed in the later return: the closed version is kept.
  CHECK(Cell(t, "A3", "episode_end") == "2023-09-30");
  CHECK(Cell(t, "A3", "reason_ceased") == "E8");
  CHECK(Cell(t, "A1", "episode_end", 1).empty());
}

TEST_CASE("SSDA903: SEX in the old 1/2 and new M/F/U codings both become M/F/U", "[formats]") {
  const Table& t = *Ssda903().Find("lac_episodes")->table;
  CHECK(Cell(t, "A1", "sex") == "M");  // 1 then M
  CHECK(Cell(t, "A2", "sex") == "F");  // 2 then F
  CHECK(Cell(t, "A3", "sex") == "M");  // 1 only
  CHECK(Cell(t, "A4", "sex") == "F");  // 2 only
  CHECK(Cell(t, "A5", "sex") == "U");
  CHECK(Cell(t, "A1", "dob") == "2010-02-01");
  CHECK(Cell(t, "A2", "ethnicity") == "APKN");
}

TEST_CASE("SSDA903: X1 continues the period of care, V3/V4 short breaks are not looked after", "[formats]") {
  const Dataset& lac = *Ssda903().Find("lac_episodes");
  const Table& t = *lac.table;
  CHECK(Cell(t, "A1", "period_start", 0) == "2021-05-10");
  CHECK(Cell(t, "A1", "period_start", 1) == "2021-05-10");  // began 01/06/2022 after an X1
  CHECK(Cell(t, "A3", "period_start") == "2022-08-15");
  CHECK(HasNote(lac, "1 episodes end with X1"));
  // 31 March 2023: A1 and A3 (A2's V3 short break and A4's ceased episode do not count).
  CHECK(Count(t, "fy:2022-23", "open-at:31-03") == 2);
  // During 2023-24: A1, A3, A5 (A2's V4 is a short break; A6's start date is unreadable).
  CHECK(Count(t, "fy:2023-24", "open-during") == 3);
  // Ceasings in 2022-23: A4 only; A1's X1 is not a ceasing and A2's is a short break.
  Catalog c;
  c.Add("lac", lac.table);
  QueryText q;
  q.table = "lac";
  q.period = "fy:2022-23";
  q.count = "ceased";
  q.where = {"legal_status not in (V3, V4)", "reason_ceased not in (X1)"};
  CHECK(RunQuery(c, ParseQueryText(q)).rows.at(0).values.at(0) == 1);
}

TEST_CASE("SSDA903: two-digit years are flagged with line and column, never guessed", "[formats]") {
  const DatasetLoad& load = Ssda903();
  size_t flagged = 0;
  for (const SourceFile& f : load.files) {
    for (const CellWarning& w : f.load.report.warnings) {
      ++flagged;
      CHECK(w.reason == "two-digit year is ambiguous");
      if (f.path.ends_with("header_2024.csv")) {
        CHECK(w.line == 5);
        CHECK(w.column == 3);
        CHECK(w.value == "24/04/17");
      } else {
        CHECK(f.path.ends_with("episodes_2024.csv"));
        CHECK(w.line == 5);
        CHECK(w.column == 2);
      }
    }
  }
  CHECK(flagged == 2);
  const Dataset& lac = *load.Find("lac_episodes");
  CHECK(Cell(*lac.table, "A6", "dob").empty());
  CHECK(Cell(*lac.table, "A6", "episode_start").empty());  // kept, with no start
  CHECK(HasNote(lac, "1 episodes have no readable DECOM"));
  // The unreadable DECOM stays unreadable through the conversion, distinct from a blank DEC.
  const Table& t = *lac.table;
  size_t a6 = t.num_rows();
  for (size_t r = 0; r < t.num_rows(); ++r)
    if (t.ColumnByName("child_id")->GetString(r) == "A6") a6 = r;
  REQUIRE(a6 < t.num_rows());
  CHECK(t.ColumnByName("episode_start")->IsUnreadable(a6));
  CHECK_FALSE(t.ColumnByName("episode_end")->IsUnreadable(a6));
  Catalog c;
  c.Add("lac", lac.table);
  QueryText q;
  q.table = "lac";
  q.period = "fy:2023-24";
  CHECK(RunQuery(c, ParseQueryText(q)).notes ==
        std::vector<std::string>{"1 record excluded: start date unreadable (episode_start)"});
}

TEST_CASE("SSDA903: unknown codes are kept, counted and listed", "[formats]") {
  const Dataset& lac = *Ssda903().Find("lac_episodes");
  CHECK(Unknown(lac, "placement_type") == std::map<std::string, size_t>{{"Q9", 1}});
  CHECK(Unknown(lac, "ethnicity") == std::map<std::string, size_t>{{"ZZZZ", 1}});
  // PR9 is in both returns on the same (repeated) episode: one row kept, counted once.
  CHECK(Unknown(lac, "placement_provider") == std::map<std::string, size_t>{{"PR9", 1}});
  CHECK(Cell(*lac.table, "A1", "placement_provider", 1) == "PR9");
  CHECK(lac.UnknownCodeCount() == 3);
  CHECK(Cell(*lac.table, "A4", "placement_type") == "Q9");
  CHECK(Cell(*lac.table, "A4", "ethnicity") == "ZZZZ");
}

TEST_CASE("SSDA903 Missing: repeated open spells merged, closed version kept, unknown type kept", "[formats]") {
  const Dataset& missing = *Ssda903().Find("missing_episodes");
  const Table& t = *missing.table;
  CHECK(t.num_rows() == 4);
  CHECK(HasNote(missing, "1 repeated missing episodes"));
  CHECK(Cell(t, "A3", "missing_end") == "2023-04-02");
  CHECK(Cell(t, "A3", "sex") == "M");
  CHECK(Cell(t, "A1", "missing_type", 0) == "A");
  CHECK(Cell(t, "A1", "looked_after") == "true");
  CHECK(Unknown(missing, "missing_type") == std::map<std::string, size_t>{{"X", 1}});
  CHECK(Unknown(missing, "ethnicity").empty());  // A4's ZZZZ belongs to no missing episode
  CHECK(missing.UnknownCodeCount() == 1);
}

TEST_CASE("Annex A List 7: drifted headers and prefixed values become cp_plans codes", "[formats]") {
  const DatasetLoad load = LoadDatasets({kDir + "annex_a/list7.csv"});
  REQUIRE(load.datasets.size() == 1);
  const Dataset& cp = load.datasets[0];
  CHECK(cp.name == "cp_plans");
  CHECK(cp.format == SourceFormat::AnnexAList7);
  const Table& t = *cp.table;
  REQUIRE(t.num_rows() == 6);
  CHECK(Cell(t, "C1", "sex") == "M");
  CHECK(Cell(t, "C2", "sex") == "F");
  CHECK(Cell(t, "C3", "sex") == "U");
  CHECK(Cell(t, "C5", "sex") == "U");
  CHECK(Cell(t, "C1", "ethnicity") == "WBRI");
  CHECK(Cell(t, "C2", "ethnicity") == "WBRI");
  CHECK(Cell(t, "C4", "ethnicity") == "APKN");
  CHECK(Cell(t, "C6", "ethnicity") == "WBRI");
  CHECK(Cell(t, "C2", "initial_category") == "PHY");
  CHECK(Cell(t, "C2", "latest_category") == "EMO");
  CHECK(Cell(t, "C3", "latest_category") == "NEG");
  CHECK(Cell(t, "C4", "initial_category") == "SAB");
  CHECK(Cell(t, "C4", "latest_category") == "MUL");
  CHECK(Cell(t, "C4", "plan_end") == "2024-01-31");
  CHECK(Cell(t, "C1", "plan_start") == "2023-04-01");
  CHECK(Cell(t, "C5", "previous_plans") == "1");  // "a) 1"
  CHECK(Cell(t, "C6", "previous_plans").empty());  // "none"
  CHECK(Cell(t, "C6", "initial_category") == "f) Domestic abuse");
  CHECK(Unknown(cp, "initial_category") == std::map<std::string, size_t>{{"f) Domestic abuse", 1}});
  CHECK(cp.UnknownCodeCount() == 1);
  // 10/10/10 is flagged, not read as 2010.
  REQUIRE(cp.reports.size() == 1);
  CHECK(cp.reports[0].cell_warnings == 1);
  CHECK(cp.reports[0].warnings.at(0).line == 6);
  CHECK(cp.reports[0].warnings.at(0).column == 4);
  CHECK(Cell(t, "C5", "dob").empty());
  CHECK(HasNote(cp, "1 'number of previous plans' cells are not numbers"));
}

TEST_CASE("datasets carry code labels: NEG shows as Neglect, an unknown code as itself", "[formats]") {
  DatasetLoadOptions options;
  options.labels = CodeLabels::Load(std::string(CSC_SOURCE_ASSETS_DIR) + "/reference/code_lists.csv");
  const DatasetLoad load = LoadDatasets({kDir + "annex_a/list7.csv"}, options);
  const Dataset& cp = load.datasets.at(0);
  CHECK(cp.Label("latest_category", "NEG") == "Neglect");
  CHECK(cp.Label("initial_category", "f) Domestic abuse") == "f) Domestic abuse");
  CHECK(cp.Label("ethnicity", "WBRI") != "WBRI");
  CHECK(LoadDatasets({kDir + "annex_a/list7.csv"}).datasets.at(0).Label("latest_category", "NEG") == "NEG");
}

TEST_CASE("canonical files keep their names when a converted dataset of the same kind is loaded too", "[formats]") {
  const std::string demo = std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/";
  const DatasetLoad load = LoadDatasets({demo + "annex_a/list7.csv", demo + "cp_plans.csv", kDir + "ssda903/episodes_2023.csv",
                                         demo + "lac_episodes.csv"});
  REQUIRE(load.datasets.size() == 4);
  CHECK(load.Find("cp_plans")->format == SourceFormat::Canonical);
  CHECK(load.Find("list7")->format == SourceFormat::AnnexAList7);
  CHECK(load.Find("lac_episodes")->format == SourceFormat::Canonical);
  CHECK(load.Find("lac_episodes_903")->format == SourceFormat::Ssda903Episodes);
}

TEST_CASE("Annex A List 8: one episode per child with period start, counts and prefixed codes", "[formats]") {
  const DatasetLoad load = LoadDatasets({kDir + "annex_a/list8.csv"});
  REQUIRE(load.datasets.size() == 1);
  const Dataset& lac = load.datasets[0];
  CHECK(lac.name == "lac_episodes");
  CHECK(lac.format == SourceFormat::AnnexAList8);
  const Table& t = *lac.table;
  REQUIRE(t.num_rows() == 3);
  CHECK(Cell(t, "L1", "category_of_need") == "N1");
  CHECK(Cell(t, "L1", "legal_status") == "C2");
  CHECK(Cell(t, "L1", "placement_type") == "U6");
  CHECK(Cell(t, "L1", "period_start") == "2020-04-01");
  CHECK(Cell(t, "L1", "episode_start") == "2022-06-01");
  CHECK(Cell(t, "L1", "missing_episodes_12m") == "3");
  CHECK(Cell(t, "L1", "return_interview_offered") == "true");
  CHECK(Cell(t, "L2", "placement_provider") == "PR4");
  CHECK(Cell(t, "L2", "ethnicity") == "MWBC");
  CHECK(Cell(t, "L2", "reason_ceased") == "E11");
  CHECK(Cell(t, "L2", "episode_end") == "2024-01-10");
  CHECK(Cell(t, "L2", "return_interview_offered") == "false");
  CHECK(Cell(t, "L3", "absent_episodes_12m") == "2");
  CHECK(Cell(t, "L3", "legal_status") == "J9");
  CHECK(Unknown(lac, "legal_status") == std::map<std::string, size_t>{{"J9", 1}});
  CHECK(lac.UnknownCodeCount() == 1);
}

TEST_CASE("DfE open data: recognised as a benchmark file, symbols kept as cell status", "[formats]") {
  const DatasetLoad load = LoadDatasets({kDir + "dfe/cla_symbols.csv"});
  REQUIRE(load.datasets.size() == 1);
  const Dataset& d = load.datasets[0];
  CHECK(d.kind == DatasetKind::Benchmark);
  CHECK(d.format == SourceFormat::DfeTidy);
  CHECK(d.name == "cla_symbols");
  const Table& t = *d.table;
  const Column& count = *t.ColumnByName("children_count");
  const Column& percent = *t.ColumnByName("children_percent");
  CHECK(count.type() == ColumnType::Int);
  CHECK(percent.type() == ColumnType::Decimal);
  CHECK(d.reports.at(0).status_cells == 7);
  CHECK(d.reports.at(0).cell_warnings == 0);
  CHECK(count.StatusSymbol(1) == "c");
  CHECK(count.StatusSymbol(2) == "x");
  CHECK(count.StatusSymbol(3) == "low");
  CHECK(count.GetInt(4) == 390);
  CHECK(percent.StatusSymbol(2) == "z");
  CHECK(percent.StatusSymbol(3) == "k");
  CHECK(percent.StatusSymbol(4) == "u");
  CHECK_FALSE(count.IsValid(1));
  CHECK(count.null_count() == 3);
}

TEST_CASE("canonical files: values outside a coded column's code list are kept, counted and listed", "[formats]") {
  const DatasetLoad load = LoadDatasets({kDir + "canonical/cp_plans.csv"});
  const Dataset& cp = load.datasets.at(0);
  CHECK(cp.format == SourceFormat::Canonical);
  CHECK(Unknown(cp, "latest_category") == std::map<std::string, size_t>{{"Neglect", 2}});
  CHECK(Unknown(cp, "sex") == std::map<std::string, size_t>{{"X", 1}});
  CHECK(Unknown(cp, "ethnicity") == std::map<std::string, size_t>{{"XXXX", 1}});
  CHECK(Unknown(cp, "initial_category").empty());
  CHECK(cp.UnknownCodeCount() == 4);
  CHECK(cp.table->num_rows() == 4);
  // The bundled canonical files hold only known codes.
  const std::string demo = std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/";
  for (const char* name : {"cp_plans", "lac_episodes", "missing_episodes", "cme_referrals", "population"}) {
    INFO(name);
    CHECK(LoadDatasets({demo + name + ".csv"}).datasets.at(0).UnknownCodeCount() == 0);
  }
}

TEST_CASE("canonical files: a date column stays a date when every cell is blank", "[formats]") {
  // canonical/cp_plans.csv is an extract of four open plans: plan_end has no value at all.
  const DatasetLoad load = LoadDatasets({kDir + "canonical/cp_plans.csv"});
  const Dataset& cp = load.datasets.at(0);
  const Column& end = *cp.table->ColumnByName("plan_end");
  CHECK(end.type() == ColumnType::Date);
  CHECK(end.null_count() == 4);
  // So counting by open-at works: all four plans started by July 2022 and none has ended.
  Catalog c;
  c.Add("cp_plans", cp.table);
  QueryText q;
  q.table = "cp_plans";
  q.period = "fy:2022-23";
  q.count = "open-at:31-03";
  const QueryResult r = RunQuery(c, ParseQueryText(q));
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].values.at(0) == 4);
}

TEST_CASE("Annex A List 7: a child recorded as unborn with no date of birth counts as Unborn", "[formats]") {
  // list7_unborn.csv: U1 "c) Unborn" with no date of birth, U2 "Unborn" expected 20/04/2013,
  // K1 a boy whose plan ended on 10/03/2013, K2 "c) Unknown" with no date of birth. The last
  // date the list holds is 10/03/2013, so it speaks for the year to 31 March 2013: U1 is
  // Unborn to then (born, at the earliest, on 1 April 2013); U2 is Unborn on 31 March by its
  // expected date; K2's age is unknown (unknown is not unborn). At 31 March 2013 three plans
  // are open (U1, U2, K2): Unborn 2, Unknown 1.
  const DatasetLoad load = LoadDatasets({kDir + "annex_a/list7_unborn.csv"});
  const Dataset& cp = load.datasets.at(0);
  REQUIRE(cp.kind == DatasetKind::CpPlans);
  CHECK(Cell(*cp.table, "U1", "dob") == "2013-04-01");
  CHECK(Cell(*cp.table, "U2", "dob") == "2013-04-20");
  CHECK(Cell(*cp.table, "K2", "dob").empty());
  CHECK(HasNote(cp, "1 children recorded as unborn with no date of birth: counted as Unborn up to 2013-03-31"));
  Catalog c;
  c.Add("cp_plans", cp.table);
  QueryText q;
  q.table = "cp_plans";
  q.period = "fy:2012-13";
  q.count = "open-at:31-03";
  q.by = "age-band";
  std::map<std::string, double> bands;
  for (const auto& row : RunQuery(c, ParseQueryText(q)).rows) bands[row.keys.at(0)] = row.values.at(0).value_or(-1);
  CHECK(bands == std::map<std::string, double>{{"Unborn", 2}, {"Unknown", 1}});
}

TEST_CASE("DfE open data with time_period not first: still recognised, symbols still a status", "[formats]") {
  const DatasetLoad load = LoadDatasets({kDir + "dfe/reordered_symbols.csv"});
  const Dataset& d = load.datasets.at(0);
  CHECK(d.format == SourceFormat::DfeTidy);
  CHECK(d.reports.at(0).status_cells == 6);
  CHECK(d.reports.at(0).cell_warnings == 0);
  const Column& starts = *d.table->ColumnByName("CPP_start");
  CHECK(starts.type() == ColumnType::Int);
  CHECK(starts.GetInt(0) == 317);
  CHECK(starts.StatusSymbol(1) == "c");
  CHECK(starts.StatusSymbol(3) == "low");
  CHECK(d.table->ColumnByName("CPP_subsequent_percent")->StatusSymbol(3) == "z");
}
