#pragma once
// The Open dialog's browser: folders and CSV files of one directory (other files hidden
// unless asked for), navigate up and into folders, tick several files, recent files one
// click away, or type a path. Listing a folder is one directory read, done when the folder
// changes, never per frame.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace csc::app {

struct FileBrowserEntry {
  std::string name;
  bool directory = false;
  uintmax_t bytes = 0;
};

struct FileBrowserState {
  std::filesystem::path directory;
  std::vector<FileBrowserEntry> entries;  // folders first, then files, by name
  std::set<std::string> chosen;           // full paths ticked
  bool all_files = false;                 // show files that are not .csv/.txt/.tsv
  std::string error;                      // the folder could not be read
  char typed[1024] = "";
};

// Reads `directory` into state.entries (sorted; unreadable entries skipped; an unreadable
// folder leaves an error and no entries).
void ListDirectory(FileBrowserState& state, const std::filesystem::path& directory);

// Draws the browser; returns the files to open when the user confirms, else empty.
std::vector<std::string> DrawFileBrowser(FileBrowserState& state, const std::vector<std::string>& recent);

}  // namespace csc::app
