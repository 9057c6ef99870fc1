#pragma once
// Which slice drives an indicator: its numerator and denominator split by one dimension of
// its datasets (ward, age band, sex, ethnic group, or a coded column such as the CP plan's
// latest category of abuse), largest numerator first. The dashboard's detail offers the
// dimensions both counts' tables have, and computes the table on a worker.
#include <optional>
#include <string>
#include <vector>

#include "indicators/breakdown.hpp"

namespace csc {

struct BreakdownChoice {
  std::string by;     // a --by item: "ward", "age-band", "latest_category"
  std::string label;  // as the selector shows it: "ward", "age band", "latest category"
};

// The dimensions the indicator's numerator table (and its denominator table, when that is a
// different one) can be split by, in the order above; coded columns are text columns with 2
// to 30 distinct values other than ids. Empty for indicators entered by hand or whose
// tables are not loaded.
std::vector<BreakdownChoice> BreakdownDimensions(const Indicator& ind, const Catalog& catalog);

struct BreakdownTable {
  std::string id, year, by;
  std::vector<BreakdownRow> rows;  // largest numerator first; ties by label
  double numerator_total = 0, denominator_total = 0;  // over the slices
  double numerator_whole = 0, denominator_whole = 0;  // the indicator's own counts
  // Set when the slices do not add up to the whole: distinct children (or a child's 3+
  // placements) split by something that varies between a child's rows land in several
  // slices or none, so the slices must not be read as shares of the whole.
  std::string note;
  std::string error;  // the engine's message naming the indicator and part, or why none
  // Publishing: every count is a published cell (withheld ones flagged in the rows, their
  // slices' totals leave them out), the wholes are published cells of their own (nullopt
  // for "c"), and the note says totals may not add.
  bool published = false;
  std::optional<double> numerator_published, denominator_published;
};
// Never throws: a data or query problem is in `error`. With `publish`, from published counts.
BreakdownTable BuildBreakdownTable(const Indicator& ind, const Catalog& catalog, const std::string& year,
                                   const std::string& by, const CountPublication* publish = nullptr);

}  // namespace csc
