// `csc kpi`: the indicator scorecard for a year: value with numerator/denominator, target,
// RAG, direction of travel, England, statistical-neighbour mean and median, national rank
// and quartile band, from the catalogue (assets/indicators/catalogue.json) and the DfE files.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_registry.hpp"
#include "cli/data_dir.hpp"
#include "cli/publish_options.hpp"
#include "privacy/cell_key_secret.hpp"
#include "indicators/kpi_format.hpp"
#include "indicators/catalogue.hpp"
#include "query/compiled_query.hpp"

namespace csc::cli {
namespace {

struct KpiArgs {
  std::string year;
  std::string data_dir;
  std::string catalogue;
  std::string format = "table";
  std::string la = "372";
  std::string sn = "2025";
  std::vector<std::string> only;
  bool publish = false;
  int threshold = 5;
  bool timing = false;
};

int Run(const KpiArgs& a) {
  try {
    const IndicatorCatalogue cat = LoadCatalogue(a.catalogue.empty() ? DefaultCataloguePath() : a.catalogue);
    Catalog data;
    std::string error;
    const std::string dir = a.data_dir.empty() ? DefaultDataDir() : a.data_dir;
    if (!LoadDataDir(dir, data, error)) {
      std::cerr << "csc kpi: " << error << "\n";
      return 1;
    }
    ScorecardOptions options;
    options.la_code = a.la;
    options.sn_vintage = a.sn;
    if (a.publish) {
      try {
        options.publish = CountPublication{LoadOrCreateCellKeySeed(), {a.threshold, 0}};
      } catch (const std::runtime_error& e) {
        std::cerr << "csc kpi: " << e.what() << "\n";
        return 1;
      }
    }
    Scorecard card(cat, data, options);
    const auto started = std::chrono::steady_clock::now();
    std::vector<KpiRow> rows;
    if (a.only.empty()) {
      rows = card.Rows(a.year);
    } else {
      for (const std::string& id : a.only) {
        const Indicator* ind = cat.Find(id);
        if (!ind) {
          std::cerr << "csc kpi: no indicator '" << id << "' in " << cat.path << "\n";
          return 2;
        }
        rows.push_back(card.Row(*ind, a.year));
      }
    }
    // An LA the DfE files do not know would leave every comparator blank without a word.
    bool compared = false, found = false;
    for (const KpiRow& row : rows)
      if (row.comparators.comparison) compared = true, found |= !row.comparators.comparison->la_name.empty();
    if (compared && !found) {
      std::cerr << "csc kpi: --la '" << a.la
                << "' is not a local authority in the DfE files; give an old code (372), a new code (E08000018) or "
                   "a name (Rotherham)\n";
      return 2;
    }
    if (a.timing)
      std::cerr << "kpi: " << rows.size() << " indicators evaluated in "
                << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count()
                << " ms (DfE files loaded on first use)\n";
    if (a.timing && a.only.empty()) {
      const auto again = std::chrono::steady_clock::now();
      card.Rows(a.year);
      std::cerr << "kpi: again, DfE files loaded: "
                << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - again).count() << " ms\n";
    }
    KpiFormatOptions fo;
    fo.publish = a.publish;
    fo.threshold = a.threshold;
    fo.synthetic = IsSyntheticDir(dir);
    fo.la = a.la;
    fo.sn_vintage = a.sn;
    if (a.format == "csv") std::cout << FormatKpiCsv(rows, fo);
    else if (a.format == "json") std::cout << FormatKpiJson(rows, fo);
    else std::cout << FormatKpiTable(rows, fo);
  } catch (const CatalogueError& e) {
    std::cerr << "csc kpi: " << e.what() << "\n";
    return 2;
  } catch (const QueryError& e) {
    std::cerr << "csc kpi: " << e.what() << "\n";
    return 2;
  } catch (const BenchmarkError& e) {
    std::cerr << "csc kpi: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

const CommandRegistrar kRegistrar(
    "kpi", "Indicator scorecard for a year: value, target, RAG, travel, England, SN, rank, band", [](CLI::App& app) {
      auto a = std::make_shared<KpiArgs>();
      app.add_option("--year", a->year, "financial year, e.g. 2012-13")->required();
      app.add_option("--data-dir", a->data_dir, "folder of extracts (default: the bundled synthetic assets/demo)");
      app.add_option("--catalogue", a->catalogue, "indicator catalogue (default: assets/indicators/catalogue.json)");
      app.add_option("--indicator", a->only, "only these indicators (repeatable)");
      app.add_option("--format", a->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
      app.add_option("--la", a->la, "LA for comparators: old code, new code or name (default 372 Rotherham)");
      app.add_option("--sn", a->sn, "statistical-neighbour vintage: 2021 or 2025")->check(CLI::IsMember({"2021", "2025"}));
      app.add_flag("--publish", a->publish,
                   "publication-safe (cell-key method): counts 1..threshold and values from them shown as c, other "
                   "counts perturbed and values computed from them");
      app.add_option("--threshold", a->threshold, "with --publish: withhold counts 1..N (5, 7 or 10)")
          ->check(ThresholdValidator());
      app.add_flag("--timing", a->timing, "print the evaluation time to stderr");
      return [a] { return Run(*a); };
    });

}  // namespace
}  // namespace csc::cli
