#include "views/indicator_breakdown.hpp"

#include <imgui.h>

#include "ui/item_probe.hpp"
#include "views/task_poll.hpp"

namespace csc::app {

namespace {

void StartBreakdown(DashboardState& s, const Indicator& ind, const std::string& year, const std::function<void()>& wake) {
  s.breakdown_task = std::make_unique<BackgroundTask<BreakdownTable>>(
      [context = s.context, &ind, year, by = s.breakdown_by](Progress&, const CancelToken&) {
        const auto& publish = context->card->options().publish;
        return BuildBreakdownTable(ind, *context->data, year, by, publish ? &*publish : nullptr);
      },
      wake);
}

// Radio buttons that wrap onto a new line rather than run past the pane's edge.
void DrawChoices(DashboardState& s) {
  const float right = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("By");
  for (const auto& choice : s.breakdown_choices) {
    const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                    ImGui::CalcTextSize(choice.label.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    if (ImGui::RadioButton(choice.label.c_str(), s.breakdown_by == choice.by)) s.breakdown_by = choice.by;
    if (ItemProbeEnabled()) ProbeLastItem("breakdown:" + choice.by);
  }
}

}  // namespace

void DrawBreakdown(DashboardState& s, const KpiRow& row, const std::function<void()>& wake) {
  const Indicator& ind = *row.indicator;
  Poll(s.breakdown_task, s.breakdown);
  if (s.breakdown_choices.empty()) {
    ImGui::TextDisabled("%s has no case-level breakdown: its figures are entered, or its datasets are not loaded.",
                        ind.ref.c_str());
    return;
  }
  DrawChoices(s);
  const std::string& year = row.year;
  const bool current = s.breakdown && s.breakdown->id == ind.id && s.breakdown->year == year && s.breakdown->by == s.breakdown_by &&
                       s.breakdown->published == s.publishing.has_value();
  if (!current && !s.breakdown_task) StartBreakdown(s, ind, year, wake);  // latest wins: the next starts when this ends
  if (!s.breakdown || s.breakdown->id != ind.id) {
    ImGui::TextDisabled("Computing...");
    return;
  }
  const BreakdownTable& t = *s.breakdown;
  if (!t.error.empty()) {
    ImGui::TextWrapped("%s", t.error.c_str());
    return;
  }
  // Publishing, the wholes shown are published cells of their own, never sums of the slices.
  auto whole = [&](std::optional<double> published, double total) {
    return t.published ? (published ? FormatNumber(published, 0) : std::string("c")) : FormatNumber(total, 0);
  };
  ImGui::TextDisabled("%s %s by %s: %s of %s in %zu slices, most in the numerator first%s", ind.ref.c_str(), t.year.c_str(),
                      t.by.c_str(), whole(t.numerator_published, t.numerator_total).c_str(),
                      whole(t.denominator_published, t.denominator_total).c_str(), t.rows.size(), current ? "" : " (updating)");
  if (!t.note.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.84f, 0.37f, 0.0f, 1), "%s", t.note.c_str());
    ImGui::PopTextWrapPos();
  }
  const bool has_den = ind.denominator.has_value();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  const float rows_shown = std::min<float>(static_cast<float>(t.rows.size()) + 1.5f, 12.0f);
  if (!ImGui::BeginTable("breakdown", has_den ? 5 : 3, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * rows_shown)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(t.by.c_str(), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("numerator");
  if (has_den) {
    ImGui::TableSetupColumn("denominator");
    ImGui::TableSetupColumn(UnitName(ind.unit));
  }
  ImGui::TableSetupColumn("share of numerator");
  ImGui::TableHeadersRow();
  for (const BreakdownRow& r : t.rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.label.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.numerator_withheld ? "c" : FormatNumber(r.numerator, 0).c_str());
    if (has_den) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.denominator_withheld ? "c" : FormatNumber(r.denominator, 0).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.value ? FormatIndicatorValue(ind, r.value).c_str() : r.withheld() ? "c" : "-");
    }
    ImGui::TableNextColumn();
    // Publishing, a share is of the published whole (its own cell), and hidden with its count.
    const double of = t.published ? t.numerator_published.value_or(0) : t.numerator_total;
    if (r.numerator_withheld) ImGui::TextUnformatted("c");
    else if (of > 0) ImGui::Text("%.1f%%", 100.0 * r.numerator.value_or(0) / of);
  }
  ImGui::EndTable();
}

}  // namespace csc::app
