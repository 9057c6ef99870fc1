#pragma once
// Choosing a column's type from sample cells spread across the file. The narrowest type
// every sampled non-null value parses as wins; the loader corrects the rare column whose
// later values disagree (see csv_loader.cpp).
#include <cstddef>
#include <string_view>

#include "ingest/load_options.hpp"
#include "storage/column_type.hpp"

namespace csc {

class TypeVote {
 public:
  void Add(std::string_view cell, DateOrder order);
  // Category stands for "some string type": Category or Text is settled after loading,
  // when the distinct count is known.
  ColumnType Decide(std::string_view column_name) const;
  size_t non_null() const { return m_non_null; }

 private:
  size_t m_non_null = 0, m_bools = 0, m_ints = 0, m_numbers = 0, m_dates = 0, m_with_time = 0;
};

// Child ids, UPNs, URNs and the like are identifiers even when they look numeric
// ("never numeric" in the domain), and never categories.
bool IsIdLikeName(std::string_view column_name);

// A column named like a date ("plan_end_date", "DOB", "date of birth", "start_dt").
bool NameSaysDate(std::string_view column_name);
// A date column keeps its type, bad cells and all, when more than half its values are dates
// and its name says date, or when 90% are dates whatever its name.
bool IsMostlyDates(std::string_view column_name, size_t dates, size_t non_null);

// Category when the dictionary is small or values repeat a lot; Text otherwise.
ColumnType ChooseStringType(size_t distinct, size_t non_null, bool id_like);

}  // namespace csc
