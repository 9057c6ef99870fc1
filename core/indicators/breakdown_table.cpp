#include "indicators/breakdown_table.hpp"

#include <algorithm>
#include <cmath>

#include "indicators/scorecard.hpp"
#include "query/compiled_query.hpp"
#include "util/text.hpp"

namespace csc {

namespace {

// The table a count reads, or null when it is not loaded or the text does not parse.
const Table* CountTable(const Indicator& ind, const CountSpec& spec, const Catalog& catalog) {
  try {
    return catalog.Find(CountQuery(ind, spec, "2012-13").table);
  } catch (const std::exception&) {
    return nullptr;
  }
}

bool HasColumn(const Table& t, std::string_view name) { return t.FindColumn(name).has_value(); }

// A coded column worth slicing by: text with a handful of values, not an identifier.
bool IsCoded(const Table& t, size_t i) {
  const Column& c = t.column(i);
  const std::string name = ToLower(t.column_name(i));
  if (!IsStringType(c.type()) || !c.dictionary()) return false;
  if (name == "child_id" || name.ends_with("_id") || name == "ward" || name == "sex" || name == "ethnicity") return false;
  const uint32_t values = c.dictionary()->size();
  return values >= 2 && values <= 30;
}

}  // namespace

std::vector<BreakdownChoice> BreakdownDimensions(const Indicator& ind, const Catalog& catalog) {
  std::vector<BreakdownChoice> out;
  if (!ind.numerator) return out;
  const Table* num = CountTable(ind, *ind.numerator, catalog);
  if (!num) return out;
  const Table* den = ind.denominator ? CountTable(ind, *ind.denominator, catalog) : num;
  if (!den) return out;
  auto both = [&](std::string_view column) { return HasColumn(*num, column) && HasColumn(*den, column); };
  if (both("ward")) out.push_back({"ward", "ward"});
  if (both("dob")) out.push_back({"age-band", "age band"});
  if (both("sex")) out.push_back({"sex", "sex"});
  if (both("ethnicity")) out.push_back({"ethnic-group", "ethnic group"});
  for (size_t i = 0; i < num->num_columns(); ++i) {
    const std::string& name = num->column_name(i);
    if (!IsCoded(*num, i) || !HasColumn(*den, name)) continue;
    std::string label = name;
    std::replace(label.begin(), label.end(), '_', ' ');
    out.push_back({name, label});
  }
  return out;
}

BreakdownTable BuildBreakdownTable(const Indicator& ind, const Catalog& catalog, const std::string& year,
                                   const std::string& by, const CountPublication* publish) {
  BreakdownTable t;
  t.id = ind.id;
  t.year = year;
  t.by = by;
  t.published = publish != nullptr;
  if (!ind.numerator) {
    t.error = ind.ref + " is entered from the report, not counted from the data, so it has no breakdown.";
    return t;
  }
  try {
    t.rows = IndicatorBreakdown(ind, catalog, year, by, publish);
  } catch (const std::exception& e) {
    t.error = e.what();
    return t;
  }
  for (const auto& r : t.rows) t.numerator_total += r.numerator.value_or(0), t.denominator_total += r.denominator.value_or(0);
  if (publish) {
    // The wholes are cells of their own; the slices' sum is never compared with them (a
    // difference of exact sums would be the withheld slices' count).
    try {
      t.numerator_published = RunPublishedCount(ind, *ind.numerator, catalog, year, *publish);
      if (ind.denominator) t.denominator_published = RunPublishedCount(ind, *ind.denominator, catalog, year, *publish);
    } catch (const std::exception& e) {
      t.error = e.what();
      return t;
    }
    t.numerator_whole = t.numerator_published.value_or(0);
    t.denominator_whole = t.denominator_published.value_or(0);
    t.note = "Published counts (cell-key method): slices of 1 to " + std::to_string(publish->options.threshold) +
             " are withheld as c; figures are protected and totals may not add.";
  } else {
    try {
      t.numerator_whole = RunCount(ind, *ind.numerator, catalog, year);
      t.denominator_whole = ind.denominator ? RunCount(ind, *ind.denominator, catalog, year) : 0;
    } catch (const std::exception& e) {
      t.error = e.what();
      return t;
    }
    const bool num_off = std::abs(t.numerator_total - t.numerator_whole) > 0.5;
    const bool den_off = ind.denominator && std::abs(t.denominator_total - t.denominator_whole) > 0.5;
    if (num_off || den_off) {
      t.note = "The slices hold " + FormatNumber(t.numerator_total, 0) + " of the numerator's " +
               FormatNumber(t.numerator_whole, 0);
      if (ind.denominator)
        t.note += " and " + FormatNumber(t.denominator_total, 0) + " of the denominator's " + FormatNumber(t.denominator_whole, 0);
      t.note += ": a child or case can fall in several slices, or in none, so they are not shares of the whole.";
    }
  }
  std::stable_sort(t.rows.begin(), t.rows.end(), [](const BreakdownRow& a, const BreakdownRow& b) {
    const double na = a.numerator.value_or(0), nb = b.numerator.value_or(0);
    return na != nb ? na > nb : a.label < b.label;
  });
  return t;
}

}  // namespace csc
