#include "views/dashboard_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <filesystem>

#include "indicators/catalogue.hpp"
#include "indicators/user_catalogue.hpp"
#include "plot/chart_frame.hpp"
#include "plot/draw_chart.hpp"
#include "plot/palette.hpp"
#include "plot/small_charts.hpp"
#include "ui/item_probe.hpp"
#include "util/atomic_file.hpp"
#include "views/indicator_breakdown.hpp"
#include "views/indicator_trend.hpp"
#include "views/publication.hpp"
#include "views/neighbours_chart.hpp"
#include "views/task_poll.hpp"

namespace csc::app {

namespace {

ImVec4 RagColour(Rag rag) {
  switch (rag) {
    case Rag::Green: return ImVec4(0.0f, 0.62f, 0.45f, 1);   // Okabe-Ito bluish green
    case Rag::Amber: return ImVec4(0.90f, 0.62f, 0.0f, 1);   // orange
    case Rag::Red: return ImVec4(0.84f, 0.37f, 0.0f, 1);     // vermillion
    case Rag::None: break;
  }
  return ImVec4(0.6f, 0.6f, 0.6f, 1);
}

const KpiRow* SelectedRow(const DashboardState& s, size_t* index = nullptr) {
  if (!s.tiles) return nullptr;
  for (size_t i = 0; i < s.tiles->rows.size(); ++i)
    if (s.tiles->rows[i].indicator->id == s.selected) {
      if (index) *index = i;
      return &s.tiles->rows[i];
    }
  return nullptr;
}

// A direction arrow: up or down by the value's movement, coloured by whether that is better.
void DrawDirection(const KpiRow& row, float size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size, size));
  if (row.direction == Direction::None || !row.current.value || !row.previous.value) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 colour = ImGui::GetColorU32(row.direction == Direction::Improved ? RagColour(Rag::Green)
                                          : row.direction == Direction::Declined ? RagColour(Rag::Red)
                                                                                 : ImVec4(0.5f, 0.5f, 0.5f, 1));
  const float cx = p.x + size / 2, cy = p.y + size / 2, r = size * 0.4f;
  if (row.direction == Direction::Same) {
    draw->AddRectFilled(ImVec2(cx - r, cy - r * 0.2f), ImVec2(cx + r, cy + r * 0.2f), colour);
  } else if (*row.current.value > *row.previous.value) {
    draw->AddTriangleFilled(ImVec2(cx, cy - r), ImVec2(cx + r, cy + r), ImVec2(cx - r, cy + r), colour);
  } else {
    draw->AddTriangleFilled(ImVec2(cx - r, cy - r), ImVec2(cx + r, cy - r), ImVec2(cx, cy + r), colour);
  }
}

std::string Comparator(const Indicator& ind, std::optional<double> v) {
  return v ? FormatIndicatorValue(ind, v) : std::string("-");
}

bool DrawTile(const KpiRow& row, const std::vector<IndicatorValue>& series, bool selected, float w, float h) {
  const Indicator& ind = *row.indicator;
  ImGui::PushID(ind.id.c_str());
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(selected ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg));
  ImGui::BeginChild("tile", ImVec2(w, h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const ImVec2 p = ImGui::GetWindowPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p, ImVec2(p.x + 6, p.y + h), ImGui::GetColorU32(RagColour(row.rag)));
  if (selected) draw->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_Text), 0, 0, 2);
  ImGui::Indent(10);
  ImGui::TextDisabled("%s  %s", ind.ref.c_str(), row.rag == Rag::None ? "" : RagName(row.rag));
  ImGui::PushTextWrapPos(w - 8);
  ImGui::TextUnformatted(ind.name.c_str());
  ImGui::PopTextWrapPos();
  // The figures sit at the bottom whatever the name's length.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  ImGui::SetCursorPosY(h - line * 4.1f);
  ImGui::SetWindowFontScale(1.6f);
  ImGui::TextUnformatted(row.current.value ? FormatIndicatorValue(ind, row.current.value).c_str()
                         : row.current.withheld ? "c" : "-");
  ImGui::SetWindowFontScale(1.0f);
  ImGui::SameLine();
  DrawDirection(row, ImGui::GetFontSize() * 1.4f);
  ImGui::SameLine(w * 0.55f);
  std::vector<std::optional<double>> values;
  for (const auto& v : series) values.push_back(v.value);
  DrawSparkline(values, w * 0.4f, ImGui::GetFontSize() * 1.5f, ImGui::GetColorU32(ImGuiCol_Text));
  if (row.current.numerator && row.current.denominator && ind.unit != IndicatorUnit::Count)
    ImGui::TextDisabled("%s / %s", FormatNumber(row.current.numerator, 0).c_str(), FormatNumber(row.current.denominator, 0).c_str());
  else
    ImGui::TextDisabled("%s", row.current.entered ? "entered from the report" : row.current.withheld ? "c / c (withheld)" : " ");
  ImGui::TextDisabled("target %s  Eng %s  SN %s", Comparator(ind, row.comparators.target).c_str(),
                      Comparator(ind, row.comparators.england).c_str(), Comparator(ind, row.comparators.sn_mean).c_str());
  ImGui::Unindent(10);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (ItemProbeEnabled()) ProbeLastItem("tile:" + ind.id);
  const bool clicked = ImGui::IsItemHovered() && ImGui::IsMouseClicked(0);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: click for the trend, neighbours, what-if and wards", ind.ref.c_str());
  ImGui::PopID();
  return clicked;
}

