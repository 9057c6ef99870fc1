#pragma once
// The query tab over one CSV, with the item probe on so tests can click slicer values,
// bars and toggles where they were drawn, and wait until every query they caused landed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "ui/item_probe.hpp"
#include "ui_harness.hpp"
#include "views/slicer_panel.hpp"

namespace csc::test {

// The children the query-tab tests share, as cp_plans rows: C1, C4, C5 neglect and open at
// 31 March 2013; C2 emotional abuse (physical at the start) until June 2013; C3 sexual abuse,
// January 2011 to January 2012. A test writes the ones its counts are worked out on.
inline std::string WriteCpPlans(const std::string& path, std::initializer_list<const char*> children) {
  static const std::vector<std::pair<std::string, std::string>> kRows = {
      {"C1", "C1,F,2008-05-01,WBRI,Sitwell,2012-06-01,,NEG,NEG,0\n"},
      {"C2", "C2,M,2010-01-10,WBRI,Keppel,2012-09-01,2013-06-01,PHY,EMO,1\n"},
      {"C3", "C3,F,2001-02-03,APKN,Sitwell,2011-01-01,2012-01-01,SAB,SAB,0\n"},
      {"C4", "C4,M,2009-05-01,WBRI,Valley,2012-05-01,,NEG,NEG,0\n"},
      {"C5", "C5,F,2011-05-01,WBRI,Keppel,2012-07-01,,NEG,NEG,0\n"}};
  std::ofstream out(path);
  out << "child_id,sex,dob,ethnicity,ward,plan_start,plan_end,initial_category,latest_category,previous_plans\n";
  for (const char* child : children)
    for (const auto& [id, row] : kRows)
      if (id == child) out << row;
  return path;
}

struct QueryTab {
  UiHarness ui;
  app::QueryPanelState& q;
  // `table`: the dataset the query tab starts on (else the first loaded).
  explicit QueryTab(const std::vector<std::string>& files, const std::string& table = "") : q(ui.app->query_panel()) {
    app::EnableItemProbe(true);
    if (!table.empty()) ui.app->PreferTable(table);
    ui.app->OpenFiles(files);
    REQUIRE(ui.FramesUntil([&] { return !ui.app->busy(); }));
    ui.app->ShowTab(app::ExplorerApp::Tab::Query);
    std::snprintf(q.count, sizeof q.count, "open-at:31-03");
    std::snprintf(q.period, sizeof q.period, "fy:2012-13");
    std::snprintf(q.by, sizeof q.by, "latest_category");
    std::snprintf(q.measure, sizeof q.measure, "children");
    Settle();
  }
  explicit QueryTab(const std::string& file) : QueryTab(std::vector<std::string>{file}) {}
  ~QueryTab() { app::EnableItemProbe(false); }
  // Frames until the chart's query and the slicers' counts have all landed.
  void Settle() {
    ui.Frame();  // submits what changed
    const bool settled = ui.FramesUntil([&] {
      auto& service = ui.app->queries();
      if (!q.live.result() || q.live.updating() || service.Busy(app::kQueryPanelCaller) || service.Busy(app::kAgeBandSlicerCaller)) return false;
      for (const auto& column : ui.app->slicers().columns)
        if (service.Busy("slicer:" + column.first)) return false;
      return true;
    });
    INFO("query error: " << q.live.error() << "; age bands: " << ui.app->slicers().age_bands.error);
    REQUIRE(settled);
    ui.Frame();
    ui.Frame();
  }
  void Click(const std::string& probe, bool ctrl = false) {
    const auto at = app::ProbedCentre(probe);
    INFO("clicking " << probe);
    REQUIRE(at);
    ImGui::GetIO().KeyCtrl = ctrl;
    ui.Click(*at);
    ImGui::GetIO().KeyCtrl = false;
    if (ctrl) ui.Frame();  // a Ctrl pick becomes a filter on the first frame without Ctrl
    Settle();
  }
  std::string where() const { return q.where; }
};

}  // namespace csc::test
