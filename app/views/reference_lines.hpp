#pragma once
// Reference lines on a trend: an indicator's target, England and SN mean for each financial
// year along the chart, from the same sources as the indicators tab (the catalogue's targets,
// the DfE files through the Scorecard's comparators). The analyst picks the indicator whose
// measure the trend shows; the lines are looked up on a worker (the DfE files are read the
// first time) and drawn dashed over the chart, named where they end.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "async/background_task.hpp"
#include "indicators/indicator.hpp"
#include "plot/chart_frame.hpp"

namespace csc {
class BenchmarkStore;
}

namespace csc::app {

struct QueryPanelState;

struct ReferenceLinesAnswer {
  std::string key;  // indicator and years asked
  std::vector<ReferenceLine> lines;
  std::string note;  // why a comparator is missing, when one is
};

struct ReferenceLinesState {
  std::shared_ptr<const IndicatorCatalogue> indicators;  // read when first offered
  std::string error;                                     // the catalogue could not be read
  std::shared_ptr<BenchmarkStore> benchmarks;            // DfE files, read once per session
  std::unique_ptr<BackgroundTask<ReferenceLinesAnswer>> task;
  std::string task_key;
  std::optional<ReferenceLinesAnswer> answer;
  std::function<void()> wake;  // called when a lookup finishes (the frame loop sleeps otherwise)
};

// The years of a chart's groups when every group is a financial year ("2012-13"); else empty
// (reference lines need the years they are published for).
std::vector<std::string> FinancialYearGroups(const ChartData& chart);

// The lines of an indicator over `years`, computed here and now (the worker's job; tests).
ReferenceLinesAnswer ComputeReferenceLines(const IndicatorCatalogue& indicators, const std::string& indicator_id,
                                           const std::vector<std::string>& years, std::shared_ptr<BenchmarkStore> benchmarks);

// The "Reference lines" list (none, or an indicator), shown when the chart is a trend over
// financial years; sets `chart.references` to the picked indicator's lines once they are
// ready (asked on a worker when the pick or the years change). Probed: "reflines",
// "reflines:none", "reflines:ID".
void DrawReferenceLines(ReferenceLinesState& state, QueryPanelState& query, ChartData& chart);
// Only sets `chart.references` (no controls): presentation mode.
void ApplyReferenceLines(ReferenceLinesState& state, const QueryPanelState& query, ChartData& chart);
// The lines already looked up for this chart (exports: nothing is asked from there).
std::vector<ReferenceLine> ReadyReferenceLines(const ReferenceLinesState& state, const QueryPanelState& query,
                                               const ChartData& chart);

}  // namespace csc::app
