#include "views/reference_lines.hpp"

#include <imgui.h>

#include <cmath>

#include "indicators/benchmarks.hpp"
#include "indicators/catalogue.hpp"
#include "indicators/dashboard.hpp"
#include "indicators/query_command.hpp"
#include "indicators/scorecard.hpp"
#include "ui/item_probe.hpp"
#include "views/query_panel.hpp"

namespace csc::app {

namespace {

void LoadIndicatorsOnce(ReferenceLinesState& s) {
  if (s.indicators || !s.error.empty()) return;
  try {
    s.indicators = std::make_shared<const IndicatorCatalogue>(LoadCatalogue(DefaultCataloguePath()));
  } catch (const std::exception& e) {
    s.error = e.what();
  }
}

std::string KeyOf(const std::string& id, const std::vector<std::string>& years) {
  std::string key = id;
  for (const auto& y : years) key += "|" + y;
  return key;
}

// Takes a finished answer and asks for the one wanted now, if it is not the one held.
void Refresh(ReferenceLinesState& s, const std::string& id, const std::vector<std::string>& years,
             const std::function<void()>& wake) {
  if (s.task && s.task->finished()) {
    if (s.task->state() == TaskState::Succeeded) s.answer = s.task->TakeValue();
    else s.answer = ReferenceLinesAnswer{s.task_key, {}, "reference lines: " + s.task->error()};
    s.task.reset();
  }
  const std::string key = KeyOf(id, years);
  if ((s.answer && s.answer->key == key) || (s.task && s.task_key == key)) return;
  if (!s.indicators) return;
  if (!s.benchmarks) s.benchmarks = std::make_shared<BenchmarkStore>(csc::AssetsDir() + "/ees");
  s.task_key = key;
  s.task = std::make_unique<BackgroundTask<ReferenceLinesAnswer>>(
      [indicators = s.indicators, id, years, store = s.benchmarks](Progress&, const CancelToken&) {
        return ComputeReferenceLines(*indicators, id, years, store);
      },
      wake);
}

void Apply(ReferenceLinesState& s, const QueryPanelState& q, ChartData& chart, const std::function<void()>& wake) {
  if (q.reference_indicator.empty()) return;
  const std::vector<std::string> years = FinancialYearGroups(chart);
  if (years.empty()) return;
  LoadIndicatorsOnce(s);
  Refresh(s, q.reference_indicator, years, wake);
  if (s.answer && s.answer->key == KeyOf(q.reference_indicator, years)) chart.references = s.answer->lines;
}

}  // namespace

std::vector<std::string> FinancialYearGroups(const ChartData& chart) {
  for (const auto& g : chart.groups) {
    try {
      FinancialYearStart(g);
    } catch (const std::exception&) {
      return {};
    }
  }
  return chart.groups;
}

ReferenceLinesAnswer ComputeReferenceLines(const IndicatorCatalogue& indicators, const std::string& id,
                                           const std::vector<std::string>& years, std::shared_ptr<BenchmarkStore> benchmarks) {
  ReferenceLinesAnswer out;
  out.key = KeyOf(id, years);
  const Indicator* ind = indicators.Find(id);
  if (!ind) {
    out.note = "no indicator '" + id + "' in the catalogue";
    return out;
  }
  const Catalog no_data;  // comparators and targets come from files and the catalogue, not the data
  ScorecardOptions options;
  options.benchmarks = std::move(benchmarks);
  Scorecard card(indicators, no_data, options);
  const std::vector<ComparatorPoint> points = ComparatorSeries(card, *ind, years);
  ReferenceLine target{ind->ref + " target", {}}, england{"England", {}}, sn{"SN mean (" + options.sn_vintage + ")", {}};
  bool any_target = false, any_england = false, any_sn = false;
  for (size_t y = 0; y < years.size(); ++y) {
    const auto t = ind->targets.find(years[y]);
    target.values.push_back(t == ind->targets.end() ? std::nan("") : t->second);
    any_target |= t != ind->targets.end();
    const ComparatorPoint p = y < points.size() ? points[y] : ComparatorPoint{};
    england.values.push_back(p.england ? *p.england : std::nan(""));
    sn.values.push_back(p.sn_mean ? *p.sn_mean : std::nan(""));
    any_england |= p.england.has_value();
    any_sn |= p.sn_mean.has_value();
  }
  // A line only where the indicator has figures: an empty one would suggest a figure exists.
  if (any_target) out.lines.push_back(std::move(target));
  if (any_england) out.lines.push_back(std::move(england));
  if (any_sn) out.lines.push_back(std::move(sn));
  if (out.lines.empty()) out.note = ind->ref + " has no target, England or SN figures for these years";
  return out;
}

void ApplyReferenceLines(ReferenceLinesState& s, const QueryPanelState& q, ChartData& chart) { Apply(s, q, chart, s.wake); }

std::vector<ReferenceLine> ReadyReferenceLines(const ReferenceLinesState& s, const QueryPanelState& q, const ChartData& chart) {
  const std::vector<std::string> years = FinancialYearGroups(chart);
  if (q.reference_indicator.empty() || years.empty() || !s.answer || s.answer->key != KeyOf(q.reference_indicator, years)) return {};
  return s.answer->lines;
}

void DrawReferenceLines(ReferenceLinesState& s, QueryPanelState& q, ChartData& chart) {
  if (FinancialYearGroups(chart).empty()) return;  // lines are per financial year
  LoadIndicatorsOnce(s);
  if (!s.indicators) {
    if (!s.error.empty()) ImGui::TextDisabled("Reference lines: %s", s.error.c_str());
    return;
  }
  const Indicator* picked = q.reference_indicator.empty() ? nullptr : s.indicators->Find(q.reference_indicator);
  const std::string preview = picked ? picked->ref + " " + picked->name : q.reference_indicator.empty() ? "(none)" : q.reference_indicator;
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Reference lines");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
  const bool open = ImGui::BeginCombo("##reflines", preview.c_str(), ImGuiComboFlags_HeightLarge);
  if (ItemProbeEnabled()) ProbeLastItem("reflines");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Target, England and SN mean of the indicator this trend measures, per year");
  if (open) {
    if (ImGui::Selectable("(none)", q.reference_indicator.empty())) q.reference_indicator.clear();
    if (ItemProbeEnabled()) ProbeLastItem("reflines:none");
    for (const Indicator& ind : s.indicators->indicators) {
      const std::string label = ind.ref + " " + ind.name + " (" + UnitName(ind.unit) + ")";
      if (ImGui::Selectable(label.c_str(), ind.id == q.reference_indicator)) q.reference_indicator = ind.id;
      if (ItemProbeEnabled()) ProbeLastItem("reflines:" + ind.id);
    }
    ImGui::EndCombo();
  }
  Apply(s, q, chart, s.wake);
  if (!q.reference_indicator.empty()) {
    ImGui::SameLine();
    if (s.task) ImGui::TextDisabled("looking up...");
    else if (s.answer && !s.answer->note.empty()) ImGui::TextDisabled("%s", s.answer->note.c_str());
    else if (picked) ImGui::TextDisabled("in %s", UnitName(picked->unit));  // the chart's measure should be too
  }
}

}  // namespace csc::app
