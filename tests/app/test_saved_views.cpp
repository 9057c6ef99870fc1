#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ui_harness.hpp"

using namespace csc;

namespace {
// Each test gets its own configuration directory so nothing touches the user's views.
struct ConfigDirGuard {
  std::filesystem::path dir;
  explicit ConfigDirGuard(const std::string& name) {
    dir = std::filesystem::temp_directory_path() / ("csc-views-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    ::setenv("CSC_CONFIG_DIR", dir.c_str(), 1);
  }
  ~ConfigDirGuard() {
    ::unsetenv("CSC_CONFIG_DIR");
    std::filesystem::remove_all(dir);
  }
};

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("a saved view is written as readable JSON and reopened after a restart", "[ui]") {
  ConfigDirGuard guard("restart");
  {
    test::UiHarness ui;
    ui.Frame();
    auto& q = ui.app->query_panel();
    q.where = "latest_category in (NEG)\n\nage 0..4\n";
    std::snprintf(q.period, sizeof q.period, "fy:2010-11..2015-16");
    std::snprintf(q.count, sizeof q.count, "open-at:31-03");
    std::snprintf(q.by, sizeof q.by, "period");
    q.chart = app::ChartKind::Lines;
    REQUIRE(ui.app->SaveCurrentView("Neglect under 5s"));
    CHECK(ui.app->saved_views().views().size() == 1);
  }
  const std::string json = ReadAll(guard.dir / "views.json");
  CHECK(json.find("\"Neglect under 5s\"") != std::string::npos);
  CHECK(json.find("\"latest_category in (NEG)\"") != std::string::npos);
  CHECK(json.find("\"chart\": \"lines\"") != std::string::npos);  // pretty-printed, one field a line

  test::UiHarness ui;  // a new session reads the file again
  const auto& views = ui.app->saved_views().views();
  REQUIRE(views.size() == 1);
  CHECK(views[0].where == std::vector<std::string>{"latest_category in (NEG)", "age 0..4"});
  ui.app->OpenView(views[0]);
  auto& q = ui.app->query_panel();
  CHECK(std::string(q.where) == "latest_category in (NEG)\nage 0..4\n");
  CHECK(std::string(q.period) == "fy:2010-11..2015-16");
  CHECK(std::string(q.count) == "open-at:31-03");
  CHECK(std::string(q.by) == "period");
  CHECK(q.chart == app::ChartKind::Lines);
  CHECK(ui.app->current_view() == 0);
}

TEST_CASE("saving under an existing name replaces that view", "[ui]") {
  ConfigDirGuard guard("replace");
  test::UiHarness ui;
  auto& q = ui.app->query_panel();
  std::snprintf(q.by, sizeof q.by, "period");
  REQUIRE(ui.app->SaveCurrentView("A"));
  REQUIRE(ui.app->SaveCurrentView("B"));
  std::snprintf(q.by, sizeof q.by, "ward");
  REQUIRE(ui.app->SaveCurrentView("A"));
  const auto& views = ui.app->saved_views().views();
  REQUIRE(views.size() == 2);
  CHECK(views[0].name == "A");
  CHECK(views[0].by == "ward");
  CHECK(views[1].by == "period");
}

TEST_CASE("arrow keys in presentation mode step through saved views", "[ui]") {
  ConfigDirGuard guard("arrows");
  test::UiHarness ui;
  auto& q = ui.app->query_panel();
  for (const char* by : {"period", "ward", "age_band"}) {
    std::snprintf(q.by, sizeof q.by, "%s", by);
    REQUIRE(ui.app->SaveCurrentView(std::string("by ") + by));
  }
  ui.app->SetPresenting(true);
  ImGuiIO& io = ImGui::GetIO();
  auto press = [&](int key) {
    io.KeysDown[key] = true;
    ui.Frame();
    io.KeysDown[key] = false;
    ui.Frame();
  };
  ui.Frame();
  press(262);  // right: first view
  CHECK(ui.app->current_view() == 0);
  CHECK(std::string(q.by) == "period");
  press(262);
  CHECK(std::string(q.by) == "ward");
  press(263);  // left
  press(263);
  CHECK(ui.app->current_view() == 2);  // wraps round to the last
  CHECK(std::string(q.by) == "age_band");
}

TEST_CASE("a damaged views file is reported, not silently emptied", "[ui]") {
  ConfigDirGuard guard("damaged");
  std::filesystem::create_directories(guard.dir);
  { std::ofstream(guard.dir / "views.json") << "{ \"views\": [ {\"name\": "; }
  app::SavedViews views((guard.dir / "views.json").string());
  views.Load();
  CHECK(views.views().empty());
  CHECK(views.error().find("views.json") != std::string::npos);
}

TEST_CASE("saving over a damaged views file keeps the damaged copy", "[ui]") {
  ConfigDirGuard guard("keep-damaged");
  std::filesystem::create_directories(guard.dir);
  { std::ofstream(guard.dir / "views.json") << "not json"; }
  app::SavedViews views((guard.dir / "views.json").string());
  views.Load();
  app::SavedView view;
  view.name = "A";
  view.table = "cp_plans";
  view.by = "period";
  REQUIRE(views.Put(view));
  CHECK(ReadAll(guard.dir / "views.json.damaged") == "not json");
  app::SavedViews again((guard.dir / "views.json").string());
  again.Load();
  CHECK(again.error().empty());
  REQUIRE(again.views().size() == 1);
  CHECK(again.views()[0].by == "period");
}

TEST_CASE("theme, disclosure threshold, window size and recent files persist between sessions", "[ui]") {
  ConfigDirGuard guard("settings");
  {
    test::UiHarness ui;
    CHECK(ui.app->theme() == app::Theme::Light);
    ui.app->SetTheme(app::Theme::Dark);
    ui.app->SetWindowSize(1280, 720);
    ui.app->OpenFiles({"/tmp/does-not-exist-a.csv", "/tmp/does-not-exist-b.csv"});
    ui.app->OpenFiles({"/tmp/does-not-exist-a.csv"});
  }
  test::UiHarness ui;
  CHECK(ui.app->theme() == app::Theme::Dark);
  CHECK(ui.app->settings().window_width == 1280);
  CHECK(ui.app->settings().window_height == 720);
  CHECK(ui.app->settings().recent_files ==
        std::vector<std::string>{"/tmp/does-not-exist-a.csv", "/tmp/does-not-exist-b.csv"});
}

TEST_CASE("a damaged settings file gives defaults and says why", "[ui]") {
  ConfigDirGuard guard("bad-settings");
  std::filesystem::create_directories(guard.dir);
  { std::ofstream(guard.dir / "settings.json") << "{\"theme\": 3"; }
  std::string error;
  const app::Settings s = app::LoadSettings((guard.dir / "settings.json").string(), error);
  CHECK(s == app::Settings{});
  CHECK(error.find("settings.json") != std::string::npos);
}

TEST_CASE("a disclosure threshold outside 5, 7 and 10 is refused, the default kept and the file named", "[ui]") {
  ConfigDirGuard guard("bad-threshold");
  std::filesystem::create_directories(guard.dir);
  const std::string path = (guard.dir / "settings.json").string();
  for (int bad : {0, 3, 6, 100}) {
    { std::ofstream(path) << "{\"theme\": \"dark\", \"disclosure_threshold\": " << bad << "}"; }
    std::string error;
    const app::Settings s = app::LoadSettings(path, error);
    CHECK(s.disclosure_threshold == 5);
    CHECK(error == path + ": disclosure threshold " + std::to_string(bad) + " is not allowed: use 5, 7 or 10; keeping 5");
  }
  { std::ofstream(path) << "{\"disclosure_threshold\": 10}"; }
  std::string error;
  CHECK(app::LoadSettings(path, error).disclosure_threshold == 10);
  CHECK(error.empty());
}
