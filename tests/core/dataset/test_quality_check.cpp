// The data-quality report on small files worked by hand (tests/data/quality/README.md says
// what each child's problem is).
#include <catch2/catch.hpp>

#include <algorithm>

#include "dataset/dataset_loader.hpp"
#include "dataset/quality_check.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/quality/";

DatasetLoad Load(const std::vector<std::string>& files) {
  DatasetLoadOptions options;
  options.csv.keep_record_lines = true;
  options.save_mapping = false;
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(kDir + f);
  return LoadDatasets(paths, options);
}

const QualityIssue* Find(const DatasetQuality& q, const std::string& rule, const std::string& child) {
  for (const QualityIssue& i : q.issues)
    if (i.rule == rule && i.child == child) return &i;
  return nullptr;
}

size_t CountOf(const DatasetQuality& q, const std::string& rule) {
  size_t n = 0;
  for (const RuleCount& c : q.counts)
    if (c.rule == rule) n += c.records;
  return n;
}

}  // namespace

TEST_CASE("SSDA903 records are flagged with their file, line and the DfE validator's rule code", "[dataset][quality]") {
  const DatasetLoad load = Load({"ssda903/header_2019.csv", "ssda903/header_2020.csv", "ssda903/episodes_2019.csv"});
  const Dataset* lac = load.Find("lac_episodes");
  REQUIRE(lac);
  REQUIRE(lac->table->num_rows() == 9);
  REQUIRE(lac->quality);
  const DatasetQuality& q = *lac->quality;
  // One problem each for B, C, D (second episode), E and F; A's two episodes are flagged by
  // the Header returns' disagreement: 7 of 9 records, 6 errors, no warnings.
  CHECK(q.errors == 6);
  CHECK(q.warnings == 0);
  CHECK(q.flagged_records == 7);
  const std::string episodes = kDir + "ssda903/episodes_2019.csv";
  struct Expected {
    const char* rule;
    const char* child;
    const char* code;
    size_t line;
  };
  // Lines: the episodes file lists A, A, B, C, D, D, E, F, G from line 2.
  for (const Expected& e : {Expected{"aged-18-or-over", "B", "352", 4}, Expected{"missing-dob", "C", "102", 5},
                            Expected{"overlap", "D", "501", 7}, Expected{"end-before-start", "E", "356", 8},
                            Expected{"invalid-code", "F", "144", 9}}) {
    INFO(e.rule);
    const QualityIssue* i = Find(q, e.rule, e.child);
    REQUIRE(i);
    CHECK(i->dfe_code == e.code);
    CHECK(i->file == episodes);
    CHECK(i->line == e.line);
    CHECK(i->severity == IssueSeverity::Error);
  }
  const QualityIssue* differs = Find(q, "child-differs", "A");
  REQUIRE(differs);
  CHECK(differs->file == kDir + "ssda903/header_2020.csv");
  CHECK(differs->line == 2);
  CHECK(differs->dfe_code.empty());  // the validator has no rule across returns
  CHECK(differs->detail == "Header: sex F, born 2005-01-01 here; sex M, born 2005-01-01 in " + kDir +
                               "ssda903/header_2019.csv");
  CHECK(Find(q, "end-before-start", "E")->detail == "starts 2018-09-01, ends 2018-08-01");
  CHECK(Find(q, "invalid-code", "F")->detail == "legal_status 'Z9' is not in its code list");
  CHECK(q.issues.size() == 6);
}

TEST_CASE("a count says how many flagged records it includes", "[dataset][quality]") {
  const DatasetLoad load = Load({"ssda903/header_2019.csv", "ssda903/header_2020.csv", "ssda903/episodes_2019.csv"});
  const auto catalog = ToCatalog(load.datasets);
  // Open on 31 March 2019: A's second, B, D's second, F and G (C, D's first and E ended
  // before it); all but G are flagged.
  QueryText text;
  text.table = "lac_episodes";
  text.period = "fy:2018-19";
  text.count = "open-at:31-03";
  text.measure = "episodes";
  const Query q = ParseQueryText(text);
  const QueryResult r = RunQuery(*catalog, q);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].values[0] == 5);
  CHECK(std::find(r.notes.begin(), r.notes.end(),
                  "includes 4 flagged records: data-quality problems (csc check lists them)") != r.notes.end());
  // The clean child alone: no note.
  Query clean = q;
  clean.filters.push_back(InFilter("child_id", {"G"}));
  const QueryResult g = RunQuery(*catalog, clean);
  CHECK(g.rows[0].values[0] == 1);
  CHECK(std::none_of(g.notes.begin(), g.notes.end(), [](const std::string& n) { return n.find("flagged") != n.npos; }));
}

TEST_CASE("canonical files: overlapping plans, duplicates, unknown codes and a child's sex differing between files",
          "[dataset][quality]") {
  const DatasetLoad load = Load({"canonical/cp_plans.csv", "canonical/lac_episodes.csv"});
  const Dataset* cp = load.Find("cp_plans");
  const Dataset* lac = load.Find("lac_episodes");
  REQUIRE(cp);
  REQUIRE(lac);
  REQUIRE(cp->quality);
  REQUIRE(lac->quality);
  const DatasetQuality& q = *cp->quality;
  CHECK(CountOf(q, "overlap") == 1);
  CHECK(CountOf(q, "duplicate") == 1);
  CHECK(CountOf(q, "invalid-code") == 1);
  CHECK(q.flagged_records == 3);
  CHECK(Find(q, "overlap", "P1")->line == 3);
  CHECK(Find(q, "overlap", "P1")->dfe_code.empty());  // DfE codes are for SSDA903 tables only
  CHECK(Find(q, "duplicate", "P2")->line == 5);
  CHECK(Find(q, "invalid-code", "P3")->line == 6);
  const QualityIssue* differs = Find(*lac->quality, "child-differs", "P4");
  REQUIRE(differs);
  CHECK(differs->file == kDir + "canonical/lac_episodes.csv");
  CHECK(differs->line == 2);
  CHECK(differs->detail == "sex F, born 2012-01-01 here; sex M, born 2012-01-01 in an earlier record of cp_plans");
}

TEST_CASE("without kept lines a problem names its record, not a made-up line", "[dataset][quality]") {
  DatasetLoadOptions options;  // keep_record_lines off, as csc query loads
  const DatasetLoad load = LoadDatasets({kDir + "canonical/cp_plans.csv"}, options);
  const QualityIssue* i = Find(*load.Find("cp_plans")->quality, "duplicate", "P2");
  REQUIRE(i);
  CHECK(i->line == 0);
  CHECK(i->row == 3);  // 0-based: the fourth record
}
