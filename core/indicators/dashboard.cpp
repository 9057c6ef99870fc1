#include "indicators/dashboard.hpp"

#include <algorithm>

#include "indicators/query_command.hpp"
#include "time/civil_date.hpp"
#include "time/periods.hpp"
#include "util/text.hpp"

namespace csc {

namespace {
// The scorecard's publication settings, or null for exact figures.
const CountPublication* Publication(const Scorecard& card) {
  return card.options().publish ? &*card.options().publish : nullptr;
}
}  // namespace

std::shared_ptr<ScorecardContext> MakeScorecardContext(std::shared_ptr<const IndicatorCatalogue> indicators,
                                                       CatalogPtr data, ScorecardOptions options) {
  auto context = std::make_shared<ScorecardContext>();
  context->indicators = std::move(indicators);
  context->data = std::move(data);
  context->card = std::make_unique<Scorecard>(*context->indicators, *context->data, std::move(options));
  return context;
}

std::vector<std::string> FinancialYearsCovered(const Catalog& data) {
  int first = 0, last = 0;
  bool any = false;
  for (const auto& [name, table, rules] : data.tables()) {
    for (size_t i = 0; i < table->num_columns(); ++i) {
      const Column& c = table->column(i);
      const std::string column = ToLower(table->column_name(i));
      if (c.type() != ColumnType::Date || c.null_count() == table->num_rows()) continue;
      if (column == "dob" || column.find("birth") != std::string::npos) continue;
      // Financial year of a date: April onwards belongs to the year starting then.
      auto fy = [](int64_t days) {
        const CivilDate d = CivilFromDays(static_cast<int32_t>(days));
        return d.month >= 4 ? d.year : d.year - 1;
      };
      const int lo = fy(c.min_int()), hi = fy(c.max_int());
      // The years every dataset covers: a long history in one (plans open since 2005) or
      // end dates running past the extract (planned ends) do not widen the range.
      first = any ? std::max(first, lo) : lo;
      last = any ? std::min(last, hi) : hi;
      any = true;
    }
  }
  std::vector<std::string> years;
  if (!any || first > last) return years;
  first = std::max(first, last - 14);
  for (int y = first; y <= last; ++y) years.push_back(PeriodLabel(FinancialYearPeriod(y)));
  return years;
}

DashboardData BuildDashboard(ScorecardContext& context, const std::string& year, const std::vector<std::string>& years) {
  DashboardData d;
  d.year = year;
  d.years = years;
  d.rows = context.card->Rows(year);
  d.sn_vintage = context.card->sn().vintage;
  for (const KpiRow& row : d.rows) {
    d.series.push_back(IndicatorSeries(*row.indicator, *context.data, years, context.card->entered(), Publication(*context.card)));
    d.comparators.push_back(ComparatorSeries(*context.card, *row.indicator, years));
  }
  return d;
}

std::vector<ComparatorPoint> ComparatorSeries(Scorecard& card, const Indicator& ind, const std::vector<std::string>& years) {
  std::vector<ComparatorPoint> out;
  for (const auto& y : years) {
    const IndicatorComparators c = card.Comparators(ind, y);
    out.push_back({c.england, c.sn_mean});
  }
  return out;
}

LaFunnel BuildLaFunnel(Scorecard& card, const Indicator& ind, const std::string& year) {
  LaFunnel f;
  f.time_period = FinancialYearStart(year) + 1;
  if (!ind.benchmark || !ind.benchmark->counts) {
    f.note = ind.ref + " has no published LA counts bundled, so no LA funnel.";
    return f;
  }
  const BenchmarkSpec& spec = *ind.benchmark;
  BenchmarkSpec numerator = spec;
  numerator.column = spec.counts->numerator;
  numerator.per_10k_of.reset();
  f.source = spec.file + ", " + std::to_string(f.time_period);
  try {
    const auto units = LaFunnelUnits(card.benchmarks(), numerator, spec.counts->denominator, f.time_period);
    if (units.empty()) {
      f.note = spec.file + " has no LA counts for " + std::to_string(f.time_period) + ".";
      return f;
    }
    const FunnelKind kind = ind.unit == IndicatorUnit::Percent ? FunnelKind::Binomial : FunnelKind::Poisson;
    f.plot = BuildFunnel(kind, units);
    const BenchmarkYear year = card.benchmarks().Get(numerator, f.time_period);  // La() points into it
    if (const BenchmarkRow* own = year.La(card.options().la_code))
      for (const auto& u : units)
        if (u.label == own->la_name) f.own = own->la_name;
  } catch (const BenchmarkError& e) {
    f.note = e.what();
  }
  return f;
}

IndicatorDetail BuildIndicatorDetail(const ScorecardContext& context, const Indicator& ind, const std::string& year,
                                     const std::string& by) {
  IndicatorDetail d;
  d.id = ind.id;
  d.year = year;
  d.by = by;
  d.la_funnel = BuildLaFunnel(*context.card, ind, year);
  if (!ind.numerator || !ind.denominator) {
    d.error = ind.ref + " is entered from the report, not counted from the data, so it has no breakdown.";
    return d;
  }
  try {
    d.breakdown = IndicatorBreakdown(ind, *context.data, year, by, Publication(*context.card));
  } catch (const std::exception& e) {
    d.error = e.what();
    return d;
  }
  const FunnelKind kind = ind.unit == IndicatorUnit::Percent ? FunnelKind::Binomial : FunnelKind::Poisson;
  d.funnel = BuildFunnel(kind, FunnelUnitsFrom(d.breakdown));
  return d;
}

}  // namespace csc
