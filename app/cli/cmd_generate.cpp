// `csc generate`: the synthetic demonstration extract (--out DIR: canonical files plus their
// SSDA903 and Annex A renderings), or the many-LA benchmark
// extract (--rows N --las N --out FILE). Deterministic for a seed.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "cli/command_registry.hpp"
#include "generate/benchmark_extract.hpp"
#include "generate/demo_extract.hpp"
#include "util/text.hpp"

namespace csc::cli {
namespace {

struct GenerateArgs {
  std::string out;
  uint64_t rows = 0;
  int las = 150;
  uint64_t seed = 0;
  bool seed_given = false;
};

int Run(const GenerateArgs& a) {
  try {
    if (a.rows > 0) {
      const auto stats = WriteBenchmarkExtract(a.out, a.rows, a.las, a.seed_given ? a.seed : 42);
      std::printf("wrote %s: %s rows, %s, %d LAs, in %.1f s\n", a.out.c_str(),
                  WithThousands(static_cast<long long>(stats.rows)).c_str(), FormatBytes(stats.bytes).c_str(), a.las,
                  stats.seconds);
      return 0;
    }
    WriteDemoExtract(a.out, a.seed_given ? a.seed : kDemoSeed);
    std::printf("wrote the synthetic demonstration extract to %s\n", a.out.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "csc generate: " << e.what() << "\n";
    return 1;
  }
}

const CommandRegistrar kRegistrar(
    "generate", "Write the synthetic demonstration extract, or the benchmark extract with --rows",
    [](CLI::App& app) -> std::function<int()> {
      auto args = std::make_shared<GenerateArgs>();
      app.add_option("--out", args->out, "directory (demonstration extract) or file (benchmark extract)")->required();
      app.add_option("--rows", args->rows, "write the benchmark extract with this many rows instead")
          ->check(CLI::Range(uint64_t{1}, uint64_t{10'000'000'000}));  // 0 would silently mean the demonstration
      app.add_option("--las", args->las, "local authorities in the benchmark extract (default 150)")
          ->check(CLI::Range(1, 100000));
      app.add_option_function<uint64_t>("--seed", [args](uint64_t s) { args->seed = s, args->seed_given = true; },
                                        "seed (default 2013 for the demonstration, 42 for the benchmark)");
      return [args] { return Run(*args); };
    });

}  // namespace
}  // namespace csc::cli
