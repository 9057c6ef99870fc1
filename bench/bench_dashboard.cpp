// Issue #6's "tile and scenario changes recompute within one frame (16.7 ms) on the
// demonstration data": the dashboard's worker jobs timed on the bundled extract. Warm = the
// scorecard's DfE files already loaded (every change after the first); cold = a new
// scorecard, as when data is loaded or the catalogue changes.
// Run: build/bin/bench_dashboard --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "indicators/catalogue.hpp"
#include "indicators/breakdown_table.hpp"
#include "indicators/dashboard.hpp"
#include "indicators/whatif.hpp"
#include "ingest/csv_loader.hpp"

namespace {

using namespace csc;

CatalogPtr DemoData() {
  static CatalogPtr catalog = [] {
    auto c = std::make_shared<Catalog>();
    for (const char* name : {"cp_plans", "lac_episodes", "cme_referrals", "missing_episodes", "population"})
      c->Add(name, LoadCsvFile(AssetsDir() + "/demo/" + name + ".csv").table);
    return c;
  }();
  return catalog;
}

std::shared_ptr<const IndicatorCatalogue> Indicators() {
  static auto cat = std::make_shared<const IndicatorCatalogue>(LoadCatalogue(DefaultCataloguePath()));
  return cat;
}

// One context shared by the warm benchmarks, its DfE cache filled once.
ScorecardContext& Warm() {
  static std::shared_ptr<ScorecardContext> context = [] {
    ScorecardOptions options;
    options.benchmarks = std::make_shared<BenchmarkStore>(AssetsDir() + "/ees");
    auto c = MakeScorecardContext(Indicators(), DemoData(), options);
    BuildDashboard(*c, "2012-13", FinancialYearsCovered(*DemoData()));
    return c;
  }();
  return *context;
}

const Indicator& Ni65() { return *Indicators()->Find("NI65"); }

// The year combo or a new load: every tile (17 indicators, this year and last), sparklines
// and the England/SN lines for the 7 years.
void BM_BuildDashboardYear(benchmark::State& state) {
  ScorecardContext& context = Warm();
  const auto years = FinancialYearsCovered(*DemoData());
  for (auto _ : state) benchmark::DoNotOptimize(BuildDashboard(context, "2012-13", years));
}
BENCHMARK(BM_BuildDashboardYear)->Unit(benchmark::kMillisecond);

void BM_BuildDashboardCold(benchmark::State& state) {
  const auto years = FinancialYearsCovered(*DemoData());
  for (auto _ : state) {
    auto context = MakeScorecardContext(Indicators(), DemoData());
    benchmark::DoNotOptimize(BuildDashboard(*context, "2012-13", years));
  }
}
BENCHMARK(BM_BuildDashboardCold)->Unit(benchmark::kMillisecond);

// A new scorecard sharing the session's DfE cache, as the explorer does after new data or an
// added indicator.
void BM_BuildDashboardSharedStore(benchmark::State& state) {
  const auto years = FinancialYearsCovered(*DemoData());
  ScorecardOptions options;
  options.benchmarks = Warm().card->options().benchmarks;
  for (auto _ : state) {
    auto context = MakeScorecardContext(Indicators(), DemoData(), options);
    benchmark::DoNotOptimize(BuildDashboard(*context, "2012-13", years));
  }
}
BENCHMARK(BM_BuildDashboardSharedStore)->Unit(benchmark::kMillisecond);

// A tile click: ward breakdown, ward funnel and the LA funnel from d3.
void BM_IndicatorDetail(benchmark::State& state) {
  ScorecardContext& context = Warm();
  for (auto _ : state) benchmark::DoNotOptimize(BuildIndicatorDetail(context, Ni65(), "2012-13"));
}
BENCHMARK(BM_IndicatorDetail)->Unit(benchmark::kMillisecond);

// The breakdown selector: repeat plans by latest category.
void BM_BreakdownByCategory(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(BuildBreakdownTable(Ni65(), *DemoData(), "2012-13", "latest_category"));
}
BENCHMARK(BM_BreakdownByCategory)->Unit(benchmark::kMillisecond);

// A what-if slider move: 12 fewer repeat plans; and the same within a slice (its count asked
// of the engine).
void BM_WhatIf(benchmark::State& state) {
  ScorecardContext& context = Warm();
  WhatIfChange change;
  change.amount = -12;
  for (auto _ : state) benchmark::DoNotOptimize(RunWhatIf(*context.card, Ni65(), "2012-13", {change}));
}
BENCHMARK(BM_WhatIf)->Unit(benchmark::kMillisecond);

void BM_WhatIfSlice(benchmark::State& state) {
  ScorecardContext& context = Warm();
  WhatIfChange change;
  change.amount = -12;
  change.slice = "latest_category in (NEG)";
  for (auto _ : state) benchmark::DoNotOptimize(RunWhatIf(*context.card, Ni65(), "2012-13", {change}));
}
BENCHMARK(BM_WhatIfSlice)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
