#include "views/file_browser.hpp"

#include <imgui.h>

#include <algorithm>

#include "util/text.hpp"

namespace csc::app {

namespace {

bool LooksTabular(const std::string& name) {
  const std::string lower = ToLower(name);
  // .xlsx: a workbook (Annex A); .xml: a CIN census return; .cscx: a snapshot (csc snapshot)
  for (std::string_view ext : {".csv", ".tsv", ".txt", ".xlsx", ".xml", ".cscx"})
    if (lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) return true;
  return false;
}

}  // namespace

void ListDirectory(FileBrowserState& state, const std::filesystem::path& directory) {
  namespace fs = std::filesystem;
  state.entries.clear();
  state.error.clear();
  std::error_code ec;
  state.directory = fs::absolute(directory, ec).lexically_normal();
  fs::directory_iterator it(state.directory, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    state.error = state.directory.string() + ": " + ec.message();
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files stay hidden
    std::error_code entry_ec;
    FileBrowserEntry e{name, it->is_directory(entry_ec), 0};
    if (!e.directory) e.bytes = it->file_size(entry_ec);
    if (!entry_ec) state.entries.push_back(std::move(e));
  }
  std::sort(state.entries.begin(), state.entries.end(), [](const FileBrowserEntry& a, const FileBrowserEntry& b) {
    return a.directory != b.directory ? a.directory : ToLower(a.name) < ToLower(b.name);
  });
}

std::vector<std::string> DrawFileBrowser(FileBrowserState& s, const std::vector<std::string>& recent) {
  if (s.directory.empty()) ListDirectory(s, std::filesystem::current_path());
  std::vector<std::string> open;
  const float font = ImGui::GetFontSize();
  if (ImGui::Button("Up")) ListDirectory(s, s.directory.parent_path());
  ImGui::SameLine();
  ImGui::TextUnformatted(s.directory.string().c_str());
  if (ImGui::Checkbox("Show all files", &s.all_files)) ListDirectory(s, s.directory);
  if (!s.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.error.c_str());
  ImGui::BeginChild("entries", ImVec2(font * 40, font * 18), true);
  std::filesystem::path enter;
  for (const auto& e : s.entries) {
    if (!e.directory && !s.all_files && !LooksTabular(e.name)) continue;
    const std::string full = (s.directory / e.name).string();
    if (e.directory) {
      if (ImGui::Selectable((e.name + "/").c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) enter = full;
      continue;
    }
    bool on = s.chosen.count(full) > 0;
    if (ImGui::Checkbox(e.name.c_str(), &on)) {
      if (on) s.chosen.insert(full);
      else s.chosen.erase(full);
    }
    ImGui::SameLine(font * 30);
    ImGui::TextDisabled("%s", FormatBytes(e.bytes).c_str());
  }
  ImGui::EndChild();
  if (!enter.empty()) ListDirectory(s, enter);
  if (!recent.empty() && ImGui::CollapsingHeader("Recent files", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const auto& path : recent)
      if (ImGui::Selectable(path.c_str())) open.push_back(path);
  }
  ImGui::SetNextItemWidth(font * 32);
  const bool enter_pressed =
      ImGui::InputTextWithHint("##typed", "or type a path", s.typed, sizeof s.typed, ImGuiInputTextFlags_EnterReturnsTrue);
  const std::string typed(Trim(s.typed));
  ImGui::BeginDisabled(s.chosen.empty() && typed.empty());
  const std::string label = s.chosen.empty() ? std::string("Open") : "Open " + std::to_string(s.chosen.size()) + " file" + (s.chosen.size() == 1 ? "" : "s");
  if (ImGui::Button(label.c_str()) || (enter_pressed && !typed.empty())) {
    open.insert(open.end(), s.chosen.begin(), s.chosen.end());
    if (!typed.empty()) open.push_back(typed);
  }
  ImGui::EndDisabled();
  if (!open.empty()) {
    s.chosen.clear();
    s.typed[0] = 0;
  }
  return open;
}

}  // namespace csc::app
