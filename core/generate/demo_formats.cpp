#include "generate/demo_formats.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "time/anniversary.hpp"

namespace csc::demo {

namespace {

std::string Uk(int32_t day) {
  if (day == kOpen) return {};
  const CivilDate d = CivilFromDays(day);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

// Open at any time in [from, to].
bool During(int32_t start, int32_t end, int32_t from, int32_t to) { return start <= to && (end == kOpen || end >= from); }

std::string OldSex(const std::string& sex) { return sex == "M" ? "1" : sex == "F" ? "2" : sex; }

const std::map<std::string, std::string> kEthnicLabels = {
    {"WBRI", "White British"}, {"WIRI", "White Irish"}, {"WOTH", "Any other White background"},
    {"WIRT", "Traveller of Irish heritage"}, {"WROM", "Gypsy/Roma"}, {"MWBC", "White and Black Caribbean"},
    {"MWBA", "White and Black African"}, {"MWAS", "White and Asian"}, {"MOTH", "Any other mixed background"},
    {"AIND", "Indian"}, {"APKN", "Pakistani"}, {"ABAN", "Bangladeshi"}, {"AOTH", "Any other Asian background"},
    {"BCRB", "Caribbean"}, {"BAFR", "African"}, {"BOTH", "Any other Black background"}, {"CHNE", "Chinese"},
    {"OOTH", "Any other ethnic group"}, {"REFU", "Refused"}, {"NOBT", "Information not yet obtained"}};

std::string Gender(const std::string& sex) { return sex == "M" ? "a) Male" : sex == "F" ? "b) Female" : "c) Unborn"; }
std::string Ethnic(const std::string& code) { return code + " - " + kEthnicLabels.at(code); }
std::string Abuse(const std::string& code) {
  static const std::map<std::string, std::string> k = {{"NEG", "a) Neglect"}, {"PHY", "b) Physical abuse"},
                                                       {"SAB", "c) Sexual abuse"}, {"EMO", "d) Emotional abuse"},
                                                       {"MUL", "e) Multiple"}};
  return k.at(code);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> Ssda903Files(const std::vector<LacEpisode>& lac,
                                                              const std::vector<MissingEpisode>& missing) {
  std::vector<std::pair<std::string, std::string>> files;
  for (int year = 2009; year <= 2015; ++year) {
    const int32_t from = FyStart(year), to = FyEnd(year);
    const std::string suffix = "_" + std::to_string(year + 1) + ".csv";
    CsvText header({"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"});
    CsvText episodes({"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                      "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"});
    CsvText spells({"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"});
    std::set<std::string> children;
    auto add_child = [&](const Child& c) {
      if (children.insert(c.id).second) header.Row({c.id, OldSex(c.sex), Uk(c.dob), c.ethnicity, "", "", ""});
    };
    for (const LacEpisode& e : lac) {
      if (!During(e.start, e.end, from, to)) continue;
      add_child(e.child);
      const bool closed = e.end != kOpen && e.end <= to;
      episodes.Row({e.child.id, Uk(e.start), e.reason_new_episode, e.legal_status, e.category_of_need, e.placement_type,
                    e.placement_provider, closed ? Uk(e.end) : "", closed ? e.reason_ceased : "", "", "", "", ""});
    }
    for (const MissingEpisode& m : missing) {
      if (!m.looked_after || !During(m.start, m.end, from, to)) continue;
      add_child(m.child);
      const bool closed = m.end != kOpen && m.end <= to;
      spells.Row({m.child.id, Uk(m.child.dob), m.type, Uk(m.start), closed ? Uk(m.end) : ""});
    }
    files.emplace_back("ssda903/header" + suffix, header.text());
    files.emplace_back("ssda903/episodes" + suffix, episodes.text());
    files.emplace_back("ssda903/missing" + suffix, spells.text());
  }
  return files;
}

std::string AnnexAList7Csv(const std::vector<CpPlan>& plans) {
  CsvText csv({"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability",
               "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
               "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
               "Child Protection Plan End Date",
               "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
               "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"});
  for (const CpPlan& p : plans) {
    const int age = AgeAt(p.child.dob, p.start);
    csv.Row({p.child.id, Gender(p.child.sex), Ethnic(p.child.ethnicity), Uk(p.child.dob),
             age < 0 ? "" : std::to_string(age), "b) No", Uk(p.start), Abuse(p.initial_category),
             Abuse(p.latest_category), "", "", "", Uk(p.end), "N", std::to_string(p.previous_plans), "", ""});
  }
  return csv.text();
}

std::string AnnexAList8Csv(const std::vector<LacEpisode>& lac) {
  const int32_t snapshot = FyEnd(kAnnexAList8Year - 1), year_ago = AddYears(snapshot, -1) + 1;
  CsvText csv({"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
               "Does the Child have a Disability", "Date Started to be Looked After", "Child's Category of Need",
               "Subject to Legal Status", "Number of Placements in the Last 12 Months",
               "Date of Start of Current Placement", "Placement Type", "Placement Provider",
               "Date Ceased to be Looked After", "Reason Ceased to be Looked After",
               "Number of Episodes Child Missing from Placement in Last 12 Months",
               "Number of Episodes Child Absent from Placement in Last 12 Months", "Allocated Team", "Allocated Worker"});
  // Placements in the 12 months to the snapshot: an L episode continues its placement.
  std::map<std::string, std::set<int32_t>> placements;
  for (const LacEpisode& e : lac)
    if (During(e.start, e.end, year_ago, snapshot)) placements[e.child.id].insert(e.placement_start);
  for (const LacEpisode& e : lac) {
    if (!(e.start <= snapshot && (e.end == kOpen || e.end > snapshot))) continue;
    csv.Row({e.child.id, Gender(e.child.sex), Ethnic(e.child.ethnicity), Uk(e.child.dob),
             std::to_string(AgeAt(e.child.dob, snapshot)), "b) No", Uk(e.period_start),
             e.category_of_need + " - " + (e.category_of_need == "N1" ? "Abuse or neglect" : "Other need"),
             e.legal_status, std::to_string(placements[e.child.id].size()), Uk(e.placement_start),
             "f) " + e.placement_type + ": placement", e.placement_provider, "", "", "0", "0", "", ""});
  }
  return csv.text();
}

}  // namespace csc::demo
