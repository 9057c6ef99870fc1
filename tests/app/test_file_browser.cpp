#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "views/file_browser.hpp"

using namespace csc;
namespace fs = std::filesystem;

TEST_CASE("the file browser lists folders first, then files, by name, hiding dot files", "[ui][browser]") {
  const fs::path dir = fs::temp_directory_path() / "csc-browser-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "b_folder");
  fs::create_directories(dir / "A_folder");
  fs::create_directories(dir / ".hidden");
  for (const char* name : {"z.csv", "a.CSV", "notes.pdf", ".secret.csv"}) std::ofstream(dir / name) << "x,y\n1,2\n";
  app::FileBrowserState s;
  app::ListDirectory(s, dir);
  REQUIRE(s.error.empty());
  std::vector<std::string> names;
  for (const auto& e : s.entries) names.push_back(e.name + (e.directory ? "/" : ""));
  CHECK(names == std::vector<std::string>{"A_folder/", "b_folder/", "a.CSV", "notes.pdf", "z.csv"});
  CHECK(s.entries[2].bytes == 8);
  app::ListDirectory(s, dir / "missing");
  CHECK(s.entries.empty());
  CHECK(s.error.find("missing") != std::string::npos);
  fs::remove_all(dir);
}
