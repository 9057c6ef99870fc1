#include "views/help_window.hpp"

#include <imgui.h>

#include <exception>
#include <string>

#include "indicators/catalogue.hpp"
#include "query/field_labels.hpp"
#include "query/grammar_help.hpp"
#include "ui/item_probe.hpp"

namespace csc::app {

namespace {

struct Shortcut {
  const char* keys;
  const char* does;
};

constexpr Shortcut kShortcuts[] = {
    {"F1", "Open this help"},
    {"Ctrl+O", "Open files: CSV, .xlsx workbooks (Annex A), CIN census XML, snapshots (.cscx)"},
    {"Ctrl+Q", "Quit"},
    {"Ctrl+Z", "Undo the last change to the query tab's view (outside a text field; in one, undo typing)"},
    {"Ctrl+Shift+Z, Ctrl+Y", "Redo"},
    {"F11", "Presentation mode on or off"},
    {"Esc", "Leave presentation mode"},
    {"Left, Right", "In presentation mode: the previous or next saved view"},
    {"Click a bar or legend entry", "Filter the view to that category"},
    {"Ctrl+click bars", "Pick several categories; they become one filter when Ctrl is let go"},
    {"Right-click a legend entry", "Hide or show that series"},
    {"Click a table header", "Sort by that column; again for descending, a third time for the original order"},
};

void LoadCatalogueOnce(HelpState& s) {
  if (s.catalogue || !s.catalogue_error.empty()) return;
  try {
    s.catalogue = LoadCatalogue(DefaultCataloguePath());
  } catch (const std::exception& e) {
    s.catalogue_error = e.what();
  }
}

void DrawIndicators(HelpState& s) {
  LoadCatalogueOnce(s);
  if (!s.catalogue) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "The indicator catalogue could not be read: %s", s.catalogue_error.c_str());
    return;
  }
  ImGui::TextWrapped("From %s. Each indicator is a numerator over a denominator, both counted by the query engine "
                     "(the texts below are in the query grammar), or figures entered in the catalogue.",
                     s.catalogue->path.c_str());
  for (const Indicator& ind : s.catalogue->indicators) {
    ImGui::Separator();
    ImGui::Text("%s  %s (%s)", ind.ref.c_str(), ind.name.c_str(), csc::UnitName(ind.unit));
    const char* better = ind.polarity == Polarity::HigherIsBetter ? "higher is better"
                         : ind.polarity == Polarity::LowerIsBetter ? "lower is better"
                                                                   : "no better direction";
    ImGui::TextDisabled("%s", better);
    if (ind.numerator) ImGui::TextWrapped("Numerator: %s", ind.numerator->text.c_str());
    if (ind.denominator) ImGui::TextWrapped("Denominator: %s", ind.denominator->text.c_str());
    if (!ind.numerator && !ind.denominator) ImGui::TextWrapped("Entered figures (not counted from the loaded data).");
    if (!ind.notes.empty()) ImGui::TextWrapped("%s", ind.notes.c_str());
  }
}

}  // namespace

void DrawHelpWindow(HelpState& s) {
  if (!s.open) return;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 52, ImGui::GetFontSize() * 36), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Help", &s.open)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("Data: load CSV files and see every row loaded or rejected. Query: slice, group and measure a "
                     "dataset as a chart and a table. Indicators: the catalogue's indicators with targets and comparators.");
  if (ItemProbeEnabled()) ProbeLastItem("help:window");
  // Tabs, so every section's name is in view however long the grammar is.
  if (ImGui::BeginTabBar("help")) {
    if (ImGui::BeginTabItem("Query grammar")) {
      ImGui::TextWrapped("The query tab's fields take the clauses of csc query (Where: one filter a line).");
      const std::string_view grammar = QueryGrammarHelp();
      ImGui::TextUnformatted(grammar.data(), grammar.data() + grammar.size());
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Measures")) {
      for (const MeasureHelp& m : MeasureDefinitions()) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s: %s", m.name.c_str(), m.definition.c_str());
      }
      ImGui::Separator();
      // The names the field picker shows, beside the grammar's (the same table as csc query --help).
      const std::string fields = FieldLabelsHelp();
      ImGui::TextUnformatted(fields.c_str());
      ImGui::EndTabItem();
    }
    const bool indicators = ImGui::BeginTabItem("Indicators");
    if (ItemProbeEnabled()) ProbeLastItem("help:indicators");
    if (indicators) {
      DrawIndicators(s);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Keyboard shortcuts")) {
      if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const Shortcut& k : kShortcuts) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(k.keys);
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(k.does);
        }
        ImGui::EndTable();
      }
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Publication-safe")) {
      ImGui::TextWrapped(
          "Publication-safe means no figure shown lets a reader identify a child, even by subtracting one published "
          "table from another. Figures are protected by the cell-key method (as the ABS and ONS table builders): "
          "counts of 1 up to the threshold (5, 7 or 10: View > Withhold small counts in presentation) are shown as "
          "\"c\", other counts are adjusted by at most 3, the same way for the same children every time, and rates, "
          "shares, ratios, indicator values, what-ifs and funnel points are computed from the adjusted counts (or "
          "shown as c with them). Zeros are shown. Totals may not add. Presentation mode, publication exports and the "
          "indicators tab with \"publication-safe\" ticked are protected; the query tab shows exact figures, for "
          "analysts only. docs/DISCLOSURE.md says more.");
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace csc::app
