#include "views/mapping_dialog.hpp"

#include <imgui.h>

#include <filesystem>

#include "ui/item_probe.hpp"

namespace csc::app {

namespace {
constexpr DatasetKind kKinds[] = {DatasetKind::CpPlans, DatasetKind::LacEpisodes, DatasetKind::CmeReferrals,
                                  DatasetKind::MissingEpisodes, DatasetKind::Population};
constexpr const char* kKindWords[] = {"Child protection plans", "Looked-after episodes",
                                      "Children missing education referrals", "Missing episodes",
                                      "Population (0-17)"};

// The source column currently mapped to `target`, or "".
std::string SourceFor(const ColumnMapping& m, const std::string& target) {
  for (const auto& [source, canonical] : m.columns)
    if (canonical == target) return source;
  return "";
}
}  // namespace

void BeginMapping(MappingDialogState& s, const std::string& path, const std::vector<std::string>& header) {
  s.path = path;
  s.header = header;
  DatasetKind kind = GuessKind(header);
  if (kind == DatasetKind::Unknown || kind == DatasetKind::Benchmark) kind = DatasetKind::CpPlans;
  s.mapping = GuessMapping(header, kind);
  s.mapping.kind = kind;
  s.error.clear();
  s.open_requested = true;
}

bool DrawMappingDialog(MappingDialogState& s, const MappingStore* store) {
  if (s.open_requested) {
    ImGui::OpenPopup("Map columns");
    s.open_requested = false;
  }
  bool saved = false;
  if (!ImGui::BeginPopupModal("Map columns", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return false;
  ImGui::Text("%s is not a layout CSC Explorer knows. Say what it holds:", std::filesystem::path(s.path).filename().c_str());
  int kind = 0;
  for (int i = 0; i < IM_ARRAYSIZE(kKinds); ++i)
    if (kKinds[i] == s.mapping.kind) kind = i;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
  if (ImGui::Combo("##kind", &kind, kKindWords, IM_ARRAYSIZE(kKindWords))) {
    s.mapping = GuessMapping(s.header, kKinds[kind]);
    s.mapping.kind = kKinds[kind];
  }
  ImGui::Separator();
  if (ImGui::BeginTable("roles", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const CanonicalColumn& c : CanonicalLayout(s.mapping.kind)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(c.name.c_str());
      ImGui::TableNextColumn();
      const std::string current = SourceFor(s.mapping, c.name);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
      if (ImGui::BeginCombo(("##" + c.name).c_str(), current.empty() ? "(not in this file)" : current.c_str())) {
        if (ImGui::Selectable("(not in this file)", current.empty())) std::erase_if(s.mapping.columns, [&](const auto& kv) { return kv.second == c.name; });
        for (const auto& source : s.header)
          if (ImGui::Selectable(source.c_str(), source == current)) {
            std::erase_if(s.mapping.columns, [&](const auto& kv) { return kv.second == c.name; });
            s.mapping.columns[source] = c.name;
          }
        ImGui::EndCombo();
      }
    }
    ImGui::EndTable();
  }
  if (!s.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.error.c_str());
  ImGui::BeginDisabled(!store || s.mapping.columns.empty());
  const bool save = ImGui::Button("Save mapping and load");
  if (ItemProbeEnabled()) ProbeLastItem("button:save-mapping");
  if (save) {
    try {
      store->Save(s.header, s.mapping);
      saved = true;
      ImGui::CloseCurrentPopup();
    } catch (const std::exception& e) {
      s.error = e.what();
    }
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  if (store) ImGui::TextDisabled("Kept in %s for files with this header.", store->PathFor(s.header).c_str());
  ImGui::EndPopup();
  return saved;
}

}  // namespace csc::app
