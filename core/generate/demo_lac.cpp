#include "generate/demo_lac.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "time/anniversary.hpp"

namespace csc::demo {

namespace {

const std::vector<std::string> kLegal = {"C2", "V2", "E1", "C1", "J2", "L2"};
const std::vector<double> kLegalWeights = {55, 20, 10, 10, 3, 2};
const std::vector<std::string> kNeed = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"};
const std::vector<double> kNeedWeights = {60, 6, 4, 15, 5, 2, 3, 5};
// Adoptive placements (A3-A6) are never drawn at random: NI 63 counts them by their own
// rule, so only the cohorts built for it hold them.
const std::vector<std::string> kPlace = {"U1", "U3", "U4", "U5", "U6", "R1", "K2", "P1"};
const std::vector<double> kPlaceWeights = {10, 25, 20, 8, 10, 7, 10, 5};
const std::vector<std::string> kProvider = {"PR1", "PR4", "PR2", "PR0"};
const std::vector<double> kProviderWeights = {60, 30, 7, 3};
const std::vector<std::string> kCeased = {"E4A", "E11", "E41", "E13", "E8", "E3"};
const std::vector<double> kCeasedWeights = {40, 15, 15, 10, 10, 10};
// Reasons for a new episode that move the child: P (placement and carer), T (placement and
// legal status), B and U (placement type with the same carer).
const std::vector<char> kMoves = {'P', 'T', 'B', 'U'};
const std::vector<double> kMoveWeights = {70, 15, 10, 5};

// Age at entry (<1, 1-4, 5-9, 10-15, 16-17): concentrated in under-5s and over-15s.
const std::vector<double> kEntryAges = {22, 24, 14, 22, 18};
// Entries in 2015: the rise domain.md reports is in under-5s and over-15s.
const std::vector<double> kEntryAges2015 = {34, 36, 4, 6, 20};

int DrawEntryAge(Rng& rng, int max_age, const std::vector<double>& w) {
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

struct Change {
  int32_t day = 0;
  char rne = 'P';  // P, T, B, U: a new placement; L: the legal status changes, the placement goes on
};

// One continuous period of care.
struct Care {
  int32_t start = 0, end = kOpen;  // kOpen: still looked after
  std::vector<Change> changes;     // strictly inside the period, distinct days
  std::string legal;               // "" = drawn
  int32_t born_after = 0;          // a later birth date is kept, an earlier one moved to that day
  bool adoptive = false;           // the last placement change is to an adoptive placement (A3-A6)
  const std::vector<double>* ages = &kEntryAges;
};

class Builder {
 public:
  explicit Builder(Rng& rng) : m_rng(rng) {}

  void Period(Care care) {
    std::sort(care.changes.begin(), care.changes.end(), [](const Change& a, const Change& b) { return a.day < b.day; });
    const int32_t start = care.start, end = care.end;
    const int32_t last = end == kOpen ? Day(2016, 3, 31) : end;
    // Young enough to be under 18 throughout.
    const int max_age = std::max(0, 17 - (last - start) / 365);
    Child child = MakeChild(m_rng, "LA" + std::to_string(200000 + m_serial++), DrawEntryAge(m_rng, max_age, *care.ages), start);
    // Moved without a random draw, so the rest of the extract keeps its rows.
    if (care.born_after && child.dob < care.born_after) child.dob = care.born_after;
    // Nobody is looked after at 18 or over: the 18th birthday falls after the period of care
    // (or the extract) ends.
    if (AddYears(child.dob, 18) <= last) child.dob = AddYears(last, -18) + 1;
    if (child.sex == "U") child.sex = "F";
    std::string status = care.legal.empty() ? kLegal[m_rng.Weighted(kLegalWeights)] : care.legal;
    const std::string need = kNeed[m_rng.Weighted(kNeedWeights)];
    std::string place = kPlace[m_rng.Weighted(kPlaceWeights)], provider = kProvider[m_rng.Weighted(kProviderWeights)];
    int32_t placement_start = start;
    size_t last_move = care.changes.size();
    for (size_t i = 0; i < care.changes.size(); ++i)
      if (care.changes[i].rne != 'L') last_move = i;
    for (size_t i = 0; i <= care.changes.size(); ++i) {
      const char rne = i == 0 ? 'S' : care.changes[i - 1].rne;
      const int32_t from = i == 0 ? start : care.changes[i - 1].day;
      if ((rne == 'L' || rne == 'T' || rne == 'U') && care.legal.empty()) status = NewStatus(status);  // legal status changes
      if (i > 0 && rne != 'L') {
        placement_start = from;
        const bool adoptive = care.adoptive && i - 1 == last_move;
        // Placed with the current foster carer (B: same carer) is A3/A5, with new carers A4/A6.
        place = adoptive ? (rne == 'B' || rne == 'U' ? (m_rng.Below(2) ? "A3" : "A5") : (m_rng.Below(2) ? "A4" : "A6"))
                         : kPlace[m_rng.Weighted(kPlaceWeights)];
        if (rne == 'P' || rne == 'T') provider = kProvider[m_rng.Weighted(kProviderWeights)];
      }
      LacEpisode e;
      e.child = child;
      e.period_start = start;
      e.placement_start = placement_start;
      e.start = from;
      e.end = i < care.changes.size() ? care.changes[i].day : end;
      e.legal_status = status;
      e.category_of_need = need;
      e.placement_type = place;
      e.placement_provider = provider;
      e.reason_new_episode = std::string(1, rne);
      // X1: the episode ended because a new one began the same day; not a ceasing of care.
      e.reason_ceased = i < care.changes.size() ? "X1" : end == kOpen ? "" : kCeased[m_rng.Weighted(kCeasedWeights)];
      m_episodes.push_back(std::move(e));
    }
  }

  // `n` distinct days in [lo, hi], sorted, each a move of a drawn kind (or `rne`).
  std::vector<Change> Moves(int n, int32_t lo, int32_t hi, char rne = 0) {
    if (hi - lo + 1 < n) throw std::logic_error("demo LAC: no room for the placement moves");
    std::set<int32_t> days;
    while (static_cast<int>(days.size()) < n) days.insert(m_rng.Between(lo, hi));
    std::vector<Change> out;
    for (int32_t d : days) out.push_back({d, rne ? rne : kMoves[m_rng.Weighted(kMoveWeights)]});
    return out;
  }
  std::vector<LacEpisode>& episodes() { return m_episodes; }

 private:
  std::string NewStatus(const std::string& old) {
    for (;;)
      if (std::string s = kLegal[m_rng.Weighted(kLegalWeights)]; s != old) return s;
  }

  Rng& m_rng;
  int m_serial = 0;
  std::vector<LacEpisode> m_episodes;
};

std::vector<Change> Join(std::vector<Change> a, const std::vector<Change>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

std::vector<LacEpisode> GenerateLacEpisodes(Rng& rng) {
  Builder b(rng);
  const int32_t fy11 = FyStart(2011), fy11_end = FyEnd(2011), fy12 = FyStart(2012), fy12_end = FyEnd(2012);
  const int32_t last_move = fy12_end - 1;  // moves in 2012-13 leave the child placed on 31 March
  auto end_after = [&](int32_t from, int32_t lo_days, int32_t hi_days, int open_percent) {
    return rng.Below(100) < static_cast<uint32_t>(open_percent) ? kOpen : from + rng.Between(lo_days, hi_days);
  };

  // LT: 148 long-term looked-after children at both 31 March 2012 and 31 March 2013 (care
  // began by 30 September 2009; under 16 on 31 March 2013, so born after 31 March 1997),
  // all still looked after on 1 April 2013. NI 63's "same placement 2+ years" is the
  // placement at 31 March begun by 31 March 2010 (for 2012) or 2011 (for 2013):
  //   a: 80 in one placement since 31 March 2010 or earlier (stable both years; some with a
  //      later L episode, which continues the placement; 6 placed for adoption in 2012-13,
  //      stable in 2013 by the adoption rule, their previous placement counting),
  //   b: 15 of the same, moved in 2012-13 (stable 2012 only),
  //   c: 12 moved in 2010-11 (stable 2013 only),
  //   d: 41 moved in 2011-12 (neither; 8 placed for adoption in 2012-13 after it).
  // So 95 (a + b) stable in 2012 and 92 (a + c) in 2013. Two placements a year at most.
  for (int i = 0; i < 148; ++i) {
    Care c;
    c.start = rng.Between(Day(2005, 1, 1), Day(2009, 9, 30));
    c.end = end_after(Day(2013, 4, 1), 0, 1000, 45);
    c.born_after = Day(1997, 4, 1);
    if (i < 95) {
      const int32_t since = rng.Between(std::max(c.start, Day(2007, 1, 1)), Day(2010, 3, 31));
      if (since > c.start) c.changes.push_back({since, 'P'});
      if (i % 3 == 0) c.changes.push_back({rng.Between(Day(2010, 4, 1), fy11_end), 'L'});
      if (i >= 74 && i < 80) c.changes.push_back({rng.Between(fy12 + 1, last_move), 'B'}), c.adoptive = true;
      if (i >= 80) c.changes.push_back({rng.Between(fy12 + 1, last_move), 'P'});
    } else if (i < 107) {
      c.changes = b.Moves(1, Day(2010, 4, 1), Day(2011, 3, 31));
      if (i % 2) c.changes.push_back({rng.Between(fy11, last_move), 'L'});
    } else {
      c.changes = b.Moves(1, fy11, fy11_end - 1);
      if (i >= 140) c.changes.push_back({rng.Between(fy12 + 1, last_move), 'B'}), c.adoptive = true;
      else if (i % 2) c.changes = Join(c.changes, b.Moves(1, fy12 + 1, last_move));
    }
    b.Period(c);
  }
  // X: 130 children looked after at both 31 March 2012 and 31 March 2013, in care since
  // October 2010 or later (never long-term). 19 with three placements in 2011-12 and 20 in
  // 2012-13; 16 with a move and an L episode in 2012-13 (three episodes, two placements).
  for (int i = 0; i < 130; ++i) {
    Care c;
    c.start = i < 19 ? rng.Between(Day(2010, 10, 1), Day(2011, 9, 30)) : rng.Between(Day(2010, 10, 1), fy11_end - 1);
    c.end = end_after(Day(2013, 4, 1), 0, 900, 40);
    if (i < 19) c.changes = b.Moves(2, std::max(c.start + 1, fy11), fy11_end - 1);
    else if (i < 39) c.changes = b.Moves(2, fy12 + 1, last_move);
    else if (i < 55) c.changes = Join(b.Moves(1, fy12 + 1, last_move), {{rng.Between(fy12 + 1, last_move), 'L'}});
    else if (i < 65) c.changes = b.Moves(1, std::max(c.start + 1, fy11), fy11_end - 1, 'U');
    else if (i % 2) c.changes = b.Moves(1, c.start + 1, last_move);
    // An L on the day of a move would be two episodes starting together: keep the move.
    if (c.changes.size() == 2 && c.changes[0].day == c.changes[1].day) c.changes.pop_back();
    b.Period(c);
  }
  // Y12: 103 looked after at 31 March 2012 who leave during 2012-13 (in care since October
  // 2009 or later). 20 with three placements in 2011-12 (8 of them three more in 2012-13,
  // not counted: they are not looked after at 31 March 2013), 12 more with three placements
  // in 2012-13 only.
  for (int i = 0; i < 103; ++i) {
    Care c;
    c.start = i < 20 ? rng.Between(Day(2009, 10, 1), Day(2011, 9, 30)) : rng.Between(Day(2009, 10, 1), fy11_end - 30);
    c.end = i < 32 ? rng.Between(Day(2012, 10, 1), last_move) : rng.Between(fy12, last_move);
    if (i < 20) c.changes = b.Moves(2, std::max(c.start + 1, fy11), fy11_end - 1);
    if (i < 8 || (i >= 20 && i < 32)) c.changes = Join(c.changes, b.Moves(2, fy12 + 1, c.end - 1));
    else if (i >= 32 && i % 2) c.changes = b.Moves(1, c.start + 1, c.end - 1);
    b.Period(c);
  }
  // Y13: 114 who start in 2012-13 and are looked after at 31 March 2013; 19 with three
  // placements, 11 with a move and an L episode (two placements).
  for (int i = 0; i < 114; ++i) {
    Care c;
    c.start = rng.Between(fy12, Day(2013, 2, 28));
    c.end = end_after(Day(2013, 4, 1), 0, 800, 50);
    if (i < 19) c.changes = b.Moves(2, c.start + 1, last_move);
    else if (i < 30) c.changes = Join(b.Moves(1, c.start + 1, last_move), {{rng.Between(c.start + 1, last_move), 'L'}});
    else if (i % 2) c.changes = b.Moves(1, c.start + 1, last_move);
    if (c.changes.size() == 2 && c.changes[0].day == c.changes[1].day) c.changes.pop_back();
    b.Period(c);
  }
  // D: care that ended by 31 March 2012: 260 children from 2007 to 2011, and 30 who came
  // into care in 2011-12 and had three placements before leaving (5 on 31 March 2012
  // itself: not looked after at 31 March).
  for (int i = 0; i < 260; ++i) {
    const int32_t start = rng.Between(Day(2007, 6, 1), Day(2010, 12, 31));
    const int32_t end = std::min(Day(2011, 3, 31), rng.Between(std::max(start + 60, Day(2009, 4, 1)), start + 700));
    if (end <= start) continue;
    Care c;
    c.start = start, c.end = end;
    if (rng.Below(3) == 0) c.changes = b.Moves(1, start + 1, end - 1);
    b.Period(c);
  }
  for (int i = 0; i < 30; ++i) {
    Care c;
    c.start = rng.Between(fy11, Day(2011, 12, 31));
    c.end = i < 5 ? fy11_end : rng.Between(c.start + 60, fy11_end);
    c.changes = b.Moves(2, c.start + 1, c.end - 1);
    b.Period(c);
  }
  // Short breaks (V3/V4): looked after in law, excluded from every looked-after count.
  for (int i = 0; i < 40; ++i) {
    Care c;
    c.start = rng.Between(Day(2009, 4, 1), Day(2016, 2, 1));
    c.end = c.start + rng.Between(1, 14);
    c.legal = i % 2 ? "V3" : "V4";
    b.Period(c);
  }
  // C: entries from April 2013. 200 up to October 2014 (a quarter still looked after in
  // 2016, the rest leaving by November 2014), 260
  // who leave before December 2015, then the 2015 entries, mostly under-5s and 16-17s,
  // sized so 423 are looked after at 31 December 2015.
  const int32_t dec15 = Day(2015, 12, 31);
  for (int i = 0; i < 200; ++i) {
    Care c;
    c.start = rng.Between(Day(2013, 4, 1), Day(2014, 10, 31));
    c.end = end_after(c.start + 30, 0, 500, 25);
    if (c.end != kOpen) c.end = std::min(c.end, Day(2014, 11, 30));  // no exits in 2015 from these
    if (rng.Below(4) == 0) c.changes = b.Moves(1, c.start + 1, c.start + 29);
    b.Period(c);
  }
  for (int i = 0; i < 260; ++i) {
    Care c;
    c.start = rng.Between(Day(2013, 4, 1), Day(2014, 9, 1));
    c.end = std::min(Day(2014, 12, 31), c.start + rng.Between(30, 500));
    b.Period(c);
  }
  auto open_at = [](const LacEpisode& e, int32_t d) { return e.start <= d && (e.end == kOpen || e.end > d); };
  std::set<std::string> open_dec15;
  for (const auto& e : b.episodes())
    if (e.legal_status != "V3" && e.legal_status != "V4" && open_at(e, dec15)) open_dec15.insert(e.child.id);
  const int needed = 423 - static_cast<int>(open_dec15.size());
  if (needed < 60) throw std::logic_error("demo LAC: too many children still looked after in December 2015");
  for (int i = 0; i < needed; ++i) {
    Care c;
    c.start = rng.Between(Day(2015, 1, 1), Day(2015, 12, 20));
    c.end = end_after(Day(2016, 1, 1), 0, 80, 70);
    c.ages = &kEntryAges2015;
    if (rng.Below(4) == 0) c.changes = b.Moves(1, c.start + 1, dec15);
    b.Period(c);
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
