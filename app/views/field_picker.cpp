#include "views/field_picker.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "ui/item_probe.hpp"
#include "util/text.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

namespace {

constexpr size_t kMaxDimensions = 3;  // the engine's limit (query.hpp)
constexpr size_t kMaxMeasures = 3;    // the chart draws the first; the table shows them all

std::string Join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
  return s;
}

// The grammar text without its ":topN" (ward:top10 is the ward field, fewer values).
std::string BaseOf(const std::string& dimension) {
  return ToLower(Trim(std::string_view(dimension).substr(0, dimension.find(':'))));
}

bool SameMeasure(const std::string& a, const std::string& b) {
  // Any ratio is the ratio choice: its filters are edited below the lists.
  if (ToLower(a).rfind("ratio", 0) == 0 && ToLower(b).rfind("ratio", 0) == 0) return true;
  return ToLower(Trim(a)) == ToLower(Trim(b));
}

// One list of a row of lists: `picked[slot]` or, past the end, an empty slot to add one.
// Returns true when the pick changed.
bool PickList(const char* kind, size_t slot, std::vector<std::string>& picked, const std::vector<FieldChoice>& choices,
              bool removable, std::string (*label_of)(std::string_view), bool (*same)(const std::string&, const std::string&)) {
  const bool adding = slot >= picked.size();
  const std::string preview = adding ? "(add)" : label_of(picked[slot]);
  const std::string id = std::string("picker:") + kind + ":" + std::to_string(slot);
  float widest = ImGui::CalcTextSize(preview.c_str()).x;
  for (const auto& c : choices) widest = std::max(widest, ImGui::CalcTextSize(c.label.c_str()).x);
  ImGui::SetNextItemWidth(std::min(widest, ImGui::GetFontSize() * 12) + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
  bool changed = false;
  const bool open = ImGui::BeginCombo(("##" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge);
  if (ItemProbeEnabled()) ProbeLastItem(id);
  if (!open) return false;
  if (!adding && removable) {
    if (ImGui::Selectable("(none)")) {
      picked.erase(picked.begin() + static_cast<std::ptrdiff_t>(slot));
      changed = true;
    }
    if (ItemProbeEnabled()) ProbeLastItem(id + ":none");
  }
  for (const FieldChoice& c : choices) {
    // A field already picked in another list is not offered twice.
    bool elsewhere = false;
    for (size_t i = 0; i < picked.size(); ++i) elsewhere = elsewhere || (i != slot && same(picked[i], c.text));
    if (elsewhere) continue;
    const bool current = !adding && same(picked[slot], c.text);
    if (ImGui::Selectable(c.label.c_str(), current) && !current) {
      if (adding) picked.push_back(c.text);
      else picked[slot] = c.text;
      changed = true;
    }
    if (ItemProbeEnabled()) ProbeLastItem(id + ":" + c.text);
  }
  ImGui::EndCombo();
  return changed;
}

bool SameDimension(const std::string& a, const std::string& b) { return BaseOf(a) == BaseOf(b); }
std::string DimensionWords(std::string_view d) { return DimensionLabel(d); }
std::string MeasureWords(std::string_view m) { return MeasureLabel(m); }

// A ratio's two sides as the analyst types them: "previous_plans 1.." over "" (all rows).
void DrawRatioSides(std::vector<std::string>& measures, QueryPanelState& s) {
  for (size_t i = 0; i < measures.size(); ++i) {
    std::string& m = measures[i];
    if (ToLower(m).rfind("ratio", 0) != 0) continue;
    const size_t open = m.find('('), close = m.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    const std::string prefix = m.substr(0, open);
    std::string inside = m.substr(open + 1, close - open - 1);
    const size_t slash = inside.find('/');
    std::string numerator(Trim(slash == std::string::npos ? inside : inside.substr(0, slash)));
    std::string denominator(Trim(slash == std::string::npos ? "" : inside.substr(slash + 1)));
    ImGui::PushID(static_cast<int>(i));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Ratio: rows where");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    bool edited = ImGui::InputTextWithHint("##numerator", "previous_plans 1..", &numerator);
    ImGui::SameLine();
    ImGui::TextDisabled("as a %% of rows where");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    edited |= ImGui::InputTextWithHint("##denominator", "(blank: all rows)", &denominator);
    ImGui::PopID();
    if (edited) {
      m = prefix + "(" + numerator + " / " + denominator + ")";
      SetPickedMeasures(s, measures);
    }
  }
}

}  // namespace

std::vector<std::string> PickedDimensions(const QueryPanelState& s) { return SplitTopLevel(s.by); }
std::vector<std::string> PickedMeasures(const QueryPanelState& s) { return SplitTopLevel(s.measure); }

void SetPickedDimensions(QueryPanelState& s, const std::vector<std::string>& dimensions) {
  std::snprintf(s.by, sizeof s.by, "%s", Join(dimensions).c_str());
}

void SetPickedMeasures(QueryPanelState& s, const std::vector<std::string>& measures) {
  std::snprintf(s.measure, sizeof s.measure, "%s", Join(measures).c_str());
}

void DrawFieldPicker(const Table* table, const std::string& command, QueryPanelState& s) {
  const float label_width = ImGui::GetFontSize() * 5;
  std::vector<FieldChoice> dimension_choices;
  if (table) dimension_choices = DimensionChoices(*table);
  ImGui::PushID("picker");
  std::vector<std::string> dims = PickedDimensions(s);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Group by");
  ImGui::SameLine(label_width);
  const size_t dim_slots = std::min(dims.size() + 1, kMaxDimensions);
  for (size_t i = 0; i < std::max(dim_slots, dims.size()); ++i) {
    if (i > 0) {
      ImGui::SameLine();
      ImGui::TextDisabled("then");
      ImGui::SameLine();
    }
    if (PickList("by", i, dims, dimension_choices, true, DimensionWords, SameDimension)) {
      SetPickedDimensions(s, dims);
      break;  // the lists after this one moved
    }
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The first grouping runs along the chart's axis, the second makes its series; "
                      "two or three make the cross-table (a third gives row groups)");
  std::vector<std::string> measures = PickedMeasures(s);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Measure");
  ImGui::SameLine(label_width);
  const size_t measure_slots = std::min(measures.size() + 1, kMaxMeasures);
  for (size_t i = 0; i < std::max(measure_slots, measures.size()); ++i) {
    if (i > 0) {
      ImGui::SameLine();
      ImGui::TextDisabled("and");
      ImGui::SameLine();
    }
    // The chart draws the first measure, so one is always picked.
    if (PickList("measure", i, measures, MeasureChoices(), measures.size() > 1, MeasureWords, SameMeasure)) {
      SetPickedMeasures(s, measures);
      break;
    }
  }
  DrawRatioSides(measures, s);
  // What the pick means, in the grammar: the same question typed at a shell.
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", command.c_str());
  ImGui::PopStyleColor();
  if (ItemProbeEnabled()) ProbeLastItem("picker:command");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The same question for the csc command (right-click to copy)");
  if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) ImGui::SetClipboardText(command.c_str());
  ImGui::PopID();
}

}  // namespace csc::app
