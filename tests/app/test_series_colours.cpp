#include <catch2/catch.hpp>

#include <imgui.h>

#include <set>
#include <string>

#include "plot/chart_frame.hpp"
#include "plot/palette.hpp"

using namespace csc;

TEST_CASE("a series of two dimensions keeps its category's colour, lighter for later values of the other", "[ui]") {
  app::ChartData d;
  d.series = {"2012-13 / Neglect", "2012-13 / Physical abuse", "2013-14 / Neglect", "2014-15 / Neglect"};
  const ImU32 neglect = app::CategoryColour("Neglect", 1);
  CHECK(app::SeriesColour(d, 0, 1) == neglect);
  CHECK(app::SeriesColour(d, 1, 1) == app::CategoryColour("Physical abuse", 1));
  // Same hue, each later year lighter: every channel moves towards white.
  const ImVec4 base = ImGui::ColorConvertU32ToFloat4(neglect);
  const ImVec4 second = ImGui::ColorConvertU32ToFloat4(app::SeriesColour(d, 2, 1));
  const ImVec4 third = ImGui::ColorConvertU32ToFloat4(app::SeriesColour(d, 3, 1));
  CHECK(app::SeriesColour(d, 2, 1) != neglect);
  for (auto [b, s, t] : {std::tuple{base.x, second.x, third.x}, {base.y, second.y, third.y}, {base.z, second.z, third.z}}) {
    CHECK(s >= b);
    CHECK(t >= s);
    CHECK(t < 1.0f);
  }
  // A one-dimension series is its category's colour as before.
  d.series = {"Neglect", "Physical abuse"};
  CHECK(app::SeriesColour(d, 0, 1) == neglect);
}

TEST_CASE("each code has one fixed colour, by code and by label, whatever order charts ask in", "[ui]") {
  // Asked in an order that first-come assignment would have coloured differently.
  CHECK(app::CategoryColour("Emotional abuse") == app::CategoryColour("EMO"));
  CHECK(app::CategoryColour("Neglect") == app::PaletteColour(0));
  CHECK(app::CategoryColour("Female") == app::CategoryColour("F"));
  CHECK(app::CategoryColour("England") != app::CategoryColour("target"));
  CHECK(app::CategoryColour("SN mean (2021)") == app::CategoryColour("SN mean"));
  // Ethnicity: a hue per group; values of one group are shades of it, all different.
  CHECK(app::CategorySlot("WIRI").hue == app::CategorySlot("WBRI").hue);
  CHECK(app::CategoryColour("WIRI") != app::CategoryColour("WBRI"));
}

TEST_CASE("no two series of a chart share a colour, even past the palette's eight", "[ui]") {
  app::ChartData d;
  // 20 ethnicities plus labels the code lists do not know, assigned first come.
  for (const char* code : {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
                           "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"})
    d.series.emplace_back(code);
  for (int i = 0; i < 10; ++i) d.series.push_back("Unlisted " + std::to_string(i));
  std::set<ImU32> colours;
  for (size_t s = 0; s < d.series.size(); ++s) colours.insert(app::SeriesColour(d, s, 1));
  CHECK(colours.size() == d.series.size());
}
