#include <catch2/catch.hpp>

#include <imgui.h>

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
