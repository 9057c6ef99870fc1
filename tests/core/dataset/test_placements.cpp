// Placements derived at load (dataset/placements.hpp) on tiny extracts in
// tests/data/placements/, each answer worked by hand from the rows (comments give the rows).
#include <catch2/catch.hpp>

#include <map>

#include "support/by_child.hpp"
#include "dataset/dataset_loader.hpp"
#include "dataset/placements.hpp"

using namespace csc;
using test::ByChild;

namespace {

const std::string kDir = std::string(CSC_TEST_DATA_DIR) + "/placements/";

}  // namespace

TEST_CASE("placements: S, P, T, B and U begin a placement, L continues it", "[dataset][derived][placements]") {
  const DatasetLoad load = LoadDatasets({kDir + "ni62/lac_episodes.csv"});
  const Dataset* d = load.Find("lac_episodes");
  REQUIRE(d);
  const auto fresh = ByChild(*d->table, "new_placement");
  const auto start = ByChild(*d->table, "placement_start");
  const auto end = ByChild(*d->table, "placement_end");
  // P1: S, P, then L on 1 December 2012: two placements, the second from 1 August, open.
  CHECK(fresh.at("P1") == "true;true;false;");
  CHECK(start.at("P1") == "2012-05-01;2012-08-01;2012-08-01;");
  CHECK(end.at("P1") == "2012-08-01;-;-;");
  // P3: S, T, U: three placements (U: legal status and placement type change, same carer).
  CHECK(fresh.at("P3") == "true;true;true;");
  // P4: S in 2010, two L episodes, then P on 1 January 2013: the first placement runs from
  // 1 January 2010 to 1 January 2013 across the L episodes.
  CHECK(fresh.at("P4") == "true;false;false;true;");
  CHECK(start.at("P4") == "2010-01-01;2010-01-01;2010-01-01;2013-01-01;");
  CHECK(end.at("P4") == "2013-01-01;2013-01-01;2013-01-01;-;");
  // P8: an L episode a month after care ended continues nothing: a new placement.
  CHECK(fresh.at("P8") == "true;true;true;");
  // P9: a blank reason on an episode that follows another the same day: unknown, with a note.
  CHECK(fresh.at("P9") == "true;-;");
  CHECK(start.at("P9") == "2012-05-01;-;");
  bool noted = false;
  for (const auto& n : d->notes) noted |= n.rfind("1 looked-after episodes continue an earlier one", 0) == 0;
  CHECK(noted);
}

TEST_CASE("placements: NI 63's stable start counts an adoptive placement with the one before it",
          "[dataset][derived][placements]") {
  const DatasetLoad load = LoadDatasets({kDir + "ni63/lac_episodes.csv"});
  const Dataset* d = load.Find("lac_episodes");
  REQUIRE(d);
  const auto stable = ByChild(*d->table, "stable_placement_start");
  // L1: P on 1 June 2010 then L in 2012: the placement (not the L episode) began 1 June 2010.
  CHECK(stable.at("L1") == "2009-01-01;2010-06-01;2010-06-01;");
  // L3: foster placement from 2008, then B to A5 (placed for adoption with the same carer).
  CHECK(stable.at("L3") == "2008-01-01;2008-01-01;");
  // L4: the placement before the adoptive one began 1 August 2011.
  CHECK(stable.at("L4") == "2009-01-01;2011-08-01;2011-08-01;");
  // L9: S in 2010, an L, then P to A4: the previous placement (S plus its L) began in 2010.
  CHECK(stable.at("L9") == "2010-01-01;2010-01-01;2010-01-01;");
  // Not placed for adoption: its own placement's start.
  CHECK(stable.at("L2") == "2009-01-01;2011-06-01;");
}

TEST_CASE("placements: adoptive placement types are A3-A6", "[dataset][placements]") {
  for (const char* t : {"A3", "A4", "A5", "A6"}) CHECK(IsPlacedForAdoption(t));
  for (const char* t : {"U3", "P1", "K2", "", "A1"}) CHECK_FALSE(IsPlacedForAdoption(t));
}
