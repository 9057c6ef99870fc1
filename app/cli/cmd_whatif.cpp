// `csc whatif`: change an indicator's numerator or denominator (by a count or a percentage,
// overall or for a slice) and print the new value, RAG, rank and band, and what it would take
// to reach the target, England and the statistical-neighbour mean.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_registry.hpp"
#include "cli/data_dir.hpp"
#include "cli/publish_options.hpp"
#include "indicators/catalogue.hpp"
#include "indicators/whatif.hpp"
#include "privacy/cell_key_secret.hpp"
#include "privacy/publish_result.hpp"
#include "query/compiled_query.hpp"

namespace csc::cli {
namespace {

struct WhatIfArgs {
  std::string indicator, year = "2012-13", data_dir, catalogue, slice, la = "372", sn = "2025", format = "table";
  std::optional<double> numerator, denominator;
  bool percent = false, with_denominator = false, timing = false, publish = false;
  int threshold = kDefaultThreshold;
};

std::string Counts(const IndicatorValue& v) {
  if (!v.numerator) return "";
  return FormatNumber(v.numerator, 0) + (v.denominator ? "/" + FormatNumber(v.denominator, 0) : "");
}

std::string Rank(const RankBand& r) { return r.rank ? std::to_string(*r.rank) + "/" + std::to_string(r.of) : ""; }

std::string Signed(double v, bool percent) {
  std::string s = FormatNumber(v, percent ? 1 : 0);
  if (percent && s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  return (v > 0 ? "+" : "") + s + (percent ? "%" : "");
}

void PrintTable(const Indicator& ind, const WhatIfArgs& a, const WhatIfResult& r, bool synthetic) {
  if (synthetic) std::cout << "SYNTHETIC DEMONSTRATION DATA\n";
  std::cout << ind.ref << " " << ind.name << ", " << r.year << "\n";
  if (r.published)
    std::cout << "published counts (cell-key method, counts 1 to " << a.threshold
              << " withheld): the scenario starts from them; " << kProtectedFootnote << "\n";
  std::string change;
  if (a.numerator) change += "numerator " + Signed(*a.numerator, a.percent) + (a.with_denominator ? " (and denominator)" : "");
  if (a.denominator) change += std::string(change.empty() ? "" : ", ") + "denominator " + Signed(*a.denominator, a.percent);
  if (!a.slice.empty()) change += " in slice " + a.slice + " (now " + FormatNumber(r.slice_count, 0) + ")";
  std::cout << "change: " << (change.empty() ? "none" : change) << "\n";
  if (r.clamped) std::cout << "note: limited so no count goes below zero\n";
  const std::vector<std::array<std::string, 3>> lines = {
      {"", "before", "after"},
      {"value", FormatIndicatorValue(ind, r.before.value), FormatIndicatorValue(ind, r.after.value)},
      {"num/den", Counts(r.before), Counts(r.after)},
      {"RAG", RagName(r.rag_before), RagName(r.rag_after)},
      {"rank", Rank(r.rank_before), Rank(r.rank_after)},
      {"band", r.rank_before.rank ? std::string(1, r.rank_before.quartile) : "",
       r.rank_after.rank ? std::string(1, r.rank_after.quartile) : ""}};
  size_t w0 = 0, w1 = 0;
  for (const auto& l : lines) w0 = std::max(w0, l[0].size()), w1 = std::max(w1, l[1].size());
  for (const auto& l : lines) {
    std::string s = l[0] + std::string(w0 - l[0].size() + 2, ' ') + l[1] + std::string(w1 - l[1].size() + 2, ' ') + l[2];
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::cout << s << "\n";
  }
  for (const Gap& g : r.gaps) std::cout << GapSentence(ind, g) << "\n";
}

void PrintJson(const Indicator& ind, const WhatIfResult& r, bool synthetic) {
  using J = nlohmann::ordered_json;
  auto opt = [](std::optional<double> v) { return v ? J(*v) : J(nullptr); };
  auto side = [&](const IndicatorValue& v, Rag rag, const RankBand& rank) {
    J j = {{"value", opt(v.value)}, {"numerator", opt(v.numerator)}, {"denominator", opt(v.denominator)}, {"rag", RagName(rag)}};
    if (rank.rank) j["rank"] = {{"rank", *rank.rank}, {"of", rank.of}, {"band", std::string(1, rank.quartile)}};
    return j;
  };
  J j;
  j["synthetic"] = synthetic;
  j["published"] = r.published;
  j["indicator"] = ind.id;
  j["year"] = r.year;
  j["numerator_change"] = r.numerator_change;
  j["denominator_change"] = r.denominator_change;
  j["slice_count"] = opt(r.slice_count);
  j["clamped"] = r.clamped;
  j["before"] = side(r.before, r.rag_before, r.rank_before);
  j["after"] = side(r.after, r.rag_after, r.rank_after);
  J gaps = J::array();
  for (const Gap& g : r.gaps)
    gaps.push_back({{"goal", g.goal}, {"goal_value", g.goal_value},
                    {"numerator_change", g.numerator_change ? J(*g.numerator_change) : J(nullptr)},
                    {"already_met", g.already_met}, {"sentence", GapSentence(ind, g)}});
  j["gaps"] = gaps;
  std::cout << j.dump(2) << "\n";
}

int Run(const WhatIfArgs& a) {
  try {
    const IndicatorCatalogue cat = LoadCatalogue(a.catalogue.empty() ? DefaultCataloguePath() : a.catalogue);
    const Indicator* ind = cat.Find(a.indicator);
    if (!ind) {
      std::cerr << "csc whatif: no indicator '" << a.indicator << "' in " << cat.path << "\n";
      return 2;
    }
    Catalog data;
    std::string error;
    const std::string dir = a.data_dir.empty() ? DefaultDataDir() : a.data_dir;
    if (!LoadDataDir(dir, data, error)) {
      std::cerr << "csc whatif: " << error << "\n";
      return 1;
    }
    ScorecardOptions options;
    options.la_code = a.la;
    options.sn_vintage = a.sn;
    if (a.publish) {
      try {
        options.publish = CountPublication{LoadOrCreateCellKeySeed(), {a.threshold, 0}};
      } catch (const std::runtime_error& e) {
        std::cerr << "csc whatif: " << e.what() << "\n";
        return 1;
      }
    }
    Scorecard card(cat, data, options);
    std::vector<WhatIfChange> changes;
    auto add = [&](WhatIfPart part, double amount) {
      WhatIfChange c;
      c.part = part;
      c.amount = amount;
      c.percent = a.percent;
      c.slice = a.slice;
      c.with_denominator = part == WhatIfPart::Numerator && a.with_denominator;
      changes.push_back(c);
    };
    if (a.numerator) add(WhatIfPart::Numerator, *a.numerator);
    if (a.denominator) add(WhatIfPart::Denominator, *a.denominator);
    RunWhatIf(card, *ind, a.year, {});  // loads the DfE file once, as the GUI has by the time sliders move
    const auto started = std::chrono::steady_clock::now();
    const WhatIfResult r = RunWhatIf(card, *ind, a.year, changes);
    if (a.timing)
      std::cerr << "whatif: "
                << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count()
                << " ms\n";
    if (a.format == "json") PrintJson(*ind, r, IsSyntheticDir(dir));
    else PrintTable(*ind, a, r, IsSyntheticDir(dir));
  } catch (const CatalogueError& e) {
    std::cerr << "csc whatif: " << e.what() << "\n";
    return 2;
  } catch (const QueryError& e) {
    std::cerr << "csc whatif: " << e.what() << "\n";
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "csc whatif: " << e.what() << "\n";
    return 2;
  } catch (const BenchmarkError& e) {
    std::cerr << "csc whatif: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

const CommandRegistrar kRegistrar(
    "whatif", "Change an indicator's numerator or denominator and see the new value, RAG, rank and gaps",
    [](CLI::App& app) {
      auto a = std::make_shared<WhatIfArgs>();
      app.add_option("--indicator", a->indicator, "indicator id or ref, e.g. NI65")->required();
      app.add_option("--year", a->year, "financial year (default 2012-13)");
      app.add_option("--numerator", a->numerator, "change to the numerator, e.g. -12 (or -10 with --percent)");
      app.add_option("--denominator", a->denominator, "change to the denominator");
      app.add_flag("--percent", a->percent, "the changes are percentages of the (slice's) current count");
      app.add_option("--slice", a->slice, "apply the change to one slice, e.g. 'latest_category in (NEG)'");
      app.add_flag("--with-denominator", a->with_denominator, "the numerator's change also changes the denominator");
      app.add_option("--data-dir", a->data_dir, "folder of extracts (default: the bundled synthetic assets/demo)");
      app.add_option("--catalogue", a->catalogue, "indicator catalogue (default: assets/indicators/catalogue.json)");
      app.add_option("--la", a->la, "LA for rank and comparators (default 372 Rotherham)");
      app.add_option("--sn", a->sn, "statistical-neighbour vintage: 2021 or 2025")->check(CLI::IsMember({"2021", "2025"}));
      app.add_option("--format", a->format, "table or json")->check(CLI::IsMember({"table", "json"}));
      app.add_flag("--publish", a->publish,
                   "publication-safe (cell-key method): start from the published counts; a scenario resting on a "
                   "withheld count (1..threshold) is refused");
      app.add_option("--threshold", a->threshold, "with --publish: withhold counts 1..N (5, 7 or 10)")
          ->check(ThresholdValidator());
      app.add_flag("--timing", a->timing, "print the scenario's evaluation time to stderr");
      return [a] { return Run(*a); };
    });

}  // namespace
}  // namespace csc::cli
