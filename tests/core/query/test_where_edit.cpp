#include <catch2/catch.hpp>

#include "query/where_edit.hpp"

using namespace csc;

TEST_CASE("a slicer selection replaces its column's filter in place and keeps other lines", "[where-edit]") {
  const std::string where = "age 0..4\nlatest_category in (NEG)\n\nward in (Sitwell)\nbad line (\n";
  CHECK(SetSelection(where, "latest_category", {"NEG", "EMO"}) ==
        "age 0..4\nlatest_category in (NEG, EMO)\nward in (Sitwell)\nbad line (\n");
  CHECK(SetSelection(where, "latest_category", {}) == "age 0..4\nward in (Sitwell)\nbad line (\n");
  CHECK(SetSelection(where, "sex", {"F"}) == "age 0..4\nlatest_category in (NEG)\nward in (Sitwell)\nbad line (\nsex in (F)\n");
  CHECK(SetSelection("", "ward", {"Boston Castle"}) == "ward in ('Boston Castle')\n");
  CHECK(SetSelection("", "ward", {}, true) == "ward in (null)\n");
}

TEST_CASE("selection, and the lines a slicer counts under", "[where-edit]") {
  const std::string where = "ward in (Sitwell, 'Boston Castle')\nLATEST_CATEGORY not in (NEG)\nage 0..4\n";
  const auto sel = SelectionOf(where, "ward");
  REQUIRE(sel);
  CHECK(sel->values == std::vector<std::string>{"Sitwell", "Boston Castle"});
  CHECK_FALSE(SelectionOf(where, "latest_category"));  // a not-in is not a selection
  CHECK(LinesWithout(where, "latest_category") == std::vector<std::string>{"ward in (Sitwell, 'Boston Castle')", "age 0..4"});
  CHECK(LinesWithout(where, "ward") == std::vector<std::string>{"LATEST_CATEGORY not in (NEG)", "age 0..4"});
}

TEST_CASE("chart clicks select, Ctrl-clicks add and remove, a second click clears", "[where-edit]") {
  std::string w;
  w = ClickValue(w, "ward", "Sitwell", false);
  CHECK(w == "ward in (Sitwell)\n");
  w = ClickValue(w, "ward", "Valley", true);
  CHECK(w == "ward in (Sitwell, Valley)\n");
  w = ClickValue(w, "ward", "Sitwell", true);
  CHECK(w == "ward in (Valley)\n");
  w = ClickValue(w, "ward", "Hellaby", false);
  CHECK(w == "ward in (Hellaby)\n");
  w = ClickValue(w, "ward", "Hellaby", false);
  CHECK(w.empty());
}

TEST_CASE("the age range line is read and replaced", "[where-edit]") {
  CHECK_FALSE(AgeRangeOf("ward in (X)\n"));
  CHECK(AgeRangeOf("age 0..4\n") == std::pair{0, 4});
  CHECK(SetAgeRange("ward in (X)\nage 0..4\n", std::pair{10, 15}) == "ward in (X)\nage 10..15\n");
  CHECK(SetAgeRange("age 0..4\nward in (X)\n", std::nullopt) == "ward in (X)\n");
}

TEST_CASE("age bands are one filter line that replaces an age range, and the other way round", "[where-edit]") {
  CHECK(AgeBandsOf("ward in (X)\n").empty());
  CHECK(SetAgeBands("ward in (X)\nage 0..4\n", {"1-4", "Unborn"}) == "ward in (X)\nage in (unborn, 1-4)\n");
  CHECK(SetAgeBands("", {"Under 1", "18+", "Unknown", "nonsense"}) == "age in (under1, 18+, unknown)\n");
  CHECK(AgeBandsOf("age in (under1, 18+, unknown)\n") == std::vector<std::string>{"Under 1", "18+", "Unknown"});
  CHECK(AgeBandsOf("ward in (X)\nage in (1-4, unborn)\n") == std::vector<std::string>{"Unborn", "1-4"});
  CHECK(SetAgeBands("age in (1-4)\nward in (X)\n", {}) == "ward in (X)\n");
  CHECK(SetAgeRange("age in (1-4)\nward in (X)\n", std::pair{5, 9}) == "age 5..9\nward in (X)\n");
  CHECK(LinesWithoutAge("age in (1-4)\nward in (X)\nage 0..3\n") == std::vector<std::string>{"ward in (X)"});
}
