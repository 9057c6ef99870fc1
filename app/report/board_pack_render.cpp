// The board pack's charts: each drawn by the explorer's own chart code off screen (so the
// pack shows exactly what the screen does), then handed to the PDF writer as pictures.
#include <imgui.h>

#include "report/board_pack_pdf.hpp"

namespace csc::app {

namespace {
// Charts are laid out at 1.5 times their size on the page, so the explorer's type (about
// 15 px) prints at about 10 pt, and rasterised at twice that: about 200 dpi on paper.
constexpr double kLayoutScale = 1.5;
constexpr float kPixelScale = 2;
}  // namespace

int WriteBoardPackPdf(const std::vector<BoardPackPage>& pages, const BoardPackOptions& options, const std::string& path,
                      std::string& error) {
  std::vector<RgbaImage> charts(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    const PackChartBox box = PackChartBoxFor(pages[i]);
    if (box.width <= 0 || !pages[i].chart) continue;
    ChartData chart = *pages[i].chart;
    const ChartKind kind = pages[i].kind;
    if (!RenderOffscreen(static_cast<float>(box.width * kLayoutScale), static_cast<float>(box.height * kLayoutScale),
                         kPixelScale, false,
                         [&](const Fonts&) { DrawChart("pack", chart, kind, ImGui::GetContentRegionAvail().y); }, charts[i],
                         error)) {
      error = "page " + std::to_string(i + 1) + " (" + pages[i].title + "): " + error;
      return 0;
    }
  }
  PackPdfOptions pdf;
  pdf.produced = TodayInWords();
  pdf.publication_line = PackPublicationLine(options);
  pdf.exact = !options.publication;
  pdf.synthetic = options.synthetic;
  return WritePackPdf(pages, charts, pdf, path, error);
}

}  // namespace csc::app
