#include "views/boundary_dialog.hpp"

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "plot/map_chart.hpp"
#include "ui/item_probe.hpp"
#include "util/text.hpp"

namespace csc::app {

bool ReadBoundaryFile(BoundaryDialogState& s, const std::string& path) {
  s.error.clear();
  s.match.reset();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    s.error = path + ": cannot be read";
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    s.summary = SummariseGeoJson(buffer.str(), std::filesystem::path(path).filename().string());
  } catch (const std::exception& e) {
    s.error = e.what();
    return false;
  }
  s.text = buffer.str();
  s.path = path;
  const std::string guess = GuessNameProperty(s.summary);
  s.name_property = s.code_property = -1;
  for (size_t i = 0; i < s.summary.properties.size(); ++i) {
    const std::string& name = s.summary.properties[i].name;
    if (name == guess) s.name_property = static_cast<int>(i);
    // A code beside the name lets a data extract that holds codes match too.
    if (name.size() > 2 && EqualsIgnoreCase(std::string_view(name).substr(name.size() - 2), "CD") && s.code_property < 0)
      s.code_property = static_cast<int>(i);
  }
  return true;
}

bool UseChosenBoundaries(BoundaryDialogState& s, const std::vector<std::string>& data_wards) {
  s.error.clear();
  const auto& props = s.summary.properties;
  if (s.name_property < 0 || s.name_property >= static_cast<int>(props.size())) {
    s.error = "Choose the property that holds the ward name.";
    return false;
  }
  const std::string name = props[static_cast<size_t>(s.name_property)].name;
  // No code property: the name property stands in, so nothing else is matched by accident.
  const std::string code =
      s.code_property >= 0 && s.code_property < static_cast<int>(props.size()) ? props[static_cast<size_t>(s.code_property)].name : name;
  try {
    auto boundaries = std::make_shared<WardBoundaries>(
        ParseWardBoundaries(s.text, std::filesystem::path(s.path).filename().string(), name, code));
    s.match = MatchWards(*boundaries, data_wards);
    UseWardBoundaries({boundaries, "Ward boundaries: " + std::filesystem::path(s.path).filename().string() + " (" + name + ")"});
  } catch (const std::exception& e) {
    s.error = e.what();
    return false;
  }
  s.in_use = s.path;
  return true;
}

bool OpenBoundariesFromCommandLine(BoundaryDialogState& s, const std::string& path, const std::string& property) {
  if (!ReadBoundaryFile(s, path)) return false;
  if (property.empty()) {
    s.open_requested = true;
    return true;
  }
  for (size_t i = 0; i < s.summary.properties.size(); ++i)
    if (s.summary.properties[i].name == property) s.name_property = static_cast<int>(i);
  if (s.name_property < 0 || s.summary.properties[static_cast<size_t>(s.name_property)].name != property) {
    std::string names;
    for (const auto& p : s.summary.properties) names += (names.empty() ? "" : ", ") + p.name;
    s.error = path + ": no property '" + property + "' (it has: " + names + ")";
    return false;
  }
  s.use_when_loaded = true;
  return true;
}

std::vector<std::string> DataWards(const Catalog& catalog) {
  std::set<std::string> wards;
  for (const auto& entry : catalog.tables())
    for (size_t i = 0; i < entry.table->num_columns(); ++i) {
      if (!EqualsIgnoreCase(entry.table->column_name(i), "ward")) continue;
      const StringDictionary* dictionary = entry.table->column(i).dictionary();
      if (!dictionary) continue;
      for (uint32_t k = 0; k < dictionary->size(); ++k) wards.emplace(dictionary->Get(k));
    }
  return {wards.begin(), wards.end()};
}

namespace {

void DrawMatch(const WardMatch& m) {
  ImGui::Text("%zu of %zu wards in the data are on this map.", m.matched, m.matched + m.unmatched_data.size());
  if (!m.unmatched_data.empty()) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "Not on the map (shown in no region):");
    for (const auto& w : m.unmatched_data) ImGui::BulletText("%s", w.c_str());
  }
  if (!m.unmatched_map.empty()) {
    ImGui::TextDisabled("On the map but in no loaded data (drawn as none in this result):");
    for (const auto& w : m.unmatched_map) ImGui::BulletText("%s", w.c_str());
  }
}

void DrawProperties(BoundaryDialogState& s) {
  ImGui::Text("%s: %zu features. Which property holds the ward name?", std::filesystem::path(s.path).filename().c_str(),
              s.summary.features);
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("properties", 4, flags)) {
    ImGui::TableSetupColumn("ward name");
    ImGui::TableSetupColumn("property");
    ImGui::TableSetupColumn("sample values");
    ImGui::TableSetupColumn("distinct");
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < s.summary.properties.size(); ++i) {
      const GeoJsonProperty& p = s.summary.properties[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::RadioButton("##name", s.name_property == static_cast<int>(i))) s.name_property = static_cast<int>(i);
      if (ItemProbeEnabled()) ProbeLastItem("boundary:name:" + p.name);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.name.c_str());
      ImGui::TableNextColumn();
      std::string samples;
      for (const auto& v : p.samples) samples += (samples.empty() ? "" : ", ") + v;
      ImGui::TextUnformatted(samples.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu of %zu", p.distinct, s.summary.features);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  const char* code = s.code_property >= 0 ? s.summary.properties[static_cast<size_t>(s.code_property)].name.c_str() : "none";
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("ward code (optional)", code)) {
    if (ImGui::Selectable("none", s.code_property < 0)) s.code_property = -1;
    for (size_t i = 0; i < s.summary.properties.size(); ++i)
      if (ImGui::Selectable(s.summary.properties[i].name.c_str(), s.code_property == static_cast<int>(i)))
        s.code_property = static_cast<int>(i);
    ImGui::EndCombo();
  }
}

}  // namespace

void DrawBoundaryDialog(BoundaryDialogState& s, const Catalog* catalog) {
  if (s.use_when_loaded && catalog) {
    s.use_when_loaded = false;
    UseChosenBoundaries(s, DataWards(*catalog));
  }
  if (s.open_requested) {
    ImGui::OpenPopup("Ward boundaries");
    s.open_requested = false;
    s.browser.all_files = true;  // .geojson is not a table: show every file
  }
  if (!ImGui::BeginPopupModal("Ward boundaries", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (s.text.empty()) {
    ImGui::TextDisabled("Choose a GeoJSON file of ward polygons (longitude and latitude, a Feature per ward).");
    const std::vector<std::string> files = DrawFileBrowser(s.browser, {});
    if (!files.empty()) ReadBoundaryFile(s, files.front());
  } else {
    DrawProperties(s);
    ImGui::BeginDisabled(s.name_property < 0);
    if (ImGui::Button("Use for the map")) UseChosenBoundaries(s, catalog ? DataWards(*catalog) : std::vector<std::string>{});
    if (ItemProbeEnabled()) ProbeLastItem("boundary:use");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Choose another file")) {
      s.text.clear();
      s.match.reset();
      s.error.clear();
    }
    if (s.match) DrawMatch(*s.match);
  }
  if (!s.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.error.c_str());
  if (!s.in_use.empty()) {
    ImGui::TextDisabled("The map uses %s.", s.in_use.c_str());
    if (ImGui::Button("Back to the bundled Rotherham wards")) {
      UseWardBoundaries({});
      s.in_use.clear();
      s.match.reset();
    }
    ImGui::SameLine();
  }
  if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
  if (ItemProbeEnabled()) ProbeLastItem("boundary:close");
  ImGui::EndPopup();
}

}  // namespace csc::app
