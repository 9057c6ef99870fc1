#include "indicators/scorecard.hpp"

#include <cstdio>

#include "indicators/catalogue.hpp"
#include "indicators/query_command.hpp"

namespace csc {

std::string FormatNumber(std::optional<double> value, int decimals) {
  if (!value) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, RoundTo(*value, decimals));
  return buf;
}

std::string FormatIndicatorValue(const Indicator& ind, std::optional<double> value) {
  if (!value) return "";
  return FormatNumber(value, ind.decimals) + (ind.unit == IndicatorUnit::Percent ? "%" : "");
}

Scorecard::Scorecard(const IndicatorCatalogue& indicators, const Catalog& data, ScorecardOptions options)
    : m_indicators(indicators), m_data(data), m_options(std::move(options)) {
  if (m_options.assets_dir.empty()) m_options.assets_dir = AssetsDir();
  m_store = m_options.benchmarks ? m_options.benchmarks : std::make_shared<BenchmarkStore>(m_options.assets_dir + "/ees");
  m_sn = LoadSnGrouping(m_options.assets_dir + "/reference", m_options.sn_vintage);
  if (!m_options.entered)
    m_options.entered = IsDemonstrationData(data) ? EnteredFigures::AsValue : EnteredFigures::AsComparator;
}

IndicatorComparators Scorecard::Comparators(const Indicator& ind, const std::string& year) {
  IndicatorComparators c;
  if (auto t = ind.targets.find(year); t != ind.targets.end()) c.target = t->second;
  const int time_period = FinancialYearStart(year) + 1;
  if (ind.benchmark) {
    try {
      BenchmarkYear by = m_store->Get(*ind.benchmark, time_period);
      if (by.rows.empty()) {
        c.note = ind.benchmark->file + " has no " + std::to_string(time_period) + " figures";
      } else {
        c.comparison = Compare(by, m_sn, m_options.la_code, ind.polarity);
        c.england = c.comparison->england.value;
        c.england_source = "DfE " + std::to_string(time_period);
        c.sn_mean = c.comparison->sn_mean;
        c.sn_median = c.comparison->sn_median;
        c.sn_source = "DfE " + std::to_string(time_period) + ", SN " + m_sn.vintage + " (" +
                      std::to_string(c.comparison->sn_with_data) + " of " +
                      std::to_string(c.comparison->neighbours.size()) + " with data)";
        c.benchmark = std::move(by);
      }
    } catch (const BenchmarkError& e) {
      c.note = e.what();
    }
  } else {
    c.note = "no DfE benchmark";
  }
  if (auto r = ind.reported.find(year); r != ind.reported.end()) {
    if (r->second.england) {
      c.england = r->second.england;
      c.england_source = "report";
    }
    if (!c.sn_mean && r->second.statistical_neighbours) {
      c.sn_mean = r->second.statistical_neighbours;
      c.sn_source = "report";
    }
  }
  // A count (not a rate) compares like with like only with similar LAs: England's figure is
  // the national total, so it is not shown beside one LA's count, nor used for its RAG.
  if (ind.unit == IndicatorUnit::Count && c.england) {
    c.england.reset();
    c.england_source.clear();
    c.note = "England's figure is a national total, not comparable with one LA's count: compare with the SN mean";
  }
  return c;
}

KpiRow Scorecard::Row(const Indicator& ind, const std::string& year) {
  KpiRow row;
  row.indicator = &ind;
  row.year = year;
  const CountPublication* publish = m_options.publish ? &*m_options.publish : nullptr;
  row.current = EvaluateIndicator(ind, m_data, year, entered(), publish);
  row.previous = EvaluateIndicator(ind, m_data, FinancialYearLabel(FinancialYearStart(year) - 1), entered(), publish);
  row.comparators = Comparators(ind, year);
  row.rag = RateRag(row.current.value, row.comparators.target, row.comparators.england, ind.polarity, ind.decimals);
  row.direction = DirectionOfTravel(row.current.value, row.previous.value, ind.polarity, ind.decimals);
  if (row.current.value && row.comparators.benchmark)
    row.rank = RankAmongLas(*row.comparators.benchmark, m_options.la_code, RoundTo(*row.current.value, ind.decimals),
                            ind.polarity);
  return row;
}

std::vector<KpiRow> Scorecard::Rows(const std::string& year) {
  FinancialYearStart(year);  // a bad label fails once, not per indicator
  std::vector<KpiRow> rows;
  for (const auto& ind : m_indicators.indicators) rows.push_back(Row(ind, year));
  return rows;
}

}  // namespace csc
