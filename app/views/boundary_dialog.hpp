#pragma once
// File > Open ward boundaries: a user's own ward boundary GeoJSON for the map. The dialog
// lists the file's properties with sample values so the user picks the one holding the ward
// name (and, optionally, the code) by what it contains; the map then uses that file, and the
// data's wards that are not on it (and its wards no data names) are listed, never dropped
// without a word.
#include <optional>
#include <string>
#include <vector>

#include "geo/geojson_properties.hpp"
#include "geo/ward_match.hpp"
#include "query/catalog.hpp"
#include "views/file_browser.hpp"

namespace csc::app {

struct BoundaryDialogState {
  bool open_requested = false;
  FileBrowserState browser;
  std::string path;   // the file read (empty: choosing one)
  std::string text;   // its contents
  GeoJsonSummary summary;
  int name_property = -1;  // index into summary.properties
  int code_property = -1;  // -1: none
  std::string error;
  std::optional<WardMatch> match;  // once used: how the data's wards meet it
  std::string in_use;              // the file the map uses ("" the bundled wards)
  bool use_when_loaded = false;    // apply the pick once data is loaded (--ward-property)
};

// `csc-explorer --boundaries FILE [--ward-property NAME]`: reads the file; with a property,
// the map uses it as soon as data is loaded, else the dialog opens on the property list.
bool OpenBoundariesFromCommandLine(BoundaryDialogState& state, const std::string& path, const std::string& property);

// Reads `path` and lists its properties, guessing the name property. False with `error` set.
bool ReadBoundaryFile(BoundaryDialogState& state, const std::string& path);
// Parses the file with the chosen properties and makes it the map's boundaries; matches the
// data's wards against it. False with `error` set (the map keeps what it had).
bool UseChosenBoundaries(BoundaryDialogState& state, const std::vector<std::string>& data_wards);
// The distinct values of every loaded table's ward column.
std::vector<std::string> DataWards(const Catalog& catalog);
void DrawBoundaryDialog(BoundaryDialogState& state, const Catalog* catalog);

}  // namespace csc::app
