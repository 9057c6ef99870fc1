// Ward map geometry: ear clipping that covers a concave ward exactly, point-in-polygon hit
// tests, the bundled Rotherham boundaries (21 wards, names and ONS codes), quantile class
// breaks, and clear errors for files that are not ward polygons.
#include <catch2/catch.hpp>
#include <cmath>

#include "geo/ward_boundaries.hpp"
#include "indicators/catalogue.hpp"

using namespace csc;

namespace {

double TriangleArea(MapPoint a, MapPoint b, MapPoint c) {
  return std::fabs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
}

double Covered(const std::vector<MapPoint>& ring, const std::vector<uint32_t>& tri) {
  double sum = 0;
  for (size_t t = 0; t + 2 < tri.size(); t += 3) sum += TriangleArea(ring[tri[t]], ring[tri[t + 1]], ring[tri[t + 2]]);
  return sum;
}

double RingArea(const std::vector<MapPoint>& ring) {
  double a = 0;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) a += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
  return std::fabs(a) / 2;
}

}  // namespace

TEST_CASE("Ward map: an L-shaped ward is cut into 4 triangles covering its 3 unit squares", "[geo]") {
  // (0,0)-(2,0)-(2,1)-(1,1)-(1,2)-(0,2): a 2x2 square missing its top-right quarter.
  const std::vector<MapPoint> l = {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}, {0, 0}};
  const auto tri = TriangulateRing(l);
  CHECK(tri.size() == 12);
  CHECK(Covered(l, tri) == Approx(3.0));
  // The same ring wound the other way.
  const std::vector<MapPoint> r(l.rbegin(), l.rend());
  CHECK(Covered(r, TriangulateRing(r)) == Approx(3.0));
  CHECK(PointInRing(l, {0.5, 1.5}));
  CHECK_FALSE(PointInRing(l, {1.5, 1.5}));  // the missing quarter
  CHECK(TriangulateRing({{0, 0}, {1, 1}}).empty());
}

TEST_CASE("Ward map: the bundled Rotherham wards load with names, codes and inside labels", "[geo]") {
  const WardBoundaries b = LoadWardBoundaries(AssetsDir() + "/geo/rotherham_wards_2013.geojson");
  REQUIRE(b.wards.size() == 21);
  CHECK(b.name_property == "WD13NM");
  CHECK(b.code_property == "WD13CD");
  const int boston = b.Find("Boston Castle");
  REQUIRE(boston >= 0);
  CHECK(b.Find("E05001019") == boston);
  CHECK(b.Find("boston castle") == boston);
  CHECK(b.Find("Nowhere") == -1);
  for (size_t i = 0; i < b.wards.size(); ++i) {
    const WardShape& w = b.wards[i];
    INFO(w.name);
    double area = 0, covered = 0;
    for (size_t r = 0; r < w.rings.size(); ++r) area += RingArea(w.rings[r]), covered += Covered(w.rings[r], w.triangles[r]);
    CHECK(covered == Approx(area).epsilon(1e-6));
    CHECK(b.HitTest(w.label) == static_cast<int>(i));
  }
  CHECK(b.HitTest({b.box.min_x - 1, b.box.min_y - 1}) == -1);
}

TEST_CASE("Ward map: files that are not ward polygons are refused with the feature named", "[geo]") {
  CHECK_THROWS_WITH(ParseWardBoundaries("{", "w.geojson"), Catch::Contains("w.geojson") && Catch::Contains("not valid JSON"));
  CHECK_THROWS_WITH(ParseWardBoundaries(R"({"type":"Feature"})", "w.geojson"), Catch::Contains("not a GeoJSON FeatureCollection"));
  const char* point = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"WD13NM":"A"},
      "geometry":{"type":"Point","coordinates":[0,0]}}]})";
  CHECK_THROWS_WITH(ParseWardBoundaries(point, "w.geojson"), Catch::Contains("feature 1") && Catch::Contains("Point"));
  const char* unnamed = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"other":"A"},
      "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})";
  CHECK_THROWS_WITH(ParseWardBoundaries(unnamed, "w.geojson"), Catch::Contains("no 'name' property"));
  // The user picks the property that holds the name.
  const WardBoundaries picked = ParseWardBoundaries(unnamed, "w.geojson", "other");
  CHECK(picked.wards.at(0).name == "A");
  CHECK(GeoJsonPropertyNames(unnamed) == std::vector<std::string>{"other"});
}

TEST_CASE("Ward map: quantile class breaks are real values, distinct and ascending", "[geo]") {
  CHECK(QuantileBreaks({10, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5) == std::vector<double>{2, 4, 6, 8, 10});
  CHECK(QuantileBreaks({5, 5, 5, NAN}, 5) == std::vector<double>{5});
  CHECK(QuantileBreaks({NAN}, 5).empty());
  const std::vector<double> breaks{2, 4, 6, 8, 10};
  CHECK(ClassOf(1, breaks) == 0);
  CHECK(ClassOf(3, breaks) == 1);
  CHECK(ClassOf(10, breaks) == 4);
  CHECK(ClassOf(NAN, breaks) == -1);
}