void StartTiles(DashboardState& s, const std::function<void()>& wake) {
  const std::string year = s.years[static_cast<size_t>(s.year)];
  s.tiles_task = std::make_unique<BackgroundTask<DashboardData>>(
      [context = s.context, year, years = s.years](Progress&, const CancelToken&) {
        return BuildDashboard(*context, year, years);
      },
      wake);
}

void StartDetail(DashboardState& s, const Indicator& ind, const std::function<void()>& wake) {
  const std::string year = s.years[static_cast<size_t>(s.year)];
  s.detail.reset();
  s.breakdown_choices = BreakdownDimensions(ind, *s.context->data);
  bool offered = false;
  for (const auto& c : s.breakdown_choices) offered = offered || c.by == s.breakdown_by;
  if (!offered) s.breakdown_by = s.breakdown_choices.empty() ? "ward" : s.breakdown_choices.front().by;
  s.detail_task = std::make_unique<BackgroundTask<IndicatorDetail>>(
      [context = s.context, &ind, year](Progress&, const CancelToken&) { return BuildIndicatorDetail(*context, ind, year); },
      wake);
}

void DrawNeighbours(const KpiRow& row) {
  const auto& cmp = row.comparators.comparison;
  if (!cmp) {
    ImGui::TextDisabled("No DfE comparison for this indicator and year%s%s", row.comparators.note.empty() ? "" : ": ",
                        row.comparators.note.c_str());
    return;
  }
  const Indicator& ind = *row.indicator;
  ChartData c = NeighboursChart(row);
  DrawChart("neighbours", c, ChartKind::Ranking, ImGui::GetFontSize() * (4.6f + 1.5f * static_cast<float>(c.groups.size())));
  // With no better direction the rank is a position (highest first), with no band.
  const std::string band = row.rank.quartile ? std::string(", band ") + row.rank.quartile
                           : ind.polarity == Polarity::None ? std::string(" (highest first; neither direction is better)")
                                                            : std::string(", band -");
  ImGui::TextDisabled("SN mean %s, median %s (%d of %zu with data); rank %s of %d%s", Comparator(ind, cmp->sn_mean).c_str(),
                      Comparator(ind, cmp->sn_median).c_str(), cmp->sn_with_data, cmp->neighbours.size(),
                      row.rank.rank ? std::to_string(*row.rank.rank).c_str() : "-", row.rank.of, band.c_str());
}

