#include "views/indicator_form.hpp"

#include <imgui.h>

#include <algorithm>
#include <filesystem>

#include "indicators/catalogue.hpp"
#include "ui/item_probe.hpp"
#include "views/dashboard_panel.hpp"
#include "views/task_poll.hpp"

namespace csc::app {

namespace {

constexpr const char* kPolarities[] = {"higher", "lower", "none"};
constexpr const char* kUnits[] = {"%", "per 10k", "count", "ratio"};

std::vector<std::string> EesFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(AssetsDir() + "/ees", ec))
    if (e.path().extension() == ".csv") files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

void Field(const char* label, const char* probe, char* buf, size_t size, const char* hint) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(ImGui::GetFontSize() * 9);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint((std::string("##") + probe).c_str(), hint, buf, size);
  if (ItemProbeEnabled()) ProbeLastItem(std::string("form:") + probe);
}

bool ProbedButton(const char* label, const char* probe) {
  const bool pressed = ImGui::Button(label);
  if (ItemProbeEnabled()) ProbeLastItem(std::string("form:") + probe);
  return pressed;
}

void DrawPreview(const IndicatorFormState& f, bool current) {
  if (f.preview_task) ImGui::TextDisabled("Computing the preview...");
  if (!f.preview) return;
  const IndicatorPreview& p = *f.preview;
  if (!current) ImGui::TextDisabled("The form has changed since this preview: preview again to add it.");
  if (!p.error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", p.error.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  const Indicator& ind = *p.row.indicator;
  const auto& c = p.row.comparators;
  ImGui::Text("%s %s: %s", ind.id.c_str(), p.year.c_str(),
              p.row.current.value ? FormatIndicatorValue(ind, p.row.current.value).c_str() : "no value");
  if (p.row.current.denominator)
    ImGui::TextDisabled("%s / %s", FormatNumber(p.row.current.numerator, 0).c_str(),
                        FormatNumber(p.row.current.denominator, 0).c_str());
  ImGui::TextDisabled("previous year %s; target %s; England %s; SN mean %s; RAG %s",
                      p.row.previous.value ? FormatIndicatorValue(ind, p.row.previous.value).c_str() : "-",
                      c.target ? FormatIndicatorValue(ind, c.target).c_str() : "-",
                      c.england ? FormatIndicatorValue(ind, c.england).c_str() : "-",
                      c.sn_mean ? FormatIndicatorValue(ind, c.sn_mean).c_str() : "-",
                      p.row.rag == Rag::None ? "-" : RagName(p.row.rag));
}

}  // namespace

IndicatorDraft DraftFromForm(const IndicatorFormState& f) {
  IndicatorDraft d;
  d.id = f.id;
  d.name = f.name;
  d.numerator = f.numerator;
  d.denominator = f.denominator;
  d.polarity = kPolarities[std::clamp(f.polarity, 0, 2)];
  d.unit = kUnits[std::clamp(f.unit, 0, 3)];
  d.decimals = f.decimals;
  d.targets = f.targets;
  if (f.benchmark_file > 0 && static_cast<size_t>(f.benchmark_file) <= f.ees_files.size()) {
    d.benchmark_file = f.ees_files[static_cast<size_t>(f.benchmark_file) - 1];
    d.benchmark_column = f.benchmark_column;
    d.benchmark_where = f.benchmark_where;
  }
  return d;
}

void DrawIndicatorForm(DashboardState& s, const std::function<void()>& wake) {
  IndicatorFormState& f = s.form;
  Poll(f.preview_task, f.preview);
  if (!f.open) return;
  if (f.ees_files.empty()) f.ees_files = EesFiles();
  const float font = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(font * 46, font * 34), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::Begin("Add an indicator", &f.open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  ImGui::TextDisabled("Counts are csc query texts with {year} for the reporting year (see docs/INDICATORS.md).");
  Field("Id", "id", f.id, sizeof f.id, "e.g. CP_NEG");
  Field("Name", "name", f.name, sizeof f.name, "as reports print it");
  Field("Numerator", "numerator", f.numerator, sizeof f.numerator,
        "cp_plans --period fy:{year} --count started --where 'latest_category in (NEG)'");
  Field("Denominator", "denominator", f.denominator, sizeof f.denominator,
        "cp_plans --period fy:{year} --count started (none for a count)");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Better when");
  ImGui::SameLine(font * 9);
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    ImGui::RadioButton(kPolarities[i], &f.polarity, i);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Unit");
  ImGui::SameLine(font * 9);
  for (int i = 0; i < 4; ++i) {
    if (i) ImGui::SameLine();
    ImGui::RadioButton(kUnits[i], &f.unit, i);
  }
  ImGui::SameLine(0, font * 2);
  ImGui::SetNextItemWidth(font * 6);
  ImGui::SliderInt("decimals", &f.decimals, 0, 6);
  Field("Targets", "targets", f.targets, sizeof f.targets, "2012-13: 13.3, 2013-14: 12.5");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Benchmark");
  ImGui::SameLine(font * 9);
  ImGui::SetNextItemWidth(-1);
  const char* shown = f.benchmark_file > 0 ? f.ees_files[static_cast<size_t>(f.benchmark_file) - 1].c_str() : "none";
  if (ImGui::BeginCombo("##benchmark", shown)) {
    if (ImGui::Selectable("none", f.benchmark_file == 0)) f.benchmark_file = 0;
    for (size_t i = 0; i < f.ees_files.size(); ++i)
      if (ImGui::Selectable(f.ees_files[i].c_str(), f.benchmark_file == static_cast<int>(i) + 1))
        f.benchmark_file = static_cast<int>(i) + 1;
    ImGui::EndCombo();
  }
  if (f.benchmark_file > 0) {
    Field("  value column", "benchmark-column", f.benchmark_column, sizeof f.benchmark_column, "e.g. CPP_subsequent_percent");
    Field("  rows where", "benchmark-where", f.benchmark_where, sizeof f.benchmark_where, "column = value; column = value");
  }
  const IndicatorDraft draft = DraftFromForm(f);
  const std::string year = s.years.empty() ? "2012-13" : s.years[static_cast<size_t>(std::max(0, s.year))];
  const bool current = f.preview && f.preview->draft == draft && f.preview->year == year;
  ImGui::Separator();
  ImGui::BeginDisabled(f.preview_task != nullptr || !s.data || !s.indicators);
  if (ProbedButton(("Preview " + year).c_str(), "preview")) {
    f.preview_task = std::make_unique<BackgroundTask<IndicatorPreview>>(
        [draft, indicators = s.indicators, data = s.data, year, benchmarks = s.benchmarks](Progress&, const CancelToken&) {
          ScorecardOptions options;
          options.benchmarks = benchmarks;
          return PreviewIndicator(draft, *indicators, *data, year, options);
        },
        wake);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!current || !f.preview->error.empty());
  if (ProbedButton("Add to my indicators", "add")) {
    try {
      AppendUserIndicator(s.user_catalogue_path, draft, *s.indicators);
      f.status = "Added " + draft.id + " to " + s.user_catalogue_path;
      ReloadIndicators(s);
      s.selected.clear();
    } catch (const std::exception& e) {
      f.status = e.what();
    }
  }
  ImGui::EndDisabled();
  if (!f.status.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", f.status.c_str());
  }
  DrawPreview(f, current);
  ImGui::End();
}

}  // namespace csc::app
