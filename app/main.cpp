// csc-explorer: parse arguments, open the window, run the frame loop. Nothing else.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <CLI/CLI.hpp>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app_version.hpp"
#include "platform/chart_export.hpp"
#include "platform/fonts.hpp"
#include "platform/window.hpp"
#include "ui/board_pack_command.hpp"
#include "ui/explorer_app.hpp"
#include "ui/screen_description.hpp"
#include "util/atomic_file.hpp"

namespace {

struct Args {
  std::vector<std::string> files;
  std::string screenshot;
  std::string describe;
  int frames = 3;
  bool dark = false;
  bool present = false;
  int width = 0, height = 0;  // 0: as last time
  std::string tab;
  std::vector<std::string> where;
  std::string period, count, by, measure, table;
  std::vector<std::string> views;
  std::string board_pack;
  bool exact = false;
  std::string pack_year;
  std::string boundaries, ward_property;
  std::string export_png;
  std::string chart;
  std::string indicator;
  std::string compare;
  bool publish = false;
};

void OnDrop(GLFWwindow* window, int count, const char** paths) {
  auto* app = static_cast<csc::app::ExplorerApp*>(glfwGetWindowUserPointer(window));
  std::vector<std::string> files(paths, paths + count);
  app->OpenFiles(files);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  CLI::App cli{"CSC Explorer: children's social care performance data, sliced live"};
  cli.add_option("files", args.files, "CSV files to open (default: the bundled demonstration data)");
  cli.add_option("--screenshot", args.screenshot, "render, write this PNG once loading has finished, and exit");
  cli.add_option("--describe", args.describe,
                 "once loading and queries have settled, write what the screen shows as JSON to this file and exit");
  cli.add_option("--frames", args.frames, "frames to render after loading before the screenshot (default 3)");
  cli.add_option("--width", args.width, "window width in pixels (default: as last time)");
  cli.add_option("--height", args.height, "window height in pixels");
  cli.add_flag("--dark", args.dark, "start with the dark theme");
  cli.add_flag("--present", args.present, "start in presentation mode (F11 toggles, Esc leaves)");
  cli.add_option("--tab", args.tab, "open on this tab: data or query")->check(CLI::IsMember({"data", "query", "indicators"}));
  cli.add_option("--table", args.table, "query tab: the dataset (file stem), e.g. cp_plans");
  cli.add_option("--where", args.where, "query tab: a filter, as in csc query (repeatable)");
  cli.add_option("--period", args.period, "query tab: periods, e.g. fy:2010-11..2015-16");
  cli.add_option("--count", args.count, "query tab: counting mode, e.g. open-at:31-03");
  cli.add_option("--by", args.by, "query tab: group by, e.g. period,latest_category");
  cli.add_option("--measure", args.measure, "query tab: measures, e.g. episodes,children");
  cli.add_option("--export-png", args.export_png, "once loaded, export the query tab's chart to this PNG (2x) and exit");
  cli.add_flag("--publish", args.publish, "with --export-png: withhold small counts as for publication");
  cli.add_option("--indicator", args.indicator, "indicators tab: open this indicator's detail, e.g. NI65");
  cli.add_option("--chart", args.chart, "query tab: auto, bars, stacked, lines, area (stacked area), ranking, pyramid, xmr or map (ward map)");
  cli.add_option("--compare", args.compare, "query tab: compare the last period with this base period, e.g. 2011-12");
  cli.add_option("--view", args.views,
                 "open this saved view (see the Query tab's View list); with --board-pack, the views to include (repeatable)");
  cli.add_option("--board-pack", args.board_pack,
                 "once loaded, write a board pack PDF (saved views given with --view, else the standard pack) and exit");
  cli.add_flag("--exact", args.exact, "with --board-pack: exact figures, every page marked not for publication");
  cli.add_option("--pack-year", args.pack_year, "with --board-pack and no --view: the standard pack's year, e.g. 2012-13");
  cli.add_option("--boundaries", args.boundaries,
                 "the map's ward boundaries from this GeoJSON (without --ward-property, asks which property holds the name)");
  cli.add_option("--ward-property", args.ward_property, "with --boundaries: the property holding the ward name, e.g. WD13NM");
  CLI11_PARSE(cli, argc, argv);

  std::string error;
  const csc::app::Settings saved = csc::app::LoadSettings(csc::app::SettingsPath(), error);
  if (!error.empty()) std::fprintf(stderr, "csc-explorer: %s\n", error.c_str());
  const bool capture = !args.screenshot.empty() || !args.describe.empty() || !args.board_pack.empty();
  const bool remember_size = args.width == 0 && args.height == 0 && !capture;
  if (args.width <= 0) args.width = capture ? 1600 : saved.window_width;
  if (args.height <= 0) args.height = capture ? 1000 : saved.window_height;
  auto window = csc::app::Window::Create(csc::app::VersionString(), args.width, args.height, error);
  if (!window) {
    std::fprintf(stderr,
                 "csc-explorer: %s.\nThe same loading and reporting runs headless: csc load FILE... "
                 "(or scripts/run.sh, which falls back to it).\n",
                 error.c_str());
    return 3;
  }
  const float scale = window->ContentScale();
  csc::app::Fonts fonts;
  try {
    fonts = csc::app::LoadFonts(scale);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "csc-explorer: %s\n", e.what());
    return 1;
  }
  // ImGui's own layout state (table column widths, open headers) lives beside the settings.
  static const std::string ini = csc::app::ConfigDir() + "/imgui.ini";
  std::error_code ignored;
  std::filesystem::create_directories(csc::app::ConfigDir(), ignored);
  ImGui::GetIO().IniFilename = capture ? nullptr : ini.c_str();
  csc::app::ExplorerApp app(fonts, scale, &csc::app::Window::Wake);
  // For this run only: the theme chosen in the View menu is the one remembered.
  if (args.dark) app.SetTheme(csc::app::Theme::Dark, false);
  window->IgnoreMouse(capture || !args.export_png.empty());
  glfwSetWindowUserPointer(window->handle(), &app);
  glfwSetDropCallback(window->handle(), OnDrop);
  app.OpenFiles(args.files.empty() ? csc::app::DemoFiles() : args.files);
  if (!args.boundaries.empty() &&
      !csc::app::OpenBoundariesFromCommandLine(app.boundary_dialog(), args.boundaries, args.ward_property)) {
    std::fprintf(stderr, "csc-explorer: %s\n", app.boundary_dialog().error.c_str());
    return 2;
  }
  if (args.tab == "query" || !args.export_png.empty()) app.ShowTab(csc::app::ExplorerApp::Tab::Query);
  if (args.tab == "indicators" || !args.indicator.empty()) app.ShowTab(csc::app::ExplorerApp::Tab::Indicators);
  app.dashboard().selected = args.indicator;
  app.SetExportForPublication(args.publish);
  app.SetPresenting(args.present);
  // The query options are an unnamed view: opened the way a saved one is.
  csc::app::SavedView start;
  start.table = args.table.empty() ? "cp_plans" : args.table;
  start.where = args.where;
  start.period = args.period;
  start.count = args.count;
  start.by = args.by;
  start.measure = args.measure.empty() ? app.query_panel().measure : args.measure;
  start.chart = args.chart.empty() ? "auto" : args.chart;
  start.compare = !args.compare.empty();
  start.compare_base = args.compare;
  app.OpenView(start);
  // No query options asks nothing, so the starting question (the trend by category) applies.
  if (args.where.empty() && args.period.empty() && args.count.empty() && args.by.empty() && args.measure.empty())
    app.query_panel().started = false;
  std::vector<csc::app::SavedView> chosen;
  for (const std::string& name : args.views) {
    const auto& views = app.saved_views().views();
    const auto it = std::find_if(views.begin(), views.end(), [&](const auto& v) { return v.name == name; });
    if (it == views.end()) {
      std::string names;
      for (const auto& v : views) names += (names.empty() ? "" : ", ") + v.name;
      std::fprintf(stderr, "csc-explorer: no saved view '%s' in %s (saved: %s)\n", name.c_str(),
                   app.saved_views().path().c_str(), names.empty() ? "none" : names.c_str());
      return 2;
    }
    chosen.push_back(*it);
  }
  if (chosen.size() > 1 && args.board_pack.empty()) {
    std::fprintf(stderr, "csc-explorer: --view opens one view; several are for --board-pack\n");
    return 2;
  }
  if (!chosen.empty() && args.board_pack.empty()) {
    app.OpenView(chosen.front());
    if (!args.present) app.ShowTab(csc::app::ExplorerApp::Tab::Query);
  }

