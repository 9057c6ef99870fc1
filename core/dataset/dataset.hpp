#pragma once
// A Dataset is a loaded Table plus what its columns mean: which of the four case-level
// datasets (or a reference table) it is, which column plays each role, and where it came
// from. Every recognised format is converted to the canonical layout (docs/DATA.md) before
// it becomes a Dataset, so the query engine only ever sees one layout per kind.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/code_labels.hpp"
#include "ingest/load_options.hpp"
#include "storage/table.hpp"

namespace csc {

enum class DatasetKind : uint8_t {
  CpPlans,
  LacEpisodes,
  CmeReferrals,
  MissingEpisodes,
  Referrals,    // children's social care referrals (CIN census, Annex A list 3)
  Assessments,  // initial, core and single assessments
  AssessmentFactors,  // one row per (assessment, factor identified at it): a multi-valued field
  Adoptions,          // decision that the child should be placed, placement, adoption order
  CpCategories,       // one row per (CP plan, category of abuse): a multi-valued field
  S47Enquiries,       // section 47 enquiries and the initial child protection conference they led to
  CpReviews,          // child protection review conferences, each of a plan (NI 67)
  LacReviews,         // looked-after children's reviews, each in a period of care (NI 66)
  Population,
  Benchmark,  // DfE open data and other reference tables
  Unknown,
};

// What a column means. The canonical column each role lands on depends on the kind
// (Start is plan_start in cp_plans, episode_start in lac_episodes).
enum class Role : uint8_t {
  None,
  ChildId,
  Sex,
  DateOfBirth,
  Age,
  Ethnicity,
  Ward,
  Start,
  End,
  Category,  // a kind-specific coded column; its canonical name says which
  Count,     // a number: previous plans, year group, population
};

// The source a dataset was read from.
enum class SourceFormat : uint8_t {
  Canonical,
  DfeTidy,
  Ssda903Header,
  Ssda903Episodes,
  Ssda903Missing,
  AnnexAList7,  // child protection: converted to cp_plans
  AnnexAList8,  // looked after: converted to lac_episodes
  // The other Annex A lists, kept as their own datasets (annex_a_lists.hpp).
  AnnexAList1,
  AnnexAList2,
  AnnexAList3,
  AnnexAList4,
  AnnexAList5,
  AnnexAList6,
  AnnexAList9,
  AnnexAList10,
  AnnexAList11,
  CinCensusXml,  // the DfE children in need census return (referrals, assessments, CP plans)
  // The other SSDA903 tables, kept as their own datasets (ssda903_tables.hpp).
  Ssda903Reviews,
  Ssda903Uasc,
  Ssda903Oc2,
  Ssda903Oc3,
  Ssda903Ad1,
  Ssda903PlacedAdoption,
  Ssda903PrevPerm,
  Ssda903SwEpisodes,
  Mapped,  // any other CSV, through a column mapping
  Unrecognised,
};

std::string_view KindName(DatasetKind kind);  // "cp_plans", ..., "benchmark", "unknown"
std::optional<DatasetKind> ParseKind(std::string_view name);
std::string_view RoleName(Role role);  // "child_id", "sex", "dob", "age", ...
std::optional<Role> ParseRole(std::string_view name);
std::string_view FormatName(SourceFormat format);  // "canonical", "ssda903-episodes", ...

// One canonical column of a kind: its name, role and, for coded columns, the codes it
// accepts (empty = not checked).
struct CanonicalColumn {
  std::string name;
  Role role = Role::None;
  ColumnType type = ColumnType::Category;
  std::vector<std::string> codes;
};
// The canonical layout of `kind` in file order (empty for Benchmark and Unknown).
const std::vector<CanonicalColumn>& CanonicalLayout(DatasetKind kind);
// Columns computed at load from the layout's own columns (derived_columns.hpp): never read
// from a file, so a timescale rule is applied the same way to every source.
const std::vector<CanonicalColumn>& DerivedLayout(DatasetKind kind);
// The case-level kinds with a canonical layout, in recognition order.
const std::vector<DatasetKind>& CaseKinds();

// Codes met in a coded column that its code list does not know. Kept in the data, counted
// here so the analyst sees them.
struct UnknownCodes {
  std::string column;
  std::map<std::string, size_t> counts;  // code -> rows
};

struct DatasetQuality;  // dataset/quality_check.hpp

struct Dataset {
  std::string name;  // the table name queries use: the kind's name when recognised
  DatasetKind kind = DatasetKind::Unknown;
  SourceFormat format = SourceFormat::Unrecognised;
  TablePtr table;
  std::map<Role, std::vector<std::string>> roles;  // role -> columns (Category may have several)
  std::vector<std::string> sources;                // files it was built from
  std::vector<LoadReport> reports;                 // one per source file: rejects, cell warnings
  std::vector<UnknownCodes> unknown_codes;
  std::vector<std::string> notes;  // what a conversion did: "12 repeated open episodes dropped"
  std::map<std::string, std::string> column_notes;  // column -> caveat every answer using it carries
  std::shared_ptr<const CodeLabels> labels;  // may be null: codes then show as themselves
  std::string snapshot;                      // the snapshot (.cscx) it was read from, "" when built here
  // Record-level problems found by CheckQuality (BuildDatasets runs it); null for kinds it
  // does not check.
  std::shared_ptr<const DatasetQuality> quality;

  // "Neglect" for ("latest_category", "NEG"); the code itself when unlabelled or unknown.
  std::string_view Label(std::string_view column, std::string_view code) const {
    return labels ? labels->Label(column, code) : code;
  }

  // The first column with `role`, or "" when none.
  std::string ColumnFor(Role role) const;
  size_t UnknownCodeCount() const;
};

// Values of a canonical table's coded columns that are not in the column's code list, with
// their row counts. Checks each dictionary entry once; counts rows only when one is unknown.
std::vector<UnknownCodes> FindUnknownCodes(DatasetKind kind, const Table& table);

// Roles of a canonical table of `kind` from its column names.
std::map<Role, std::vector<std::string>> CanonicalRoles(DatasetKind kind, const Table& table);

}  // namespace csc
