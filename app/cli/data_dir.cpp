#include "cli/data_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "dataset/derived_columns.hpp"
#include "indicators/catalogue.hpp"
#include "ingest/csv_loader.hpp"

namespace csc::cli {

bool LoadDataDir(const std::string& dir, Catalog& catalog, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = dir + ": not a folder";
    return false;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".csv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    error = dir + ": no .csv files";
    return false;
  }
  for (const auto& f : files) {
    try {
      // Canonical case data gets its derived columns (timeliness in working days) as the
      // dataset loader gives them, so indicator counts read the same columns everywhere.
      catalog.Add(f.stem().string(), WithDerivedColumns(LoadCsvFile(f.string()).table));
    } catch (const std::exception& e) {
      error = e.what();
      return false;
    }
  }
  return true;
}

bool IsSyntheticDir(const std::string& dir) {
  std::ifstream in(dir + "/README.md");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str().find("SYNTHETIC") != std::string::npos;
}

std::string DefaultDataDir() { return AssetsDir() + "/demo"; }

}  // namespace csc::cli
