#include <catch2/catch.hpp>

#include "ui/item_probe.hpp"
#include "ui_harness.hpp"

using namespace csc;

TEST_CASE("the indicators tab shows a tile per indicator; a tile opens its detail and what-if", "[ui][dashboard]") {
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
  app::EnableItemProbe(false);
}
