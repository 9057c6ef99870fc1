#pragma once
// The explorer's state and its frame: menu bar, data panel, status line. Independent of the
// window so UI tests can drive it with a bare ImGui context.
#include <functional>
#include <string>
#include <vector>

#include "platform/fonts.hpp"
#include "ui/dataset_loads.hpp"
#include "ui/theme.hpp"
#include "views/data_panel.hpp"

namespace csc::app {

class ExplorerApp {
 public:
  ExplorerApp(Fonts fonts, float scale, std::function<void()> wake);

  void OpenFiles(const std::vector<std::string>& paths);
  // Draws one frame into the current ImGui context (between NewFrame and Render).
  void Frame();
  // Loads still running: the main loop keeps redrawing for the progress bars.
  bool busy() const { return m_loads.busy(); }
  bool quit_requested() const { return m_quit; }
  Theme theme() const { return m_theme; }
  void SetTheme(Theme theme);
  const DatasetLoads& loads() const { return m_loads; }
  const DataPanelState& data_panel() const { return m_data_panel; }
  // True when the bundled synthetic demonstration data is on screen: it must say so.
  bool ShowingDemoData() const;

 private:
  void DrawMenuBar();
  void DrawOpenPopup();

  Fonts m_fonts;
  float m_scale;
  DatasetLoads m_loads;
  DataPanelState m_data_panel;
  Theme m_theme = Theme::Light;
  bool m_quit = false;
  bool m_open_popup = false;
  std::string m_open_path;
};

// Where the bundled demonstration extract lives (CSC_ASSETS overrides), and its CSV files.
std::string AssetsDir();
std::vector<std::string> DemoFiles();

}  // namespace csc::app
