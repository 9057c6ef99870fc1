#pragma once
// Deciding from a header row alone what a CSV is: one of the canonical layouts, a DfE
// open-data file, an SSDA903 table, an Ofsted Annex A list, or something that needs a
// column mapping. Column names are compared case-insensitively, ignoring spaces and
// punctuation, because LAs' exports drift ("Child Unique ID", "child unique id ").
#include <string>
#include <string_view>
#include <vector>

#include "dataset/dataset.hpp"

namespace csc {

// The meaning the recogniser found for one source column.
struct ColumnGuess {
  std::string column;     // as in the file
  Role role = Role::None;
  std::string canonical;  // the canonical column it becomes ("" = not used)
};

struct Recognition {
  SourceFormat format = SourceFormat::Unrecognised;
  DatasetKind kind = DatasetKind::Unknown;
  std::vector<ColumnGuess> columns;  // one per source column, in file order
};

Recognition RecogniseHeader(const std::vector<std::string>& header);

// Lower-case letters and digits with single spaces: "Child  Unique-ID " -> "child unique id".
std::string NormaliseHeaderName(std::string_view name);

// Annex A list fields found by pattern; the canonical column each feeds, or an extra
// column kept beside the canonical ones ("placements_12m").
struct AnnexAField {
  std::string canonical;
  Role role = Role::None;
};
// The field a List 7 / List 8 column header matches ("" canonical when none).
AnnexAField MatchAnnexAColumn(SourceFormat list, std::string_view header);

}  // namespace csc
