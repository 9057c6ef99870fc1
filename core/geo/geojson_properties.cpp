#include "geo/geojson_properties.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "util/text.hpp"

namespace csc {

GeoJsonSummary SummariseGeoJson(std::string_view geojson, const std::string& source) {
  using Json = nlohmann::json;
  Json doc;
  try {
    doc = Json::parse(geojson);
  } catch (const Json::parse_error& e) {
    // nlohmann says "parse error at line L, column C: ..." after its own prefix.
    std::string what = e.what();
    const size_t at = what.find("parse error");
    throw std::runtime_error(source + ": not valid JSON: " + (at == std::string::npos ? what : what.substr(at)));
  }
  if (!doc.is_object() || doc.value("type", "") != "FeatureCollection")
    throw std::runtime_error(source + ": not a GeoJSON FeatureCollection (its \"type\" must be \"FeatureCollection\")");
  if (!doc.contains("features") || !doc["features"].is_array() || doc["features"].empty())
    throw std::runtime_error(source + ": the FeatureCollection has no features");
  GeoJsonSummary summary;
  std::vector<std::set<std::string>> seen;
  auto index_of = [&](const std::string& name) {
    for (size_t i = 0; i < summary.properties.size(); ++i)
      if (summary.properties[i].name == name) return i;
    summary.properties.push_back({name, {}, 0, 0});
    seen.emplace_back();
    return summary.properties.size() - 1;
  };
  for (const Json& feature : doc["features"]) {
    ++summary.features;
    if (!feature.is_object() || !feature.contains("properties") || !feature["properties"].is_object()) continue;
    for (const auto& [key, value] : feature["properties"].items()) {
      const size_t i = index_of(key);
      std::string text;
      if (value.is_string()) text = value.get<std::string>();
      else if (value.is_number()) text = value.dump();
      else continue;
      GeoJsonProperty& p = summary.properties[i];
      ++p.features;
      if (seen[i].insert(text).second && p.samples.size() < 3) p.samples.push_back(text);
    }
  }
  for (size_t i = 0; i < summary.properties.size(); ++i) summary.properties[i].distinct = seen[i].size();
  return summary;
}

std::string GuessNameProperty(const GeoJsonSummary& s) {
  for (const auto& p : s.properties)
    if (p.name.size() > 2 && EqualsIgnoreCase(std::string_view(p.name).substr(p.name.size() - 2), "NM")) return p.name;
  for (const auto& p : s.properties)
    if (EqualsIgnoreCase(p.name, "name")) return p.name;
  for (const auto& p : s.properties) {
    bool text = !p.samples.empty();
    for (const auto& v : p.samples) text = text && !v.empty() && !std::isdigit(static_cast<unsigned char>(v[0]));
    if (text && p.distinct == s.features && p.features == s.features) return p.name;
  }
  return "";
}

}  // namespace csc
