#include "generate/demo_lac.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "time/anniversary.hpp"

namespace csc::demo {

namespace {

const std::vector<std::string> kLegal = {"C2", "V2", "E1", "C1", "J2", "L2"};
const std::vector<double> kLegalWeights = {55, 20, 10, 10, 3, 2};
const std::vector<std::string> kNeed = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"};
const std::vector<double> kNeedWeights = {60, 6, 4, 15, 5, 2, 3, 5};
const std::vector<std::string> kPlace = {"U1", "U3", "U4", "U5", "U6", "R1", "K2", "A4", "P1"};
const std::vector<double> kPlaceWeights = {10, 25, 20, 8, 10, 7, 10, 5, 5};
const std::vector<std::string> kProvider = {"PR1", "PR4", "PR2", "PR0"};
const std::vector<double> kProviderWeights = {60, 30, 7, 3};
const std::vector<std::string> kCeased = {"E4A", "E11", "E41", "E13", "E8", "E3"};
const std::vector<double> kCeasedWeights = {40, 15, 15, 10, 10, 10};

// Age at entry: concentrated in under-5s and over-15s.
int DrawEntryAge(Rng& rng, int max_age) {
  const std::vector<double> w = {22, 24, 14, 22, 18};  // <1, 1-4, 5-9, 10-15, 16-17
  for (;;) {
    int age;
    switch (rng.Weighted(w)) {
      case 0: age = 0; break;
      case 1: age = rng.Between(1, 4); break;
      case 2: age = rng.Between(5, 9); break;
      case 3: age = rng.Between(10, 15); break;
      default: age = rng.Between(16, 17); break;
    }
    if (age <= max_age) return age;
  }
}

class Builder {
 public:
  explicit Builder(Rng& rng) : m_rng(rng) {}

  // One continuous period of care from `start` to `end` (kOpen = still looked after) with
  // placement changes on `changes` (sorted, strictly inside the period).
  // `born_after`: a later birth date is kept, an earlier one moved to that day (no extra
  // random draw, so the rest of the extract is unchanged).
  void Period(int32_t start, int32_t end, std::vector<int32_t> changes, const std::string& legal = "",
              int32_t born_after = 0) {
    const int32_t last = end == kOpen ? Day(2016, 3, 31) : end;
    // Young enough to be under 18 throughout.
    const int max_age = std::max(0, 17 - (last - start) / 365);
    Child child = MakeChild(m_rng, "LA" + std::to_string(200000 + m_serial++), DrawEntryAge(m_rng, max_age), start);
    if (born_after && child.dob < born_after) child.dob = born_after;
    // Nobody is looked after at 18 or over: the 18th birthday falls after the period of care
    // (or the extract) ends. Moved without a random draw, like born_after.
    if (AddYears(child.dob, 18) <= last) child.dob = AddYears(last, -18) + 1;
    if (child.sex == "U") child.sex = "F";
    const std::string status = legal.empty() ? kLegal[m_rng.Weighted(kLegalWeights)] : legal;
    const std::string need = kNeed[m_rng.Weighted(kNeedWeights)];
    std::vector<int32_t> bounds = {start};
    bounds.insert(bounds.end(), changes.begin(), changes.end());
    for (size_t i = 0; i < bounds.size(); ++i) {
      LacEpisode e;
      e.child = child;
      e.period_start = start;
      e.start = bounds[i];
      e.end = i + 1 < bounds.size() ? bounds[i + 1] : end;
      e.legal_status = status;
      e.category_of_need = need;
      e.placement_type = kPlace[m_rng.Weighted(kPlaceWeights)];
      e.placement_provider = kProvider[m_rng.Weighted(kProviderWeights)];
      e.reason_new_episode = i == 0 ? "S" : "P";
      // X1: the episode ended because a new one began the same day; not a ceasing of care.
      e.reason_ceased = i + 1 < bounds.size() ? "X1" : end == kOpen ? "" : kCeased[m_rng.Weighted(kCeasedWeights)];
      m_episodes.push_back(std::move(e));
    }
  }
  // `n` change dates strictly between lo and hi, sorted and distinct.
  std::vector<int32_t> Changes(int n, int32_t lo, int32_t hi) {
    std::set<int32_t> days;
    while (static_cast<int>(days.size()) < n) days.insert(m_rng.Between(lo + 1, hi - 1));
    return {days.begin(), days.end()};
  }
  std::vector<LacEpisode>& episodes() { return m_episodes; }

