#include "ui/saved_views.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "util/atomic_file.hpp"

namespace csc::app {

std::string ConfigDir() {
  if (const char* dir = std::getenv("CSC_CONFIG_DIR")) return dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME")) return std::string(xdg) + "/csc-explorer";
  if (const char* home = std::getenv("HOME")) return std::string(home) + "/.config/csc-explorer";
  return ".csc-explorer";
}

SavedViews::SavedViews(std::string path) : m_path(std::move(path)) {}

void SavedViews::Load() {
  m_views.clear();
  m_error.clear();
  std::ifstream in(m_path);
  if (!in) return;
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    for (const auto& v : j.at("views")) {
      SavedView view;
      view.name = v.at("name").get<std::string>();
      view.table = v.value("table", "");
      view.where = v.value("where", std::vector<std::string>{});
      view.period = v.value("period", "");
      view.count = v.value("count", "");
      view.by = v.value("by", "");
      view.measure = v.value("measure", "");
      view.chart = v.value("chart", "auto");
      view.link = v.value("link", "");
      view.compare = v.value("compare", false);
      view.compare_base = v.value("compare_base", "");
      view.compare_current = v.value("compare_current", "");
      view.reference_indicator = v.value("reference_lines", "");
      if (v.contains("notes"))
        for (const auto& n : v.at("notes"))
          view.notes.push_back({n.value("at", ""), n.value("series", ""), n.at("text").get<std::string>()});
      m_views.push_back(std::move(view));
    }
  } catch (const std::exception& e) {
    m_error = m_path + ": cannot read saved views (" + e.what() + ")";
    m_damaged = true;
  }
}

bool SavedViews::Put(SavedView view) {
  const auto it = std::find_if(m_views.begin(), m_views.end(), [&](const SavedView& v) { return v.name == view.name; });
  if (it != m_views.end()) *it = std::move(view);
  else m_views.push_back(std::move(view));
  return Save();
}

bool SavedViews::Remove(const std::string& name) {
  m_views.erase(std::remove_if(m_views.begin(), m_views.end(), [&](const SavedView& v) { return v.name == name; }),
                m_views.end());
  return Save();
}

bool SavedViews::Save() {
  nlohmann::json views = nlohmann::json::array();
  for (const auto& v : m_views) {
    nlohmann::json j = {{"name", v.name}, {"table", v.table}, {"where", v.where}, {"period", v.period},
                        {"count", v.count}, {"by", v.by}, {"measure", v.measure}, {"chart", v.chart}, {"link", v.link}};
    // Only what a view uses, so files written before these fields read the same.
    if (v.compare) j["compare"] = true, j["compare_base"] = v.compare_base, j["compare_current"] = v.compare_current;
    if (!v.reference_indicator.empty()) j["reference_lines"] = v.reference_indicator;
    if (!v.notes.empty()) {
      j["notes"] = nlohmann::json::array();
      for (const auto& n : v.notes) j["notes"].push_back({{"at", n.at}, {"series", n.series}, {"text", n.text}});
    }
    views.push_back(std::move(j));
  }
  try {
    std::filesystem::create_directories(std::filesystem::path(m_path).parent_path());
    // Keep a damaged file for the user to mend rather than overwriting what it held.
    if (m_damaged) std::filesystem::rename(m_path, m_path + ".damaged");
    m_damaged = false;
    WriteFileAtomically(m_path, nlohmann::json{{"views", views}}.dump(2) + "\n");
    m_error.clear();
    return true;
  } catch (const std::exception& e) {
    m_error = e.what();
    return false;
  }
}

}  // namespace csc::app
