// csc: the headless command-line face of CSC Explorer. Subcommands register themselves
// (see command_registry.hpp); this file only parses and dispatches.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <exception>
#include <iostream>

#include "cli/command_registry.hpp"

int main(int argc, char** argv) {
  CLI::App app{"csc: CSC Explorer on the command line (load, query, generate, kpi, ...)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "csc 0.1");

  auto& commands = csc::cli::Commands();
  std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (auto& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    runners.emplace_back(sub, command.setup(*sub));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    for (auto& [sub, run] : runners)
      if (sub->parsed()) return run();
  } catch (const std::exception& e) {
    // Commands report their own errors; anything reaching here is still one clear line.
    std::cerr << "csc: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
