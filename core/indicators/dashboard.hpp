#pragma once
// What the explorer's indicator dashboard shows, computed off the UI thread: the scorecard
// rows for a year (tiles), each indicator's value over the years (sparklines and the trend in
// the detail), and for a chosen indicator the ward breakdown as a funnel plot. UI-free so the
// numbers behind every tile are tested without a window.
#include <memory>
#include <string>
#include <vector>

#include "indicators/breakdown.hpp"
#include "indicators/scorecard.hpp"
#include "stats/funnel.hpp"

namespace csc {

// A scorecard with what it refers to kept alive, shared by the dashboard's worker tasks
// (Scorecard is safe to use from several threads at once).
struct ScorecardContext {
  std::shared_ptr<const IndicatorCatalogue> indicators;
  CatalogPtr data;
  std::unique_ptr<Scorecard> card;
};
std::shared_ptr<ScorecardContext> MakeScorecardContext(std::shared_ptr<const IndicatorCatalogue> indicators,
                                                       CatalogPtr data, ScorecardOptions options = {});

// Financial years ("2012-13") that every case-level date column (dates of birth aside) spans:
// from the latest first year to the earliest last year, at most 15 (the latest).
std::vector<std::string> FinancialYearsCovered(const Catalog& data);

// England and the SN mean for one year, as a tile for that year shows them (DfE file first,
// the catalogue's reported figure otherwise); nullopt where neither has the year, so a trend
// line has a gap there rather than a zero.
struct ComparatorPoint {
  std::optional<double> england, sn_mean;
};

struct DashboardData {
  std::string year;
  std::vector<std::string> years;               // for the series
  std::vector<KpiRow> rows;                     // one per indicator, catalogue order
  std::vector<std::vector<IndicatorValue>> series;  // [row][year]
  std::vector<std::vector<ComparatorPoint>> comparators;  // [row][year]
  std::string sn_vintage;                       // of the SN means ("2025")
};
DashboardData BuildDashboard(ScorecardContext& context, const std::string& year, const std::vector<std::string>& years);
// England and SN mean of one indicator for each year.
std::vector<ComparatorPoint> ComparatorSeries(Scorecard& card, const Indicator& ind, const std::vector<std::string>& years);

// Every LA's published counts for the year as a funnel (the benchmark's `counts` columns),
// our LA named so the plot can pick it out.
struct LaFunnel {
  int time_period = 0;
  std::string own;     // our LA as the DfE file names it; empty when it has no counts that year
  std::string source;  // "d3_cpps_subsequent_plan_2013_to_2025.csv, 2013"
  FunnelPlot plot;
  std::string note;    // why there is no LA funnel
};
LaFunnel BuildLaFunnel(Scorecard& card, const Indicator& ind, const std::string& year);

struct IndicatorDetail {
  std::string id, year, by;
  std::vector<BreakdownRow> breakdown;  // per ward (or `by`)
  FunnelPlot funnel;                    // Binomial for percentages, Poisson otherwise
  std::string error;                    // why there is no breakdown (entered figures only, no such column)
  LaFunnel la_funnel;
};
IndicatorDetail BuildIndicatorDetail(const ScorecardContext& context, const Indicator& indicator, const std::string& year,
                                     const std::string& by = "ward");

}  // namespace csc
