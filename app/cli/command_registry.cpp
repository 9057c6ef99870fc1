#include "cli/command_registry.hpp"

namespace csc::cli {

std::vector<CommandEntry>& Commands() {
  static std::vector<CommandEntry> commands;  // function-local: safe during static init
  return commands;
}

CommandRegistrar::CommandRegistrar(std::string name, std::string description, CommandSetup setup) {
  Commands().push_back({std::move(name), std::move(description), std::move(setup)});
}

}  // namespace csc::cli
