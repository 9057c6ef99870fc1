#include "ui/board_pack_dialog.hpp"

#include <imgui.h>

#include "indicators/dashboard.hpp"
#include "report/board_pack_pdf.hpp"
#include "ui/export_actions.hpp"
#include "ui/item_probe.hpp"
#include "views/publication.hpp"

namespace csc::app {

namespace {
std::string PathOf(const BoardPackDialogState& s) { return s.path.empty() ? ExportPath("board_pack", "pdf") : s.path; }
}  // namespace

std::vector<SavedView> ChosenViews(const BoardPackDialogState& s, const std::vector<SavedView>& views) {
  std::vector<SavedView> chosen;
  for (const auto& v : views)
    if (!s.left_out.count(v.name)) chosen.push_back(v);
  return chosen;
}

void StartBoardPack(BoardPackDialogState& s, const BoardPackContext& c) {
  if (!c.catalog || s.task) return;
  BoardPackOptions o;
  o.publication = s.publication;
  o.threshold = c.threshold;
  o.synthetic = c.synthetic;
  if (o.publication) {
    std::string error;
    const uint64_t* seed = CellKeySeed(error);
    if (!seed) {  // nothing is published without the installation's key
      s.status = "A publication-safe pack cannot be made: " + error;
      return;
    }
    o.seed = *seed;
  }
  const std::vector<std::string> years = FinancialYearsCovered(*c.catalog);
  if (s.year >= 0 && s.year < static_cast<int>(years.size())) o.year = years[static_cast<size_t>(s.year)];
  std::vector<SavedView> views = c.views ? ChosenViews(s, *c.views) : std::vector<SavedView>{};
  s.task_options = o;
  s.status = "Building the board pack...";
  s.task = std::make_unique<BackgroundTask<std::vector<BoardPackPage>>>(
      [catalog = c.catalog, labels = c.labels, views = std::move(views), o](Progress&, const CancelToken&) {
        return BuildBoardPack(*catalog, labels.get(), views, o);
      },
      c.wake);
}

void DrawBoardPackDialog(BoardPackDialogState& s, const BoardPackContext& c) {
  if (s.task && s.task->finished()) {
    if (s.task->state() == TaskState::Succeeded) s.ready = std::move(*s.task->TakeValue());
    else s.status = "The board pack could not be built: " + s.task->error();
    s.task.reset();
    if (c.wake) c.wake();  // the frame loop writes it after this frame
  }
  if (s.open_requested) {
    ImGui::OpenPopup("Board pack");
    s.open_requested = false;
  }
  if (!ImGui::BeginPopupModal("Board pack", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const std::vector<SavedView> none;
  const std::vector<SavedView>& views = c.views ? *c.views : none;
  ImGui::TextUnformatted("One PDF page per view: title, what is counted, chart, table, source and date.");
  if (views.empty()) {
    ImGui::TextWrapped("No saved views: the standard pack (CP plans at 31 March by category, their trend, the rate by "
                       "ward with the map, the indicator scorecard, an indicator's statistical neighbours).");
  } else {
    ImGui::TextDisabled("Views (untick to leave out; untick all for the standard pack):");
    for (const auto& v : views) {
      bool in = !s.left_out.count(v.name);
      if (ImGui::Checkbox(v.name.c_str(), &in)) {
        if (in) s.left_out.erase(v.name);
        else s.left_out.insert(v.name);
      }
    }
  }
  if (c.catalog && ChosenViews(s, views).empty()) {
    const std::vector<std::string> years = FinancialYearsCovered(*c.catalog);
    const int latest = static_cast<int>(years.size()) - 1;
    const int shown = s.year >= 0 && s.year <= latest ? s.year : latest;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("year of the standard pack", shown >= 0 ? years[static_cast<size_t>(shown)].c_str() : "none")) {
      for (int i = 0; i <= latest; ++i)
        if (ImGui::Selectable(years[static_cast<size_t>(i)].c_str(), i == shown)) s.year = i;
      ImGui::EndCombo();
    }
  }
  ImGui::Checkbox("publication-safe", &s.publication);
  if (ItemProbeEnabled()) ProbeLastItem("board_pack:publication");
  if (!s.publication)
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "Every page will say \"exact figures, not for publication\".");
  else
    ImGui::TextDisabled("Counts of 1 to %d and figures that would reveal them withheld (c), as presentation mode shows.",
                        c.threshold);
  char path[1024];
  std::snprintf(path, sizeof path, "%s", PathOf(s).c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
  if (ImGui::InputText("file", path, sizeof path)) s.path = path;
  const bool busy = s.task || s.ready;
  ImGui::BeginDisabled(busy || !c.catalog);
  if (ImGui::Button("Build")) StartBoardPack(s, c);
  if (ItemProbeEnabled()) ProbeLastItem("board_pack:build");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
  if (!c.catalog) ImGui::TextDisabled("Load data first.");
  if (!s.status.empty()) ImGui::TextWrapped("%s", s.status.c_str());
  ImGui::EndPopup();
}

bool RunPendingBoardPack(BoardPackDialogState& s) {
  if (!s.ready) return false;
  std::string error;
  const std::string path = PathOf(s);
  const int pages = WriteBoardPackPdf(*s.ready, s.task_options, path, error);
  s.ready.reset();
  if (pages > 0) {
    s.written = path;
    s.status = "Written " + path + " (" + std::to_string(pages) + (pages == 1 ? " page" : " pages") +
               (s.task_options.publication ? ", publication-safe)" : ", exact figures, not for publication)");
  } else {
    s.status = "The board pack could not be written: " + error;
  }
  return true;
}

}  // namespace csc::app
