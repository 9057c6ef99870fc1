#pragma once
// The board pack as a PDF (cairo): A4 landscape, a page per view with its title, the sentence
// saying what is counted, the chart as a picture, the table as real text (selectable, read
// by screen readers and pdftotext), notes, source, the date produced and how the figures were
// protected; an exact pack says "Exact figures, not for publication" at the top and foot of
// every page. A table too long for its page continues on the next. Written atomically.
#include <string>
#include <vector>

#include "platform/offscreen_render.hpp"
#include "report/board_pack.hpp"

namespace csc::app {

struct PackPdfOptions {
  std::string produced;          // "3 December 2026": the date on every page
  std::string publication_line;  // PackPublicationLine()
  bool exact = false;            // not for publication: every page says so, in red
  bool synthetic = false;        // the demonstration data: every page says so
};

// The size in points of page `page`'s chart on the PDF page (0 x 0 when it has none): the
// chart is rendered at this aspect so it is never stretched.
struct PackChartBox {
  double width = 0, height = 0;
};
PackChartBox PackChartBoxFor(const BoardPackPage& page);

// `charts[i]` is page i's chart picture (empty when the page has none). Pure cairo: no OpenGL.
// Returns the number of PDF pages written (a long table continues on further pages), 0 with
// `error` set on failure (the target is then untouched).
int WritePackPdf(const std::vector<BoardPackPage>& pages, const std::vector<RgbaImage>& charts, const PackPdfOptions& options,
                  const std::string& path, std::string& error);

// Renders each page's chart off screen (needs a current OpenGL context) and writes the PDF.
// Returns the number of PDF pages written, 0 with `error` set on failure.
int WriteBoardPackPdf(const std::vector<BoardPackPage>& pages, const BoardPackOptions& options, const std::string& path,
                      std::string& error);

// "3 December 2026" for today (local time).
std::string TodayInWords();

}  // namespace csc::app
