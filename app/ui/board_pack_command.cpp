#include "ui/board_pack_command.hpp"

#include <cstdio>

#include "report/board_pack_pdf.hpp"
#include "views/publication.hpp"

namespace csc::app {

int WriteBoardPackFromCommandLine(const ExplorerApp& app, const std::vector<SavedView>& views, const std::string& path,
                                  bool publication, const std::string& year) {
  const BoardPackContext c = app.board_pack_context();
  BoardPackOptions o;
  o.publication = publication;
  o.threshold = c.threshold;
  o.synthetic = c.synthetic;
  o.year = year;
  if (publication) {
    std::string error;
    const uint64_t* seed = CellKeySeed(error);
    if (!seed) {
      std::fprintf(stderr, "csc-explorer: board pack: a publication-safe pack cannot be made: %s\n", error.c_str());
      return 1;
    }
    o.seed = *seed;
  }
  const std::vector<BoardPackPage> pages = BuildBoardPack(*c.catalog, c.labels.get(), views, o);
  for (const BoardPackPage& page : pages)
    if (!page.error.empty()) std::fprintf(stderr, "csc-explorer: board pack: %s: %s\n", page.title.c_str(), page.error.c_str());
  std::string error;
  const int written = WriteBoardPackPdf(pages, o, path, error);
  if (written == 0) {
    std::fprintf(stderr, "csc-explorer: board pack: %s\n", error.c_str());
    return 1;
  }
  std::printf("board pack written to %s (%d pages, %s)\n", path.c_str(), written,
              publication ? "publication-safe" : "exact figures, not for publication");
  return 0;
}

}  // namespace csc::app
