#pragma once
// The scorecard: for each indicator in a year, its value with numerator and denominator,
// the previous year's, the target, the comparators, RAG, direction of travel, national rank
// and quartile band. This is what `csc kpi` prints and the GUI's dashboard tiles show; the
// what-if (whatif.hpp) recomputes one row with changed counts.
//
// Comparators: England and SN come from the indicator's DfE benchmark file for the year
// (time_period = the year ending 31 March) when it has that year, else from the figures the
// catalogue records as reported for the year (labelled "report"). The RAG uses the reported
// England figure when there is one, as the published report did, else the DfE one.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indicators/benchmarks.hpp"
#include "indicators/evaluate.hpp"
#include "indicators/rag.hpp"

namespace csc {

struct ScorecardOptions {
  std::string la_code = "372";  // old 3-digit LA code (Rotherham), or new code / name
  std::string sn_vintage = "2025";
  std::string assets_dir;  // empty: AssetsDir()
  // A DfE file cache (of assets_dir/ees) to share: the dashboard keeps one for the session so
  // new data or an added indicator does not read the files again. Null: a cache of its own.
  std::shared_ptr<BenchmarkStore> benchmarks;
  // Whether the catalogue's entered figures may be the value (evaluate.hpp EnteredFigures);
  // unset: only when the data is the bundled demonstration extract (IsDemonstrationData).
  std::optional<EnteredFigures> entered;
  // Publication: counts published by the cell-key method, values, RAG, travel and rank
  // from the published counts (evaluate.hpp).
  std::optional<CountPublication> publish;
};

struct IndicatorComparators {
  std::optional<double> target;
  std::optional<double> england;      // used for RAG
  std::string england_source;         // "DfE 2013" or "report"
  std::optional<double> sn_mean, sn_median;
  std::string sn_source;              // "DfE 2013, SN 2025 (9 of 10 with data)" or "report"
  std::optional<Comparison> comparison;  // when the DfE file has the year
  std::optional<BenchmarkYear> benchmark;
  std::string note;  // why a DfE comparator is absent (no benchmark, year not in file, error)
};

struct KpiRow {
  const Indicator* indicator = nullptr;
  std::string year;
  IndicatorValue current, previous;
  IndicatorComparators comparators;
  Rag rag = Rag::None;
  Direction direction = Direction::None;
  RankBand rank;  // the current value (at its shown decimals) among the LAs of the DfE year
};

// Runs its queries synchronously (RunQuery on all cores): about 5 ms for the 17 bundled
// indicators on the demonstration data once the DfE files are loaded, ~30 ms on first use.
// The GUI can call it from a BackgroundTask and swap the rows in; calls from several threads
// at once are safe (the DfE cache is locked, everything else is read-only).
class Scorecard {
 public:
  // The catalogue and catalog must outlive the scorecard. Throws BenchmarkError when the SN
  // grouping cannot be loaded.
  Scorecard(const IndicatorCatalogue& indicators, const Catalog& data, ScorecardOptions options = {});

  IndicatorComparators Comparators(const Indicator& ind, const std::string& year);
  KpiRow Row(const Indicator& ind, const std::string& year);
  std::vector<KpiRow> Rows(const std::string& year);

  const IndicatorCatalogue& indicators() const { return m_indicators; }
  const Catalog& data() const { return m_data; }
  const ScorecardOptions& options() const { return m_options; }
  EnteredFigures entered() const { return *m_options.entered; }
  const SnGrouping& sn() const { return m_sn; }
  BenchmarkStore& benchmarks() const { return *m_store; }  // thread-safe

 private:
  const IndicatorCatalogue& m_indicators;
  const Catalog& m_data;
  ScorecardOptions m_options;
  std::shared_ptr<BenchmarkStore> m_store;
  SnGrouping m_sn;
};

// Text of a value at the indicator's decimals with its unit ("16.3%", "70.0", "874"), "" if none.
std::string FormatIndicatorValue(const Indicator& ind, std::optional<double> value);
std::string FormatNumber(std::optional<double> value, int decimals);  // "" when none

}  // namespace csc