void DrawWhatIf(DashboardState& s, const KpiRow& row, const std::function<void()>& wake) {
  const Indicator& ind = *row.indicator;
  if (!ind.numerator || !ind.denominator) {
    ImGui::TextDisabled("%s is entered from the report: a what-if needs its counts from the data.", ind.ref.c_str());
    return;
  }
  ImGui::TextUnformatted("What if...");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  ImGui::SliderInt("##change", &s.change, -100, 100, s.percent ? "%+d%%" : "%+d");
  ImGui::SameLine();
  ImGui::Checkbox("per cent", &s.percent);
  ImGui::SameLine();
  ImGui::Checkbox("change the denominator instead", &s.denominator);
  ImGui::Checkbox("the numerator's cases are also in the denominator", &s.with_denominator);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##slice", "only in a slice, e.g. latest_category in (NEG)", s.slice, sizeof s.slice);
  WhatIfChange change;
  change.part = s.denominator ? WhatIfPart::Denominator : WhatIfPart::Numerator;
  change.amount = s.change;
  change.percent = s.percent;
  change.slice = s.slice;
  change.with_denominator = s.with_denominator && !s.denominator;
  const std::string year = s.years[static_cast<size_t>(s.year)];
  const std::string key = ind.id + "|" + year + "|" + std::to_string(s.change) + "|" + std::to_string(s.percent) + "|" +
                          std::to_string(s.denominator) + "|" + std::to_string(change.with_denominator) + "|" + change.slice;
  if (key != s.whatif_key && !s.whatif_task) {  // latest wins: a newer key starts when this one ends
    s.whatif_key = key;
    s.whatif_error.clear();
    s.whatif_task = std::make_unique<BackgroundTask<WhatIfResult>>(
        [context = s.context, &ind, year, change](Progress&, const CancelToken&) {
          return RunWhatIf(*context->card, ind, year, {change});
        },
        wake);
  }
  Poll(s.whatif_task, s.whatif, &s.whatif_error);
  if (!s.whatif_error.empty()) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.whatif_error.c_str());
    return;
  }
  if (!s.whatif) return;
  const WhatIfResult& w = *s.whatif;
  if (w.published) ImGui::TextDisabled("From the published counts (the slice's too): %s.", kProtectedFootnote);
  ImGui::Text("%s -> %s   (%s / %s)", FormatIndicatorValue(ind, w.before.value).c_str(),
              FormatIndicatorValue(ind, w.after.value).c_str(), FormatNumber(w.after.numerator, 0).c_str(),
              FormatNumber(w.after.denominator, 0).c_str());
  ImGui::SameLine();
  ImGui::TextColored(RagColour(w.rag_after), "%s", RagName(w.rag_after));
  if (w.rank_after.rank)
    ImGui::Text("Rank %d of %d%s (was %s%s)", *w.rank_after.rank, w.rank_after.of,
                w.rank_after.quartile ? (std::string(", band ") + w.rank_after.quartile).c_str() : "",
                w.rank_before.rank ? std::to_string(*w.rank_before.rank).c_str() : "-",
                w.rank_before.quartile ? (std::string(", band ") + w.rank_before.quartile).c_str() : "");
  if (w.clamped) {
    // Without a slice the limit is the whole count (it cannot go below zero).
    const std::string n = FormatNumber(w.slice_count, 0);
    if (n.empty()) ImGui::TextDisabled("The change was limited: a count cannot go below zero.");
    else ImGui::TextDisabled("The slice has only %s: the change was limited to it.", n.c_str());
  }
  for (const Gap& gap : w.gaps) ImGui::BulletText("%s", GapSentence(ind, gap).c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint("##scenario", "name this scenario", s.scenario_name, sizeof s.scenario_name);
  ImGui::SameLine();
  ImGui::BeginDisabled(std::string(s.scenario_name).empty());
  const bool save = ImGui::Button("Save scenario");
  if (ItemProbeEnabled()) ProbeLastItem("button:save-scenario");
  if (save) {
    NamedScenario n{s.scenario_name, ind.id, year, {change}};
    std::erase_if(s.scenarios, [&](const NamedScenario& o) { return o.name == n.name; });
    s.scenarios.push_back(std::move(n));
    try {
      std::filesystem::create_directories(std::filesystem::path(s.scenarios_path).parent_path());
      SaveScenarios(s.scenarios_path, s.scenarios);
      s.scenario_status = "saved to " + s.scenarios_path;
    } catch (const std::exception& e) {
      s.scenario_status = e.what();
    }
    s.compare_stale = true;
  }
  ImGui::EndDisabled();
}

