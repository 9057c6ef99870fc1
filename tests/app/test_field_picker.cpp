// The field picker: a three-dimension view built by picking labelled fields from lists,
// never typing, with the csc query command it means shown and undo stepping back per pick.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <string>

#include "query/field_labels.hpp"
#include "query_tab_fixture.hpp"
#include "views/field_picker.hpp"
#include "views/query_panel.hpp"

using namespace csc;

namespace {

// Opens the list `list` ("picker:by:1") and picks `choice` in it, as a person clicks.
void Pick(test::QueryTab& t, const std::string& list, const std::string& choice) {
  t.Click(list);
  t.Click(list + ":" + choice);
}

void PressCtrl(test::QueryTab& t, int key) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeysDown[key] = true;
  t.ui.Frame();
  io.KeysDown[key] = false;
  io.KeyCtrl = false;
  t.Settle();
}

}  // namespace

TEST_CASE("the field picker builds a three-dimension view whose query and answer are the published figures", "[ui]") {
  test::QueryTab t(app::DemoFiles(), "cp_plans");
  REQUIRE(t.ui.app->table_names()[static_cast<size_t>(t.q.table)] == "cp_plans");
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2012-13..2013-14");
  t.Settle();
  // The fixture groups by latest category: take it away, then pick three in order.
  Pick(t, "picker:by:0", "none");
  CHECK(std::string(t.q.by).empty());
  Pick(t, "picker:by:0", "sex");
  Pick(t, "picker:by:1", "period");
  Pick(t, "picker:by:2", "latest_category");
  CHECK(std::string(t.q.by) == "sex, period, latest_category");
  // Only three: no fourth list is offered.
  CHECK_FALSE(app::ProbedCentre("picker:by:3"));
  // Measures: episodes picked, then children back, then the rate added as a second.
  Pick(t, "picker:measure:0", "episodes");
  CHECK(std::string(t.q.measure) == "episodes");
  Pick(t, "picker:measure:0", "children");
  Pick(t, "picker:measure:1", "rate10k");
  CHECK(std::string(t.q.measure) == "children, rate10k");

  // What the picks mean, shown as the command (and written by --describe).
  CHECK(t.ui.app->screen().query ==
        "csc query --table cp_plans --count open-at:31-03 --period fy:2012-13..2013-14 "
        "--by 'sex, period, latest_category' --measure 'children, rate10k'");

  // The answer: children by sex, period and latest category. A child has one sex and one
  // latest category per plan open at 31 March, so the cells of 2012-13 add up to the 334
  // published plans' children, neglect to 148 (domain.md 5), girls to 166.
  const auto result = t.q.live.result();
  REQUIRE(result);
  REQUIRE(result->dimensions == std::vector<std::string>{"sex", "period", "latest_category"});
  std::map<std::string, double> by_category;
  double all = 0, girls = 0;
  for (const auto& row : result->rows) {
    if (row.keys[1] != "2012-13") continue;
    const double v = row.values[0].value_or(0);
    by_category[row.keys[2]] += v;
    all += v;
    if (row.keys[0] == "F") girls += v;
  }
  CHECK(all == 334);
  CHECK(by_category["NEG"] == 148);
  CHECK(by_category["EMO"] == 65);
  CHECK(girls == 166);

  // Each pick was one step: undo takes back the rate, then the measure, then the third grouping.
  PressCtrl(t, 'Z');
  CHECK(std::string(t.q.measure) == "children");
  PressCtrl(t, 'Z');
  CHECK(std::string(t.q.measure) == "episodes");
  PressCtrl(t, 'Z');
  CHECK(std::string(t.q.by) == "sex, period, latest_category");
  CHECK(std::string(t.q.measure) == "children");
  PressCtrl(t, 'Z');
  CHECK(std::string(t.q.by) == "sex, period");
}

TEST_CASE("the picker lists fields by their labels and keeps a typed grouping it does not offer", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_picker.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.by, sizeof t.q.by, "ward:top2, age-band");
  t.Settle();
  CHECK(app::PickedDimensions(t.q) == std::vector<std::string>{"ward:top2", "age-band"});
  // Picking the second list's sex keeps the first as typed, top-N and all.
  Pick(t, "picker:by:1", "sex");
  CHECK(std::string(t.q.by) == "ward:top2, sex");
  // Ward is picked already, so the second list does not offer it again.
  t.Click("picker:by:1");
  CHECK(app::ProbedCentre("picker:by:1:latest_category"));
  CHECK_FALSE(app::ProbedCentre("picker:by:1:ward"));
  t.Click("picker:by:1:sex");  // the current choice again: the list closes, nothing changes
  CHECK(std::string(t.q.by) == "ward:top2, sex");
  // A ratio's two sides are filters the analyst types under the lists.
  Pick(t, "picker:measure:0", "ratio( / )");
  CHECK(std::string(t.q.measure) == "ratio( / )");
  CHECK(t.q.live.result());
  CHECK(DimensionLabel("ward:top2") == "Ward (top 2)");
}
