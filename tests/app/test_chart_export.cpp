#include <catch2/catch.hpp>

#include <stb_image.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <string>

#include "platform/chart_export.hpp"
#include "platform/window.hpp"
#include "plot/chart_overlays.hpp"
#include "plot/palette.hpp"

using namespace csc;

namespace {
// One window for the process: a GL context to render into.
app::Window* SharedWindow(std::string& error) {
  static std::optional<app::Window> window = app::Window::Create("export test", 320, 200, error);
  return window ? &*window : nullptr;
}

// Pixels within a small distance of `colour` drawn at `alpha` over the page's background.
size_t PixelsOf(const unsigned char* pixels, int count, ImU32 colour, double alpha) {
  size_t n = 0;
  for (int i = 0; i < count; ++i) {
    const unsigned char* p = pixels + 4 * i;
    double d = 0;
    for (int c = 0; c < 3; ++c) d += std::abs(p[c] - (alpha * ((colour >> (8 * c)) & 0xff) + (1 - alpha) * pixels[c]));
    n += d < 12;
  }
  return n;
}
}  // namespace

TEST_CASE("a chart exports as an opaque PNG at twice its size, drawn in its category colours", "[ui][export]") {
  std::string error;
  if (!SharedWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  app::ChartExport e;
  e.chart.title = "children by ward";
  e.chart.value_label = "children";
  e.chart.groups = {"Sitwell", "Valley"};
  e.chart.series = {"Sitwell", "Valley"};
  e.chart.values = {{40, std::nan("")}, {std::nan(""), 10}};
  e.chart.stacked = true;
  e.chart.show_legend = false;
  e.kind = app::ChartKind::Bars;
  e.sentence = "Children on a CP plan at 31 March, 2012-13";
  e.source = "Source: test";
  e.width = 400, e.height = 300, e.scale = 2;
  e.path = (std::filesystem::temp_directory_path() / "csc_export_test.png").string();
  std::filesystem::remove(e.path);
  REQUIRE(app::ExportChartPng(e, error));
  CHECK(error.empty());

  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load(e.path.c_str(), &w, &h, &channels, 4);
  REQUIRE(pixels);
  CHECK(w == 800);
  CHECK(h == 600);
  const ImU32 sitwell = app::CategoryColour("Sitwell");
  // Bars are drawn at 85% opacity over the background (the top-left pixel).
  auto expected = [&](int shift) {
    return 0.85 * static_cast<double>((sitwell >> shift) & 0xff) + 0.15 * pixels[shift / 8];
  };
  size_t opaque = 0, sitwell_pixels = 0;
  for (int i = 0; i < w * h; ++i) {
    const unsigned char* p = pixels + 4 * i;
    opaque += p[3] == 255;
    const double d = std::abs(p[0] - expected(0)) + std::abs(p[1] - expected(8)) + std::abs(p[2] - expected(16));
    sitwell_pixels += d < 12;
  }
  stbi_image_free(pixels);
  CHECK(opaque == static_cast<size_t>(w) * static_cast<size_t>(h));
  // The Sitwell bar: roughly a third of the plot width, most of its height.
  CHECK(sitwell_pixels > 20000);
  std::filesystem::remove(e.path);
}

TEST_CASE("export to a folder that cannot be written fails with a message and leaves nothing", "[ui][export]") {
  std::string error;
  if (!SharedWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  app::ChartExport e;
  e.chart.groups = {"A"};
  e.chart.series = {""};
  e.chart.values = {{1}};
  e.width = 200, e.height = 100;
  e.path = "/proc/csc-cannot-write-here/chart.png";
  CHECK_FALSE(app::ExportChartPng(e, error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(std::filesystem::exists(e.path));
}

TEST_CASE("a stacked-area trend exports with each band in its category's colour", "[ui][export]") {
  std::string error;
  if (!SharedWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  app::ChartExport e;
  e.chart.title = "children by period and category";
  e.chart.value_label = "children";
  e.chart.groups = {"2012-13", "2013-14"};
  e.chart.series = {"Area bottom", "Area top"};
  e.chart.values = {{20, 10}, {20, 10}};
  e.kind = app::ChartKind::Area;
  e.sentence = "Children on a CP plan at 31 March";
  e.source = "Source: test";
  e.width = 400, e.height = 300, e.scale = 2;
  e.path = (std::filesystem::temp_directory_path() / "csc_export_area_test.png").string();
  std::filesystem::remove(e.path);
  REQUIRE(app::ExportChartPng(e, error));
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load(e.path.c_str(), &w, &h, &channels, 4);
  REQUIRE(pixels);
  // Bands are filled at 75% opacity over the background (the top-left pixel).
  auto count = [&](ImU32 colour) {
    size_t n = 0;
    for (int i = 0; i < w * h; ++i) {
      const unsigned char* p = pixels + 4 * i;
      double d = 0;
      for (int c = 0; c < 3; ++c) d += std::abs(p[c] - (0.75 * ((colour >> (8 * c)) & 0xff) + 0.25 * pixels[c]));
      n += d < 12;
    }
    return n;
  };
  const size_t bottom = count(app::CategoryColour("Area bottom")), top = count(app::CategoryColour("Area top"));
  stbi_image_free(pixels);
  // Between the two period centres (about half the plot's width): the bottom band is twice
  // as tall as the top one.
  CHECK(bottom > 20000);
  CHECK(top > 8000);
  CHECK(bottom > top * 3 / 2);
  std::filesystem::remove(e.path);
}

TEST_CASE("a PNG export on a fresh profile makes its folder", "[ui][export]") {
  std::string error;
  if (!SharedWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  const auto dir = std::filesystem::temp_directory_path() / "csc_fresh_profile_export" / "exports";
  std::filesystem::remove_all(dir.parent_path());
  app::ChartExport e;
  e.chart.groups = {"A"};
  e.chart.series = {""};
  e.chart.values = {{1}};
  e.width = 200, e.height = 100;
  e.path = (dir / "query.png").string();
  CHECK(app::ExportChartPng(e, error));
  CHECK(error.empty());
  CHECK(std::filesystem::exists(e.path));
  std::filesystem::remove_all(dir.parent_path());
}

TEST_CASE("an exported PNG carries the reference lines and note tags the chart shows", "[ui][export]") {
  std::string error;
  if (!SharedWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  app::ChartExport e;
  e.chart.title = "CP plans second or subsequent";
  e.chart.value_label = "%";
  e.chart.groups = {"2010-11", "2011-12", "2012-13"};
  e.chart.series = {""};
  e.chart.values = {{11.0}, {11.8}, {16.3}};
  e.kind = app::ChartKind::Lines;
  e.sentence = "CP plans starting in 2010-11 to 2012-13";
  e.source = "Source: test";
  e.width = 400, e.height = 300, e.scale = 2;
  e.path = (std::filesystem::temp_directory_path() / "csc_notes_export_test.png").string();
  auto england_pixels = [&]() {
    std::filesystem::remove(e.path);
    REQUIRE(app::ExportChartPng(e, error));
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(e.path.c_str(), &w, &h, &channels, 4);
    REQUIRE(pixels);
    const size_t n = PixelsOf(pixels, w * h, app::CategoryColour("England"), 0.9);
    stbi_image_free(pixels);
    return n;
  };
  const size_t without = england_pixels();
  e.chart.references = {{"England", {13.0, 13.8, 13.8}}};
  e.chart.notes = {{"2010-11", "", "New threshold document"}};
  const size_t with = england_pixels();
  CHECK(without < 20);   // no orange on a chart drawn in the first palette colour
  CHECK(with > 200);     // the dashed line and its label, at 2x
  CHECK(app::ChartNoteLines(e.chart) == std::vector<std::string>{"1. 2010-11: New threshold document"});
  std::filesystem::remove(e.path);
}
