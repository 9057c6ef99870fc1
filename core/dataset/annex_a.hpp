#pragma once
// Ofsted Annex A lists to the canonical tables. List 7 (children subject to a child
// protection plan) becomes cp_plans; List 8 (children looked after) becomes lac_episodes with
// one row per child: the current placement as the episode, "date started to be looked after"
// as period_start, and the list's 12-month counts (placements, missing and absent episodes)
// kept as extra columns. Columns are found by pattern and values normalised by codes.hpp
// ("a) Neglect" -> NEG, "N1 - Abuse or Neglect" -> N1, "f) U6: Foster" -> U6).
#include "dataset/ssda903.hpp"

namespace csc {

ConvertedTable ConvertAnnexAList7(const Table& list7);
ConvertedTable ConvertAnnexAList8(const Table& list8);

}  // namespace csc
