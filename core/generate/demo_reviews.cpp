#include "generate/demo_reviews.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "dataset/derived_columns.hpp"
#include "time/anniversary.hpp"
#include "time/working_days.hpp"

namespace csc::demo {

namespace {

const int32_t kExtractFirst = FyStart(2009);
const int32_t kExtractLast = FyEnd(2015);

int FyOf(int32_t day) {
  const CivilDate c = CivilFromDays(day);
  return c.month >= 4 ? c.year : c.year - 1;
}

// `n` working days before `to`: WorkingDaysBetween(result, to) == n.
int32_t WorkingDaysBack(const HolidayCalendar& cal, int32_t to, int n) {
  int32_t day = to;
  for (int k = 0; k < n;) {
    --day;
    if (cal.IsWorkingDay(day + 1) == true) ++k;  // (day, to] gained a working day
  }
  while (cal.IsWorkingDay(day) == false) --day;  // enquiries start on a working day; the count is unchanged
  return day;
}

// Years whose review timeliness is published (NI 66, NI 67): lateness there is placed
// exactly, never at random.
bool Published(int32_t due) {
  const int fy = FyOf(due);
  return fy == 2011 || fy == 2012;
}

// The dates a plan or period of care is reviewed on. `due_after_first(k, previous)` gives
// review k's due date (k >= 2); `make_late(due)` says whether that review is held late.
// Reviews stop at the plan's end (a review on or after it is not needed) and the extract's.
template <class DueFn, class LateFn>
std::vector<int32_t> Schedule(Rng& rng, int32_t first_due, int32_t end, DueFn due_after_first, LateFn make_late) {
  std::vector<int32_t> held;
  int32_t due = first_due, previous = 0;
  for (int k = 1;; ++k) {
    if (k > 1) due = due_after_first(k, previous);
    const int32_t last_day = std::min(end == kOpen ? kExtractLast : end - 1, kExtractLast);
    if (due > last_day) break;
    int32_t day;
    if (last_day - due >= 2 && make_late(due)) {
      day = due + rng.Between(1, std::min(21, last_day - due));
    } else {
      const int32_t earliest = std::max(k == 1 ? previous : previous + 1, due - (k == 1 ? 20 : 40));
      day = rng.Between(std::min(earliest, due), due);
    }
    held.push_back(day);
    previous = day;
  }
  return held;
}

}  // namespace

std::vector<S47Enquiry> GenerateS47Enquiries(Rng& rng, const std::vector<CpPlan>& cp, const ReferralJourney& journey) {
  const HolidayCalendar& cal = EnglandWalesBankHolidays();
  std::map<std::string, std::vector<int32_t>> referred;  // child -> referral dates
  for (const Referral& r : journey.referrals) referred[r.child.id].push_back(r.date);
  for (auto& [id, dates] : referred) std::sort(dates.begin(), dates.end());
  std::vector<S47Enquiry> out;
  std::set<std::string> on_plan;
  std::map<int, int> conferences;  // financial year -> conferences
  for (const CpPlan& p : cp) {
    on_plan.insert(p.child.id);
    if (p.start < kExtractFirst || p.start > kExtractLast) continue;  // conferenced before the extract
    S47Enquiry e;
    e.child = p.child;
    e.icpc = p.start;
    e.start = WorkingDaysBack(cal, p.start, rng.Below(100) < 78 ? rng.Between(4, 15) : rng.Between(16, 30));
    // The enquiry follows the referral that brought the child in.
    const auto it = referred.find(p.child.id);
    if (it != referred.end()) {
      const auto after = std::upper_bound(it->second.begin(), it->second.end(), p.start);
      if (after != it->second.begin()) e.start = std::max(e.start, *std::prev(after));
    }
    ++conferences[FyOf(e.icpc)];
    out.push_back(std::move(e));
  }
  // Enquiries that needed no conference: referred children with no plan, about 7 for every
  // 10 conferences in the year.
  std::map<int, std::vector<const Referral*>> candidates;
  for (const Referral& r : journey.referrals)
    if (!on_plan.count(r.child.id) && !r.nfa && r.date >= kExtractFirst && r.date + 10 <= kExtractLast)
      candidates[FyOf(r.date)].push_back(&r);
  for (auto& [fy, refs] : candidates) {
    const size_t wanted = std::min(refs.size(), static_cast<size_t>(conferences[fy] * 7 / 10));
    rng.Shuffle(refs);
    for (size_t k = 0; k < wanted; ++k) {
      S47Enquiry e;
      e.child = refs[k]->child;
      e.start = refs[k]->date + rng.Between(0, 10);
      e.not_required = true;
      out.push_back(std::move(e));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const S47Enquiry& a, const S47Enquiry& b) { return a.start < b.start; });
  return out;
}

std::vector<Review> GenerateCpReviews(Rng& rng, const std::vector<CpPlan>& cp) {
  std::vector<Review> out;
  for (const CpPlan& p : cp) {
    const auto dates = Schedule(
        rng, AddMonths(p.start, kCpFirstReviewMonths), p.end,
        [](int, int32_t previous) { return AddMonths(previous, kLaterReviewMonths); },
        [&](int32_t due) { return !Published(due) && rng.Below(100) < 3; });
    for (int32_t d : dates) out.push_back({p.child, p.start, d});
  }
  std::stable_sort(out.begin(), out.end(), [](const Review& a, const Review& b) { return a.date < b.date; });
  return out;
}

std::vector<Review> GenerateLacReviews(Rng& rng, const std::vector<LacEpisode>& episodes) {
  const HolidayCalendar& cal = EnglandWalesBankHolidays();
  struct Period {
    const LacEpisode* first = nullptr;
    int32_t end = 0;
    bool short_breaks = false;
  };
  std::map<std::pair<std::string, int32_t>, Period> periods;
  std::vector<std::pair<std::string, int32_t>> order;  // periods in the episodes' order
  for (const LacEpisode& e : episodes) {
    const auto key = std::make_pair(e.child.id, e.period_start);
    auto [it, fresh] = periods.try_emplace(key);
    if (fresh) {
      it->second.first = &e;
      it->second.end = e.end;
      order.push_back(key);
    } else if (it->second.end != kOpen) {
      it->second.end = e.end == kOpen ? kOpen : std::max(it->second.end, e.end);
    }
    it->second.short_breaks = it->second.short_breaks || e.legal_status == "V3" || e.legal_status == "V4";
  }
  // NI 66's children: looked after (not on short breaks) at 31 March for 4 weeks or more.
  std::map<int, std::vector<std::pair<std::string, int32_t>>> population;
  for (int fy : {2011, 2012}) {
    const int32_t snapshot = FyEnd(fy);
    std::set<std::pair<std::string, int32_t>> seen;
    for (const LacEpisode& e : episodes) {
      const auto key = std::make_pair(e.child.id, e.period_start);
      if (e.legal_status == "V3" || e.legal_status == "V4" || periods[key].short_breaks) continue;
      if (e.start <= snapshot && (e.end == kOpen || e.end > snapshot) && e.period_start <= snapshot - 28 && seen.insert(key).second)
        population[fy].push_back(key);
    }
  }
  // The children with a late review in each published year, drawn from that population.
  std::map<std::pair<std::string, int32_t>, std::set<int>> late_in;
  for (const auto& [fy, late] : {std::pair<int, int>{2011, kLateLacChildren2011}, {2012, kLateLacChildren2012}}) {
    auto pool = population[fy];
    if (static_cast<int>(pool.size()) < late) throw std::logic_error("demo LAC reviews: fewer children than late reviews");
    rng.Shuffle(pool);
    for (int k = 0; k < late; ++k) late_in[pool[static_cast<size_t>(k)]].insert(fy);
  }
  std::vector<Review> out;
  std::map<int, int> placed;  // year -> children given their late review
  for (const auto& key : order) {
    const Period& p = periods[key];
    if (p.short_breaks) continue;
    const auto first_due = cal.LastDayWithin(key.second, kLacFirstReviewWorkingDays);
    if (!first_due) continue;
    std::set<int> pending = late_in.count(key) ? late_in[key] : std::set<int>{};
    const auto dates = Schedule(
        rng, *first_due, p.end,
        [](int k, int32_t previous) { return AddMonths(previous, k == 2 ? kLacSecondReviewMonths : kLaterReviewMonths); },
        [&](int32_t due) {
          if (!Published(due)) return rng.Below(100) < 4;
          if (!pending.erase(FyOf(due))) return false;
          ++placed[FyOf(due)];
          return true;
        });
    for (int32_t d : dates) out.push_back({p.first->child, key.second, d});
  }
  if (placed[2011] != kLateLacChildren2011 || placed[2012] != kLateLacChildren2012)
    throw std::logic_error("demo LAC reviews: a chosen child had no review due in the year to hold late");
  std::stable_sort(out.begin(), out.end(), [](const Review& a, const Review& b) { return a.date < b.date; });
  return out;
}

std::string S47EnquiriesCsv(const std::vector<S47Enquiry>& enquiries) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "s47_start", "icpc_date", "icpc_not_required"});
  for (const S47Enquiry& e : enquiries)
    csv.Row({e.child.id, e.child.sex, Iso(e.child.dob), e.child.ethnicity, e.child.ward, Iso(e.start), Iso(e.icpc),
             e.not_required ? "Y" : "N"});
  return csv.text();
}

namespace {

std::string ReviewsCsv(const std::vector<Review>& reviews, const char* from) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", from, "review_date"});
  for (const Review& r : reviews)
    csv.Row({r.child.id, r.child.sex, Iso(r.child.dob), r.child.ethnicity, r.child.ward, Iso(r.from), Iso(r.date)});
  return csv.text();
}

}  // namespace

std::string CpReviewsCsv(const std::vector<Review>& reviews) { return ReviewsCsv(reviews, "plan_start"); }
std::string LacReviewsCsv(const std::vector<Review>& reviews) { return ReviewsCsv(reviews, "period_start"); }

}  // namespace csc::demo
