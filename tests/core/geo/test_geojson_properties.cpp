#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "geo/geojson_properties.hpp"
#include "geo/ward_match.hpp"

using namespace csc;

namespace {
std::string TwoWards() {
  std::ifstream in(std::string(CSC_TEST_DATA_DIR) + "/geo/two_wards.geojson");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("a boundary file's properties are listed with sample values and distinct counts", "[geo]") {
  // tests/data/geo/two_wards.geojson: two features, each with objectid (a number), ward_label
  // and ward_ref.
  const GeoJsonSummary s = SummariseGeoJson(TwoWards(), "two_wards.geojson");
  CHECK(s.features == 2);
  REQUIRE(s.properties.size() == 3);
  CHECK(s.properties[0].name == "objectid");
  CHECK(s.properties[0].samples == std::vector<std::string>{"1", "2"});
  CHECK(s.properties[1].name == "ward_label");
  CHECK(s.properties[1].samples == std::vector<std::string>{"North Side", "South Side"});
  CHECK(s.properties[1].distinct == 2);
  CHECK(s.properties[1].features == 2);
  CHECK(s.properties[2].name == "ward_ref");
  // No *NM and no "name": the first property of distinct text, not the numeric id.
  CHECK(GuessNameProperty(s) == "ward_label");
}

TEST_CASE("a property ending in NM is the guess for ward names, and samples stop at three distinct values", "[geo]") {
  const std::string text = R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"WD13CD":"E1","WD13NM":"A"}},
    {"type":"Feature","properties":{"WD13CD":"E2","WD13NM":"A"}},
    {"type":"Feature","properties":{"WD13CD":"E3","WD13NM":"B"}},
    {"type":"Feature","properties":{"WD13CD":"E4","WD13NM":"C"}},
    {"type":"Feature","properties":{"WD13CD":"E5","WD13NM":"D"}}]})";
  const GeoJsonSummary s = SummariseGeoJson(text, "five.geojson");
  CHECK(GuessNameProperty(s) == "WD13NM");
  REQUIRE(s.properties.size() == 2);
  CHECK(s.properties[1].samples == std::vector<std::string>{"A", "B", "C"});  // "A" twice counts once
  CHECK(s.properties[1].distinct == 4);
  CHECK(s.properties[0].distinct == 5);
}

TEST_CASE("a file that is not a FeatureCollection is refused naming the file and the fault", "[geo]") {
  try {
    SummariseGeoJson("{\"type\": \"FeatureCollection\",\n \"features\": [}", "broken.geojson");
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    CHECK(what.rfind("broken.geojson: not valid JSON: parse error at line 2, column 15", 0) == 0);
  }
  CHECK_THROWS_WITH(SummariseGeoJson(R"({"type":"Feature"})", "one.geojson"),
                    "one.geojson: not a GeoJSON FeatureCollection (its \"type\" must be \"FeatureCollection\")");
  CHECK_THROWS_WITH(SummariseGeoJson(R"({"type":"FeatureCollection","features":[]})", "empty.geojson"),
                    "empty.geojson: the FeatureCollection has no features");
}

TEST_CASE("the data's wards not on the map and the map's wards not in the data are listed", "[geo]") {
  const WardBoundaries map = ParseWardBoundaries(TwoWards(), "two_wards.geojson", "ward_label", "ward_ref");
  REQUIRE(map.wards.size() == 2);
  // "north side" matches by name (case and punctuation aside), "W02" by code; "Elsewhere" is
  // not on the map; the blank is no ward at all.
  const WardMatch m = MatchWards(map, {"north side", "Elsewhere", "", "W02"});
  CHECK(m.matched == 2);
  CHECK(m.unmatched_data == std::vector<std::string>{"Elsewhere"});
  CHECK(m.unmatched_map.empty());
  const WardMatch only_north = MatchWards(map, {"North Side"});
  CHECK(only_north.unmatched_map == std::vector<std::string>{"South Side"});
}
