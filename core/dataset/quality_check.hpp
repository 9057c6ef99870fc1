#pragma once
// The data-quality report: record-level problems that change this tool's counts, each with
// the file and line it came from, the rule, and where the DfE validator numbers the rule
// (SSDA903 tables only: codes as SocialFinanceDigitalLabs/quality-lac-data-beta-validator
// numbers them), its code. Records are never changed or dropped here: they are flagged, and
// every count that includes flagged records says how many (TableRules::flagged).
//
// Rules (ids are stable: tests, --json and the Data tab use them):
//   end-before-start    end date before start date            903 Episodes: 356
//   overlap             a child's next record starts before the previous one ended
//                       (or while it is still open)            903 Episodes: 501 (142 when open)
//   born-after-start    born after a record that cannot precede birth began   903: 302
//   aged-18-or-over     looked after at 18 or over: started at 18+ (903: 352 when RNE S),
//                       or still looked after past the 18th birthday (no DfE code)
//   missing-dob         no readable date of birth               903 Header: 102
//   invalid-code        a coded value not in its code list      903: SEX 101, RNE 143,
//                       LS 144, CIN 145, PLACE 146, REC 149
//   duplicate           the same record twice (child, start and every other value equal)
//   child-differs       a child's sex or date of birth differs between records or files
//                       (between datasets, and between SSDA903 Header returns)
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/dataset.hpp"

namespace csc {

struct SourceFile;

enum class IssueSeverity : uint8_t { Error, Warning };
std::string_view SeverityName(IssueSeverity s);  // "error", "warning"

struct QualityIssue {
  std::string dataset;   // the dataset the record is in
  std::string file;      // the file the record came from ("" when not known)
  size_t line = 0;       // its 1-based line there (0 = not known: a CIN XML element)
  size_t row = 0;        // its 0-based row in the dataset
  std::string child;     // the child id ("" when none)
  std::string rule;      // one of the ids above
  std::string dfe_code;  // the DfE validator's rule number, "" when none applies
  IssueSeverity severity = IssueSeverity::Error;
  std::string detail;    // in words: "starts 2014-03-01, ends 2014-02-01"
};

// Records flagged by one rule (exact, whatever the listing cap).
struct RuleCount {
  std::string rule;
  std::string dfe_code;
  IssueSeverity severity = IssueSeverity::Error;
  size_t records = 0;
};

struct DatasetQuality {
  std::vector<QualityIssue> issues;  // by file and line, at most kMaxListedIssues per rule
  std::vector<RuleCount> counts;     // one per (rule, DfE code) met
  std::vector<uint8_t> flagged;      // per row: 1 = at least one issue (empty when none)
  size_t flagged_records = 0;
  // The flags as a column ("Y" on flagged rows, null elsewhere) for TableRules::flagged;
  // null when nothing is flagged.
  std::shared_ptr<const Column> flag_column;
  size_t errors = 0, warnings = 0;  // issues, exact
};

inline constexpr size_t kMaxListedIssues = 10000;

// What a rule id means, in a few words ("end date before start date").
std::string_view RuleTitle(std::string_view rule);

// Checks every case-level dataset and attaches its DatasetQuality (Dataset::quality).
// `files` are the loaded source files (for line numbers of SSDA903 records and the Header
// returns' own comparison); lines are known where the load kept them
// (LoadOptions::keep_record_lines).
void CheckQuality(std::vector<Dataset>& datasets, const std::vector<SourceFile>& files);

}  // namespace csc
