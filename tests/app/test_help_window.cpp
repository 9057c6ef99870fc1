// F1 opens Help (and closes it); its indicator list is the bundled catalogue's.
#include <catch2/catch.hpp>

#include "ui/item_probe.hpp"
#include "ui_harness.hpp"

using namespace csc;

namespace {

constexpr int kKeyF1 = 290;  // GLFW's code, as the ImGui 1.86 GLFW backend indexes io.KeysDown

}  // namespace

TEST_CASE("F1 opens the help window and F1 again closes it", "[ui]") {
  app::EnableItemProbe(true);
  test::UiHarness ui;
  ui.Frame();
  CHECK_FALSE(ui.app->help().open);
  CHECK_FALSE(app::ProbedCentre("help:window"));
  test::Press(ui, kKeyF1);
  CHECK(ui.app->help().open);
  CHECK(app::ProbedCentre("help:window"));  // drawn, not only flagged
  // Opening the Indicators tab reads the bundled catalogue: 18 indicators (NI 59 first).
  const auto indicators = app::ProbedCentre("help:indicators");
  REQUIRE(indicators);
  ui.Click(*indicators);
  ui.Frame();
  REQUIRE(ui.app->help().catalogue);
  CHECK(ui.app->help().catalogue_error.empty());
  CHECK(ui.app->help().catalogue->indicators.size() == 18);
  CHECK(ui.app->help().catalogue->indicators[0].ref == "NI 59");
  CHECK_THAT(ui.app->help().catalogue->indicators[0].notes, Catch::StartsWith("Initial assessments completed in the year"));
  test::Press(ui, kKeyF1);
  CHECK_FALSE(ui.app->help().open);
  CHECK_FALSE(app::ProbedCentre("help:window"));
  app::EnableItemProbe(false);
}
