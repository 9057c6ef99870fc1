// The board pack: pages built from saved views or the standard pack, written as a PDF and
// read back page by page with poppler's pdfinfo and pdftotext, as a reader would.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <optional>

#include "../query_tab_fixture.hpp"
#include "pdf_text.hpp"
#include "platform/window.hpp"
#include "report/board_pack_pdf.hpp"
#include "ui/board_pack_dialog.hpp"

using namespace csc;

namespace {

app::Window* PackWindow(std::string& error) {
  static std::optional<app::Window> window = app::Window::Create("board pack test", 320, 200, error);
  return window ? &*window : nullptr;
}

// The shared five children loaded into the explorer (see query_tab_fixture.hpp).
struct LoadedApp {
  test::UiHarness ui;
  explicit LoadedApp(const std::string& csv) {
    ui.app->OpenFiles({csv});
    REQUIRE(ui.FramesUntil([&] { return !ui.app->busy() && ui.app->catalog(); }));
  }
};

// The dataset is named by its file: cp_plans.csv in a folder of the test's own.
std::string CpPlansCsv(const std::string& folder, std::initializer_list<const char*> children) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / folder;
  std::filesystem::create_directories(dir);
  return test::WriteCpPlans((dir / "cp_plans.csv").string(), children);
}

std::string TempPdf(const std::string& name) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::filesystem::remove(path);
  return path;
}

}  // namespace

