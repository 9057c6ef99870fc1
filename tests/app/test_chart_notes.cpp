// Notes pinned to a period or a point: added by picking, undone like any change, saved with
// the view, listed under the chart and in the CSV export's header (the PNG: test_chart_export).
#include <catch2/catch.hpp>

#include <cstdio>

#include "plot/chart_overlays.hpp"
#include "query_tab_fixture.hpp"
#include "ui/export_actions.hpp"
#include "ui/saved_views.hpp"
#include "views/query_panel.hpp"

using namespace csc;

namespace {
void Undo(test::QueryTab& t, bool redo = false) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeyShift = redo;
  test::Press(t.ui, 'Z');
  io.KeyCtrl = false;
  io.KeyShift = false;
  t.Settle();
}

}  // namespace

TEST_CASE("a note pinned to a period is listed under the chart, undone, saved with the view and exported to CSV", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_notes.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2010-11..2012-13");
  std::snprintf(t.q.by, sizeof t.q.by, "period");
  t.Settle();
  t.q.note_draft.text = "New threshold document";
  t.Click("note:at");
  t.Click("note:at:2010-11");
  t.Click("note:add");
  REQUIRE(t.q.notes.size() == 1);
  CHECK(t.q.notes[0].at == "2010-11");
  CHECK(t.q.notes[0].series.empty());
  CHECK(t.q.note_draft.text.empty());
  REQUIRE(t.ui.app->screen().charts.size() == 1);
  CHECK(t.ui.app->screen().charts[0].notes == std::vector<std::string>{"1. 2010-11: New threshold document"});

  // The CSV export says it in its header, after the provenance lines; the PNG export's chart
  // carries it (drawn as on screen: test_chart_export checks the pixels).
  CHECK(app::CsvNoteLines(*t.q.live.result(), t.q, nullptr) == "# note 1. 2010-11: New threshold document\n");
  const app::ChartExport png =
      app::MakeChartExport(*t.q.live.result(), t.q, t.ui.app->table_names(), nullptr, {"cp_plans", false}, std::nullopt, "/tmp/x.png");
  CHECK(app::ChartNoteLines(png.chart) == std::vector<std::string>{"1. 2010-11: New threshold document"});

  // Saved with the view, and read back from the file.
  REQUIRE(t.ui.app->SaveCurrentView("with a note"));
  app::SavedViews reread(t.ui.app->saved_views().path());
  reread.Load();
  bool found = false;
  for (const auto& v : reread.views())
    if (v.name == "with a note") {
      found = true;
      REQUIRE(v.notes.size() == 1);
      CHECK(v.notes[0].text == "New threshold document");
      CHECK(v.notes[0].at == "2010-11");
    }
  CHECK(found);

  // Adding it was one step: undo takes it away, redo brings it back.
  Undo(t);
  CHECK(t.q.notes.empty());
  CHECK(t.ui.app->screen().charts[0].notes.empty());
  Undo(t, true);
  CHECK(t.q.notes.size() == 1);
  // Removed with its button.
  t.Click("note:remove:1");
  CHECK(t.q.notes.empty());
  // Opening the saved view brings it back.
  t.ui.app->OpenView(reread.views().back());
  t.Settle();
  CHECK(t.ui.app->screen().charts[0].notes == std::vector<std::string>{"1. 2010-11: New threshold document"});
}

TEST_CASE("a note pinned to one series' point names both, by the category's label", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_notes_point.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2010-11..2012-13");
  std::snprintf(t.q.by, sizeof t.q.by, "period, latest_category");
  t.Settle();
  t.q.note_draft.text = "Two new neglect plans";
  t.Click("note:at");
  t.Click("note:at:2012-13");
  t.Click("note:series");
  REQUIRE(app::ProbedCentre("note:series:Neglect"));
  t.Click("note:series:Neglect");
  t.Click("note:add");
  REQUIRE(t.q.notes.size() == 1);
  CHECK(t.q.notes[0].series == "Neglect");
  CHECK(t.ui.app->screen().charts[0].notes == std::vector<std::string>{"1. 2012-13, Neglect: Two new neglect plans"});
}
