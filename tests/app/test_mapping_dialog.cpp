#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "ui/item_probe.hpp"
#include "ui_harness.hpp"

using namespace csc;

TEST_CASE("an unknown layout is mapped in the dialog, saved for its header and loaded as its kind", "[ui][mapping]") {
  const std::string dir = "/tmp/csc-ui-mapping-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  ::setenv("CSC_CONFIG_DIR", dir.c_str(), 1);
  const std::string path = dir + "-extract.csv";
  {
    std::ofstream out(path);
    out << "Ref,Gender,Birth,Area,Began,Ended,Cat\n"
           "A1,F,2008-05-01,Sitwell,2012-06-01,,NEG\n"
           "A2,M,2010-01-10,Keppel,2012-09-01,2013-06-01,PHY\n";
  }
  test::UiHarness ui;
  app::EnableItemProbe(true);
  ui.app->OpenFiles({path});
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  REQUIRE(ui.app->datasets().files.size() == 1);
  CHECK(ui.app->datasets().files[0].recognition.format == SourceFormat::Unrecognised);
  ui.Frame();
  const auto map = app::ProbedCentre("button:map:" + path);
  REQUIRE(map);
  ui.Click(*map);
  auto& dialog = ui.app->mapping_dialog();
  CHECK(dialog.header.size() == 7);
  dialog.mapping.kind = DatasetKind::CpPlans;
  dialog.mapping.columns = {{"Ref", "child_id"},      {"Gender", "sex"},        {"Birth", "dob"},
                            {"Area", "ward"},         {"Began", "plan_start"},  {"Ended", "plan_end"},
                            {"Cat", "latest_category"}};
  ui.Frame();
  const auto save = app::ProbedCentre("button:save-mapping");
  REQUIRE(save);
  ui.Click(*save);
  REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
  REQUIRE(ui.app->table_names() == std::vector<std::string>{"cp_plans"});
  const Table* t = ui.app->catalog()->Find("cp_plans");
  REQUIRE(t);
  CHECK(t->num_rows() == 2);
  CHECK(t->FindColumn("plan_start"));
  // Saved for the header: the next session needs no questions.
  CHECK(std::filesystem::exists(MappingStore(dir).PathFor(dialog.header)));
  app::EnableItemProbe(false);
  std::filesystem::remove(path);
}
