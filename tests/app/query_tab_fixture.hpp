#pragma once
// The query tab over one CSV, with the item probe on so tests can click slicer values,
// bars and toggles where they were drawn, and wait until every query they caused landed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <initializer_list>
#include <string>
#include <vector>

#include "ui/item_probe.hpp"
#include "ui_harness.hpp"
#include "views/slicer_panel.hpp"

namespace csc::test {

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
      if (!q.result || service.Busy(app::kQueryPanelCaller) || service.Busy(app::kAgeBandSlicerCaller)) return false;
      for (const auto& column : ui.app->slicers().columns)
        if (service.Busy("slicer:" + column.first)) return false;
      return true;
    });
    INFO("query error: " << q.error << q.parse_error << "; age bands: " << ui.app->slicers().age_bands.error);
    REQUIRE(settled);
    ui.Frame();
    ui.Frame();
  }
  void Click(const std::string& probe, bool ctrl = false) {
    const auto at = app::ProbedCentre(probe);
    REQUIRE(at);
    ImGui::GetIO().KeyCtrl = ctrl;
    ui.Click(*at);
    ImGui::GetIO().KeyCtrl = false;
    Settle();
  }
  std::string where() const { return q.where; }
};

}  // namespace csc::test
