#pragma once
// The demonstration extract rendered in the formats LAs already hold, so the recognisers
// and converters are exercised on the same children as the canonical files:
//   ssda903/{header,episodes,missing}_YYYY.csv  one SSDA903 return per financial year
//       2009-10 .. 2015-16, YYYY the year it ends (2013 = 2012-13); every episode open at
//       any time in the year, DEC/REC blank when it was still open on 31 March (so the
//       next return repeats it), SEX in the pre-2024 coding 1/2, dates dd/mm/yyyy
//   annex_a/list7.csv  every child protection plan (Annex A List 7 columns)
//   annex_a/list8.csv  children looked after on 31 March 2013 (Annex A List 8 columns)
// Values carry the prefixes real lists have ("a) Neglect", "N1 - Abuse or neglect").
#include <string>
#include <utility>
#include <vector>

#include "generate/demo_cme_missing.hpp"
#include "generate/demo_cp.hpp"
#include "generate/demo_lac.hpp"

namespace csc::demo {

inline constexpr int kAnnexAList8Year = 2013;  // the snapshot: 31 March 2013

std::vector<std::pair<std::string, std::string>> Ssda903Files(const std::vector<LacEpisode>& lac,
                                                              const std::vector<MissingEpisode>& missing);
std::string AnnexAList7Csv(const std::vector<CpPlan>& plans);
std::string AnnexAList8Csv(const std::vector<LacEpisode>& lac);

}  // namespace csc::demo
