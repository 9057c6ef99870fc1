#include "ui/export_actions.hpp"

#include <ctime>
#include <filesystem>

#include "plot/chart_overlays.hpp"
#include "ui/saved_views.hpp"
#include "views/period_compare_view.hpp"
#include "views/publication.hpp"
#include "util/atomic_file.hpp"

namespace csc::app {

std::string ExportPath(const std::string& view_name, const std::string& extension) {
  std::string name = view_name.empty() ? "query" : view_name;
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ':') c = '-';  // a view name is not a path
  return ConfigDir() + "/exports/" + name + "." + extension;
}

std::string CsvProvenance(const std::string& query, const std::string& data, int threshold) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  auto one_line = [](std::string s) {
    for (char& c : s)
      if (c == '\n' || c == '\r') c = ' ';
    return s;
  };
  return "# query: " + one_line(query) + "\n# data: " + one_line(data) + "\n# exported: " + when + "\n# publication: " +
         (threshold > 0 ? "publication-safe: counts of 1 to " + std::to_string(threshold) +
                              " and figures that would reveal them are withheld, written c"
                        : std::string("exact figures, not for publication")) +
         "\n";
}

std::string CsvNoteLines(const QueryResult& result, const QueryPanelState& state, const CodeLabels* labels) {
  ChartData chart = ChartOf(result, labels);
  chart.notes = state.notes;
  std::string out;
  for (const std::string& line : ChartNoteLines(chart)) {
    std::string one = line;
    for (char& c : one)
      if (c == '\n' || c == '\r') c = ' ';
    out += "# note " + one + "\n";
  }
  return out;
}

std::optional<std::string> ComparisonCsv(const QueryPanelState& state, bool for_publication, int threshold) {
  if (!state.compare_on) return std::nullopt;
  if (for_publication) {
    std::vector<std::vector<bool>> withheld;
    const auto safe = PublishedForChart(state.published, threshold, nullptr, &withheld);
    if (!safe) return std::nullopt;
    const auto comparison = ActiveComparison(*safe, state, &withheld);
    return comparison ? std::optional(FormatComparisonCsv(*comparison)) : std::nullopt;
  }
  if (!state.live.result()) return std::nullopt;
  const auto comparison = ActiveComparison(*state.live.result(), state);
  return comparison ? std::optional(FormatComparisonCsv(*comparison)) : std::nullopt;
}

std::string ExportCsvText(const std::string& text, const std::string& view_name) {
  const std::string path = ExportPath(view_name, "csv");
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  WriteFileAtomically(path, text);
  return path;
}


ChartExport MakeChartExport(const QueryResult& result, const QueryPanelState& state, const std::vector<std::string>& tables,
                            const CodeLabels* labels, const ChartExportSource& source,
                            std::optional<std::pair<int, size_t>> publication, const std::string& path,
                            const std::vector<std::vector<bool>>* withheld) {
  ChartExport e;
  // Two periods compared export as the paired bars the screen shows.
  const auto comparison = ActiveComparison(result, state, publication ? withheld : nullptr);
  e.chart = comparison ? ComparisonChart(*comparison, labels) : ChartOf(result, labels, publication ? withheld : nullptr);
  for (const auto& name : e.chart.series) e.chart.hidden_series.push_back(state.hidden_series.count(name) > 0);
  e.kind = comparison ? ChartKind::Bars
                      : ResolveChartKind(state.chart, !result.dimensions.empty() && result.dimensions[0] == "period", result.rows.size());
  // Notes are pinned by key: resolved to their groups while the keys are known.
  e.chart.notes = state.notes;
  for (ChartNote& n : e.chart.notes)
    if (const int g = NoteGroup(e.chart, n); g >= 0) n.at = e.chart.groups[static_cast<size_t>(g)];
  if (!comparison) e.chart.references = ReadyReferenceLines(state.references, state, e.chart);
  e.chart.group_keys.clear(), e.chart.series_keys.clear();
  e.sentence = FilterSentence(tables, labels, state);
  e.source = "Source: " + source.table + (source.synthetic ? " (SYNTHETIC demonstration data, not real children)" : "");
  if (publication)
    e.source += ". " + PublishedFootnote(publication->first) + " (" + std::to_string(publication->second) + " withheld)";
  else
    e.source += ". Exact figures, not for publication";
  e.source += ". CSC Explorer.";
  e.path = path;
  return e;
}

}  // namespace csc::app
