#include "ui/explorer_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app_version.hpp"
#include "indicators/catalogue.hpp"
#include "query/row_ages.hpp"
#include "ui/export_actions.hpp"
#include "ui/item_probe.hpp"
#include "util/atomic_file.hpp"
#include "util/text.hpp"

namespace {
// GLFW key codes, as Debian's ImGui 1.86 GLFW backend indexes io.KeysDown (no GLFW include here).
constexpr int kKeyF1 = 290;
constexpr int kKeyF11 = 300;
constexpr int kKeyEscape = 256;
constexpr int kKeyRight = 262;
constexpr int kKeyLeft = 263;
}  // namespace

namespace csc::app {

std::string AssetsDir() {
  if (const char* env = std::getenv("CSC_ASSETS")) return env;
  return CSC_SOURCE_ASSETS_DIR;
}

namespace {
std::vector<std::string> CsvFilesIn(const std::filesystem::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".csv") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

std::vector<std::string> DemoFiles() {
  // The synthetic demonstration extract when bundled, else the DfE open data.
  auto files = CsvFilesIn(std::filesystem::path(AssetsDir()) / "demo");
  return files.empty() ? CsvFilesIn(std::filesystem::path(AssetsDir()) / "ees") : files;
}

ExplorerApp::ExplorerApp(Fonts fonts, float scale, std::function<void()> wake)
    : m_fonts(fonts), m_scale(scale), m_loads(wake), m_wake(wake) {
  try {
    m_mappings = std::make_shared<MappingStore>(MappingStore::DefaultDir());
  } catch (const std::exception&) {
    m_mappings.reset();  // mappings then are not remembered
  }
  m_settings = LoadSettings(SettingsPath(), m_settings_error);
  m_theme = m_settings.theme == "dark" ? Theme::Dark : Theme::Light;
  m_disclosure_threshold = m_settings.disclosure_threshold;
  ApplyTheme(m_theme, m_scale);
  m_queries.SetOnReady(wake);
  m_query_panel.references.wake = wake;
  m_views.Load();
  try {
    m_labels = CodeLabels::Load((std::filesystem::path(AssetsDir()) / "reference" / "code_lists.csv").string());
  } catch (const std::exception&) {
    m_labels.reset();  // codes then show as written
  }
}

void ExplorerApp::RebuildCatalog() {
  // Converting (SSDA903 joins, Annex A lists, mapped files) runs on a worker; a rebuild asked
  // for meanwhile runs when it finishes.
  if (m_build) {
    m_rebuild_again = true;
    return;
  }
  std::vector<SourceFile> files;
  for (const auto& file : m_loads.loaded())
    files.push_back({file.path, file.recognition, file.result, false, file.sheet_csv, file.snapshot, file.cin});
  std::vector<Dataset> prebuilt = m_loads.prebuilt();
  DatasetLoadOptions options;
  options.labels = m_labels;
  options.stop_on_error = false;
  m_build = std::make_unique<BackgroundTask<DatasetLoad>>(
      [files = std::move(files), prebuilt = std::move(prebuilt), options, store = m_mappings](Progress&,
                                                                                          const CancelToken&) mutable {
        options.store = store.get();
        DatasetLoad built = BuildDatasets(std::move(files), options, std::move(prebuilt));
        // Off the UI thread, so the first age query after loading does not pay for this.
        DeriveRowAgesAhead(*ToCatalog(built.datasets));
        return built;
      },
      m_wake);
}

void ExplorerApp::PollCatalogBuild() {
  if (!m_build || !m_build->finished()) return;
  if (m_build->state() == TaskState::Succeeded) {
    m_datasets = std::move(*m_build->TakeValue());
    auto catalog = std::const_pointer_cast<Catalog>(ToCatalog(m_datasets.datasets));
    m_table_names.clear();
    for (const auto& d : m_datasets.datasets) m_table_names.push_back(d.name);
    m_catalog = catalog;
    m_queries.SetCatalog(std::move(catalog));
    const auto preferred = std::find(m_table_names.begin(), m_table_names.end(), m_preferred_table);
    if (preferred != m_table_names.end()) m_query_panel.table = static_cast<int>(preferred - m_table_names.begin());
    m_build_error.clear();
  } else {
    m_build_error = "Preparing datasets failed: " + m_build->error();
  }
  m_build.reset();
  if (m_rebuild_again) {
    m_rebuild_again = false;
    RebuildCatalog();
  }
}

void ExplorerApp::SetTheme(Theme theme, bool remember) {
  m_theme = theme;
  ApplyTheme(m_theme, m_scale);
  if (!remember) return;
  m_settings.theme = theme == Theme::Dark ? "dark" : "light";
  SaveSettings();
}

void ExplorerApp::SaveSettings() {
  if (!app::SaveSettings(SettingsPath(), m_settings, m_settings_error)) m_status = m_settings_error;
}

void ExplorerApp::SetWindowSize(int width, int height) {
  if (width == m_settings.window_width && height == m_settings.window_height) return;
  m_settings.window_width = width;
  m_settings.window_height = height;
  SaveSettings();
}

void ExplorerApp::OpenFiles(const std::vector<std::string>& paths) {
  const std::string assets = std::filesystem::path(AssetsDir()).lexically_normal().string();
  bool remembered = false;
  for (const auto& path : paths) {
    LoadOptions options;
    options.keep_record_lines = true;  // the quality panel names each problem's line
    m_loads.Start(path, options);
    // The bundled data is always one click away; recent files are the user's own.
    const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
    if (absolute.rfind(assets, 0) != 0) m_settings.AddRecent(absolute), remembered = true;
  }
  if (remembered) SaveSettings();
}

std::string ExplorerApp::LoadStatus() const {
  std::string s;
  for (const LoadJob& job : m_loads.jobs()) {
    const double eta = job.EtaSeconds();
    s += (s.empty() ? "Loading " : ", ") + std::filesystem::path(job.path).filename().string() + " " +
         std::to_string(static_cast<int>(job.task->progress().Fraction() * 100)) + "%" +
         (eta >= 0 ? " (about " + std::to_string(static_cast<int>(eta + 0.5)) + " s left)" : "");
  }
  if (!s.empty()) return s;
  if (m_build) return "Preparing datasets...";
  return m_loaded_status;
}

bool ExplorerApp::ShowingDemoData() const {
  const std::string demo = (std::filesystem::path(AssetsDir()) / "demo").string();
  return std::any_of(m_loads.loaded().begin(), m_loads.loaded().end(),
                     [&](const LoadedFile& f) { return f.path.rfind(demo, 0) == 0; });
}

void ExplorerApp::DrawMenuBar() {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open files (CSV, workbook, snapshot)...", "Ctrl+O")) m_open_popup = true;
    if (ImGui::BeginMenu("Open recent", !m_settings.recent_files.empty())) {
      for (const auto& path : m_settings.recent_files)
        if (ImGui::MenuItem(path.c_str())) OpenFiles({path});
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Open demonstration data")) OpenFiles(DemoFiles());
    if (ImGui::MenuItem("Open ward boundaries (GeoJSON)...")) m_boundaries.open_requested = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Board pack (PDF)...", nullptr, false, m_catalog != nullptr)) m_board_pack.open_requested = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) m_quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Copy chart", "Ctrl+C", false, m_query_panel.live.status() == LiveStatus::Ready)) RequestChartCopy();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Light theme", nullptr, m_theme == Theme::Light)) SetTheme(Theme::Light);
    if (ImGui::MenuItem("Dark theme", nullptr, m_theme == Theme::Dark)) SetTheme(Theme::Dark);
    ImGui::Separator();
    if (ImGui::MenuItem("Presentation mode", "F11", m_presenting)) m_presenting = !m_presenting;
    if (ImGui::BeginMenu("Withhold small counts in presentation")) {
      for (int t : {5, 7, 10}) {
        const std::string label = "1 to " + std::to_string(t);
        if (ImGui::MenuItem(label.c_str(), nullptr, m_disclosure_threshold == t)) {
          m_disclosure_threshold = m_settings.disclosure_threshold = t;
          SaveSettings();
        }
      }
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Help", "F1", m_help.open)) m_help.open = !m_help.open;
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void ExplorerApp::DrawOpenPopup() {
  if (m_open_popup) {
    ImGui::OpenPopup("Open files");
    m_open_popup = false;
  }
  if (!ImGui::BeginPopupModal("Open files", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextDisabled("Tick one or more files (or drop files on the window). Each becomes a dataset.");
  const std::vector<std::string> files = DrawFileBrowser(m_browser, m_settings.recent_files);
  if (!files.empty()) {
    OpenFiles(files);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void ExplorerApp::DrawHeader(bool large) {
  if (!m_build_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_build_error.c_str());
  ImGui::PushFont(large ? m_fonts.large : m_fonts.title);
  ImGui::TextUnformatted("CSC Explorer");
  ImGui::PopFont();
  if (!large) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", VersionString());
    if (const std::string load = LoadStatus(); !load.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("  |  %s", load.c_str());
    }
  }
  if (ShowingDemoData()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.25f, 0.0f, 1.0f));
    ImGui::PushFont(large ? m_fonts.large : m_fonts.bold);
    ImGui::TextUnformatted("  SYNTHETIC DEMONSTRATION DATA - not real children");
    ImGui::PopFont();
    ImGui::PopStyleColor();
  }
}

bool ExplorerApp::RequestChartExport(const std::string& path, bool for_publication) {
  if (m_table_names.empty()) return false;
  const std::string table = m_table_names[static_cast<size_t>(m_query_panel.table) % m_table_names.size()];
  const ChartExportSource source{table, ShowingDemoData()};
  if (for_publication) {
    size_t hidden = 0;
    std::vector<std::vector<bool>> withheld;
    const auto safe = PublishedForChart(m_query_panel.published, m_disclosure_threshold, &hidden, &withheld);
    if (!safe || m_query_panel.published.live.status() != LiveStatus::Ready) return false;
    m_pending_export = MakeChartExport(*safe, m_query_panel, m_table_names, m_labels.get(), source,
                                       std::pair{m_disclosure_threshold, hidden}, path, &withheld);
  } else {
    // Only an answer to the query and data on screen is exported, never a stale one.
    if (m_query_panel.live.status() != LiveStatus::Ready) return false;
    m_pending_export =
        MakeChartExport(*m_query_panel.live.result(), m_query_panel, m_table_names, m_labels.get(), source, std::nullopt, path);
  }
  m_pending_export->dark = m_theme == Theme::Dark;
  return true;
}

bool ExplorerApp::RequestChartCopy() {
  if (!RequestChartExport("", m_export_for_publication)) {
    m_status = "nothing to copy: the chart has no answer yet";
    return false;
  }
  m_pending_export->to_clipboard = true;
  m_pending_export->scale = 1;  // one X request carries it; pasted into a paper at its own size
  return true;
}

std::optional<ChartExport> ExplorerApp::TakeChartExport() {
  auto e = std::move(m_pending_export);
  m_pending_export.reset();
  return e;
}

void ExplorerApp::ChartExportFinished(const std::string& path, bool ok, const std::string& error) {
  if (path.empty()) m_status = ok ? "copied the chart to the clipboard (PNG)" : "copy failed: " + error;
  else m_status = ok ? "exported " + path : "PNG export failed: " + error;
}

void ExplorerApp::DrawExactFiguresBanner() {
  // The analyst's views show exact counts; saying so keeps them off a public screen.
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.25f, 0.0f, 1.0f));
  ImGui::TextUnformatted("Exact figures, not publication-safe: use presentation mode (F11) or tick \"for publication\" "
                         "before showing or sharing them.");
  ImGui::PopStyleColor();
}

void ExplorerApp::DrawUnknownCodes() {
  // Codes the code lists do not know are kept in the data; the analyst sees them here.
  for (const Dataset& d : m_datasets.datasets) {
    if (d.UnknownCodeCount() == 0) continue;
    const std::string title = d.name + ": " + std::to_string(d.UnknownCodeCount()) + " values with unknown codes (kept)";
    if (!ImGui::TreeNode(title.c_str())) continue;
    for (const UnknownCodes& u : d.unknown_codes)
      for (const auto& [code, rows] : u.counts) ImGui::BulletText("%s = '%s': %zu rows", u.column.c_str(), code.c_str(), rows);
    ImGui::TreePop();
  }
}

void ExplorerApp::DrawUnmappedFiles() {
  // Files no recogniser knows and no saved mapping covered: one click to map them.
  for (const SourceFile& f : m_datasets.files) {
    if (f.recognition.format != SourceFormat::Unrecognised) continue;
    ImGui::PushID(f.path.c_str());
    ImGui::TextColored(ImVec4(0.8f, 0.35f, 0.0f, 1), "%s: not a known layout; it is queryable as it stands.",
                       std::filesystem::path(f.path).filename().c_str());
    ImGui::SameLine();
    const bool map = ImGui::SmallButton("Map columns...");
    if (ItemProbeEnabled()) ProbeLastItem("button:map:" + f.path);
    if (map) BeginMapping(m_mapping_dialog, f.path, f.load.table->column_names());
    ImGui::PopID();
  }
}

const Table* ExplorerApp::CurrentTable() const {
  if (!m_catalog || m_table_names.empty()) return nullptr;
  return m_catalog->Find(m_table_names[static_cast<size_t>(m_query_panel.table) % m_table_names.size()]);
}

bool ExplorerApp::SaveCurrentView(const std::string& name) {
  const auto& q = m_query_panel;
  SavedView v;
  v.name = name;
  v.table = m_table_names.empty() ? "" : m_table_names[static_cast<size_t>(q.table) % m_table_names.size()];
  for (std::string_view line : Split(q.where, '\n'))
    if (!Trim(line).empty()) v.where.emplace_back(Trim(line));
  v.period = q.period;
  v.count = q.count;
  v.by = q.by;
  v.measure = q.measure;
  v.chart = ChartKindName(q.chart);
  v.link = std::string(Trim(q.link));
  v.compare = q.compare_on;
  v.compare_base = q.compare_base;
  v.compare_current = q.compare_current;
  v.notes = q.notes;
  v.reference_indicator = q.reference_indicator;
  const bool ok = m_views.Put(v);
  m_status = ok ? "saved view '" + name + "' to " + m_views.path() : m_views.error();
  return ok;
}

void ExplorerApp::OpenView(const SavedView& v) {
  auto& q = m_query_panel;
  q.started = true;
  auto fill = [](char* buffer, size_t size, const std::string& text) { std::snprintf(buffer, size, "%s", text.c_str()); };
  std::string where;
  for (const auto& w : v.where) where += w + "\n";
  q.where = where;
  fill(q.period, sizeof q.period, v.period);
  fill(q.count, sizeof q.count, v.count);
  fill(q.by, sizeof q.by, v.by);
  fill(q.measure, sizeof q.measure, v.measure);
  q.chart = ParseChartKind(v.chart);
  fill(q.link, sizeof q.link, v.link);
  q.compare_on = v.compare;
  q.compare_base = v.compare_base;
  q.compare_current = v.compare_current;
  q.notes = v.notes;
  q.reference_indicator = v.reference_indicator;
  const auto table = std::find(m_table_names.begin(), m_table_names.end(), v.table);
  if (table != m_table_names.end()) q.table = static_cast<int>(table - m_table_names.begin());
  else m_preferred_table = v.table;
  for (size_t i = 0; i < m_views.views().size(); ++i)
    if (m_views.views()[i].name == v.name) m_current_view = static_cast<int>(i);
}

void ExplorerApp::DrawViewBar() {
  const auto& views = m_views.views();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("View");
  ImGui::SameLine(ImGui::GetFontSize() * 5);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  const char* current = m_current_view >= 0 && m_current_view < static_cast<int>(views.size())
                            ? views[static_cast<size_t>(m_current_view)].name.c_str()
                            : "(unsaved)";
  if (ImGui::BeginCombo("##views", current)) {
    for (size_t i = 0; i < views.size(); ++i)
      if (ImGui::Selectable(views[i].name.c_str(), static_cast<int>(i) == m_current_view)) OpenView(views[i]);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  ImGui::InputTextWithHint("##view_name", "name this view", m_view_name, sizeof m_view_name);
  ImGui::SameLine();
  ImGui::BeginDisabled(Trim(m_view_name).empty());
  if (ImGui::Button("Save view")) SaveCurrentView(std::string(Trim(m_view_name)));
  ImGui::EndDisabled();
  ImGui::SameLine();
  // Publication exports need the disclosure-controlled answer, asked for while ticked.
  if (m_export_for_publication)
    SubmitPublished(m_queries, kPresentationCaller, PanelQueryText(m_table_names, m_query_panel), m_query_panel.published);
  const bool ready = m_export_for_publication ? m_query_panel.published.live.status() == LiveStatus::Ready
                                              : m_query_panel.live.status() == LiveStatus::Ready;
  ImGui::BeginDisabled(!ready);
  const std::string name(Trim(m_view_name));
  if (ImGui::Button("Export CSV")) {
    try {
      const std::string table = m_table_names[static_cast<size_t>(m_query_panel.table) % m_table_names.size()];
      const std::string data = table + (ShowingDemoData() ? " (SYNTHETIC demonstration data)" : "") + ", data generation " +
                               std::to_string(m_queries.generation());
      const std::string header =
          CsvProvenance(DescribeQuery(m_table_names, m_query_panel), data, m_export_for_publication ? m_disclosure_threshold : 0) +
          (m_query_panel.live.result() ? CsvNoteLines(*m_query_panel.live.result(), m_query_panel, m_labels.get()) : "");
      // Two periods compared export as the comparison the table shows.
      const auto comparison = ComparisonCsv(m_query_panel, m_export_for_publication, m_disclosure_threshold);
      m_status = "exported " + ExportCsvText(header + (comparison                 ? *comparison
                                                       : m_export_for_publication ? PublishedCsv(m_query_panel.published, m_disclosure_threshold)
                                                                                  : FormatResultCsv(*m_query_panel.live.result())),
                                             name);
    } catch (const std::exception& e) {
      m_status = e.what();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Export PNG")) RequestChartExport(ExportPath(name, "png"), m_export_for_publication);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::Checkbox("for publication", &m_export_for_publication);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Export with disclosure control: counts of 1 to %d and figures that would reveal them withheld",
                      m_disclosure_threshold);
  if (!m_status.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m_status.c_str());
  }
  if (!m_views.error().empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_views.error().c_str());
}

void ExplorerApp::DrawPresentation() {
  // Arrow keys step through the saved views, as slides.
  const auto& views = m_views.views();
  if (!views.empty()) {
    const int n = static_cast<int>(views.size());
    if (ImGui::IsKeyPressed(kKeyRight)) OpenView(views[static_cast<size_t>((m_current_view + 1 + n) % n)]);
    if (ImGui::IsKeyPressed(kKeyLeft)) OpenView(views[static_cast<size_t>((m_current_view - 1 + 2 * n) % n)]);
  }
  DrawHeader(true);
  if (m_current_view >= 0 && m_current_view < static_cast<int>(views.size())) {
    ImGui::PushFont(m_fonts.large);
    ImGui::TextUnformatted(views[static_cast<size_t>(m_current_view)].name.c_str());
    ImGui::PopFont();
  }
  ImGui::Separator();
  ImGui::PushFont(m_fonts.large);
  m_drawing.tab = "presentation";
  DrawQueryPresentation(m_queries, m_table_names, m_labels.get(), m_query_panel, m_disclosure_threshold, &m_drawing);
  if (m_current_view >= 0 && m_current_view < static_cast<int>(views.size()))
    m_drawing.title = views[static_cast<size_t>(m_current_view)].name;
  ImGui::PopFont();
}

BoardPackContext ExplorerApp::board_pack_context() const {
  return {m_catalog, m_labels, &m_views.views(), m_disclosure_threshold, ShowingDemoData(), m_wake};
}

void ExplorerApp::Frame() {
  m_drawing = ScreenDescription{};
  DrawFrame();
  m_screen = std::move(m_drawing);  // complete: what this frame shows
}

void ExplorerApp::DrawFrame() {
  ClearItemProbe();
  m_hover.BeginFrame();
  if (m_loads.Poll()) {
    RebuildCatalog();
    m_loaded_status.clear();
    for (const LoadedFile& f : m_loads.loaded())
      m_loaded_status += (m_loaded_status.empty() ? "Loaded " : ", ") + std::filesystem::path(f.path).filename().string() +
                         " (" + WithThousands(static_cast<long long>(f.result.report.rows_loaded)) + " rows)";
    if (!m_loads.failures().empty())
      m_loaded_status += (m_loaded_status.empty() ? "" : "; ") + std::to_string(m_loads.failures().size()) +
                         " file(s) failed: see the Data tab";
  }
  PollCatalogBuild();
  ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed('O')) m_open_popup = true;  // GLFW key codes are ASCII for letters
  if (io.KeyCtrl && ImGui::IsKeyPressed('Q')) m_quit = true;
  if (ImGui::IsKeyPressed(kKeyF1, false)) m_help.open = !m_help.open;

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::IsKeyPressed(kKeyF11)) m_presenting = !m_presenting;
  if (m_presenting && ImGui::IsKeyPressed(kKeyEscape)) m_presenting = false;
  if (m_presenting) {
    ImGui::Begin("CSC Explorer", nullptr, flags & ~ImGuiWindowFlags_MenuBar);
    DrawPresentation();
    ImGui::End();
    return;
  }
  ImGui::Begin("CSC Explorer", nullptr, flags);
  DrawMenuBar();
  DrawHeader(false);
  ImGui::Separator();
  if (ImGui::BeginTabBar("main")) {
    auto flags_for = [&](Tab tab) {
      return m_show_tab == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (ImGui::BeginTabItem("Data", nullptr, flags_for(Tab::Data))) {
      m_drawing.tab = "data";
      DrawUnmappedFiles();
      DrawUnknownCodes();
      DrawQualityPanel(m_datasets.datasets, m_quality_panel);
      DrawDataPanel(m_loads, m_data_panel);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Query", nullptr, flags_for(Tab::Query))) {
      DrawExactFiguresBanner();
      DrawViewBar();
      const Table* table = CurrentTable();
      ApplyStartingQuestion(table, m_query_panel);
      TrackViewHistory(m_query_panel);  // before the submit, so an undo is asked this frame
      // The chart's query goes to the service before the slicers' counts.
      SubmitQuery(m_queries, m_table_names, m_query_panel);
      ImGui::BeginChild("slicers", ImVec2(ImGui::GetFontSize() * 19, 0), true);
      DrawSlicerPanel(m_queries, m_table_names, table, m_labels.get(), m_query_panel, m_slicers);
      ImGui::EndChild();
      ImGui::SameLine();
      ImGui::BeginChild("results", ImVec2(0, 0), false);
      m_drawing.tab = "query";
      DrawQueryPanel(m_queries, m_table_names, table, m_labels.get(), m_query_panel, m_hover, &m_drawing);
      // Ctrl+C copies text in a text field; elsewhere on this tab it copies the chart.
      if (io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed('C', false)) RequestChartCopy();
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Indicators", nullptr, flags_for(Tab::Indicators))) {
      m_drawing.tab = "indicators";
      DrawExactFiguresBanner();
      InitDashboard(m_dashboard, DefaultCataloguePath(), ConfigDir() + "/indicators.json", ConfigDir() + "/scenarios.json",
                    ConfigDir() + "/exports");
      m_dashboard.threshold = m_disclosure_threshold;  // View > Withhold small counts, as presentation mode
      DrawDashboard(m_dashboard, m_catalog, ShowingDemoData(), m_wake);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
    m_show_tab.reset();
  }
  DrawOpenPopup();
  DrawBoardPackDialog(m_board_pack, board_pack_context());
  DrawBoundaryDialog(m_boundaries, m_catalog.get());
  DrawHelpWindow(m_help);
  if (DrawMappingDialog(m_mapping_dialog, m_mappings.get())) RebuildCatalog();
  ImGui::End();
  // The highlight is what was hovered last frame: when that changed, draw again at once.
  if (m_hover.NeedsFrame() && m_wake) m_wake();
}

}  // namespace csc::app
