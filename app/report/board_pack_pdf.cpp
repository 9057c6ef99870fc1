#include "report/board_pack_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <memory>

#include "app_version.hpp"
#include "util/atomic_file.hpp"

namespace csc::app {

namespace {

// A4 landscape, in points.
constexpr double kPageW = 841.89, kPageH = 595.28, kMargin = 36;
constexpr double kContentW = kPageW - 2 * kMargin;
// Fixed bands, so a chart's box is known before its page is drawn: the header (banner, a
// title of up to two lines, a sentence of up to three), the footer (source, protection, date).
constexpr double kHeaderH = 104, kFooterH = 44;
constexpr double kBodyTop = kMargin + kHeaderH, kBodyBottom = kPageH - kMargin - kFooterH;
constexpr double kBodyH = kBodyBottom - kBodyTop;
constexpr double kGap = 16;
constexpr double kSideChartW = kContentW * 0.6;
constexpr double kTableFont = 8.5, kMinTableFont = 5.5;
constexpr const char* kFamily = "Inter";

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

void SetFont(cairo_t* cr, double size, bool bold = false) {
  cairo_select_font_face(cr, kFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

double TextWidth(cairo_t* cr, const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

// Greedy word wrap at the current font; a word wider than the line stands alone.
std::vector<std::string> Wrap(cairo_t* cr, const std::string& text, double width) {
  std::vector<std::string> lines;
  std::string line;
  size_t i = 0;
  while (i < text.size()) {
    const size_t end = std::min(text.find(' ', i), text.size());
    const std::string word = text.substr(i, end - i);
    const std::string tried = line.empty() ? word : line + " " + word;
    if (!line.empty() && TextWidth(cr, tried) > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = tried;
    }
    i = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

void Text(cairo_t* cr, double x, double baseline, const std::string& s) {
  cairo_move_to(cr, x, baseline);
  cairo_show_text(cr, s.c_str());
}

// Draws wrapped text from `top`, at most `max_lines` (the last one ends "..." when cut);
// returns the y below it.
double Paragraph(cairo_t* cr, const std::string& text, double x, double top, double width, double size, bool bold,
                 size_t max_lines = 1000) {
  SetFont(cr, size, bold);
  std::vector<std::string> lines = Wrap(cr, text, width);
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() += " ...";
  }
  double y = top;
  for (const auto& l : lines) {
    Text(cr, x, y + size, l);
    y += size * 1.3;
  }
  return y;
}

struct TableLayout {
  double font = kTableFont;
  std::vector<double> widths;  // per column, padding included
  double width() const {
    double w = 0;
    for (double c : widths) w += c;
    return w;
  }
  double row_height() const { return font * 1.5; }
};

TableLayout MeasureTable(cairo_t* cr, const PackTable& t, double font) {
  TableLayout l;
  l.font = font;
  l.widths.assign(t.header.size(), 0);
  SetFont(cr, font, true);
  for (size_t c = 0; c < t.header.size(); ++c) l.widths[c] = TextWidth(cr, t.header[c]);
  SetFont(cr, font);
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.size() && c < l.widths.size(); ++c) l.widths[c] = std::max(l.widths[c], TextWidth(cr, row[c]));
  for (double& w : l.widths) w += font * 1.4;
  return l;
}

// The table at a size that fits `width` (smaller type down to a floor).
TableLayout FitTable(cairo_t* cr, const PackTable& t, double width) {
  TableLayout l = MeasureTable(cr, t, kTableFont);
  if (l.width() <= width) return l;
  const double font = std::max(kMinTableFont, kTableFont * width / l.width());
  return MeasureTable(cr, t, font);
}

// Draws rows [first, last) of the table (with its header) from `top`; returns the y below.
double DrawTable(cairo_t* cr, const PackTable& t, const TableLayout& l, double x, double top, size_t first, size_t last) {
  const double h = l.row_height();
  double y = top;
  auto row = [&](const std::vector<std::string>& cells, bool header) {
    SetFont(cr, l.font, header);
    double cx = x;
    for (size_t c = 0; c < l.widths.size(); ++c) {
      const std::string s = c < cells.size() ? cells[c] : "";
      const double pad = l.font * 0.7;
      const bool left = c < t.left_aligned;
      Text(cr, left ? cx + pad : cx + l.widths[c] - pad - TextWidth(cr, s), y + h * 0.72, s);
      cx += l.widths[c];
    }
    y += h;
  };
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  row(t.header, true);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + l.width(), y);
  cairo_stroke(cr);
  for (size_t r = first; r < last; ++r) {
    if ((r - first) % 2 == 1) {  // banded rows: the eye keeps its line across wide tables
      cairo_set_source_rgb(cr, 0.94, 0.94, 0.94);
      cairo_rectangle(cr, x, y, l.width(), h);
      cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    row(t.rows[r], false);
  }
  return y;
}

// A measuring context (nothing is drawn to it).
Context MeasuringContext(Surface& surface) {
  surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
  return Context(cairo_create(surface.get()), &cairo_destroy);
}

bool SideBySide(cairo_t* cr, const BoardPackPage& page) {
  return MeasureTable(cr, page.table, kTableFont).width() <= kContentW - kSideChartW - kGap;
}

PackChartBox BoxFor(cairo_t* cr, const BoardPackPage& page) {
  if (!page.chart || !page.error.empty()) return {};
  if (page.table.header.empty() || SideBySide(cr, page)) return {kSideChartW, kBodyH};
  return {kContentW, kBodyH * 0.56};
}

struct Sheet {
  size_t page = 0;
  size_t first_row = 0, last_row = 0;
  bool continued = false;
};

class PackWriter {
 public:
  PackWriter(const std::vector<BoardPackPage>& pages, const std::vector<RgbaImage>& charts, const PackPdfOptions& o)
      : m_pages(pages), m_charts(charts), m_o(o) {}

  // Lays out (and, with `cr`, draws) every sheet; returns how many there are.
  size_t Run(cairo_t* cr, size_t total) {
    size_t sheet = 0;
    for (size_t p = 0; p < m_pages.size(); ++p) {
      const BoardPackPage& page = m_pages[p];
      const PackChartBox box = BoxFor(cr, page);
      const bool side = box.width > 0 && box.width < kContentW;
      // Where the table goes on the first sheet.
      double table_x = kMargin, table_top = kBodyTop, table_w = kContentW;
      if (side) table_x = kMargin + kSideChartW + kGap, table_w = kContentW - kSideChartW - kGap;
      else if (box.width > 0) table_top = kBodyTop + box.height + kGap;
      const TableLayout layout = FitTable(cr, page.table, table_w);
      const double notes_h = NotesHeight(cr, page, table_w);
      size_t row = 0;
      bool first = true;
      do {
        const double top = first ? table_top : kBodyTop;
        const double room = kBodyBottom - top - (first ? notes_h : 0) - layout.row_height();  // header row
        size_t fit = room > 0 ? static_cast<size_t>(room / layout.row_height()) : 0;
        if (!page.error.empty() || page.table.header.empty()) fit = 0;
        const size_t last = std::min(page.table.rows.size(), row + std::max<size_t>(fit, first ? 0 : 1));
        ++sheet;
        if (total) {
          DrawHeader(cr, page, !first);
          if (first && !page.error.empty()) {
            DrawError(cr, page);
          } else {
            if (first && box.width > 0 && p < m_charts.size()) DrawChartImage(cr, m_charts[p], box);
            double y = top;
            if (!page.table.header.empty()) y = DrawTable(cr, page.table, layout, first || !side ? table_x : kMargin, top, row, last);
            if (first) DrawNotes(cr, page, table_x, y + 6, table_w);
          }
          DrawFooter(cr, page, sheet, total);
          cairo_show_page(cr);
        }
        row = last;
        first = false;
      } while (page.error.empty() && row < page.table.rows.size());
    }
    return sheet;
  }

 private:
  double NotesHeight(cairo_t* cr, const BoardPackPage& page, double width) const {
    double h = 0;
    SetFont(cr, 7.5);
    for (const auto& n : page.notes) h += static_cast<double>(Wrap(cr, n, width).size()) * 7.5 * 1.3;
    return h + (page.notes.empty() ? 0 : 8);
  }

  void DrawHeader(cairo_t* cr, const BoardPackPage& page, bool continued) {
    double y = kMargin;
    SetFont(cr, 8.5, true);
    if (m_o.exact) {
      cairo_set_source_rgb(cr, 0.75, 0.08, 0.08);
      const std::string banner = "EXACT FIGURES, NOT FOR PUBLICATION";
      Text(cr, kPageW - kMargin - TextWidth(cr, banner), y + 8.5, banner);
    }
    if (m_o.synthetic) {
      cairo_set_source_rgb(cr, 0.70, 0.25, 0.0);
      Text(cr, kMargin, y + 8.5, "SYNTHETIC DEMONSTRATION DATA - not real children");
    }
    y += 16;
    cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
    y = Paragraph(cr, page.title + (continued ? " (continued)" : ""), kMargin, y, kContentW, 17, true, 2);
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    if (!page.sentence.empty()) Paragraph(cr, page.sentence, kMargin, y + 2, kContentW, 10.5, false, 3);
  }

  void DrawError(cairo_t* cr, const BoardPackPage& page) {
    cairo_set_source_rgb(cr, 0.6, 0.1, 0.1);
    Paragraph(cr, page.error, kMargin, kBodyTop + 10, kContentW, 12, false);
  }

  void DrawNotes(cairo_t* cr, const BoardPackPage& page, double x, double top, double width) {
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    for (const auto& n : page.notes) top = Paragraph(cr, n, x, top, width, 7.5, false);
  }

  void DrawChartImage(cairo_t* cr, const RgbaImage& image, PackChartBox box) {
    if (image.width <= 0 || image.height <= 0) return;
    // cairo's RGB24 is one native-endian 32-bit word per pixel, 0x00RRGGBB.
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, image.width);
    std::vector<unsigned char> data(static_cast<size_t>(stride) * static_cast<size_t>(image.height));
    for (int y = 0; y < image.height; ++y) {
      auto* out = reinterpret_cast<uint32_t*>(data.data() + static_cast<size_t>(y) * static_cast<size_t>(stride));
      const unsigned char* in = image.pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(image.width) * 4;
      for (int x = 0; x < image.width; ++x, in += 4) out[x] = (uint32_t{in[0]} << 16) | (uint32_t{in[1]} << 8) | in[2];
    }
    Surface picture(cairo_image_surface_create_for_data(data.data(), CAIRO_FORMAT_RGB24, image.width, image.height, stride),
                    &cairo_surface_destroy);
    const double scale = std::min(box.width / image.width, box.height / image.height);
    cairo_save(cr);
    cairo_translate(cr, kMargin, kBodyTop);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, picture.get(), 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_finish(picture.get());  // the PDF has copied the pixels before `data` goes
  }

  void DrawFooter(cairo_t* cr, const BoardPackPage& page, size_t sheet, size_t total) {
    double y = kBodyBottom + 8;
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kMargin, y);
    cairo_line_to(cr, kPageW - kMargin, y);
    cairo_stroke(cr);
    y += 3;
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    if (!page.source.empty()) y = Paragraph(cr, page.source, kMargin, y, kContentW, 7.5, false, 1);
    if (m_o.exact) cairo_set_source_rgb(cr, 0.75, 0.08, 0.08);
    y = Paragraph(cr, m_o.publication_line, kMargin, y, kContentW, 7.5, m_o.exact, 1);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    const std::string line = "Produced " + m_o.produced + " with " + std::string(VersionString()) + ". Page " +
                             std::to_string(sheet) + " of " + std::to_string(total) + ".";
    Paragraph(cr, line, kMargin, y, kContentW, 7.5, false, 1);
  }

  const std::vector<BoardPackPage>& m_pages;
  const std::vector<RgbaImage>& m_charts;
  const PackPdfOptions& m_o;
};

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PackChartBox PackChartBoxFor(const BoardPackPage& page) {
  Surface surface(nullptr, &cairo_surface_destroy);
  Context cr = MeasuringContext(surface);
  return BoxFor(cr.get(), page);
}

int WritePackPdf(const std::vector<BoardPackPage>& pages, const std::vector<RgbaImage>& charts, const PackPdfOptions& options,
                 const std::string& path, std::string& error) {
  if (pages.empty()) {
    error = "the board pack has no pages";
    return 0;
  }
  PackWriter writer(pages, charts, options);
  size_t total = 0;
  {
    Surface surface(nullptr, &cairo_surface_destroy);
    Context cr = MeasuringContext(surface);
    total = writer.Run(cr.get(), 0);
  }
  std::string pdf;
  {
    Surface surface(cairo_pdf_surface_create_for_stream(&Append, &pdf, kPageW, kPageH), &cairo_surface_destroy);
    Context cr(cairo_create(surface.get()), &cairo_destroy);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "Board pack");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "CSC Explorer");
    writer.Run(cr.get(), total);
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      error = std::string("cannot write the PDF: ") + cairo_status_to_string(cairo_surface_status(surface.get()));
      return 0;
    }
  }
  try {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    WriteFileAtomically(path, pdf);
  } catch (const std::exception& e) {
    error = e.what();
    return 0;
  }
  return static_cast<int>(total);
}

std::string TodayInWords() {
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return std::to_string(local.tm_mday) + " " + kMonths[local.tm_mon] + " " + std::to_string(local.tm_year + 1900);
}

}  // namespace csc::app
