#include "geo/ward_boundaries.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>
#include <sstream>
#include <stdexcept>

#include "util/text.hpp"

namespace csc {

namespace {

using Json = nlohmann::json;

std::string Key(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

double Cross(MapPoint o, MapPoint a, MapPoint b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

double SignedArea(const std::vector<MapPoint>& ring) {
  double a = 0;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) a += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
  return a / 2;
}

bool InTriangle(MapPoint p, MapPoint a, MapPoint b, MapPoint c) {
  const double d1 = Cross(a, b, p), d2 = Cross(b, c, p), d3 = Cross(c, a, p);
  const bool neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

std::string PickProperty(const Json& props, const std::string& wanted, std::string_view suffix, std::string_view fallback) {
  if (!wanted.empty()) return wanted;
  if (props.is_object())
    for (const auto& [k, v] : props.items())
      if (k.size() > suffix.size() && EqualsIgnoreCase(std::string_view(k).substr(k.size() - suffix.size()), suffix) &&
          v.is_string())
        return k;
  return std::string(fallback);
}

std::string PropertyText(const Json& props, const std::string& name) {
  if (!props.is_object() || !props.contains(name)) return {};
  const Json& v = props[name];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  return {};
}

}  // namespace

bool PointInRing(const std::vector<MapPoint>& ring, MapPoint p) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
        p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
      in = !in;
  return in;
}

std::vector<uint32_t> TriangulateRing(const std::vector<MapPoint>& input) {
  std::vector<MapPoint> ring = input;
  if (ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) ring.pop_back();
  std::vector<uint32_t> out;
  if (ring.size() < 3) return out;
  std::vector<uint32_t> idx(ring.size());
  for (uint32_t i = 0; i < idx.size(); ++i) idx[i] = i;
  // Ears are convex corners in the ring's own winding with no other vertex inside.
  const double orientation = SignedArea(ring) >= 0 ? 1 : -1;
  size_t guard = 0;
  while (idx.size() > 3 && guard < idx.size()) {
    bool clipped = false;
    for (size_t i = 0; i < idx.size(); ++i) {
      const uint32_t a = idx[(i + idx.size() - 1) % idx.size()], b = idx[i], c = idx[(i + 1) % idx.size()];
      if (Cross(ring[a], ring[b], ring[c]) * orientation <= 0) continue;
      bool empty = true;
      for (uint32_t k : idx)
        if (k != a && k != b && k != c && InTriangle(ring[k], ring[a], ring[b], ring[c])) {
          empty = false;
          break;
        }
      if (!empty) continue;
      out.insert(out.end(), {a, b, c});
      idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i));
      clipped = true;
      break;
    }
    // A ring that touches itself has no ear somewhere: cut a corner anyway rather than loop.
    if (!clipped) {
      out.insert(out.end(), {idx[0], idx[1], idx[2]});
      idx.erase(idx.begin() + 1);
      ++guard;
    }
  }
  if (idx.size() == 3) out.insert(out.end(), {idx[0], idx[1], idx[2]});
  return out;
}

int WardBoundaries::Find(std::string_view key) const {
  const std::string k = Key(key);
  if (k.empty()) return -1;
  for (size_t i = 0; i < wards.size(); ++i)
    if (Key(wards[i].name) == k || (!wards[i].code.empty() && Key(wards[i].code) == k)) return static_cast<int>(i);
  return -1;
}

int WardBoundaries::HitTest(MapPoint p) const {
  for (size_t i = 0; i < wards.size(); ++i) {
    const WardShape& w = wards[i];
    if (p.x < w.box.min_x || p.x > w.box.max_x || p.y < w.box.min_y || p.y > w.box.max_y) continue;
    for (const auto& ring : w.rings)
      if (PointInRing(ring, p)) return static_cast<int>(i);
  }
  return -1;
}

