#include <catch2/catch.hpp>

#include "indicators/query_command.hpp"
#include "query/field_labels.hpp"
#include "query/query_command.hpp"
#include "query/query_parser.hpp"
#include "storage/column_builder.hpp"
#include "storage/table.hpp"

using namespace csc;

namespace {
// A cp_plans-shaped table of two rows, so the choices follow from its columns alone.
TablePtr SmallPlans(bool with_dob) {
  ColumnBuilder child(ColumnType::Text), sex(ColumnType::Category), dob(ColumnType::Date), ward(ColumnType::Category),
      start(ColumnType::Date), latest(ColumnType::Category), previous(ColumnType::Int), note(ColumnType::Text);
  for (int r = 0; r < 2; ++r) {
    child.AppendString("C" + std::to_string(r));
    sex.AppendString(r ? "F" : "M");
    dob.AppendInt(15000 + r);
    ward.AppendString(r ? "Sitwell" : "Keppel");
    start.AppendInt(15500 + r);
    latest.AppendString(r ? "NEG" : "EMO");
    previous.AppendInt(r);
    note.AppendString(r ? "free text one" : "free text two");
  }
  TableBuilder b;
  b.AddColumn("child_id", child.Finish());
  b.AddColumn("sex", sex.Finish());
  if (with_dob) b.AddColumn("dob", dob.Finish());
  b.AddColumn("ward", ward.Finish());
  b.AddColumn("plan_start", start.Finish());
  b.AddColumn("latest_category", latest.Finish());
  b.AddColumn("previous_plans", previous.Finish());
  b.AddColumn("note", note.Finish());
  return b.Finish();
}

std::vector<std::string> Texts(const std::vector<FieldChoice>& choices) {
  std::vector<std::string> t;
  for (const auto& c : choices) t.push_back(c.text);
  return t;
}
}  // namespace

TEST_CASE("datasets, dimensions and measures read as words, unknown names as themselves", "[field_labels]") {
  CHECK(DatasetLabel("cp_plans") == "Child protection plans");
  CHECK(DatasetLabel("lac_episodes") == "Looked-after episodes");
  CHECK(DatasetLabel("my_extract") == "my_extract");
  CHECK(DimensionLabel("latest_category") == "Latest category");
  CHECK(DimensionLabel("age-band") == "Age band (DfE)");
  CHECK(DimensionLabel("ward:top10") == "Ward (top 10)");
  CHECK(DimensionLabel("Latest_Category") == "Latest category");  // the grammar is case-blind
  CHECK(DimensionLabel("child_age_group") == "Child age group");
  CHECK(MeasureLabel("rate10k") == "Rate per 10,000 children");
  CHECK(MeasureLabel("rate10k:episodes") == "Episodes per 10,000 children");
  CHECK(MeasureLabel("mean:duration") == "Average duration (days)");
  CHECK(MeasureLabel("sum:previous_plans") == "Sum of Previous plans");
  CHECK(MeasureLabel("ratio(previous_plans 1.. / )") == "Ratio of two counts (%)");
  CHECK(MeasureLabel("wibble") == "wibble");
}

TEST_CASE("every measure offered for picking parses as the grammar's measure", "[field_labels]") {
  for (const FieldChoice& m : MeasureChoices()) {
    INFO(m.text);
    CHECK(ParseMeasures(m.text).size() == 1);
    CHECK(MeasureLabel(m.text) == m.label);
  }
}

TEST_CASE("a table offers the period, its coded columns (ward and sex after its own) and the groupings its roles allow",
          "[field_labels]") {
  // Free text and ids are never offered; previous_plans (0..1) groups as it is.
  CHECK(Texts(DimensionChoices(*SmallPlans(true))) ==
        std::vector<std::string>{"period", "latest_category", "previous_plans", "ward", "sex", "age-band", "age", "duration"});
  // Without a date of birth there is no age to band.
  CHECK(Texts(DimensionChoices(*SmallPlans(false))) ==
        std::vector<std::string>{"period", "latest_category", "previous_plans", "ward", "sex", "duration"});
  CHECK(DimensionChoices(*SmallPlans(true))[1].label == "Latest category");
}

TEST_CASE("comma lists split outside parentheses and quotes", "[field_labels]") {
  CHECK(SplitTopLevel("children, ratio(latest_category in (NEG, EMO) / ), share") ==
        std::vector<std::string>{"children", "ratio(latest_category in (NEG, EMO) / )", "share"});
  CHECK(SplitTopLevel(" period ,, ward:top5 ") == std::vector<std::string>{"period", "ward:top5"});
  CHECK(SplitTopLevel("a, 'b, c'") == std::vector<std::string>{"a", "'b, c'"});
  CHECK(SplitTopLevel("").empty());
}

TEST_CASE("a query text as the csc query command, quoted for a shell", "[field_labels]") {
  QueryText t;
  t.table = "cp_plans";
  t.count = "open-at:31-03";
  t.period = "fy:2012-13";
  t.by = "sex, period, latest_category";
  t.measure = "children";
  t.where = {"ward in ('Boston Castle')"};
  CHECK(CscQueryCommand(t) ==
        "csc query --table cp_plans --where \"ward in ('Boston Castle')\" --count open-at:31-03 --period fy:2012-13 "
        "--by 'sex, period, latest_category' --measure children");
  // The command reads back as the same query (the catalogue's command parser, as a shell splits it).
  CHECK(ParseQueryCommand(CscQueryCommand(t).substr(std::string("csc query ").size())) == t);
  CHECK(ShellQuote("") == "''");
  CHECK(ShellQuote("period,ward") == "period,ward");
  CHECK(ShellQuote("name = \"it's\"") == "'name = \"it'\\''s\"'");
}

TEST_CASE("the help lists each field's grammar name beside its label", "[field_labels]") {
  const std::string help = FieldLabelsHelp();
  CHECK(help.rfind("Fields, as the explorer's picker names them:\n", 0) == 0);
  CHECK(help.find("    cp_plans                      Child protection plans\n") != std::string::npos);
  CHECK(help.find("    latest_category               Latest category\n") != std::string::npos);
  CHECK(help.find("    rate10k                       Rate per 10,000 children\n") != std::string::npos);
}
