#pragma once
// Options that persist between sessions (theme, disclosure threshold, window size, recent
// files), in settings.json beside views.json; written atomically, a damaged file ignored
// with a message rather than blocking start-up.
#include <string>
#include <vector>

namespace csc::app {

struct Settings {
  std::string theme = "light";  // light or dark
  int disclosure_threshold = 5;  // counts 1..threshold withheld in presentation mode
  int window_width = 1600, window_height = 1000;
  std::vector<std::string> recent_files;  // newest first, at most 10

  void AddRecent(const std::string& path);
  friend bool operator==(const Settings&, const Settings&) = default;
};

std::string SettingsPath();  // ConfigDir()/settings.json
// Missing file: defaults. Damaged: defaults, and `error` says why. A disclosure threshold
// outside 5, 7, 10 is refused (the default kept) and `error` names it.
Settings LoadSettings(const std::string& path, std::string& error);
bool SaveSettings(const std::string& path, const Settings& settings, std::string& error);

}  // namespace csc::app
