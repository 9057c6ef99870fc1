#pragma once
// The SSDA903 tables beyond Header, Episodes and Missing (ssda903.hpp): Reviews, UASC, OC2,
// OC3, AD1, PlacedAdoption, PrevPerm and SWEpisodes. Each is recognised by its own columns
// and kept as its own dataset ("ssda903_reviews", ...) with lower-case column names, CHILD as
// child_id, SEX coded as everywhere else, and the table's event dates also under the names
// the query engine looks for (start_date, end_date), so
// `csc query ssda903_reviews --period fy:2019-20 --count started` works without roles.
// Unreadable cells stay unreadable (a count that needs them leaves them out and says so).
#include <string>
#include <string_view>
#include <vector>

#include "dataset/ssda903.hpp"

namespace csc {

// The table a header is, or Unrecognised when none of the eight.
SourceFormat Ssda903TableOfHeader(const std::vector<std::string>& header);

// "reviews" for Ssda903Reviews; the dataset is named "ssda903_" + this ("" for other formats).
std::string_view Ssda903TableTopic(SourceFormat format);

ConvertedTable ConvertSsda903Table(const Table& table, SourceFormat format);

// What the Header and Episodes tables carry beyond the canonical columns, and why what is
// not carried is dropped (said in every 903 dataset's notes, so the load report shows it).
inline constexpr const char* kDroppedUpn =
    "Header UPN dropped: the unique pupil number is a second identifier of the child (personal data) and CHILD already "
    "links every table";
inline constexpr const char* kDroppedMcDob =
    "Header MC_DOB dropped: it is the date of birth of the child's own baby, personal data of another child; MOTHER "
    "(whether the child is a mother) is kept as 'mother'";
inline constexpr const char* kPostcodeDistricts =
    "Episodes HOME_POST and PL_POST kept as postcode districts only (home_district, placement_district, e.g. 'S60'): "
    "a full postcode is personal data";

// "S60 2TH" -> "S60", "s602th" -> "S60", "" for a blank or a value that is not a postcode.
std::string PostcodeDistrict(std::string_view postcode);

}  // namespace csc
