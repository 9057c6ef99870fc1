#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "dataset/dataset_loader.hpp"
#include "generate/benchmark_extract.hpp"
#include "snapshot/snapshot.hpp"
#include "ui_harness.hpp"

using namespace csc;

TEST_CASE("opening a file loads it in the background and lists its rows and rejects", "[ui]") {
  test::UiHarness ui;
  ui.app->OpenFiles({std::string(CSC_TEST_DATA_DIR) + "/ingest/ssda903_style_bom_semicolon.csv"});
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  ui.Frame();
  const auto& loaded = ui.app->loads().loaded();
  REQUIRE(loaded.size() == 1);
  CHECK(loaded[0].result.report.rows_read == 5);
  CHECK(loaded[0].result.report.rows_rejected == 1);
  CHECK(loaded[0].result.report.rejects[0].line == 6);
  CHECK(ui.app->loads().failures().empty());
  CHECK_FALSE(ui.app->ShowingDemoData());
}

TEST_CASE("opening a snapshot lists the files it was made of and queries its datasets as they were saved", "[ui]") {
  const std::string demo = std::string(CSC_SOURCE_ASSETS_DIR) + "/demo/";
  const std::string snap = "/tmp/csc_ui_snapshot_test.cscx";
  WriteSnapshot(snap, LoadDatasets({demo + "cp_plans.csv", demo + "population.csv"}));
  test::UiHarness ui;
  ui.app->OpenFiles({snap});  // the path File > Open, drag and drop and recent files all take
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  ui.Frame();
  const auto& loaded = ui.app->loads().loaded();
  REQUIRE(loaded.size() == 2);
  CHECK(loaded[0].path == demo + "cp_plans.csv");
  CHECK(loaded[0].snapshot == snap);
  CHECK(loaded[0].result.report.rows_loaded == 3061);
  CHECK(ui.app->table_names() == std::vector<std::string>{"cp_plans", "population"});
  REQUIRE(ui.app->datasets().datasets.size() == 2);
  CHECK(ui.app->datasets().datasets[0].snapshot == snap);
  std::filesystem::remove(snap);
}

TEST_CASE("a missing file is reported in the panel, not a crash", "[ui]") {
  test::UiHarness ui;
  ui.app->OpenFiles({"/tmp/csc_ui_no_such_file.csv"});
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  REQUIRE(ui.app->loads().failures().size() == 1);
  CHECK(ui.app->loads().failures()[0] == "/tmp/csc_ui_no_such_file.csv: no such file");
}

TEST_CASE("clicking Cancel stops a running load and the UI keeps drawing", "[ui]") {
  const std::string big = "/tmp/csc_ui_cancel_extract.csv";
  WriteBenchmarkExtract(big, 3'000'000, 20, 7);
  test::UiHarness ui;
  ui.app->OpenFiles({big});
  REQUIRE(ui.FramesUntil([&] { return !ui.app->data_panel().cancel_buttons.empty() || !ui.app->busy(); }));
  REQUIRE(ui.app->busy());  // 250 MB does not load in one frame
  const auto [min, max] = ui.app->data_panel().cancel_buttons.front();
  ui.Click(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2));
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  CHECK(ui.app->loads().loaded().empty());
  REQUIRE(ui.app->loads().failures().size() == 1);
  CHECK(ui.app->loads().failures()[0] == big + ": loading cancelled");
}

TEST_CASE("distinct counts are counted by the loader, before the Data tab first draws them", "[ui]") {
  test::UiHarness ui;
  ui.app->ShowTab(app::ExplorerApp::Tab::Query);  // the Data tab is not drawn while loading
  ui.Frame();
  ui.app->OpenFiles({std::string(CSC_TEST_DATA_DIR) + "/ingest/ssda903_style_bom_semicolon.csv"});
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  const auto& loaded = ui.app->loads().loaded();
  REQUIRE(loaded.size() == 1);
  const Table& table = *loaded[0].result.table;
  REQUIRE(table.num_columns() > 0);
  REQUIRE(loaded[0].distinct.size() == table.num_columns());
  // Loaded rows 1001, 1002, 1003, 1005 (1004 is short and rejected): four children, sexes 1 and 2.
  for (size_t i = 0; i < table.num_columns(); ++i) {
    if (table.column_name(i) == "CHILD") CHECK(loaded[0].distinct[i] == 4);
    if (table.column_name(i) == "SEX") CHECK(loaded[0].distinct[i] == 2);
  }
}
