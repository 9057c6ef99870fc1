#pragma once
// Runs the built `csc` binary (CSC_CLI_PATH) as a user would, returning its exit code and
// output: the CLI tests assert on exactly what a person sees.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace csc::test {

struct CliRun {
  int exit_code;
  std::string out;
};

// `with_stderr`: stderr joins stdout, else it is dropped. `env`: assignments put before the
// command, e.g. "CSC_CONFIG_DIR=/tmp/x".
inline CliRun RunCsc(const std::string& args, bool with_stderr = true, const std::string& env = "") {
  const std::string command =
      env + " " + std::string(CSC_CLI_PATH) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace csc::test
