// Undo and redo of the query tab's view: every settled change is one step, Ctrl+Z walks
// back through them, Ctrl+Shift+Z / Ctrl+Y and the Redo button walk forward.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "query_tab_fixture.hpp"
#include "views/query_panel.hpp"
#include "views/view_history.hpp"

using namespace csc;

namespace {

// What the view asks, with its chart: the query text the panel submits.
std::string ViewOf(const test::QueryTab& t) {
  return app::DescribeQuery(t.ui.app->table_names(), t.q) + " | chart " + app::ChartKindName(t.q.chart);
}

void PressCtrl(test::QueryTab& t, int key, bool shift = false) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeyShift = shift;
  io.KeysDown[key] = true;
  t.ui.Frame();
  io.KeysDown[key] = false;
  io.KeyCtrl = false;
  io.KeyShift = false;
  t.Settle();
}

}  // namespace

TEST_CASE("undo walks back across five changes to the view and redo walks forward", "[ui]") {
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_history.csv", {"C1", "C2", "C3", "C4", "C5"}));
  std::vector<std::string> views{ViewOf(t)};
  // Five changes, each let settle as a person's would: grouping, measure, chart, period, filter.
  std::snprintf(t.q.by, sizeof t.q.by, "ward");
  t.Settle();
  views.push_back(ViewOf(t));
  std::snprintf(t.q.measure, sizeof t.q.measure, "episodes");
  t.Settle();
  views.push_back(ViewOf(t));
  t.q.chart = app::ChartKind::Ranking;
  t.Settle();
  views.push_back(ViewOf(t));
  std::snprintf(t.q.period, sizeof t.q.period, "fy:2011-12..2012-13");
  t.Settle();
  views.push_back(ViewOf(t));
  t.q.where = "sex = F\n";
  t.Settle();
  views.push_back(ViewOf(t));
  CHECK(views[5] == "csc_ui_history: episodes by ward; counted open-at:31-03; fy:2011-12..2012-13; where sex = F | chart ranking");
  CHECK_FALSE(t.q.history.CanRedo());

  // Back to the start with Ctrl+Z, one change at a time.
  for (int step = 4; step >= 0; --step) {
    PressCtrl(t, 'Z');
    INFO("after undoing to step " << step);
    CHECK(ViewOf(t) == views[static_cast<size_t>(step)]);
  }
  CHECK(views[0] == "csc_ui_history: children by latest_category; counted open-at:31-03; fy:2012-13 | chart auto");
  // The restored view is answered: the first view's bars are neglect 3, emotional abuse 1.
  REQUIRE(t.q.live.result());
  CHECK(t.q.live.result()->dimensions == std::vector<std::string>{"latest_category"});

  // Forward again: Ctrl+Shift+Z, Ctrl+Y and the Redo button all redo.
  PressCtrl(t, 'Z', true);
  CHECK(ViewOf(t) == views[1]);
  PressCtrl(t, 'Y');
  CHECK(ViewOf(t) == views[2]);
  t.Click("button:redo");
  CHECK(ViewOf(t) == views[3]);
  PressCtrl(t, 'Y');
  CHECK(ViewOf(t) == views[4]);
  PressCtrl(t, 'Y');
  CHECK(ViewOf(t) == views[5]);
  CHECK_FALSE(t.q.history.CanRedo());
  REQUIRE(t.q.live.result());
  CHECK(t.q.live.result()->dimensions == std::vector<std::string>{"ward"});

  // The Undo button steps back; a new change then drops the steps that were undone.
  t.Click("button:undo");
  CHECK(ViewOf(t) == views[4]);
  std::snprintf(t.q.by, sizeof t.q.by, "sex");
  t.Settle();
  CHECK_FALSE(t.q.history.CanRedo());
  PressCtrl(t, 'Z');
  CHECK(ViewOf(t) == views[4]);
}

TEST_CASE("a change still being typed is one step, recorded when undone", "[ui]") {
  app::ViewHistory h;
  app::ViewSnapshot v;
  v.by = "ward";
  h.Observe(v, false);
  // Three keys typed while the field has the keyboard: nothing recorded yet.
  for (const char* typed : {"s", "se", "sex"}) {
    v.by = typed;
    h.Observe(v, true);
  }
  CHECK(h.steps().size() == 1);
  h.Observe(v, false);  // let go of the field: one step for the three keys
  REQUIRE(h.steps().size() == 2);
  CHECK(h.steps()[1].by == "sex");
  // Undo mid-typing keeps what was typed for redo.
  v.by = "sex, ward";
  CHECK(h.Undo(v).by == "sex");
  CHECK(h.CanRedo());
  CHECK(h.Redo().by == "sex, ward");
  CHECK(app::DescribeSnapshot(h.steps()[0]) == "episodes by ward");
}
