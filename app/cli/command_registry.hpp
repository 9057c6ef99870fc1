#pragma once
// Each `csc` subcommand lives in its own cmd_<name>.cpp and registers itself here with a
// static CommandRegistrar, so adding a command never touches main.cpp.
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace csc::cli {

// Adds the subcommand's options to `app` and returns the function that runs it once parsed.
// The run function returns the process exit code.
using CommandSetup = std::function<std::function<int()>(CLI::App& app)>;

struct CommandEntry {
  std::string name;
  std::string description;
  CommandSetup setup;
};

std::vector<CommandEntry>& Commands();

struct CommandRegistrar {
  CommandRegistrar(std::string name, std::string description, CommandSetup setup);
};

}  // namespace csc::cli
