#pragma once
// Unborn children (domain.md section 3): a child recorded as unborn (sex or gender written
// "unborn", Annex A "c) Unborn") or whose expected date of birth is after the reference date
// counts as Unborn. The code U alone is "unknown" (Annex A "c) Unknown", SSDA903 U): with
// no date of birth its age is Unknown, never guessed Unborn. The engine ages a row from its date of birth alone (Unborn = a
// reference date before it), so a recorded-unborn child with a blank date of birth is given
// one at load: the 1 April after the financial year of the last date the data holds. The
// child is then Unborn at every date the data speaks for, and a note says so. An expected
// date of birth that is recorded is kept: the child is Unborn before it, aged after it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/dataset.hpp"

namespace csc {

// "Unborn", "c) Unborn", " unborn " (any case, list marker stripped).
bool IsRecordedUnborn(std::string_view sex);

// The date of birth given to a recorded-unborn child without one: the 1 April after the
// financial year that holds `last_date`. nullopt without a last date.
std::optional<int32_t> UnbornBirthDate(std::optional<int32_t> last_date);

// "3 children recorded as unborn with no date of birth: counted as Unborn up to 2013-03-31
// (the end of <whose> year; their date of birth taken as 2013-04-01)".
std::string UnbornNote(size_t children, int32_t birth, std::string_view whose);

// A canonical table of `kind` with the rule applied: recorded-unborn rows with a blank (not
// unreadable) dob
// get UnbornBirthDate(the latest date in the kind's start and end columns), and a sex written
// as "unborn" becomes the code U. The same table when no row needs it; a note otherwise.
TablePtr ApplyUnbornRule(DatasetKind kind, TablePtr table, std::vector<std::string>* notes);

}  // namespace csc