TEST_CASE("the standard pack of exact figures has five pages, each with its title, table, source and warning", "[ui][board_pack]") {
  std::string error;
  if (!PackWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  LoadedApp a(CpPlansCsv("csc_pack_exact", {"C1", "C2", "C3", "C4", "C5"}));
  app::BoardPackOptions o;
  o.publication = false;
  o.year = "2012-13";
  const auto pages = app::BuildBoardPack(*a.ui.app->catalog(), a.ui.app->labels().get(), {}, o);
  REQUIRE(pages.size() == 5);
  const std::string path = TempPdf("csc_pack_exact.pdf");
  REQUIRE(app::WriteBoardPackPdf(pages, o, path, error) == 5);
  CHECK(test::PdfPages(path) == 5);
  for (int p = 1; p <= 5; ++p) {
    const std::string text = test::PdfPageText(path, p);
    INFO("page " << p << ":\n" << text);
    CHECK(text.find("EXACT FIGURES, NOT FOR PUBLICATION") != std::string::npos);
    CHECK(text.find("Exact figures, not for publication.") != std::string::npos);
    CHECK(text.find("Page " + std::to_string(p) + " of 5") != std::string::npos);
  }
  // Open at 31 March 2013: C1, C4 and C5 (neglect) and C2 (emotional abuse; physical at the
  // start, so the latest category counts): 1 and 3 children, shares 25% and 75%.
  const std::string first = test::Squeezed(test::PdfPageText(path, 1));
  INFO(first);
  CHECK(first.find("Child protection plans at 31 March 2013 by category") != std::string::npos);
  CHECK(first.find("Emotional abuse 1 25.0") != std::string::npos);
  CHECK(first.find("Neglect 3 75.0") != std::string::npos);
  CHECK(first.find("Source: cp_plans") != std::string::npos);
  // The trend: nobody's plan was open at 31 March 2012 (C3's ended in January 2012).
  const std::string trend = test::Squeezed(test::PdfPageText(path, 2));
  CHECK(trend.find("2012-13 4") != std::string::npos);
  CHECK(test::PdfPageText(path, 4).find("Indicator scorecard 2012-13") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("a publication-safe pack withholds counts of 1 to 5 as c and never calls itself exact", "[ui][board_pack]") {
  std::string error;
  if (!PackWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  LoadedApp a(CpPlansCsv("csc_pack_safe", {"C1", "C2", "C3", "C4", "C5"}));
  app::BoardPackOptions o;
  o.publication = true;
  o.seed = 0x5eed;
  o.year = "2012-13";
  app::SavedView by_category{"Plans by category", "cp_plans", {}, "fy:2012-13", "open-at:31-03", "latest_category", "children",
                             "bars", "", false, "", "", {}, ""};
  const auto pages = app::BuildBoardPack(*a.ui.app->catalog(), a.ui.app->labels().get(), {by_category}, o);
  REQUIRE(pages.size() == 1);
  const std::string path = TempPdf("csc_pack_safe.pdf");
  REQUIRE(app::WriteBoardPackPdf(pages, o, path, error) == 1);
  const std::string text = test::Squeezed(test::PdfPageText(path, 1));
  INFO(text);
  // 1 and 3 children: both within 1..5.
  CHECK(text.find("Emotional abuse c") != std::string::npos);
  CHECK(text.find("Neglect c") != std::string::npos);
  CHECK(text.find("figures are protected and totals may not add") != std::string::npos);
  CHECK(text.find("not for publication") == std::string::npos);
  CHECK(text.find("EXACT") == std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("a pack of saved views has a page per view, and a view the data cannot answer says why", "[ui][board_pack]") {
  std::string error;
  if (!PackWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  LoadedApp a(CpPlansCsv("csc_pack_views", {"C1", "C2", "C4"}));
  app::BoardPackOptions o;
  o.publication = false;
  const std::vector<app::SavedView> views = {
      {"Plans by ward", "cp_plans", {}, "fy:2012-13", "open-at:31-03", "ward", "children", "bars", "", false, "", "", {}, ""},
      {"Episodes of care", "lac_episodes", {}, "fy:2012-13", "open-at:31-03", "legal_status", "children", "bars", "", false, "", "", {}, ""}};
  const auto pages = app::BuildBoardPack(*a.ui.app->catalog(), a.ui.app->labels().get(), views, o);
  REQUIRE(pages.size() == 2);
  CHECK(pages[1].error == "This view cannot be shown: the dataset lac_episodes is not loaded.");
  const std::string path = TempPdf("csc_pack_views.pdf");
  REQUIRE(app::WriteBoardPackPdf(pages, o, path, error) == 2);
  // C1 in Sitwell, C2 in Keppel, C4 in Valley: one child each.
  const std::string first = test::Squeezed(test::PdfPageText(path, 1));
  INFO(first);
  CHECK(first.find("Plans by ward") != std::string::npos);
  CHECK(first.find("Keppel 1") != std::string::npos);
  CHECK(first.find("Sitwell 1") != std::string::npos);
  CHECK(first.find("Valley 1") != std::string::npos);
  const std::string second = test::PdfPageText(path, 2);
  CHECK(second.find("Episodes of care") != std::string::npos);
  CHECK(second.find("the dataset lac_episodes is not loaded") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("a table too long for its page continues on the next with its header", "[ui][board_pack]") {
  app::BoardPackPage page;
  page.title = "Long table";
  page.table.header = {"Row", "Value"};
  for (int i = 1; i <= 60; ++i) page.table.rows.push_back({"row " + std::to_string(i), std::to_string(i * 10)});
  app::PackPdfOptions o;
  o.produced = "1 April 2013";
  o.publication_line = "test line";
  const std::string path = TempPdf("csc_pack_long.pdf");
  std::string error;
  // No chart: the table has the page's body to itself, 28 rows of 12.75 pt in 390 pt, so 60
  // rows need three pages.
  const int pages = app::WritePackPdf({page}, {app::RgbaImage{}}, o, path, error);
  INFO(error);
  CHECK(pages == 3);
  CHECK(test::PdfPages(path) == 3);
  const std::string second = test::Squeezed(test::PdfPageText(path, 2));
  INFO(second);
  CHECK(second.find("Long table (continued)") != std::string::npos);
  CHECK(second.find("Row Value") != std::string::npos);
  CHECK(second.find("Page 2 of 3") != std::string::npos);
  CHECK(test::Squeezed(test::PdfPageText(path, 3)).find("row 60 600") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("a pack that cannot be written fails with a message and leaves nothing", "[ui][board_pack]") {
  app::BoardPackPage page;
  page.title = "Anything";
  std::string error;
  const std::string path = "/proc/csc-cannot-write-here/pack.pdf";
  CHECK(app::WritePackPdf({page}, {app::RgbaImage{}}, {}, path, error) == 0);
  CHECK_FALSE(error.empty());
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(app::WritePackPdf({}, {}, {}, "/tmp/csc_pack_empty.pdf", error) == 0);
  CHECK(error == "the board pack has no pages");
}

TEST_CASE("File > Board pack builds the pack on a worker and the frame loop writes it", "[ui][board_pack]") {
  std::string error;
  if (!PackWindow(error)) FAIL("no OpenGL window (run under xvfb-run): " << error);
  app::EnableItemProbe(true);
  LoadedApp a(CpPlansCsv("csc_pack_dialog", {"C1", "C2", "C3", "C4", "C5"}));
  auto& pack = a.ui.app->board_pack();
  pack.path = TempPdf("csc_pack_dialog.pdf");
  pack.open_requested = true;
  a.ui.Frame();
  a.ui.Frame();
  // Untick "publication-safe": the exact pack.
  const auto publication = app::ProbedCentre("board_pack:publication");
  REQUIRE(publication);
  a.ui.Click(*publication);
  CHECK_FALSE(pack.publication);
  const auto build = app::ProbedCentre("board_pack:build");
  REQUIRE(build);
  a.ui.Click(*build);
  REQUIRE(a.ui.FramesUntil([&] { return pack.ready.has_value() || (!pack.task && !pack.status.empty() && pack.status.rfind("Building", 0) != 0); }));
  REQUIRE(pack.ready);
  CHECK(pack.ready->size() == 5);  // no saved views: the standard pack
  REQUIRE(app::RunPendingBoardPack(pack));
  INFO(pack.status);
  CHECK(pack.status == "Written " + pack.path + " (5 pages, exact figures, not for publication)");
  CHECK(test::PdfPages(pack.path) == 5);
  CHECK_FALSE(app::RunPendingBoardPack(pack));  // written once
  app::EnableItemProbe(false);
  std::filesystem::remove(pack.path);
}
