// What a table's kind says about counting it (query/catalog.hpp TableRules), on a five-episode
// looked-after extract worked out by hand: starts are RNE S, ceases are ends other than X1,
// a listed code the extract does not hold selects nothing, and a period outside the dates
// the table holds has no data. Each rule is checked on every execution path.
#include <catch2/catch.hpp>

#include "dataset/dataset_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "storage/column_builder.hpp"
#include "support/query_reference.hpp"

using namespace csc;

namespace {

int32_t D(int y, int m, int d) { return DaysFromCivil(y, m, d); }

// child  start       end         RNE  REC   PLACE
// A      2012-05-01  2012-08-01  S    X1    U1    A's care begins; a move on 1 August
// A      2012-08-01  2013-01-10  P    E11   U3    ... and care ends in January
// B      2011-01-01  2012-06-01  S    X1    U1    B's care began before the year
// B      2012-06-01  (open)      L          U1    legal status change only
// C      2012-10-01  2012-12-01  S    E4A   R1
// In 2012-13 by dates alone: 4 episodes start (A1, A2, B2, C1) and 4 end (A1, A2, B1, C1).
// DfE: 2 starts of care (A1, C1: RNE S) and 2 ceasings (A2, C1: REC not X1).
TablePtr Episodes() {
  struct Row {
    const char* child;
    int32_t start, end;
    const char *rne, *rec, *place;
  };
  const Row rows[] = {{"A", D(2012, 5, 1), D(2012, 8, 1), "S", "X1", "U1"},
                      {"A", D(2012, 8, 1), D(2013, 1, 10), "P", "E11", "U3"},
                      {"B", D(2011, 1, 1), D(2012, 6, 1), "S", "X1", "U1"},
                      {"B", D(2012, 6, 1), 0, "L", "", "U1"},
                      {"C", D(2012, 10, 1), D(2012, 12, 1), "S", "E4A", "R1"}};
  ColumnBuilder child(ColumnType::Text), start(ColumnType::Date), end(ColumnType::Date), dob(ColumnType::Date),
      rne(ColumnType::Category), rec(ColumnType::Category), place(ColumnType::Category);
  for (const Row& r : rows) {
    child.AppendString(r.child);
    start.AppendInt(r.start);
    if (r.end) end.AppendInt(r.end); else end.AppendNull();
    dob.AppendInt(D(2005, 1, 1));
    rne.AppendString(r.rne);
    if (*r.rec) rec.AppendString(r.rec); else rec.AppendNull();
    place.AppendString(r.place);
  }
  TableBuilder b;
  b.AddColumn("child_id", child.Finish());
  b.AddColumn("dob", dob.Finish());
  b.AddColumn("episode_start", start.Finish());
  b.AddColumn("episode_end", end.Finish());
  b.AddColumn("placement_type", place.Finish());
  b.AddColumn("reason_new_episode", rne.Finish());
  b.AddColumn("reason_ceased", rec.Finish());
  return b.Finish();
}

Catalog WithRules() {
  Dataset d;
  d.name = "lac_episodes";
  d.kind = DatasetKind::LacEpisodes;
  d.table = Episodes();
  d.roles = CanonicalRoles(d.kind, *d.table);
  Catalog c;
  c.Add(d.name, d.table, RulesFor(d));
  return c;
}

Query Ask(const std::string& count, const std::string& period = "fy:2012-13", std::vector<std::string> where = {}) {
  QueryText t;
  t.table = "lac_episodes";
  t.period = period;
  t.count = count;
  t.where = std::move(where);
  t.measure = "episodes,children";
  return ParseQueryText(t);
}

// The same answer on the general pass, the fused pass and the vector scan.
std::vector<std::optional<double>> Values(const Catalog& c, const Query& q) {
  ExecuteOptions general;
  general.vector_scan = false;
  general.derived_ages = false;
  const QueryResult a = RunQuery(c, q), b = RunQuery(c, q, general);
  REQUIRE(a.rows.size() == 1);
  REQUIRE(b.rows.size() == 1);
  CHECK(a.rows[0].values == b.rows[0].values);
  return a.rows[0].values;
}

bool HasNote(const QueryResult& r, const std::string& text) {
  for (const auto& n : r.notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

using V = std::vector<std::optional<double>>;

}  // namespace

TEST_CASE("looked-after starts are episodes with RNE S, ceases are ends other than X1", "[query][rules]") {
  const Catalog c = WithRules();
  CHECK(Values(c, Ask("started")) == V{2, 2});  // A1, C1
  CHECK(Values(c, Ask("ceased")) == V{2, 2});   // A2, C1
  // Open-at and open-during are not start or cease counts: no rule applies.
  CHECK(Values(c, Ask("open-during")) == V{5, 3});
  CHECK(RunQuery(c, Ask("started")).notes.size() == 1);
  CHECK(HasNote(RunQuery(c, Ask("ceased")), "other than X1"));
  // Without the rules (a plain table) every dated start counts.
  Catalog plain;
  plain.Add("lac_episodes", Episodes());
  CHECK(Values(plain, Ask("started")) == V{4, 3});  // A1, A2, B2, C1
  CHECK(Values(plain, Ask("ceased")) == V{4, 3});   // A1, A2, B1, C1
  // The engine with the rules answers what the reference evaluator gives for the query with
  // the rule's filters written out.
  for (const char* mode : {"started", "ceased"}) {
    const bool started = std::string(mode) == "started";
    const Query explicit_q =
        Ask(mode, "fy:2012-13", {started ? "reason_new_episode in (S)" : "reason_ceased not in (X1)"});
    const auto ref = test::ReferenceEvaluator(plain, explicit_q).Run();
    REQUIRE(ref.size() == 1);
    CHECK(ref.begin()->second == Values(c, Ask(mode)));
  }
}

TEST_CASE("an extract that does not record the reasons is counted by its dates", "[query][rules]") {
  Dataset d;
  d.kind = DatasetKind::LacEpisodes;
  ColumnBuilder child(ColumnType::Text), start(ColumnType::Date), rne(ColumnType::Category);
  child.AppendString("A");
  start.AppendInt(D(2012, 5, 1));
  rne.AppendNull();
  TableBuilder b;
  b.AddColumn("child_id", child.Finish());
  b.AddColumn("episode_start", start.Finish());
  b.AddColumn("reason_new_episode", rne.Finish());
  d.table = b.Finish();
  d.roles = CanonicalRoles(d.kind, *d.table);
  const TableRules rules = RulesFor(d);
  CHECK(rules.started.empty());
  CHECK(rules.ceased.empty());
  REQUIRE(rules.covers_from);
  CHECK(*rules.covers_from == D(2012, 5, 1));
}

TEST_CASE("a valid code this extract does not hold selects nothing, with a note", "[query][rules]") {
  const Catalog c = WithRules();
  // K2 (a children's home) is a valid placement type; no episode here has it.
  const QueryResult none = RunQuery(c, Ask("open-during", "fy:2012-13", {"placement_type in (K2)"}));
  REQUIRE(none.rows.size() == 1);
  CHECK(none.rows[0].values == V{0, 0});
  CHECK(HasNote(none, "placement_type 'K2' is a valid code but no row of lac_episodes holds it"));
  CHECK(Values(c, Ask("open-during", "fy:2012-13", {"placement_type in (K2)"})) == V{0, 0});
  // Left out, it keeps every row; listed with a held code, the held one still counts.
  CHECK(Values(c, Ask("open-during", "fy:2012-13", {"placement_type not in (K2)"})) == V{5, 3});
  CHECK(Values(c, Ask("open-during", "fy:2012-13", {"placement_type in (K2, R1)"})) == V{1, 1});  // C1
  // A code outside the code list is still a mistake, named with the valid values.
  CHECK_THROWS_WITH(RunQuery(c, Ask("open-during", "fy:2012-13", {"placement_type in (ZZ)"})),
                    Catch::Contains("unknown value 'ZZ'"));
  // Without the code list (a plain table) K2 is unknown here.
  Catalog plain;
  plain.Add("lac_episodes", Episodes());
  CHECK_THROWS(RunQuery(plain, Ask("open-during", "fy:2012-13", {"placement_type in (K2)"})));
}

TEST_CASE("a period outside the dates the table holds has no data, never a computed value", "[query][rules]") {
  const Catalog c = WithRules();  // dates held: 2011-01-01 to 2013-01-10
  const QueryResult later = RunQuery(c, Ask("open-at:31-03", "fy:2024-25"));
  CHECK(later.no_data);
  REQUIRE(later.rows.size() == 1);
  CHECK(later.rows[0].values == V{std::nullopt, std::nullopt});  // B's open episode is not "1 looked after"
  CHECK(HasNote(later, "no data for 2024-25: lac_episodes covers 2011-01-01 to 2013-01-10"));
  CHECK(FormatResultTable(later).find("no data") != std::string::npos);
  const QueryResult earlier = RunQuery(c, Ask("started", "fy:2009-10"));
  CHECK(earlier.no_data);
  // A period overlapping the data is answered, even where the count is zero.
  const QueryResult covered = RunQuery(c, Ask("open-at:31-03", "fy:2010-11"));
  CHECK_FALSE(covered.no_data);
  CHECK(covered.rows[0].values == V{1, 1});  // B at 31 March 2011
  // Over several periods, only those outside are named; the answer stands.
  const QueryResult both = RunQuery(c, Ask("open-during", "fy:2012-13,fy:2024-25"));
  CHECK_FALSE(both.no_data);
  CHECK(HasNote(both, "no data for 2024-25"));
}
