#pragma once
// What a user's own ward boundary file offers before it is used: each feature property with
// a few sample values, so a person can see which one holds the ward name (or code) rather
// than guess from a column name like "WD13NM" or "objectid".
#include <string>
#include <string_view>
#include <vector>

namespace csc {

struct GeoJsonProperty {
  std::string name;
  std::vector<std::string> samples;  // the first distinct values, in feature order (at most 3)
  size_t distinct = 0;               // distinct values over all features
  size_t features = 0;               // features that have it (as text or a number)
};

struct GeoJsonSummary {
  size_t features = 0;
  std::vector<GeoJsonProperty> properties;  // in the first feature's order, then any others met
};

// Throws std::runtime_error naming `source` (and the line and column of a JSON syntax error,
// or what is missing) when the text is not a FeatureCollection with at least one feature.
GeoJsonSummary SummariseGeoJson(std::string_view geojson, const std::string& source);

// The property that most likely holds ward names: one ending in "NM", else "name" (any case),
// else the first whose values are all distinct text; "" when there is none.
std::string GuessNameProperty(const GeoJsonSummary& summary);

}  // namespace csc