WardBoundaries ParseWardBoundaries(std::string_view geojson, const std::string& source, const std::string& name_property,
                                   const std::string& code_property) {
  Json doc;
  try {
    doc = Json::parse(geojson);
  } catch (const Json::parse_error& e) {
    throw std::runtime_error(source + ": not valid JSON (" + e.what() + ")");
  }
  if (!doc.is_object() || doc.value("type", "") != "FeatureCollection" || !doc.contains("features") ||
      !doc["features"].is_array())
    throw std::runtime_error(source + ": not a GeoJSON FeatureCollection");
  const Json& features = doc["features"];
  if (features.empty()) throw std::runtime_error(source + ": the FeatureCollection has no features");

  WardBoundaries out;
  const Json& first_props = features[0].contains("properties") ? features[0]["properties"] : Json();
  out.name_property = PickProperty(first_props, name_property, "NM", "name");
  out.code_property = PickProperty(first_props, code_property, "CD", "code");

  // Longitude is shortened by the cosine of the middle latitude, so shapes keep their
  // proportions at a ward's scale (an equirectangular projection centred on the area).
  double lat_sum = 0;
  size_t lat_n = 0;
  auto for_each_ring = [&](const Json& geometry, size_t feature, auto&& fn) {
    const std::string type = geometry.value("type", "");
    const Json& coords = geometry.contains("coordinates") ? geometry["coordinates"] : Json();
    auto bad = [&](const std::string& what) {
      return std::runtime_error(source + ": feature " + std::to_string(feature + 1) + ": " + what);
    };
    if (!coords.is_array()) throw bad("geometry has no coordinates");
    auto polygon = [&](const Json& rings) {
      if (!rings.is_array() || rings.empty() || !rings[0].is_array()) throw bad("a polygon without rings");
      fn(rings[0]);  // the outer ring; holes (lakes in a ward) are left filled
    };
    if (type == "Polygon") polygon(coords);
    else if (type == "MultiPolygon")
      for (const Json& p : coords) polygon(p);
    else
      throw bad("geometry type '" + type + "' is not Polygon or MultiPolygon");
  };
  for (size_t f = 0; f < features.size(); ++f) {
    if (!features[f].contains("geometry") || !features[f]["geometry"].is_object())
      throw std::runtime_error(source + ": feature " + std::to_string(f + 1) + " has no geometry");
    for_each_ring(features[f]["geometry"], f, [&](const Json& ring) {
      for (const Json& pt : ring)
        if (pt.is_array() && pt.size() >= 2 && pt[1].is_number()) lat_sum += pt[1].get<double>(), ++lat_n;
    });
  }
  const double lat0 = lat_n ? lat_sum / static_cast<double>(lat_n) : 0;
  const double kx = std::cos(lat0 * std::numbers::pi / 180);

  out.box = {1e300, 1e300, -1e300, -1e300};
  for (size_t f = 0; f < features.size(); ++f) {
    const Json& props = features[f].contains("properties") ? features[f]["properties"] : Json();
    WardShape w;
    w.name = PropertyText(props, out.name_property);
    w.code = PropertyText(props, out.code_property);
    if (w.name.empty())
      throw std::runtime_error(source + ": feature " + std::to_string(f + 1) + " has no '" + out.name_property + "' property");
    w.box = {1e300, 1e300, -1e300, -1e300};
    double best_area = -1;
    for_each_ring(features[f]["geometry"], f, [&](const Json& ring) {
      std::vector<MapPoint> pts;
      for (const Json& pt : ring) {
        if (!pt.is_array() || pt.size() < 2 || !pt[0].is_number() || !pt[1].is_number())
          throw std::runtime_error(source + ": feature " + std::to_string(f + 1) + " (" + w.name + "): a point is not [lon, lat]");
        const MapPoint p{pt[0].get<double>() * kx, -pt[1].get<double>()};
        pts.push_back(p);
        w.box.min_x = std::min(w.box.min_x, p.x), w.box.max_x = std::max(w.box.max_x, p.x);
        w.box.min_y = std::min(w.box.min_y, p.y), w.box.max_y = std::max(w.box.max_y, p.y);
      }
      if (pts.size() < 3) return;
      w.triangles.push_back(TriangulateRing(pts));
      const double area = std::fabs(SignedArea(pts));
      if (area > best_area) {
        // The label sits at the area-weighted centre of the largest part's triangles, which
        // lies inside the part (a centroid of a concave ward may not).
        best_area = area;
        const auto& tri = w.triangles.back();
        double biggest = -1;
        for (size_t t = 0; t + 2 < tri.size(); t += 3) {
          const MapPoint a = pts[tri[t]], b = pts[tri[t + 1]], c = pts[tri[t + 2]];
          const double ta = std::fabs(Cross(a, b, c));
          if (ta > biggest) biggest = ta, w.label = {(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3};
        }
      }
      w.rings.push_back(std::move(pts));
    });
    if (w.rings.empty()) continue;
    out.box.min_x = std::min(out.box.min_x, w.box.min_x), out.box.max_x = std::max(out.box.max_x, w.box.max_x);
    out.box.min_y = std::min(out.box.min_y, w.box.min_y), out.box.max_y = std::max(out.box.max_y, w.box.max_y);
    out.wards.push_back(std::move(w));
  }
  if (out.wards.empty()) throw std::runtime_error(source + ": no feature has a polygon");
  return out;
}

WardBoundaries LoadWardBoundaries(const std::string& path, const std::string& name_property, const std::string& code_property) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return ParseWardBoundaries(text.str(), path, name_property, code_property);
}

std::vector<std::string> GeoJsonPropertyNames(std::string_view geojson) {
  std::vector<std::string> out;
  const Json doc = Json::parse(geojson, nullptr, false);
  if (doc.is_discarded() || !doc.contains("features") || !doc["features"].is_array() || doc["features"].empty()) return out;
  const Json& props = doc["features"][0].contains("properties") ? doc["features"][0]["properties"] : Json();
  if (props.is_object())
    for (const auto& [k, v] : props.items()) out.push_back(k);
  return out;
}

std::vector<double> QuantileBreaks(std::vector<double> values, int classes) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
  std::vector<double> breaks;
  if (values.empty() || classes < 1) return breaks;
  std::sort(values.begin(), values.end());
  for (int k = 1; k <= classes; ++k) {
    // The value at the k/classes quantile (nearest rank), so each class's bound is a real value.
    const size_t rank = (values.size() * static_cast<size_t>(k) + static_cast<size_t>(classes) - 1) / static_cast<size_t>(classes);
    const double b = values[std::min(values.size(), std::max<size_t>(rank, 1)) - 1];
    if (breaks.empty() || b > breaks.back()) breaks.push_back(b);
  }
  return breaks;
}

int ClassOf(double v, const std::vector<double>& breaks) {
  if (!std::isfinite(v) || breaks.empty()) return -1;
  for (size_t i = 0; i < breaks.size(); ++i)
    if (v <= breaks[i]) return static_cast<int>(i);
  return static_cast<int>(breaks.size()) - 1;
}

}  // namespace csc
