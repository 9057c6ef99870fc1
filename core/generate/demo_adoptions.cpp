#include "generate/demo_adoptions.hpp"

#include <algorithm>

#include "time/anniversary.hpp"

namespace csc::demo {

namespace {

// Per financial year: children adopted, of whom placed within 12 months of the decision.
struct YearFlow {
  int year, adopted, within;
};
constexpr YearFlow kFlows[] = {{2009, 24, 11}, {2010, 28, 14}, {2011, 26, 13}, {2012, 36, 22},
                               {2013, 40, 26}, {2014, 38, 27}, {2015, 33, 24}};

}  // namespace

std::vector<Adoption> GenerateAdoptions(Rng& rng) {
  std::vector<Adoption> out;
  int serial = 0;
  for (const YearFlow& f : kFlows) {
    for (int i = 0; i < f.adopted; ++i) {
      Adoption a;
      a.adopted = rng.Between(FyStart(f.year), FyEnd(f.year));
      a.placed = a.adopted - rng.Between(70, 300);
      // In time: the decision on or after the date 12 months before the placement (the
      // anniversary rule of time/anniversary.hpp, as the derived column checks it).
      const int32_t year_before = AddMonths(a.placed, -12);
      a.decision = i < f.within ? rng.Between(year_before, a.placed - 30) : year_before - rng.Between(1, 300);
      a.child = MakeChild(rng, "AD" + std::to_string(600000 + serial++), static_cast<int>(rng.Below(6)), a.adopted);
      if (a.child.sex == "U") a.child.sex = rng.Below(2) ? "F" : "M";
      // The decision that a child should be placed for adoption is made about a born child:
      // a baby adopted young was born at least two months before it (no draw, so the rest of
      // the extract is unchanged).
      a.child.dob = std::min(a.child.dob, a.decision - 60);
      out.push_back(std::move(a));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Adoption& x, const Adoption& y) { return x.adopted < y.adopted; });
  return out;
}

std::string AdoptionsCsv(const std::vector<Adoption>& adoptions) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "decision_date", "placed_date", "adoption_date"});
  for (const Adoption& a : adoptions)
    csv.Row({a.child.id, a.child.sex, Iso(a.child.dob), a.child.ethnicity, a.child.ward, Iso(a.decision), Iso(a.placed),
             Iso(a.adopted)});
  return csv.text();
}

}  // namespace csc::demo
