#pragma once
// Text, CSV and JSON forms of scorecard rows (`csc kpi`, and exports from the dashboard).
// With `publish`, a numerator or denominator of 1..threshold is shown as "c", and so is
// everything computed from it (value, RAG, direction, rank, band): board papers are public.
#include <string>
#include <vector>

#include "indicators/scorecard.hpp"

namespace csc {

struct KpiFormatOptions {
  bool publish = false;
  int threshold = 5;
  bool synthetic = false;  // say so on the first line (the bundled demonstration extract)
  std::string la = "372";
  std::string sn_vintage = "2025";
};

// True when the row's counts must be withheld under `threshold`.
bool KpiRowDisclosive(const KpiRow& row, int threshold);

// One row's cells as the table shows them ("c" where publication withholds them; "*" marks
// a comparator taken from the published report): the board pack lays out the same cells.
struct KpiCells {
  std::string ref, value, counts, target, rag, travel, england, sn_mean, sn_median, rank, band, name;
};
KpiCells FormatKpiCells(const KpiRow& row, const KpiFormatOptions& options);

std::string FormatKpiTable(const std::vector<KpiRow>& rows, const KpiFormatOptions& options);
std::string FormatKpiCsv(const std::vector<KpiRow>& rows, const KpiFormatOptions& options);
std::string FormatKpiJson(const std::vector<KpiRow>& rows, const KpiFormatOptions& options);

}  // namespace csc
