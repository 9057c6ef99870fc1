#pragma once
// The dashboard's small charts: a sparkline (a tile's trend in a line's height) and a
// funnel plot (units' rates against their size, with 95% and 99.8% control limits around
// the overall rate, outliers labelled).
#include <optional>
#include <string>
#include <vector>

#include "stats/funnel.hpp"

namespace csc::app {

// Draws `values` (gaps allowed) into a w x h box at the cursor; the last point is marked.
void DrawSparkline(const std::vector<std::optional<double>>& values, float w, float h, unsigned colour);

// `scale` turns fractions into the shown unit (100 for %, 10,000 per 10k); `unit` labels the
// y axis. `highlight` names a unit drawn larger, outlined and always labelled (our LA among
// all LAs); other outliers are labelled where their labels do not overlap (hover names any
// point). Returns the index of the hovered point, or -1.
int DrawFunnelChart(const char* id, const FunnelPlot& plot, double scale, const std::string& unit,
                    const std::string& size_label, float height, const std::string& highlight = "");

}  // namespace csc::app
