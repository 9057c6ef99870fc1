#pragma once
// Comparators from the bundled DfE open-data files (assets/ees): England, the LA's region,
// every LA, the statistical-neighbour mean and median (grouping vintage selectable and
// labelled, since DfE tools disagree on which average to show), and the national rank and
// quartile band A-D (A = best quartile, polarity-aware). A suppressed or missing comparator
// keeps its status ("c", "z", "x", ... or "missing") and is never counted as zero: it is left
// out of means, medians and ranks.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "indicators/indicator.hpp"
#include "storage/table.hpp"

namespace csc {

class BenchmarkError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ComparatorValue {
  std::optional<double> value;
  std::string status;  // when no value: the DfE symbol ("c", "z", "x", "low", ...) or "missing"
};
// The value at `decimals` places, or its status symbol.
std::string FormatComparator(const ComparatorValue& v, int decimals);

struct BenchmarkRow {
  std::string level;  // "National", "Regional", "Local authority"
  std::string region_code, region_name, la_code, new_la_code, la_name;  // la_code: old 3-digit code
  ComparatorValue value;
};

// One indicator's published values for one year (time_period = the year ending 31 March).
struct BenchmarkYear {
  int time_period = 0;
  std::vector<BenchmarkRow> rows;
  const BenchmarkRow* England() const;
  const BenchmarkRow* Region(const std::string& region_code) const;
  const BenchmarkRow* La(const std::string& code_or_name) const;  // old code, new code or name
  std::vector<const BenchmarkRow*> Las() const;
};

// Loads DfE files once and answers per indicator and year. Thread-safe.
class BenchmarkStore {
 public:
  explicit BenchmarkStore(std::string ees_dir);  // e.g. AssetsDir() + "/ees"
  // Throws BenchmarkError naming the file and the column or filter that does not match.
  // With spec.per_10k_of, values are counts per 10,000 of the matching population.
  BenchmarkYear Get(const BenchmarkSpec& spec, int time_period);
  std::vector<int> Years(const BenchmarkSpec& spec);

 private:
  TablePtr LoadTable(const std::string& file);
  BenchmarkYear GetValues(const BenchmarkSpec& spec, int time_period);
  BenchmarkYear GetRate(const BenchmarkSpec& spec, int time_period);
  std::string m_dir;
  std::mutex m_mutex;
  std::map<std::string, TablePtr> m_tables;
};

// Statistical neighbours: for each LA (old 3-digit code) its 10 neighbours, closest first.
struct SnGrouping {
  std::string vintage;  // "2021", "2025"
  std::string source;   // file it came from
  std::map<std::string, std::vector<std::string>> neighbours;
};
// The groupings bundled in assets/reference; vintage "2021" or "2025".
std::vector<std::string> SnVintages();
SnGrouping LoadSnGrouping(const std::string& reference_dir, const std::string& vintage);

struct RankBand {
  std::optional<int> rank;  // 1 = best among LAs with a value
  int of = 0;
  char quartile = 0;        // 'A'..'D', 0 when unranked or the indicator has no better direction
};
// Where `value` would rank among every other LA's published value (the LA's own published
// value is replaced by `value`). Polarity None: ranked high to low, for information.
RankBand RankAmongLas(const BenchmarkYear& year, const std::string& la_code, double value, Polarity polarity);

struct Comparison {
  int time_period = 0;
  std::string la_name, region_name;
  ComparatorValue england, region, la;
  std::string sn_vintage;
  std::vector<std::pair<std::string, ComparatorValue>> neighbours;  // LA name, value
  std::optional<double> sn_mean, sn_median;  // over neighbours with a value
  int sn_with_data = 0;
  RankBand rank;  // of `own_value` when given, else of the LA's published value
};
Comparison Compare(const BenchmarkYear& year, const SnGrouping& sn, const std::string& la_code, Polarity polarity,
                   std::optional<double> own_value = std::nullopt);

}  // namespace csc
