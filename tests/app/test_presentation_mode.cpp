#include <catch2/catch.hpp>

#include "ui_harness.hpp"

using namespace csc;

TEST_CASE("F11 enters presentation mode and Escape leaves it", "[ui]") {
  test::UiHarness ui;
  ui.Frame();
  CHECK_FALSE(ui.app->presenting());
  test::Press(ui, 300);  // GLFW_KEY_F11
  CHECK(ui.app->presenting());
  test::Press(ui, 256);  // GLFW_KEY_ESCAPE
  CHECK_FALSE(ui.app->presenting());
  test::Press(ui, 300);
  test::Press(ui, 300);
  CHECK_FALSE(ui.app->presenting());
}

TEST_CASE("presentation mode describes the query it shows", "[ui]") {
  test::UiHarness ui;
  auto& q = ui.app->query_panel();
  std::snprintf(q.by, sizeof q.by, "period");
  std::snprintf(q.period, sizeof q.period, "fy:2012-13");
  q.where = "ward in (Sitwell)\nage 0..4";
  CHECK(app::DescribeQuery({"cp_plans"}, q) ==
        "cp_plans: episodes, children by period; fy:2012-13; where ward in (Sitwell) and age 0..4");
}
