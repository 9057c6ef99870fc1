#pragma once
// The indicator dashboard: a tile per indicator (value with numerator/denominator, target,
// England, SN mean, RAG colour, direction arrow, a sparkline of the years); a tile opens the
// indicator's detail: its trend against target, the statistical neighbours, a what-if with
// the change needed to reach target/England/SN, and the ward funnel plot. Every number is
// computed on worker tasks; the UI thread only starts them and polls.
#include <memory>
#include <string>
#include <vector>

#include "async/background_task.hpp"
#include "indicators/breakdown_table.hpp"
#include "indicators/dashboard.hpp"
#include "indicators/scenarios.hpp"
#include "indicators/whatif.hpp"
#include "views/indicator_form.hpp"

namespace csc::app {

struct DashboardState {
  std::shared_ptr<const IndicatorCatalogue> indicators;  // bundled then the user's; null: error says why
  std::string error;
  std::string catalogue_path, user_catalogue_path;
  std::string user_catalogue_error;  // the user file did not load (or had clashing ids): shown, bundled ones still work
  IndicatorFormState form;
  std::vector<std::string> years;
  int year = -1;  // index into years
  CatalogPtr data;  // what the context and tiles were computed on
  std::shared_ptr<BenchmarkStore> benchmarks;  // DfE files, read once per session
  // Publication-safe figures (the dashboard's checkbox; the app's threshold): tiles, trend,
  // what-if, breakdown and ward funnel from published counts (docs/DISCLOSURE.md).
  bool publish = false;
  int threshold = kDefaultThreshold;
  std::optional<CountPublication> publishing;  // what the context was made with
  std::string publish_error;                   // the installation's key could not be read
  std::shared_ptr<ScorecardContext> context;
  std::unique_ptr<BackgroundTask<DashboardData>> tiles_task;
  std::shared_ptr<const DashboardData> tiles;
  std::string selected;  // indicator id whose detail is open
  std::unique_ptr<BackgroundTask<IndicatorDetail>> detail_task;
  std::shared_ptr<const IndicatorDetail> detail;
  // The detail's breakdown: the dimensions the indicator's tables offer, the chosen one, and
  // its table (recomputed on a worker when the indicator, year or dimension changes).
  std::vector<BreakdownChoice> breakdown_choices;
  std::string breakdown_by = "ward";
  std::unique_ptr<BackgroundTask<BreakdownTable>> breakdown_task;
  std::shared_ptr<const BreakdownTable> breakdown;
  bool la_funnel = false;  // the funnel shows every LA in England instead of our wards
  // What-if inputs and the latest answer.
  int change = 0;
  bool percent = false, denominator = false, with_denominator = false;
  char slice[256] = "";
  std::string whatif_key;
  std::unique_ptr<BackgroundTask<WhatIfResult>> whatif_task;
  std::shared_ptr<const WhatIfResult> whatif;
  std::string whatif_error;
  // Named scenarios: saved to scenarios_path, compared side by side (recomputed on a worker
  // whenever the list or the data changes), exported as CSV.
  std::string scenarios_path, exports_dir;
  std::vector<NamedScenario> scenarios;
  char scenario_name[96] = "";
  std::unique_ptr<BackgroundTask<std::vector<ScenarioComparison>>> compare_task;
  std::shared_ptr<const std::vector<ScenarioComparison>> comparison;
  bool compare_stale = true;
  std::string scenario_status;
};

// Loads the bundled catalogue, then the user's, and the saved scenarios (once).
void InitDashboard(DashboardState& state, const std::string& catalogue_path, const std::string& user_catalogue_path,
                   const std::string& scenarios_path, const std::string& exports_dir);
// Reloads both catalogues (after the user added an indicator); the tiles are recomputed.
void ReloadIndicators(DashboardState& state);
// `synthetic`: the demonstration data is loaded (said on the dashboard).
void DrawDashboard(DashboardState& state, const CatalogPtr& data, bool synthetic, const std::function<void()>& wake);
// True while any dashboard task runs (the frame loop keeps drawing).
bool DashboardBusy(const DashboardState& state);

}  // namespace csc::app
