#pragma once
// Named views (a dataset, its query and the tab) kept in a human-readable JSON file that
// survives restarts: $CSC_CONFIG_DIR, else $XDG_CONFIG_HOME/csc-explorer, else
// ~/.config/csc-explorer, file views.json, always written atomically.
#include <string>
#include <vector>

#include "plot/chart_frame.hpp"

namespace csc::app {

struct SavedView {
  std::string name;
  std::string table;
  std::vector<std::string> where;
  std::string period, count, by, measure;
  std::string chart = "auto";  // auto, bars, stacked, lines, ranking, pyramid
  std::string link;            // linked dataset clause, empty for none
  bool compare = false;        // two periods compared (empty periods: the defaults)
  std::string compare_base, compare_current;
  std::vector<ChartNote> notes;     // pinned to a group (period, category) or a point
  std::string reference_indicator;  // indicator whose target, England and SN lines are drawn
  friend bool operator==(const SavedView&, const SavedView&) = default;
};

std::string ConfigDir();

class SavedViews {
 public:
  explicit SavedViews(std::string path = ConfigDir() + "/views.json");
  // Reads the file; a missing file is an empty list, a damaged one is reported in error().
  void Load();
  // Adds or replaces by name, then writes the file (a damaged file is first kept as
  // views.json.damaged). Returns false with error() set.
  bool Put(SavedView view);
  bool Remove(const std::string& name);
  const std::vector<SavedView>& views() const { return m_views; }
  const std::string& error() const { return m_error; }
  const std::string& path() const { return m_path; }

 private:
  bool Save();
  std::string m_path;
  std::vector<SavedView> m_views;
  std::string m_error;
  bool m_damaged = false;
};

}  // namespace csc::app
