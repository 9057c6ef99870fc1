// `csc check FILE... [--json] [--list N] [--two-digit-years YYYY]`: the data-quality report.
// Loads the files as `csc load` does (keeping each record's line), runs the record checks
// (dataset/quality_check.hpp) and lists each problem with its file, line, rule and, for
// SSDA903 tables, the DfE validator's rule code.
//
// Exit code: 0 when no error-severity problem is found (warnings alone do not fail), 1 when
// any is, 2 when a file cannot be loaded or an option is wrong. A script can gate on it the
// way it gates on a compiler.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/command_registry.hpp"
#include "dataset/dataset_loader.hpp"
#include "dataset/quality_check.hpp"
#include "util/text.hpp"

namespace csc::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  bool json = false;
  size_t list = 20;
  int two_digit_years = 0;
};

std::string Place(const QualityIssue& i) {
  std::string s = i.file.empty() ? "(merged records)" : i.file;
  s += i.line ? ":" + std::to_string(i.line) : " (no line: record " + std::to_string(i.row + 1) + ")";
  return s;
}

nlohmann::json IssueJson(const QualityIssue& i) {
  return {{"dataset", i.dataset},
          {"file", i.file},
          {"line", i.line},
          {"row", i.row + 1},
          {"child", i.child},
          {"rule", i.rule},
          {"title", std::string(RuleTitle(i.rule))},
          {"dfe_code", i.dfe_code},
          {"severity", std::string(SeverityName(i.severity))},
          {"detail", i.detail}};
}

int Run(const CheckArgs& args) {
  DatasetLoadOptions options;
  options.csv.keep_record_lines = true;
  options.csv.two_digit_years = args.two_digit_years;
  options.stop_on_error = false;
  options.save_mapping = false;
  const MappingStore store(MappingStore::DefaultDir());
  options.store = &store;
  DatasetLoad load;
  try {
    load = LoadDatasets(args.files, options);
  } catch (const std::exception& e) {
    std::cerr << "csc check: " << e.what() << "\n";
    return 2;
  }
  for (const auto& [path, message] : load.errors) std::cerr << "csc check: " << path << ": " << message << "\n";
  size_t errors = 0, warnings = 0, checked = 0;
  nlohmann::json datasets = nlohmann::json::array();
  for (const Dataset& d : load.datasets) {
    if (!d.quality) continue;
    ++checked;
    const DatasetQuality& q = *d.quality;
    errors += q.errors;
    warnings += q.warnings;
    const size_t rows = d.table ? d.table->num_rows() : 0;
    if (args.json) {
      nlohmann::json counts = nlohmann::json::array();
      for (const RuleCount& c : q.counts)
        counts.push_back({{"rule", c.rule},
                          {"title", std::string(RuleTitle(c.rule))},
                          {"dfe_code", c.dfe_code},
                          {"severity", std::string(SeverityName(c.severity))},
                          {"records", c.records}});
      nlohmann::json issues = nlohmann::json::array();
      for (const QualityIssue& i : q.issues) issues.push_back(IssueJson(i));
      datasets.push_back({{"dataset", d.name},
                          {"kind", std::string(KindName(d.kind))},
                          {"format", std::string(FormatName(d.format))},
                          {"sources", d.sources},
                          {"rows", rows},
                          {"flagged_records", q.flagged_records},
                          {"errors", q.errors},
                          {"warnings", q.warnings},
                          {"counts", counts},
                          {"issues", issues},
                          {"issues_listed_per_rule", kMaxListedIssues}});
      continue;
    }
    std::printf("dataset %s (%s from %s): %s records, %s flagged\n", d.name.c_str(),
                std::string(KindName(d.kind)).c_str(), std::string(FormatName(d.format)).c_str(),
                WithThousands(static_cast<long long>(rows)).c_str(),
                WithThousands(static_cast<long long>(q.flagged_records)).c_str());
    for (const RuleCount& c : q.counts)
      std::printf("  %-7s %-18s %-6s %10s  %s\n", std::string(SeverityName(c.severity)).c_str(), c.rule.c_str(),
                  c.dfe_code.empty() ? "-" : c.dfe_code.c_str(), WithThousands(static_cast<long long>(c.records)).c_str(),
                  std::string(RuleTitle(c.rule)).c_str());
    const size_t shown = std::min(args.list, q.issues.size());
    for (size_t k = 0; k < shown; ++k) {
      const QualityIssue& i = q.issues[k];
      const std::string code = i.dfe_code.empty() ? "" : " [DfE " + i.dfe_code + "]";
      const std::string child = i.child.empty() ? "" : " child " + i.child;
      std::printf("  %s: %s %s%s%s: %s\n", Place(i).c_str(), std::string(SeverityName(i.severity)).c_str(),
                  i.rule.c_str(), code.c_str(), child.c_str(), i.detail.c_str());
    }
    const size_t total = q.errors + q.warnings;
    if (total > shown)
      std::printf("  ... %s more (--list N, or --json)\n", WithThousands(static_cast<long long>(total - shown)).c_str());
  }
  if (args.json) {
    nlohmann::json j = {{"datasets", datasets}, {"errors", errors}, {"warnings", warnings}};
    nlohmann::json failed = nlohmann::json::array();
    for (const auto& [path, message] : load.errors) failed.push_back({{"file", path}, {"error", message}});
    j["load_errors"] = failed;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::printf("%s error%s, %s warning%s in %zu dataset%s\n", WithThousands(static_cast<long long>(errors)).c_str(),
                errors == 1 ? "" : "s", WithThousands(static_cast<long long>(warnings)).c_str(), warnings == 1 ? "" : "s",
                checked, checked == 1 ? "" : "s");
  }
  if (!load.errors.empty()) return 2;
  return errors ? 1 : 0;
}

const CommandRegistrar kRegistrar(
    "check", "Data-quality report: each record-level problem with its file, line, rule and DfE rule code",
    [](CLI::App& app) -> std::function<int()> {
      auto args = std::make_shared<CheckArgs>();
      app.add_option("files", args->files, "CSV files, workbooks, CIN census XML or snapshots")
          ->required()
          ->check(CLI::ExistingPath);
      app.add_flag("--json", args->json, "machine-readable report (every listed problem)");
      app.add_option("--list", args->list, "problems to print per dataset (default 20)");
      app.add_option("--two-digit-years", args->two_digit_years,
                     "read two-digit years in the century from this year (default: flag them)")
          ->check(CLI::Range(1800, 2100));
      app.footer(
          "Exit code: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be loaded.");
      return [args] { return Run(*args); };
    });

}  // namespace
}  // namespace csc::cli
