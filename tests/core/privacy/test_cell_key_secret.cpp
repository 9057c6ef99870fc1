// The installation secret: made once, read back the same, private, and never silently
// replaced when damaged.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "privacy/cell_key_secret.hpp"

using namespace csc;

namespace {
std::string FreshDir(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / (std::string(name) + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return (dir / "nested").string();  // the directory is created too
}
}  // namespace

TEST_CASE("Cell-key secret: created on first use, 0600, the same seed every time after", "[privacy][cellkey]") {
  const std::string dir = FreshDir("csc-secret-a-");
  const uint64_t first = LoadOrCreateCellKeySeed(dir);
  CHECK(LoadOrCreateCellKeySeed(dir) == first);
  const std::string path = dir + "/cell_key_secret";
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  CHECK(line.size() == 64);
  // Another installation draws its own secret (2^-64 chance of a clash).
  CHECK(LoadOrCreateCellKeySeed(FreshDir("csc-secret-b-")) != first);
  std::filesystem::remove_all(std::filesystem::path(dir).parent_path());
}

TEST_CASE("Cell-key secret: a damaged file is an error naming it, and is left alone", "[privacy][cellkey]") {
  const std::string dir = FreshDir("csc-secret-c-");
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/cell_key_secret";
  { std::ofstream(path) << "not hex\n"; }
  try {
    LoadOrCreateCellKeySeed(dir);
    FAIL("a damaged secret was accepted");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find(path + ": line 1: the cell-key secret must be 64 hex digits") == 0);
  }
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  CHECK(line == "not hex");
  std::filesystem::remove_all(std::filesystem::path(dir).parent_path());
}
