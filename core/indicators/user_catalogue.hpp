#pragma once
// Indicators a user adds from the explorer's form: checked through the catalogue's own parser
// (so a mistake names the field as it does for the bundled file), previewed against the
// loaded data, and appended to a user catalogue file beside the saved views (same format as
// assets/indicators/catalogue.json, indented, written atomically). At start-up the user file
// is loaded after the bundled catalogue; the bundled file is never written.
#include <memory>
#include <string>

#include "indicators/catalogue.hpp"
#include "indicators/scorecard.hpp"

namespace csc {

// What the form holds, as text the user typed.
struct IndicatorDraft {
  std::string id, name;
  std::string numerator, denominator;  // csc query texts with {year} placeholders; denominator may be empty for counts
  std::string polarity = "lower";      // higher, lower, none
  std::string unit = "%";              // %, per 10k, count, ratio
  int decimals = 1;
  std::string targets;                 // "2012-13: 13.3, 2013-14: 12.5"
  std::string benchmark_file;          // a file in assets/ees; empty: no benchmark
  std::string benchmark_column;
  std::string benchmark_where;         // "column = value; column = value"
  friend bool operator==(const IndicatorDraft&, const IndicatorDraft&) = default;
};

// Parses the draft as the catalogue would and checks its id is new among `existing`.
// Throws CatalogueError naming the field: "my indicators: indicator X: numerator: ...",
// "... targets: '2012-13 13.3': expected YEAR: NUMBER, e.g. 2012-13: 13.3".
Indicator ValidateDraft(const IndicatorDraft& draft, const IndicatorCatalogue& existing);

// The draft evaluated for a year: value, counts, comparators and RAG, or the error naming
// the bad part. Never throws.
struct IndicatorPreview {
  IndicatorDraft draft;
  std::string year;
  std::shared_ptr<const IndicatorCatalogue> catalogue;  // the draft alone; row points into it
  KpiRow row;
  std::string error;  // validation or evaluation
};
IndicatorPreview PreviewIndicator(const IndicatorDraft& draft, const IndicatorCatalogue& existing, const Catalog& data,
                                  const std::string& year, const ScorecardOptions& options = {});

// Appends the validated draft to the user catalogue at `path` (created when absent). A file
// that does not parse is not overwritten (CatalogueError).
void AppendUserIndicator(const std::string& path, const IndicatorDraft& draft, const IndicatorCatalogue& existing);

// The bundled catalogue followed by the user's (when `user_path` exists). A user indicator
// whose id the bundled catalogue already uses is left out, and a user file that does not load
// leaves the bundled catalogue alone; either way `user_error` says why.
IndicatorCatalogue LoadCatalogues(const std::string& bundled_path, const std::string& user_path, std::string* user_error);

}  // namespace csc
