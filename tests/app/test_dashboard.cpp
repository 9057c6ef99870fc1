#include <catch2/catch.hpp>

#include <filesystem>

#include "ui/item_probe.hpp"
#include "ui_harness.hpp"

using namespace csc;

TEST_CASE("the indicators tab shows a tile per indicator; a tile opens its detail and what-if", "[ui][dashboard]") {
  const std::string dir = "/tmp/csc-ui-dashboard-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  ::setenv("CSC_CONFIG_DIR", dir.c_str(), 1);
  test::UiHarness ui;
  app::EnableItemProbe(true);
  ui.app->OpenFiles(app::DemoFiles());
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  ui.app->ShowTab(app::ExplorerApp::Tab::Indicators);
  auto& d = ui.app->dashboard();
  REQUIRE(ui.FramesUntil([&] { return d.tiles != nullptr; }));
  CHECK(d.years.front() == "2009-10");
  CHECK(d.years[static_cast<size_t>(d.year)] == "2012-13");
  CHECK(d.tiles->rows.size() == d.indicators->indicators.size());
  ui.Frame();
  const auto tile = app::ProbedCentre("tile:NI65");
  REQUIRE(tile);
  ui.Click(*tile);
  CHECK(d.selected == "NI65");
  REQUIRE(ui.FramesUntil([&] { return d.detail != nullptr && d.whatif != nullptr; }));
  CHECK(d.detail->breakdown.size() == 21);
  CHECK(d.whatif->after.numerator == 52);
  // Twelve fewer repeat plans: 40/319 = 12.5%, Red to Green.
  d.change = -12;
  REQUIRE(ui.FramesUntil([&] { return d.whatif && d.whatif->after.numerator == 40 && !d.whatif_task; }));
  CHECK(d.whatif->after.denominator == 319);
  CHECK(d.whatif->rag_before == Rag::Red);
  CHECK(d.whatif->rag_after == Rag::Green);

  // Named and saved, it is in the scenarios file for the next session.
  std::snprintf(d.scenario_name, sizeof d.scenario_name, "12 fewer repeat plans");
  ui.Frame();
  ui.Frame();
  const auto save = app::ProbedCentre("button:save-scenario");
  REQUIRE(save);
  ui.Click(*save);
  REQUIRE(d.scenarios.size() == 1);
  const auto saved = LoadScenarios(d.scenarios_path);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].name == "12 fewer repeat plans");
  CHECK(saved[0].indicator == "NI65");
  CHECK(saved[0].changes[0].amount == -12);
  app::EnableItemProbe(false);
}
