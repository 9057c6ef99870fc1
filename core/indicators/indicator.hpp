#pragma once
// An indicator is data, not code: assets/indicators/catalogue.json (format in
// docs/INDICATORS.md) lists them, catalogue.hpp loads them into these values. Each says how
// to count its numerator and denominator with the query engine for a reporting year, which
// way is better, how it is shown, the local target per year and which published DfE figure
// it is compared with.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "query/query_parser.hpp"

namespace csc {

enum class Polarity : uint8_t { HigherIsBetter, LowerIsBetter, None };
enum class IndicatorUnit : uint8_t { Percent, Per10k, Count, Ratio };

const char* PolarityName(Polarity p);       // "higher", "lower", "none"
const char* UnitName(IndicatorUnit u);      // "%", "per 10k", "count", "ratio"
double UnitScale(IndicatorUnit u);          // value = numerator / denominator x scale (100, 10000, 1, 1)

// One count: a `csc query` command line with {year}-style placeholders (query_command.hpp).
// The answer is the first measure of the single result row, or, when groups_at_least > 0,
// the number of result rows whose first measure is at least that (e.g. children with 3+
// placements: episodes grouped by child_id, rows with >= 3), or, when `row` is set, the
// first measure of the row whose keys (joined by '/') equal it, 0 when absent (e.g. "--by
// duration" and row "2 years or more").
struct CountSpec {
  std::string text;
  int groups_at_least = 0;
  std::string row;
};

// Where the published comparator comes from: a DfE tidy file in assets/ees, the column with
// the value, and filter columns that pick the indicator's rows. The file's time_period is the
// year ending 31 March (2013 = 2012-13).
// When DfE publishes a count but no rate (CP plans at 31 March), the rate per 10,000 is
// derived from a population file: its value for time_period + year_offset (-1: the mid-year
// estimate of the June before, DfE practice), matched by geography.
struct BenchmarkPopulation {
  std::string file;
  std::string column;
  std::vector<std::pair<std::string, std::string>> where;
  int year_offset = -1;
};

// The count columns behind a published rate, in the benchmark's file and rows (d3's
// CPP_subsequent over CPP_start): every LA's counts make the LA funnel plot.
struct BenchmarkCounts {
  std::string numerator, denominator;
};

struct BenchmarkSpec {
  std::string file;
  std::string column;
  std::vector<std::pair<std::string, std::string>> where;
  std::string lait_measure;  // the matching LAIT measure (assets/reference), for reference
  std::optional<BenchmarkPopulation> per_10k_of;
  std::optional<BenchmarkCounts> counts;
};

// Figures entered by hand for a year: local figures from systems the bundled datasets do not
// cover (assessments, reviews), and the comparators a published report used.
struct ReportedFigures {
  std::optional<double> numerator, denominator;
  std::optional<double> england, statistical_neighbours;
};

struct Indicator {
  std::string id;    // unique, e.g. "NI65"
  std::string ref;   // as reports print it, e.g. "NI 65"
  std::string name;
  std::vector<std::string> datasets;  // tables the counts need (for messages and the GUI)
  std::optional<CountSpec> numerator, denominator;  // none: only entered figures
  Polarity polarity = Polarity::None;
  IndicatorUnit unit = IndicatorUnit::Percent;
  int decimals = 1;
  std::map<std::string, double> targets;  // "2012-13" -> target, in the shown unit
  std::optional<BenchmarkSpec> benchmark;
  std::map<std::string, ReportedFigures> reported;  // "2012-13" -> entered figures
  std::string notes;        // the catalogue's words on where the figures come from (Help shows them)
  std::string reported_by;  // whose figures `reported` holds ("Rotherham"): the catalogue's "reported_by"
};

struct IndicatorCatalogue {
  std::string path;  // where it was loaded from (messages)
  std::vector<Indicator> indicators;
  const Indicator* Find(const std::string& id) const;  // exact id, then case-insensitive, spaces ignored
};

}  // namespace csc
