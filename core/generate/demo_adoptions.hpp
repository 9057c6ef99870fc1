#pragma once
// Adoptions of the demonstration extract, built so NI 61 (children adopted in the year who
// were placed for adoption within 12 months of the decision that they should be) comes out
// exactly: 13 of 26 in 2011-12 and 22 of 36 in 2012-13 (domain.md section 4); other years
// plausible. The children are their own ("AD" ids): the looked-after generator's ceases
// are calibrated elsewhere and are not linked to these rows yet.
#include <string>
#include <vector>

#include "generate/demo_common.hpp"

namespace csc::demo {

struct Adoption {
  Child child;
  int32_t decision = 0, placed = 0, adopted = 0;
};

std::vector<Adoption> GenerateAdoptions(Rng& rng);
std::string AdoptionsCsv(const std::vector<Adoption>& adoptions);

}  // namespace csc::demo