void DrawScenarios(DashboardState& s, const std::function<void()>& wake) {
  if (!s.scenario_status.empty()) ImGui::TextDisabled("%s", s.scenario_status.c_str());
  if (s.scenarios.empty()) {
    ImGui::TextDisabled("No saved scenarios: set a what-if, name it and save it to compare it here.");
    return;
  }
  if (s.compare_stale && !s.compare_task) {
    s.compare_stale = false;
    s.compare_task = std::make_unique<BackgroundTask<std::vector<ScenarioComparison>>>(
        [context = s.context, scenarios = s.scenarios](Progress&, const CancelToken&) {
          return CompareScenarios(*context->card, scenarios);
        },
        wake);
  }
  Poll(s.compare_task, s.comparison, &s.scenario_status);
  if (!s.comparison) return;
  if (ImGui::SmallButton("Export comparison CSV")) {
    try {
      const std::string path = s.exports_dir + "/scenarios.csv";
      std::filesystem::create_directories(s.exports_dir);
      WriteFileAtomically(path, ScenarioComparisonCsv(*s.comparison));
      s.scenario_status = "exported " + path;
    } catch (const std::exception& e) {
      s.scenario_status = e.what();
    }
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("scenarios", 7, flags)) return;
  for (const char* h : {"Scenario", "Indicator", "Year", "Before", "After", "Rank", "What it takes"}) ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  std::string remove;
  for (const auto& c : *s.comparison) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.name.c_str());
    if (ImGui::BeginPopupContextItem(c.name.c_str())) {
      if (ImGui::MenuItem("Delete")) remove = c.name;
      ImGui::EndPopup();
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.indicator.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.year.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%s %s", c.before.c_str(), c.rag_before.c_str());
    ImGui::TableNextColumn();
    if (!c.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", c.error.c_str());
    else ImGui::Text("%s %s", c.after.c_str(), c.rag_after.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.rank_after.c_str());
    ImGui::TableNextColumn();
    std::string gaps;
    for (const auto& g : c.gaps) gaps += (gaps.empty() ? "" : "; ") + g;
    ImGui::TextWrapped("%s", gaps.c_str());
  }
  ImGui::EndTable();
  if (!remove.empty()) {
    std::erase_if(s.scenarios, [&](const NamedScenario& o) { return o.name == remove; });
    try {
      SaveScenarios(s.scenarios_path, s.scenarios);
    } catch (const std::exception& e) {
      s.scenario_status = e.what();
    }
    s.compare_stale = true;
  }
}

// Wards of our LA, or every LA in England from the published counts, as a funnel.
void DrawFunnels(DashboardState& s, const KpiRow& row) {
  const Indicator& ind = *row.indicator;
  const float font = ImGui::GetFontSize();
  if (ImGui::RadioButton("wards", !s.la_funnel)) s.la_funnel = false;
  if (ItemProbeEnabled()) ProbeLastItem("funnel:wards");
  ImGui::SameLine();
  if (ImGui::RadioButton("LAs in England", s.la_funnel)) s.la_funnel = true;
  if (ItemProbeEnabled()) ProbeLastItem("funnel:las");
  if (!s.detail) {
    ImGui::TextDisabled("Computing...");
    return;
  }
  if (s.la_funnel) {
    const LaFunnel& f = s.detail->la_funnel;
    if (!f.note.empty()) {
      ImGui::TextDisabled("%s", f.note.c_str());
      return;
    }
    ImGui::TextDisabled("Published DfE counts (%s): %zu LAs with counts, suppressed ones left out; %s circled.",
                        f.source.c_str(), f.plot.points.size(), f.own.empty() ? "no figure for us" : f.own.c_str());
    DrawFunnelChart("la-funnel", f.plot, UnitScale(ind.unit), UnitName(ind.unit), "denominator (the LA's cases)",
                    font * 22, f.own);
    return;
  }
  if (!s.detail->error.empty()) ImGui::TextDisabled("%s", s.detail->error.c_str());
  else
    DrawFunnelChart("funnel", s.detail->funnel, UnitScale(ind.unit), UnitName(ind.unit), "denominator (cases or children)",
                    font * 16);
}

}  // namespace

