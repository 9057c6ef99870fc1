#pragma once
// File > Board pack: tick the saved views to include (none saved: the standard pack), keep or
// untick "publication-safe", pick where the PDF goes, Build. The queries run on a worker;
// the charts need the GL context, so the frame loop calls RunPendingBoardPack() after
// rendering, as it does for PNG exports.
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "async/background_task.hpp"
#include "dataset/code_labels.hpp"
#include "query/catalog.hpp"
#include "report/board_pack.hpp"
#include "ui/saved_views.hpp"

namespace csc::app {

struct BoardPackContext {
  CatalogPtr catalog;  // null while nothing is loaded
  std::shared_ptr<const CodeLabels> labels;
  const std::vector<SavedView>* views = nullptr;
  int threshold = 5;
  bool synthetic = false;
  std::function<void()> wake;
};

struct BoardPackDialogState {
  bool open_requested = false;
  std::set<std::string> left_out;  // saved views unticked (new views are in by default)
  bool publication = true;
  int year = -1;                   // the standard pack's year, index into the covered years (-1: latest)
  std::string path;                // empty: ExportPath("board_pack", "pdf")
  std::unique_ptr<BackgroundTask<std::vector<BoardPackPage>>> task;
  BoardPackOptions task_options;
  std::optional<std::vector<BoardPackPage>> ready;  // pages built, waiting for the GL context
  std::string status;              // "Written ... (5 pages)" or what failed
  std::string written;             // the last PDF written
};

// The views the pack will hold, in saved order (empty: the standard pack).
std::vector<SavedView> ChosenViews(const BoardPackDialogState& state, const std::vector<SavedView>& views);
// Starts building the pages on a worker (the "Build" button).
void StartBoardPack(BoardPackDialogState& state, const BoardPackContext& context);
void DrawBoardPackDialog(BoardPackDialogState& state, const BoardPackContext& context);
// With the GL context current, between frames: renders and writes pages that are ready.
// True when it did something (the status says what).
bool RunPendingBoardPack(BoardPackDialogState& state);

}  // namespace csc::app
