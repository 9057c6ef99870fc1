#pragma once
// Each row's age in whole years on its own reference date (its start, or its end), derived
// once per table and kept in the table's DerivedCache: the count pass then reads one byte
// per row instead of a 16-bit date of birth plus two calendar-table lookups. The same
// arithmetic as the scan's own (year keys of compile_query.cpp), so answers are identical.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "query/catalog.hpp"
#include "query/compiled_query.hpp"

namespace csc {

inline constexpr int8_t kRowAgeUnknown = -128;  // the date of birth or the reference date is missing

// -1 for a reference date before birth (Unborn). Null when any age is over 126: the scan
// then works ages out itself. `ref` must be one of the query's date columns (its year-key
// tables cover it).
std::shared_ptr<const std::vector<int8_t>> RowAgesAt(const CompiledQuery& cq, const Column& ref);
// Derives the ages of every table that has a date of birth and a start date, so the first
// query after loading does not pay for it (the explorer calls this on its loading worker).
void DeriveRowAgesAhead(const Catalog& catalog);
// The DerivedCache key of the ages of `ref` given `dob`, both columns of `table`:
// "ages:DOB:REF" with column indices, so the key means the same in a snapshot reopened by
// another process. A snapshot saves these entries and puts them back.
std::string RowAgesKey(const Table& table, const Column& dob, const Column& ref);
inline constexpr const char* kRowAgesKeyPrefix = "ages:";
// The derivation itself, uncached (benchmarks).
std::shared_ptr<const std::vector<int8_t>> DeriveRowAges(const CompiledQuery& cq, const Column& dob, const Column& ref);

}  // namespace csc
