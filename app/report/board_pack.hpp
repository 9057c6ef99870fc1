#pragma once
// The board pack: a page per saved view (title, what is counted, chart, table, source, date)
// or, with no views, a standard pack: CP plans at 31 March by category, their trend, the rate
// by ward with the map, the indicator scorecard and an indicator's statistical neighbours.
// Building the pages runs the queries (off the UI thread; no OpenGL here); rendering the
// charts and writing the PDF is board_pack_pdf's job. Publication-safe unless asked not to:
// then every figure comes from the cell-key method (core/privacy), as presentation mode shows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dataset/code_labels.hpp"
#include "plot/draw_chart.hpp"
#include "query/catalog.hpp"
#include "ui/saved_views.hpp"

namespace csc::app {

struct PackTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // "c" withheld, "-" no value
  size_t left_aligned = 1;                     // the first columns are keys (left), the rest figures (right)
};

struct BoardPackPage {
  std::string title;     // the view's name
  std::string sentence;  // what is counted, with its filters, in words
  std::optional<ChartData> chart;
  ChartKind kind = ChartKind::Bars;  // resolved
  PackTable table;
  std::vector<std::string> notes;  // the answer's notes (rules applied, rows left out, coverage)
  std::string source;              // "Source: cp_plans (SYNTHETIC demonstration data, not real children)"
  std::string error;               // why the page has no figures, in plain words
};

struct BoardPackOptions {
  bool publication = true;  // false: exact figures, every page says "not for publication"
  int threshold = 5;        // counts 1..threshold withheld (5, 7 or 10)
  uint64_t seed = 0;        // the installation's cell-key seed (publication)
  bool synthetic = false;   // the bundled demonstration data: every page says so
  std::string year;         // the standard pack's year ("2012-13"); empty: the latest the data covers
  std::string indicator;    // the standard pack's neighbours page; empty: the first with DfE neighbours
  std::string assets_dir;   // indicator catalogue and DfE files; empty: AssetsDir()
};

// The standard pack's three query views for `year` (the CP plans table must be loaded to
// answer them; if it is not, their pages say so).
std::vector<SavedView> StandardPackViews(const std::string& year, const std::string& first_year);

// Runs every view's query (and, for the standard pack, the scorecard) synchronously.
// `views` empty: the standard pack. Never throws for a view that cannot be answered: its
// page carries the error.
std::vector<BoardPackPage> BuildBoardPack(const Catalog& catalog, const CodeLabels* labels, const std::vector<SavedView>& views,
                                          const BoardPackOptions& options);

// The line every page ends with: how its figures were protected, or that they are exact.
std::string PackPublicationLine(const BoardPackOptions& options);
inline constexpr const char* kExactFiguresWarning = "Exact figures, not for publication";

}  // namespace csc::app
