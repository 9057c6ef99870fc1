#include "ui/settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "privacy/cell_key.hpp"
#include "ui/saved_views.hpp"
#include "util/atomic_file.hpp"

namespace csc::app {

void Settings::AddRecent(const std::string& path) {
  recent_files.erase(std::remove(recent_files.begin(), recent_files.end(), path), recent_files.end());
  recent_files.insert(recent_files.begin(), path);
  if (recent_files.size() > 10) recent_files.resize(10);
}

std::string SettingsPath() { return ConfigDir() + "/settings.json"; }

Settings LoadSettings(const std::string& path, std::string& error) {
  Settings s;
  error.clear();
  std::ifstream in(path);
  if (!in) return s;
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    s.theme = j.value("theme", s.theme);
    const int threshold = j.value("disclosure_threshold", s.disclosure_threshold);
    if (IsAllowedThreshold(threshold)) s.disclosure_threshold = threshold;
    else error = path + ": " + ThresholdError(threshold) + "; keeping " + std::to_string(s.disclosure_threshold);
    s.window_width = j.value("window_width", s.window_width);
    s.window_height = j.value("window_height", s.window_height);
    s.recent_files = j.value("recent_files", s.recent_files);
  } catch (const std::exception& e) {
    error = path + ": settings ignored (" + e.what() + ")";
    return Settings{};
  }
  return s;
}

bool SaveSettings(const std::string& path, const Settings& s, std::string& error) {
  const nlohmann::json j = {{"theme", s.theme},
                            {"disclosure_threshold", s.disclosure_threshold},
                            {"window_width", s.window_width},
                            {"window_height", s.window_height},
                            {"recent_files", s.recent_files}};
  try {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    WriteFileAtomically(path, j.dump(2) + "\n");
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

}  // namespace csc::app
