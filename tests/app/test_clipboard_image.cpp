// Copy chart: the picture is offered on the X11 CLIPBOARD selection as image/png and another
// program (xclip, as a paste would) reads back exactly those bytes.
#include <catch2/catch.hpp>

#include <stb_image.h>

#include <optional>

#include "platform/chart_export.hpp"
#include "platform/clipboard_image.hpp"
#include "platform/window.hpp"
#include "query_tab_fixture.hpp"
#include "report/pdf_text.hpp"

using namespace csc;

namespace {
app::Window* ClipboardWindow(std::string& error) {
  static std::optional<app::Window> window = app::Window::Create("clipboard test", 320, 200, error);
  return window ? &*window : nullptr;
}
}  // namespace

TEST_CASE("a picture offered to the clipboard is pasted back byte for byte as image/png", "[ui][clipboard]") {
  std::string error;
  if (!ClipboardWindow(error)) FAIL("no X display (run under xvfb-run): " << error);
  app::RgbaImage image{2, 1, {255, 0, 0, 255, 0, 0, 255, 255}};  // a red and a blue pixel
  const std::string png = app::EncodePng(image);
  REQUIRE_FALSE(png.empty());
  REQUIRE(app::OfferPngToClipboard(png, error));
  const std::string targets = test::CommandOutput("xclip -selection clipboard -t TARGETS -o");
  CHECK(targets.find("image/png") != std::string::npos);
  CHECK(test::CommandOutput("xclip -selection clipboard -t image/png -o") == png);
  CHECK_FALSE(app::OfferPngToClipboard("", error));
  CHECK(error == "no picture to copy");
}

TEST_CASE("Ctrl+C on the query tab copies the chart as a picture of its size", "[ui][clipboard]") {
  std::string error;
  if (!ClipboardWindow(error)) FAIL("no X display (run under xvfb-run): " << error);
  test::QueryTab t(test::WriteCpPlans("/tmp/csc_ui_clipboard.csv", {"C1", "C2", "C4", "C5"}));
  ImGui::GetIO().KeyCtrl = true;
  test::Press(t.ui, 'C');
  ImGui::GetIO().KeyCtrl = false;
  // What the frame loop does after rendering.
  auto request = t.ui.app->TakeChartExport();
  REQUIRE(request);
  CHECK(request->to_clipboard);
  const bool ok = app::CopyChartToClipboard(*request, error);
  INFO(error);
  REQUIRE(ok);
  t.ui.app->ChartExportFinished("", ok, error);
  CHECK(t.ui.app->status() == "copied the chart to the clipboard (PNG)");
  const std::string pasted = test::CommandOutput("xclip -selection clipboard -t image/png -o");
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(pasted.data()),
                                                static_cast<int>(pasted.size()), &w, &h, &channels, 4);
  REQUIRE(pixels);
  stbi_image_free(pixels);
  // The export's page (1200 x 700 points) at 1x.
  CHECK(w == 1200);
  CHECK(h == 700);
}
