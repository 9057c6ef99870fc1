#include "generate/demo_cme_missing.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "time/anniversary.hpp"

namespace csc::demo {

namespace {

const std::vector<std::string> kReasons = {"Moved into area", "Left school, destination unknown", "Never enrolled",
                                           "Permanently excluded", "Travelling family", "Not returned from abroad"};
const std::vector<double> kReasonWeights = {35, 25, 12, 8, 8, 12};
const std::vector<std::string> kOutcomes = {"School place found", "Moved to another LA", "Elective home education",
                                            "Left the country", "Still being sought"};
const std::vector<double> kOutcomeWeights = {55, 20, 10, 8, 7};

// A child in national curriculum year `group` (0 = Reception) on `date`: the school year
// starts on 1 September, and a child enters Reception in the September after turning 4.
Child CmeChild(Rng& rng, const std::string& id, int group, int32_t date) {
  const CivilDate d = CivilFromDays(date);
  const int school_year_start = d.month >= 9 ? d.year : d.year - 1;  // the September of this school year
  const int birth_year_start = school_year_start - 5 - group;          // born 1 Sep that year .. 31 Aug next
  Child c = MakeChild(rng, id, 0, date);
  c.dob = rng.Between(Day(birth_year_start, 9, 1), Day(birth_year_start + 1, 8, 31));
  return c;
}

// The national curriculum year of a child born on `dob` on `date` (may be outside 0..12).
int YearGroupOf(int32_t dob, int32_t date) {
  const CivilDate d = CivilFromDays(date), b = CivilFromDays(dob);
  const int school_year_start = d.month >= 9 ? d.year : d.year - 1;
  const int birth_year_start = b.month >= 9 ? b.year : b.year - 1;
  return school_year_start - birth_year_start - 5;
}

CmeReferral Referral(Rng& rng, Child child, int group, int32_t date) {
  CmeReferral r;
  r.child = std::move(child);
  r.referral = date;
  r.year_group = group;
  r.reason = kReasons[rng.Weighted(kReasonWeights)];
  const bool resolved = rng.Below(100) < 92;
  r.resolved = resolved ? date + rng.Between(3, 120) : kOpen;
  r.outcome = resolved ? kOutcomes[rng.Weighted({55, 20, 10, 8})] : "Still being sought";
  return r;
}

}  // namespace

std::vector<CmeReferral> GenerateCmeReferrals(Rng& rng, const std::vector<LacEpisode>& lac) {
  std::vector<CmeReferral> out;
  int serial = 0;
  const std::vector<int> published = {41, 232, 76, 72, 64, 40, 45, 53, 50, 68, 56, 73, 4};  // 2012-13, years 0..12
  const std::vector<double> shape(published.begin(), published.end());
  const std::pair<int, int> totals[] = {{2009, 420}, {2010, 470}, {2011, 546}, {2012, 874},
                                        {2013, 905}, {2014, 880}, {2015, 860}};
  // Looked-after children (not on short breaks) referred while in care: about 3%.
  std::vector<const LacEpisode*> in_care;
  for (const auto& e : lac)
    if (e.legal_status != "V3" && e.legal_status != "V4") in_care.push_back(&e);
  for (const auto& [year, total] : totals) {
    const std::vector<int> by_group = year == 2012 ? published : Apportion(total, shape);
    for (int group = 0; group <= 12; ++group)
      for (int k = 0; k < by_group[static_cast<size_t>(group)]; ++k) {
        const int32_t date = rng.Between(FyStart(year), FyEnd(year));
        Child child = CmeChild(rng, "CM" + std::to_string(300000 + serial++), group, date);
        // Some referrals are of a looked-after child, linked by id, referred while in care.
        if (rng.Below(100) < 3) {
          for (int tries = 0; tries < 50; ++tries) {
            const LacEpisode& e = *in_care[rng.Below(static_cast<uint32_t>(in_care.size()))];
            const int32_t last = e.end == kOpen ? FyEnd(2015) : e.end - 1;
            if (e.start > date || last < date) continue;
            if (YearGroupOf(e.child.dob, date) != group) continue;  // the right age for the year group
            child = e.child;
            break;
          }
        }
        out.push_back(Referral(rng, std::move(child), group, date));
      }
  }
  std::stable_sort(out.begin(), out.end(), [](const CmeReferral& a, const CmeReferral& b) { return a.referral < b.referral; });
  return out;
}

std::vector<MissingEpisode> GenerateMissingEpisodes(Rng& rng) {
  std::vector<MissingEpisode> out;
  int serial = 0;
  // Each child's episodes so far: a child is missing once at a time, so a new episode starts
  // after the child's previous ones have ended (and ends before any later one starts).
  std::map<std::string, std::vector<std::pair<int32_t, int32_t>>> spells;
  auto free = [&](const std::string& id, int32_t from, int32_t to) {
    for (const auto& [s, e] : spells[id])
      if (from <= e && s <= to) return false;
    return true;
  };
  // An episode starting on a day in [lo, hi]; `cse`: -1 drawn, else as given.
  auto episode = [&](const Child& child, int32_t lo, int32_t hi, bool looked_after, int cse = -1) {
    MissingEpisode m;
    m.child = child;
    m.start = rng.Between(lo, hi);
    m.end = m.start + rng.Between(0, 3);
    for (int tries = 0; tries < 100 && !free(child.id, m.start, m.end); ++tries) {
      m.start = rng.Between(lo, hi);
      m.end = m.start + rng.Between(0, 3);
    }
    // Crowded (one child 8 times in a month): the first free day, back the same day.
    for (int32_t d = lo; d <= hi && !free(child.id, m.start, m.end); ++d) m.start = m.end = d;
    if (!free(child.id, m.start, m.end)) throw std::logic_error("demo missing: no free day for " + child.id);
    spells[child.id].emplace_back(m.start, m.end);
    m.type = rng.Below(100) < 70 ? "M" : "A";
    m.looked_after = looked_after;
    m.offered = rng.Below(100) < 90;
    m.accepted = m.offered && rng.Below(100) < 70;
    m.within_72h = m.accepted && rng.Below(100) < 75;
    m.cse = rng.Below(100) < 15;
    if (cse >= 0) m.cse = cse == 1;
    out.push_back(std::move(m));
  };
  auto teenager = [&](int age, const std::string& sex, int32_t at) {
    Child c = MakeChild(rng, "MI" + std::to_string(400000 + serial++), age, at);
    c.sex = sex;
    return c;
  };

  // January-March 2013: 55 children; one is reported in January and again in February,
  // another in February and again in March, so the months count 20, 19 and 18. Ages are
  // fixed through the quarter (birthdays after March). 3 of the 55 are not White European
  // (5.5%, "fewer than 7%"); one child has CSE concerns.
  const int32_t q_start = Day(2013, 1, 1);
  std::vector<int> ages(55, 14);
  for (int i = 0; i < 24; ++i) ages[static_cast<size_t>(i)] = 15;  // 47 aged 14-15 (23 + 24)
  for (int i = 47; i < 51; ++i) ages[static_cast<size_t>(i)] = 13;
  for (int i = 51; i < 55; ++i) ages[static_cast<size_t>(i)] = 16 + i % 2;
  std::vector<std::string> sexes(55, "F");
  for (int i = 37; i < 55; ++i) sexes[static_cast<size_t>(i)] = "M";  // 37 girls: two-thirds
  Rng mix(rng.Next());
  mix.Shuffle(sexes);
  std::vector<Child> quarter;
  for (size_t i = 0; i < 55; ++i) {
    Child c = teenager(ages[i], sexes[i], q_start);
    const int32_t birthday_window_lo = AddYears(Day(2012, 4, 1), -ages[i] - 1), hi = AddYears(Day(2012, 12, 31), -ages[i]);
    c.dob = rng.Between(std::max(birthday_window_lo, AddYears(Day(2013, 3, 31), -ages[i] - 1) + 1), hi);
    quarter.push_back(c);
  }
  mix.Shuffle(quarter);
  for (Child& c : quarter)
    if (c.ethnicity.empty() || c.ethnicity[0] != 'W') c.ethnicity = "WBRI";
  quarter[5].ethnicity = "MWBC", quarter[25].ethnicity = "APKN", quarter[45].ethnicity = "AOTH";
  const size_t cse_child = 30;
  // Children 0-19 in January, 19-37 in February (19 again), 37-54 in March (37 again).
  const std::pair<int, int> months[] = {{0, 20}, {19, 19}, {37, 18}};
  for (int m = 0; m < 3; ++m) {
    const int32_t first = Day(2013, m + 1, 1), last = Day(2013, m + 1, DaysInMonth(2013, m + 1));
    const auto [from, count] = months[m];
    for (int i = 0; i < count; ++i) {
      const Child& c = quarter[static_cast<size_t>(from + i)];
      const bool looked_after = (from + i) % 3 == 0;
      // Six children a month more than once; in January one of them 8 times.
      const int reports = i == 0 && m == 0 ? 8 : i < 6 ? 2 + static_cast<int>(rng.Below(2)) : 1;
      const int cse = static_cast<size_t>(from + i) == cse_child ? 1 : 0;
      for (int r = 0; r < reports; ++r) episode(c, first, last - 3, looked_after, cse);
    }
  }
  // Every other month from April 2009 to March 2016: 12-26 children, mostly 14-15, two
  // thirds girls, some reported repeatedly; a pool of regulars recurs across months.
  std::vector<Child> regulars;
  for (int i = 0; i < 60; ++i) regulars.push_back(teenager(14, rng.Below(3) ? "F" : "M", Day(2011, 1, 1)));
  for (int32_t month = Day(2009, 4, 1); month <= Day(2016, 3, 1);) {
    const CivilDate c = CivilFromDays(month);
    const int32_t last = Day(c.year, c.month, DaysInMonth(c.year, c.month));
    if (!(c.year == 2013 && c.month <= 3)) {
      const int children = rng.Between(12, 26);
      for (int i = 0; i < children; ++i) {
        Child child;
        if (rng.Below(100) < 30) {
          child = regulars[rng.Below(static_cast<uint32_t>(regulars.size()))];
          if (AgeAt(child.dob, month) > 17) continue;
        } else {
          const int age = rng.Below(100) < 80 ? rng.Between(14, 15) : rng.Between(11, 17);
          child = teenager(age, rng.Below(3) ? "F" : "M", month);
        }
        const int reports = rng.Below(100) < 25 ? rng.Between(2, 4) : 1;
        const bool looked_after = rng.Below(100) < 35;
        for (int r = 0; r < reports; ++r) episode(child, month, last - 3, looked_after);
      }
    }
    month = last + 1;
  }
  std::stable_sort(out.begin(), out.end(), [](const MissingEpisode& a, const MissingEpisode& b) { return a.start < b.start; });
  return out;
}

std::string CmeReferralsCsv(const std::vector<CmeReferral>& referrals) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "referral_date", "resolved_date", "year_group", "reason",
               "outcome"});
  for (const auto& r : referrals)
    csv.Row({r.child.id, r.child.sex, Iso(r.child.dob), r.child.ethnicity, r.child.ward, Iso(r.referral),
             Iso(r.resolved), std::to_string(r.year_group), r.reason, r.outcome});
  return csv.text();
}

std::string MissingEpisodesCsv(const std::vector<MissingEpisode>& episodes) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "missing_start", "missing_end", "missing_type",
               "looked_after", "return_interview_offered", "return_interview_accepted", "return_interview_within_72h",
               "cse_concern"});
  auto yn = [](bool b) { return std::string(b ? "Y" : "N"); };
  for (const auto& m : episodes)
    csv.Row({m.child.id, m.child.sex, Iso(m.child.dob), m.child.ethnicity, m.child.ward, Iso(m.start), Iso(m.end),
             m.type, yn(m.looked_after), yn(m.offered), yn(m.accepted), yn(m.within_72h), yn(m.cse)});
  return csv.text();
}

}  // namespace csc::demo
