#include "ui/explorer_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app_version.hpp"

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
    : m_fonts(fonts), m_scale(scale), m_loads(std::move(wake)) {
  ApplyTheme(m_theme, m_scale);
}

void ExplorerApp::SetTheme(Theme theme) {
  m_theme = theme;
  ApplyTheme(m_theme, m_scale);
}

void ExplorerApp::OpenFiles(const std::vector<std::string>& paths) {
  for (const auto& path : paths) m_loads.Start(path);
}

bool ExplorerApp::ShowingDemoData() const {
  const std::string demo = (std::filesystem::path(AssetsDir()) / "demo").string();
  return std::any_of(m_loads.loaded().begin(), m_loads.loaded().end(),
                     [&](const LoadedFile& f) { return f.path.rfind(demo, 0) == 0; });
}

void ExplorerApp::DrawMenuBar() {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open CSV...", "Ctrl+O")) m_open_popup = true;
    if (ImGui::MenuItem("Open demonstration data")) OpenFiles(DemoFiles());
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) m_quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Light theme", nullptr, m_theme == Theme::Light)) SetTheme(Theme::Light);
    if (ImGui::MenuItem("Dark theme", nullptr, m_theme == Theme::Dark)) SetTheme(Theme::Dark);
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void ExplorerApp::DrawOpenPopup() {
  if (m_open_popup) {
    ImGui::OpenPopup("Open CSV");
    m_open_popup = false;
  }
  if (!ImGui::BeginPopupModal("Open CSV", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted("Path of a CSV file (or drop files on the window):");
  char buffer[1024];
  std::snprintf(buffer, sizeof buffer, "%s", m_open_path.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 32);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  const bool enter = ImGui::InputText("##path", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
  m_open_path = buffer;
  if ((ImGui::Button("Open") || enter) && !m_open_path.empty()) {
    OpenFiles({m_open_path});
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void ExplorerApp::Frame() {
  m_loads.Poll();
  ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed('O')) m_open_popup = true;  // GLFW key codes are ASCII for letters
  if (io.KeyCtrl && ImGui::IsKeyPressed('Q')) m_quit = true;

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("CSC Explorer", nullptr, flags);
  DrawMenuBar();
  ImGui::PushFont(m_fonts.title);
  ImGui::TextUnformatted("CSC Explorer");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", VersionString());
  if (ShowingDemoData()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.25f, 0.0f, 1.0f));
    ImGui::PushFont(m_fonts.bold);
    ImGui::TextUnformatted("  SYNTHETIC DEMONSTRATION DATA - not real children");
    ImGui::PopFont();
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  DrawDataPanel(m_loads, m_data_panel);
  DrawOpenPopup();
  ImGui::End();
}

}  // namespace csc::app
