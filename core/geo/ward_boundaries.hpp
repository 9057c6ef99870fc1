#pragma once
// Ward boundaries for the ward map: GeoJSON polygons (a Feature per ward, longitude/latitude)
// projected once to a flat plane and cut into triangles, so drawing a choropleth is filling
// triangles and hit testing is a point-in-polygon test. Everything here is UI-free maths.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace csc {

struct MapPoint {
  double x = 0, y = 0;  // projected: x east, y south (screen order), same scale both ways
};

struct MapBox {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  double width() const { return max_x - min_x; }
  double height() const { return max_y - min_y; }
};

struct WardShape {
  std::string name, code;                      // from the properties chosen (e.g. WD13NM, WD13CD)
  std::vector<std::vector<MapPoint>> rings;    // outer rings of each polygon part (holes dropped, see .cpp)
  std::vector<std::vector<uint32_t>> triangles;  // per ring: index triples into that ring
  MapBox box;
  MapPoint label;  // where the name goes: the centre of the largest triangle-weighted part
};

struct WardBoundaries {
  std::vector<WardShape> wards;
  MapBox box;
  std::string name_property, code_property;
  // The ward whose name or code equals `key` (case- and punctuation-insensitive); -1 if none.
  int Find(std::string_view key) const;
  // The ward containing the projected point; -1 when none.
  int HitTest(MapPoint p) const;
};

// Parses a FeatureCollection of Polygon / MultiPolygon features. `name_property` (and
// `code_property`) pick the properties that hold the ward's name and code; empty = the first
// property ending in "NM" (and "CD"), else "name" / "code". Throws std::runtime_error naming
// the source and the feature for malformed input.
WardBoundaries ParseWardBoundaries(std::string_view geojson, const std::string& source,
                                   const std::string& name_property = "", const std::string& code_property = "");
WardBoundaries LoadWardBoundaries(const std::string& path, const std::string& name_property = "",
                                  const std::string& code_property = "");

// The property names of the first feature (for the "which property holds the ward name?" pick).
std::vector<std::string> GeoJsonPropertyNames(std::string_view geojson);

// Ear clipping of a simple polygon (either winding, closing point optional): n - 2 triangles
// as index triples. A degenerate ring gives what it can.
std::vector<uint32_t> TriangulateRing(const std::vector<MapPoint>& ring);
bool PointInRing(const std::vector<MapPoint>& ring, MapPoint p);

// Class breaks for a choropleth: up to `classes` quantile classes over the finite values,
// as the upper bound of each class (ascending, distinct). Empty when no value is finite.
std::vector<double> QuantileBreaks(std::vector<double> values, int classes);
// The class of `v` under `breaks` (0-based), or -1 when v is not finite.
int ClassOf(double v, const std::vector<double>& breaks);

}  // namespace csc
