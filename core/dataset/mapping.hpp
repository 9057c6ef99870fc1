#pragma once
// The column-mapping step for a CSV no recogniser knows: which source column plays which
// canonical column of a kind, plus optional recodes of values. The GUI's mapping dialog
// lists CanonicalLayout(kind) as the choices, starts from GuessMapping() and calls
// ApplyMapping(); `csc load/query --map FILE` read the same JSON:
//   {"kind": "cp_plans",
//    "columns": {"Child Ref": "child_id", "Start": "plan_start", "Category": "latest_category"},
//    "recodes": {"latest_category": {"Neglect": "NEG", "Physical": "PHY"}}}
// A target may also be a role name ("start", "end", "dob", ...), meaning the kind's column
// for that role.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/ssda903.hpp"

namespace csc {

struct ColumnMapping {
  DatasetKind kind = DatasetKind::Unknown;
  std::map<std::string, std::string> columns;                          // source column -> canonical column
  std::map<std::string, std::map<std::string, std::string>> recodes;  // canonical column -> value -> code
  bool operator==(const ColumnMapping&) const = default;
};

// Throws std::runtime_error naming what is wrong (unknown kind, unknown target column).
ColumnMapping ParseMappingJson(std::string_view json);
// The mapping saved in a JSON file (the CLI's --map FILE); throws std::runtime_error naming the
// file when it cannot be read or parsed.
ColumnMapping ReadMappingFile(const std::string& path);
std::string MappingToJson(const ColumnMapping& mapping);

// The kind whose canonical columns the header resembles most (Unknown when none).
DatasetKind GuessKind(const std::vector<std::string>& header);
// A first guess for the dialog: every source column whose name suggests a canonical
// column of `kind` (child id, sex/gender, date of birth, start/end dates, ...).
ColumnMapping GuessMapping(const std::vector<std::string>& header, DatasetKind kind);

// The source table in the kind's canonical layout. Mapped columns are renamed, recoded
// and normalised (unknown codes kept and counted); unmapped source columns are kept under
// their own names when the name is free. Throws std::runtime_error when a mapped source
// column is missing or the mapping's kind has no canonical layout.
ConvertedTable ApplyMapping(const Table& source, const ColumnMapping& mapping);

}  // namespace csc
