#pragma once
// Placements as DfE counts them, derived at load from a looked-after episodes table
// (SSDA903 episodes: one row per change of legal status or placement). One rule, used by
// NI 62, NI 63 and every query:
//
// - new_placement: Y when the episode begins a placement: its reason for new episode (RNE)
//   is S (started to be looked after), P (change of placement and carer), T (change of
//   placement and legal status), B or U (change of placement with the same carer: the 903
//   guidance records these as placement changes too, and DfE's placement-stability tables
//   count them). N when RNE is L (change of legal status only): the placement goes on.
//   An episode that continues no earlier one (no episode of the child ends on its start
//   date) begins a placement whatever its RNE. Blank or unknown RNE on an episode that
//   continues another: unknown (null), with a load note.
// - placement_start / placement_end: the first day of the placement the episode belongs to
//   and the end of its last episode (blank while open). NI 62 counts a placement once, on
//   its first episode, as open during the year from placement_start to placement_end.
// - stable_placement_start: NI 63's "same placement" start: placement_start, except for a
//   child placed for adoption (placement type A3-A6), whose adoptive placement counts
//   together with the placement just before it (DfE's NI 63 definition), so the start of
//   that previous placement.
#include <string>
#include <vector>

#include "storage/table.hpp"

namespace csc {

struct DerivedColumn {
  std::string name;
  Column column;
};

// The four columns above, in that order, for `t` (needs child_id, episode_start,
// episode_end, reason_new_episode; placement_type for the adoption rule). Notes (may be
// null) get a line when some rows cannot be placed.
std::vector<DerivedColumn> PlacementColumns(const Table& t, std::vector<std::string>* notes);

// Placement types recording a child placed for adoption (SSDA903 A3-A6).
bool IsPlacedForAdoption(std::string_view placement_type);

}  // namespace csc