void ReloadIndicators(DashboardState& s) {
  s.user_catalogue_error.clear();
  try {
    s.indicators = std::make_shared<const IndicatorCatalogue>(
        LoadCatalogues(s.catalogue_path, s.user_catalogue_path, &s.user_catalogue_error));
  } catch (const std::exception& e) {
    s.error = e.what();
  }
  // The tiles, detail and scenarios point into the old catalogue: recomputed from scratch on
  // the next frame, as for new data.
  s.data.reset();
}

void InitDashboard(DashboardState& s, const std::string& path, const std::string& user_path,
                   const std::string& scenarios_path, const std::string& exports_dir) {
  if (s.indicators || !s.error.empty()) return;
  s.catalogue_path = path;
  s.user_catalogue_path = user_path;
  ReloadIndicators(s);
  s.scenarios_path = scenarios_path;
  s.exports_dir = exports_dir;
  try {
    s.scenarios = LoadScenarios(scenarios_path);
  } catch (const std::exception& e) {
    s.scenario_status = e.what();  // a damaged file: shown, and not overwritten until saved
  }
}

bool DashboardBusy(const DashboardState& s) {
  return s.tiles_task || s.detail_task || s.breakdown_task || s.whatif_task || s.compare_task || s.form.preview_task;
}

static void DrawDashboardBody(DashboardState& s, const CatalogPtr& data, bool synthetic, const std::function<void()>& wake) {
  if (!s.error.empty()) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "Indicator catalogue: %s", s.error.c_str());
    return;
  }
  if (!s.indicators || !data) {
    ImGui::TextDisabled("Load the case-level datasets to see the indicators.");
    return;
  }
  // Publication asked for: the installation's key and the threshold make the scorecard's.
  std::optional<CountPublication> publishing;
  s.publish_error.clear();
  if (s.publish) {
    std::string error;
    if (const uint64_t* seed = CellKeySeed(error)) publishing = CountPublication{*seed, {s.threshold, 0}};
    else s.publish_error = "publication-safe figures are unavailable: " + error;
  }
  const bool republish = publishing.has_value() != s.publishing.has_value() ||
                         (publishing && s.publishing && (publishing->seed != s.publishing->seed ||
                                                         publishing->options.threshold != s.publishing->options.threshold));
  if (data != s.data || republish) {  // new data or publication: a new scorecard, years and tiles
    const bool new_data = data != s.data || s.years.empty();
    s.data = data;
    s.publishing = publishing;
    try {
      if (!s.benchmarks) s.benchmarks = std::make_shared<BenchmarkStore>(AssetsDir() + "/ees");
      ScorecardOptions options;
      options.benchmarks = s.benchmarks;
      options.publish = publishing;
      s.context = MakeScorecardContext(s.indicators, data, options);
    } catch (const std::exception& e) {
      s.error = e.what();
      return;
    }
    if (new_data) {  // publication ticked or not keeps the year the user chose
      s.years = FinancialYearsCovered(*data);
      if (s.years.empty()) s.years = {"2012-13"};
      s.year = static_cast<int>(s.years.size()) - 1;
      for (size_t i = 0; i < s.years.size(); ++i)
        if (s.years[i] == "2012-13") s.year = static_cast<int>(i);  // the report year, when the data has it
    }
    s.tiles.reset();
    s.tiles_task.reset();
    s.detail.reset();
    s.detail_task.reset();  // an answer from the old data would look current
    s.breakdown.reset();
    s.breakdown_task.reset();
    s.whatif.reset();
    s.whatif_key.clear();
    s.whatif_error.clear();
    s.whatif_task.reset();
    s.compare_stale = true;
    StartTiles(s, wake);
  }
  Poll(s.tiles_task, s.tiles, &s.error);
  Poll(s.detail_task, s.detail, &s.error);

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Year");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::BeginCombo("##year", s.years[static_cast<size_t>(s.year)].c_str())) {
    for (size_t i = 0; i < s.years.size(); ++i)
      if (ImGui::Selectable(s.years[i].c_str(), static_cast<int>(i) == s.year) && static_cast<int>(i) != s.year) {
        s.year = static_cast<int>(i);
        if (!s.tiles_task) StartTiles(s, wake);
        if (const KpiRow* row = SelectedRow(s)) StartDetail(s, *row->indicator, wake);
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("Add an indicator...")) s.form.open = true;
  if (ItemProbeEnabled()) ProbeLastItem("button:add-indicator");
  ImGui::SameLine();
  ImGui::Checkbox("publication-safe", &s.publish);
  if (ItemProbeEnabled()) ProbeLastItem("checkbox:publish-indicators");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Values, trends, what-ifs, breakdowns and ward funnels from published counts (cell-key method): "
                      "counts of 1 to %d withheld as c, others adjusted by a few",
                      s.threshold);
  if (s.publishing)
    ImGui::TextDisabled("Publication-safe: counts 1 to %d and figures resting on them shown as c, other counts perturbed; %s.",
                        s.publishing->options.threshold, kProtectedFootnote);
  if (!s.publish_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.publish_error.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("Targets and published comparators from the catalogue; England and statistical neighbours from the bundled DfE files.%s",
                      synthetic ? " Values computed from SYNTHETIC demonstration data." : "");
  if (!s.user_catalogue_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "Your indicators: %s", s.user_catalogue_error.c_str());
  if (!s.tiles) {
    ImGui::TextDisabled("Computing the indicators...");
    return;
  }
  if (s.tiles->year != s.years[static_cast<size_t>(s.year)] && !s.tiles_task) StartTiles(s, wake);
  const float font = ImGui::GetFontSize();
  const bool detail_open = SelectedRow(s) != nullptr;
  ImGui::BeginChild("tiles", ImVec2(detail_open ? font * 38 : 0, 0));
  const float tile_w = font * 18, tile_h = font * 9.6f;
  const int per_row = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + font * 0.5f) / (tile_w + font * 0.5f)));
  for (size_t i = 0; i < s.tiles->rows.size(); ++i) {
    if (i % static_cast<size_t>(per_row) != 0) ImGui::SameLine(0, font * 0.5f);
    const KpiRow& row = s.tiles->rows[i];
    if (DrawTile(row, s.tiles->series[i], row.indicator->id == s.selected, tile_w, tile_h)) {
      s.selected = row.indicator->id == s.selected ? "" : row.indicator->id;
      s.whatif.reset();
      s.whatif_key.clear();
      s.change = 0;
      if (!s.selected.empty()) StartDetail(s, *row.indicator, wake);
    }
  }
  ImGui::EndChild();
  size_t index = 0;
  const KpiRow* row = SelectedRow(s, &index);
  if (!row) return;
  // Selected without a click (--indicator, or the tiles recomputed): its detail starts here.
  if (!s.detail_task && (!s.detail || s.detail->id != row->indicator->id)) StartDetail(s, *row->indicator, wake);
  ImGui::SameLine();
  ImGui::BeginChild("detail", ImVec2(0, 0), true);
  ImGui::Text("%s: %s", row->indicator->ref.c_str(), row->indicator->name.c_str());
  ImGui::TextDisabled("%s is better; %s", PolarityName(row->indicator->polarity), UnitName(row->indicator->unit));
  DrawTrend(*row, s.tiles->series[index], s.tiles->comparators[index], s.tiles->years, s.tiles->sn_vintage);
  if (ImGui::CollapsingHeader("What if", ImGuiTreeNodeFlags_DefaultOpen)) DrawWhatIf(s, *row, wake);
  if (ImGui::CollapsingHeader("Scenarios, side by side")) DrawScenarios(s, wake);
  if (ImGui::CollapsingHeader("Statistical neighbours", ImGuiTreeNodeFlags_DefaultOpen)) DrawNeighbours(*row);
  if (ImGui::CollapsingHeader("Breakdown: which slice drives it", ImGuiTreeNodeFlags_DefaultOpen)) DrawBreakdown(s, *row, wake);
  if (ImGui::CollapsingHeader("Funnel plot", ImGuiTreeNodeFlags_DefaultOpen)) DrawFunnels(s, *row);
  ImGui::EndChild();
}

void DrawDashboard(DashboardState& s, const CatalogPtr& data, bool synthetic, const std::function<void()>& wake) {
  DrawDashboardBody(s, data, synthetic, wake);
  DrawIndicatorForm(s, wake);
}

}  // namespace csc::app
