#pragma once
// "Add an indicator": a form for an indicator of the user's own (id, name, numerator and
// denominator as csc query texts, polarity, unit, decimals, targets per year, a DfE
// benchmark), previewed on a worker against the loaded data for the dashboard's year, and
// appended to the user catalogue beside the saved views. The form keeps what was typed.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "async/background_task.hpp"
#include "indicators/user_catalogue.hpp"

namespace csc::app {

struct IndicatorFormState {
  bool open = false;
  char id[48] = "", name[160] = "", numerator[512] = "", denominator[512] = "", targets[256] = "";
  int polarity = 1;  // higher, lower, none
  int unit = 0;      // %, per 10k, count, ratio
  int decimals = 1;
  int benchmark_file = 0;  // 0: none, else ees_files[benchmark_file - 1]
  char benchmark_column[96] = "", benchmark_where[256] = "";
  std::vector<std::string> ees_files;  // the bundled DfE files, listed when the form opens
  std::unique_ptr<BackgroundTask<IndicatorPreview>> preview_task;
  std::shared_ptr<const IndicatorPreview> preview;
  std::string status;  // the last add: where it went, or why not
};

IndicatorDraft DraftFromForm(const IndicatorFormState& form);

struct DashboardState;
// Draws the form window when open. After an indicator is added, the dashboard reloads the
// catalogues and recomputes its tiles.
void DrawIndicatorForm(DashboardState& state, const std::function<void()>& wake);

}  // namespace csc::app