 private:
  Rng& m_rng;
  int m_serial = 0;
  std::vector<LacEpisode> m_episodes;
};

}  // namespace

std::vector<LacEpisode> GenerateLacEpisodes(Rng& rng) {
  Builder b(rng);
  const int32_t fy11 = FyStart(2011), fy11_end = FyEnd(2011), fy12 = FyStart(2012), fy12_end = FyEnd(2012);
  const int32_t long_term_cut = Day(2010, 9, 30);  // 2.5 years before 31 March 2013
  const int32_t same_cut = Day(2011, 3, 31);       // 2 years before 31 March 2013
  auto end_after = [&](int32_t from, int32_t lo_days, int32_t hi_days, int open_percent) {
    return rng.Below(100) < static_cast<uint32_t>(open_percent) ? kOpen : from + rng.Between(lo_days, hi_days);
  };

  // A: 148 long-term at 31 March 2013 (care began by 30 Sep 2010, aged under 16 on 31 March
  // 2013, as NI 63 counts: born after 31 March 1997); 92 in the same placement since 31 March
  // 2011 or earlier, 56 moved once since then. At most two placements in either year.
  const int32_t under16_at_march13 = Day(1997, 4, 1);
  for (int i = 0; i < 148; ++i) {
    const int32_t start = rng.Between(Day(2006, 1, 1), long_term_cut);
    const int32_t end = end_after(Day(2013, 4, 1), 0, 1000, 45);
    if (i < 92) {
      const int32_t current = rng.Between(std::max(start + 60, Day(2008, 1, 1)), same_cut);
      b.Period(start, end, current > start ? std::vector<int32_t>{current} : std::vector<int32_t>{}, "", under16_at_march13);
    } else {
      b.Period(start, end, {rng.Between(Day(2011, 6, 1), Day(2013, 2, 28))}, "", under16_at_march13);
    }
  }
  // X: 150 children looked after in both years (care spans 1 April 2011 to 31 March 2012);
  // 19 with three placements in 2011-12, 20 with three in 2012-13, the rest two at most.
  for (int i = 0; i < 150; ++i) {
    const int32_t start = rng.Between(Day(2010, 10, 1), Day(2011, 3, 31));
    const int32_t end = i % 3 == 0 ? rng.Between(Day(2012, 7, 1), Day(2013, 3, 31)) : end_after(Day(2013, 4, 1), 0, 900, 40);
    std::vector<int32_t> changes;
    if (i < 19) changes = b.Changes(2, fy11, fy11_end);
    else if (i < 39) changes = b.Changes(2, fy12, std::min(end == kOpen ? fy12_end : end, fy12_end));
    else if (i % 2) changes = {rng.Between(fy11 + 30, fy12_end - 30)};
    if (end != kOpen) changes.erase(std::remove_if(changes.begin(), changes.end(), [&](int32_t d) { return d >= end; }), changes.end());
    b.Period(start, end, changes);
  }
  // Y11: 83 looked after in 2011-12 only (20 with three placements); Y12: 94 in 2012-13 only
  // (19 with three placements), some staying on.
  for (int i = 0; i < 83; ++i) {
    const int32_t start = rng.Between(fy11, fy11_end - 120);
    const int32_t end = rng.Between(start + 100, fy11_end);
    b.Period(start, end, i < 20 ? b.Changes(2, start, end) : std::vector<int32_t>{});
  }
  for (int i = 0; i < 94; ++i) {
    const int32_t start = rng.Between(fy12, fy12_end - 120);
    const int32_t end = i % 2 ? rng.Between(start + 100, fy12_end) : end_after(fy12_end + 1, 0, 800, 50);
    b.Period(start, end, i < 19 ? b.Changes(2, start, std::min(end == kOpen ? fy12_end : end, fy12_end)) : std::vector<int32_t>{});
  }
  // D: care that ended before April 2011 (2009-10 and 2010-11).
  for (int i = 0; i < 260; ++i) {
    const int32_t start = rng.Between(Day(2007, 6, 1), Day(2010, 12, 31));
    const int32_t end = std::min(Day(2011, 3, 31), rng.Between(std::max(start + 60, Day(2009, 4, 1)), start + 700));
    if (end <= start) continue;
    b.Period(start, end, rng.Below(3) == 0 ? std::vector<int32_t>{rng.Between(start + 1, end - 1)} : std::vector<int32_t>{});
  }
  // Short breaks (V3/V4): looked after in law, excluded from every looked-after count.
  for (int i = 0; i < 40; ++i) {
    const int32_t start = rng.Between(Day(2009, 4, 1), Day(2016, 2, 1));
    b.Period(start, start + rng.Between(1, 14), {}, i % 2 ? "V3" : "V4");
  }
  // C: entries from April 2013, sized so 423 are looked after at 31 December 2015.
  const int32_t dec15 = Day(2015, 12, 31);
  auto open_at = [](const LacEpisode& e, int32_t d) { return e.start <= d && (e.end == kOpen || e.end > d); };
  std::set<std::string> open_dec15;
  for (const auto& e : b.episodes())
    if (e.legal_status != "V3" && e.legal_status != "V4" && open_at(e, dec15)) open_dec15.insert(e.child.id);
  const int needed = 423 - static_cast<int>(open_dec15.size());
  if (needed < 0) throw std::logic_error("demo LAC: too many children still looked after in December 2015");
  for (int i = 0; i < needed; ++i) {
    const int32_t start = rng.Between(Day(2013, 4, 1), Day(2015, 12, 20));
    const int32_t end = end_after(Day(2016, 1, 1), 0, 80, 70);
    b.Period(start, end, rng.Below(4) == 0 ? std::vector<int32_t>{rng.Between(start + 1, dec15)} : std::vector<int32_t>{});
  }
  for (int i = 0; i < 260; ++i) {  // entries from 2013 that left before December 2015
    const int32_t start = rng.Between(Day(2013, 4, 1), Day(2015, 9, 1));
    b.Period(start, std::min(dec15, start + rng.Between(30, 500)), {});
  }
  auto episodes = std::move(b.episodes());
  std::stable_sort(episodes.begin(), episodes.end(), [](const LacEpisode& a, const LacEpisode& c) { return a.start < c.start; });
  return episodes;
}

std::string LacEpisodesCsv(const std::vector<LacEpisode>& episodes) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "period_start", "episode_start", "episode_end",
               "legal_status", "category_of_need", "placement_type", "placement_provider", "reason_new_episode",
               "reason_ceased"});
  for (const LacEpisode& e : episodes)
    csv.Row({e.child.id, e.child.sex, Iso(e.child.dob), e.child.ethnicity, e.child.ward, Iso(e.period_start),
             Iso(e.start), Iso(e.end), e.legal_status, e.category_of_need, e.placement_type, e.placement_provider,
             e.reason_new_episode, e.reason_ceased});
  return csv.text();
}

}  // namespace csc::demo
