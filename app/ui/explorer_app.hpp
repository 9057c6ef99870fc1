#pragma once
// The explorer's state and its frame: menu bar, data panel, status line. Independent of the
// window so UI tests can drive it with a bare ImGui context.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/fonts.hpp"
#include "ui/dataset_loads.hpp"
#include "ui/hover_state.hpp"
#include "ui/theme.hpp"
#include "query/query_service.hpp"
#include "views/data_panel.hpp"
#include "views/quality_panel.hpp"
#include "platform/chart_export.hpp"
#include "ui/board_pack_dialog.hpp"
#include "ui/saved_views.hpp"
#include "ui/screen_description.hpp"
#include "ui/settings.hpp"
#include "views/dashboard_panel.hpp"
#include "views/boundary_dialog.hpp"
#include "views/file_browser.hpp"
#include "views/help_window.hpp"
#include "views/mapping_dialog.hpp"
#include "views/query_panel.hpp"
#include "views/slicer_panel.hpp"

namespace csc::app {

class ExplorerApp {
 public:
  ExplorerApp(Fonts fonts, float scale, std::function<void()> wake);

  void OpenFiles(const std::vector<std::string>& paths);
  // Draws one frame into the current ImGui context (between NewFrame and Render).
  void Frame();
  // Loads still running: the main loop keeps redrawing for the progress bars.
  bool busy() const { return m_loads.busy() || m_build != nullptr; }
  const DatasetLoad& datasets() const { return m_datasets; }
  bool quit_requested() const { return m_quit; }
  Theme theme() const { return m_theme; }
  // `remember`: saved to settings (the View menu); --dark is for one run and is not.
  void SetTheme(Theme theme, bool remember = true);
  enum class Tab { Data, Query, Indicators };
  void ShowTab(Tab tab) { m_show_tab = tab; }
  // Presentation mode (F11, Esc leaves): full screen, large type, the query's chart alone,
  // analyst controls hidden, small counts withheld, the synthetic-data label kept.
  bool presenting() const { return m_presenting; }
  void SetPresenting(bool on) { m_presenting = on; }
  // The query tab starts on this table once it is loaded.
  void PreferTable(std::string name) { m_preferred_table = std::move(name); }
  // Saved views: the current query under a name, reopened later (presentation mode steps
  // through them with the arrow keys).
  SavedViews& saved_views() { return m_views; }
  const Settings& settings() const { return m_settings; }
  // PNG export needs the GL context, so the request waits for the frame loop, which calls
  // TakeChartExport() after rendering, runs it, and reports back.
  bool RequestChartExport(const std::string& path, bool for_publication);
  void SetExportForPublication(bool on) { m_export_for_publication = on; }
  std::optional<ChartExport> TakeChartExport();
  // Edit > Copy chart (Ctrl+C on the Query tab outside a text field): the chart as on screen
  // (publication-safe when "for publication" is ticked), at 1x, for the clipboard.
  bool RequestChartCopy();
  void ChartExportFinished(const std::string& path, bool ok, const std::string& error);
  const std::string& status() const { return m_status; }
  // Loads running (file, percent, time left), else the last completion ("loaded ..."):
  // shown in the header on every tab, not only on the Data tab.
  std::string LoadStatus() const;
  // The window's size, remembered for the next session.
  void SetWindowSize(int width, int height);
  bool SaveCurrentView(const std::string& name);
  void OpenView(const SavedView& view);
  int current_view() const { return m_current_view; }
  const DatasetLoads& loads() const { return m_loads; }
  const CatalogPtr& catalog() const { return m_catalog; }
  const SlicerPanelState& slicers() const { return m_slicers; }
  DashboardState& dashboard() { return m_dashboard; }
  MappingDialogState& mapping_dialog() { return m_mapping_dialog; }
  const DataPanelState& data_panel() const { return m_data_panel; }
  QueryPanelState& query_panel() { return m_query_panel; }
  const HoverState& hover() const { return m_hover; }
  QueryService& queries() { return m_queries; }
  const std::vector<std::string>& table_names() const { return m_table_names; }
  // What the last complete frame showed (tab, title, charts, tables): --describe writes it.
  const ScreenDescription& screen() const { return m_screen; }
  const HelpState& help() const { return m_help; }
  // File > Board pack; the frame loop writes a built pack with RunPendingBoardPack().
  BoardPackDialogState& board_pack() { return m_board_pack; }
  BoardPackContext board_pack_context() const;
  // File > Open ward boundaries: the user's own GeoJSON for the map.
  BoundaryDialogState& boundary_dialog() { return m_boundaries; }
  const std::shared_ptr<const CodeLabels>& labels() const { return m_labels; }
  int disclosure_threshold() const { return m_disclosure_threshold; }
  // True when the bundled synthetic demonstration data is on screen: it must say so.
  bool ShowingDemoData() const;

 private:
  void DrawFrame();
  void DrawMenuBar();
  void DrawOpenPopup();
  void RebuildCatalog();
  void PollCatalogBuild();
  void DrawHeader(bool large);
  void DrawPresentation();
  void DrawViewBar();
  const Table* CurrentTable() const;
  void DrawUnmappedFiles();
  void DrawUnknownCodes();
  void DrawExactFiguresBanner();
  void SaveSettings();

  Fonts m_fonts;
  float m_scale;
  DatasetLoads m_loads;
  DataPanelState m_data_panel;
  QualityPanelState m_quality_panel;
  QueryService m_queries;
  std::vector<std::string> m_table_names;  // catalog names of the loaded files
  QueryPanelState m_query_panel;
  Theme m_theme = Theme::Light;
  bool m_quit = false;
  bool m_open_popup = false;
  HelpState m_help;  // F1 and the Help menu
  std::optional<Tab> m_show_tab;
  std::string m_preferred_table;
  bool m_presenting = false;
  SavedViews m_views;
  Settings m_settings;
  std::optional<ChartExport> m_pending_export;
  bool m_export_for_publication = false;
  std::string m_settings_error;
  CatalogPtr m_catalog;
  std::function<void()> m_wake;
  std::shared_ptr<const MappingStore> m_mappings;
  std::unique_ptr<BackgroundTask<DatasetLoad>> m_build;
  bool m_rebuild_again = false;
  DatasetLoad m_datasets;
  std::string m_build_error;
  SlicerPanelState m_slicers;
  HoverState m_hover;  // the category under the mouse, highlighted in every view
  DashboardState m_dashboard;
  MappingDialogState m_mapping_dialog;
  int m_current_view = -1;
  char m_view_name[128] = "";
  std::string m_status;  // last export or save message
  std::string m_loaded_status;  // what the last finished loads brought in
  int m_disclosure_threshold = 5;
  std::shared_ptr<const CodeLabels> m_labels;  // null when the code list is not bundled
  FileBrowserState m_browser;
  BoardPackDialogState m_board_pack;
  BoundaryDialogState m_boundaries;
  ScreenDescription m_drawing, m_screen;  // being drawn this frame; the last frame's
};

// Where the bundled demonstration extract lives (CSC_ASSETS overrides), and its CSV files.
std::string AssetsDir();
std::vector<std::string> DemoFiles();

}  // namespace csc::app