  int idle_frames = 0;
  while (!window->ShouldClose() && !app.quit_requested()) {
    // Loading: redraw at ~30 fps for the progress bars; idle: sleep until an event.
    const bool screenshot = capture || !args.export_png.empty();
    window->WaitEvents(screenshot ? 0 : app.busy() ? 1.0 / 30 : 0.5);
    window->BeginFrame();
    app.Frame();
    float clear[3];
    csc::app::ThemeClearColor(app.theme(), clear);
    window->EndFrame(clear[0], clear[1], clear[2]);
    if (window->fullscreen() != app.presenting() && !screenshot) window->SetFullscreen(app.presenting());
    if (auto request = app.TakeChartExport(); request && request->to_clipboard) {
      const bool ok = csc::app::CopyChartToClipboard(*request, error);
      app.ChartExportFinished("", ok, error);
    } else if (request) {
      const bool ok = csc::app::ExportChartPng(*request, error);
      app.ChartExportFinished(request->path, ok, error);
      if (!args.export_png.empty()) {
        if (!ok) std::fprintf(stderr, "csc-explorer: export: %s\n", error.c_str());
        else std::printf("chart written to %s\n", request->path.c_str());
        return ok ? 0 : 1;
      }
    }
    if (!args.board_pack.empty()) {
      // Loaded and the datasets built: the pack asks its own questions, so no view need settle.
      if (app.busy() || !app.catalog()) {
        glfwSwapBuffers(window->handle());
        continue;
      }
      return csc::app::WriteBoardPackFromCommandLine(app, chosen, args.board_pack, !args.exact, args.pack_year);
    }
    if (screenshot && !args.export_png.empty()) {
      idle_frames = app.busy() || app.queries().Busy(csc::app::kQueryPanelCaller) ||
                            app.queries().Busy(csc::app::kPresentationCaller)
                        ? 0
                        : idle_frames + 1;
      if (idle_frames >= args.frames && !app.RequestChartExport(args.export_png, args.publish)) {
        std::fprintf(stderr, "csc-explorer: export: the query has no result to draw\n");
        return 1;
      }
    } else if (screenshot) {
      // Settled: nothing loading, and no view's query or dashboard task still running.
      const bool busy = app.busy() || app.queries().Busy(csc::app::kQueryPanelCaller) ||
                        app.queries().Busy(csc::app::kPresentationCaller) || DashboardBusy(app.dashboard()) ||
                        app.screen().updating;
      idle_frames = busy ? 0 : idle_frames + 1;
      if (idle_frames >= args.frames) {
        if (!args.screenshot.empty()) {
          if (!window->SaveScreenshot(args.screenshot, error)) {
            std::fprintf(stderr, "csc-explorer: screenshot: %s\n", error.c_str());
            return 1;
          }
          std::printf("screenshot written to %s\n", args.screenshot.c_str());
        }
        if (!args.describe.empty()) {
          try {
            csc::WriteFileAtomically(args.describe, csc::app::DescriptionJson(app.screen()));
          } catch (const std::exception& e) {
            std::fprintf(stderr, "csc-explorer: describe: %s\n", e.what());
            return 1;
          }
          std::printf("description written to %s\n", args.describe.c_str());
        }
        return 0;
      }
    }
    glfwSwapBuffers(window->handle());
  }
  if (remember_size && !window->fullscreen()) {
    int w = 0, h = 0;
    glfwGetWindowSize(window->handle(), &w, &h);
    if (w > 0 && h > 0) app.SetWindowSize(w, h);
  }
  return 0;
}
