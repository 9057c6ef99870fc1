#include "generate/demo_cp.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "time/anniversary.hpp"

namespace csc::demo {

namespace {

// Per financial year (starting April of the year): plans started, of which repeats; plans
// ceased, of which lasted 2+ years. 2011 and 2012 are published (NI 64, NI 65); the open
// counts follow: 334 at 31 March 2013 and 393 at 31 March 2014.
struct YearFlow {
  int year, starts, repeats, ceases, long_ceases;
};
constexpr YearFlow kFlows[] = {{2009, 380, 55, 360, 14}, {2010, 400, 60, 370, 12}, {2011, 442, 52, 362, 8},
                               {2012, 319, 52, 395, 15}, {2013, 430, 62, 371, 16}, {2014, 410, 58, 400, 14},
                               {2015, 400, 57, 395, 13}};
constexpr int kOpenAtStart = 280;  // open at 31 March 2009
// NI 67's population (plans open at 31 March that began 3 months or more before it, whose
// reviews demo_reviews.cpp keeps on time): 335 at 31 March 2012, 238 at 31 March 2013.
constexpr std::pair<int, int> kOpenThreeMonths[] = {{2011, 335}, {2012, 238}};

const std::vector<std::string> kCategories = {"NEG", "EMO", "PHY", "SAB", "MUL"};
const std::vector<double> kCategoryWeights = {44, 20, 12, 8, 16};

// Age at plan start: unborn and under-5s over-represented in new plans.
int DrawStartAge(Rng& rng) {
  const std::vector<double> w = {8, 14, 28, 24, 23, 3};  // unborn, <1, 1-4, 5-9, 10-15, 16-17
  switch (rng.Weighted(w)) {
    case 0: return -1;
    case 1: return 0;
    case 2: return rng.Between(1, 4);
    case 3: return rng.Between(5, 9);
    case 4: return rng.Between(10, 15);
    default: return rng.Between(16, 17);
  }
}

CpPlan NewPlan(Rng& rng, int32_t start, int& serial) {
  CpPlan p;
  p.start = start;
  p.child = MakeChild(rng, "CP" + std::to_string(100000 + serial++), DrawStartAge(rng), start);
  if (p.child.sex == "U") p.child.sex = rng.Below(2) ? "F" : "M";  // the record is updated after birth
  p.latest_category = kCategories[rng.Weighted(kCategoryWeights)];
  p.initial_category = rng.Below(100) < 85 ? p.latest_category : kCategories[rng.Weighted(kCategoryWeights)];
  return p;
}

}  // namespace

std::vector<CpPlan> GenerateCpPlans(Rng& rng) {
  std::vector<CpPlan> plans;
  int serial = 0;
  // Plans already open when the extract begins, some of them long-standing.
  for (int i = 0; i < kOpenAtStart; ++i) {
    const int32_t back = i < 40 ? rng.Between(730, 1400) : rng.Between(1, 729);
    plans.push_back(NewPlan(rng, Day(2009, 3, 31) - back, serial));
  }
  std::vector<size_t> open(plans.size());
  for (size_t i = 0; i < open.size(); ++i) open[i] = i;

  for (const YearFlow& f : kFlows) {
    const int32_t fy_start = FyStart(f.year), fy_end = FyEnd(f.year);
    std::vector<size_t> fresh;
    std::vector<int> repeat_flags(static_cast<size_t>(f.starts), 0);
    std::fill(repeat_flags.begin(), repeat_flags.begin() + f.repeats, 1);
    rng.Shuffle(repeat_flags);
    for (int i = 0; i < f.starts; ++i) {
      CpPlan p = NewPlan(rng, rng.Between(fy_start, fy_end), serial);
      p.previous_plans = repeat_flags[static_cast<size_t>(i)] ? (rng.Below(5) == 0 ? 2 : 1) : 0;
      fresh.push_back(plans.size());
      plans.push_back(std::move(p));
    }
    // Long plans end first: the oldest open plans whose second anniversary falls by the
    // year's end.
    std::vector<size_t> by_age = open;
    std::sort(by_age.begin(), by_age.end(), [&](size_t a, size_t b) { return plans[a].start < plans[b].start; });
    std::vector<bool> ceased(plans.size(), false);
    int long_done = 0;
    for (size_t idx : by_age) {
      if (long_done == f.long_ceases) break;
      const int32_t second = AddYears(plans[idx].start, 2);
      if (second > fy_end) break;
      plans[idx].end = rng.Between(std::max(fy_start, second), fy_end);
      ceased[idx] = true;
      ++long_done;
    }
    // The rest end before their second anniversary: mostly plans from earlier years, some
    // short plans started this year.
    std::vector<size_t> candidates;
    for (size_t idx : open)
      if (!ceased[idx] && AddYears(plans[idx].start, 2) - 1 >= fy_start) candidates.push_back(idx);
    for (size_t idx : fresh)
      if (plans[idx].start + 30 <= fy_end) candidates.push_back(idx);
    rng.Shuffle(candidates);
    std::stable_sort(candidates.begin(), candidates.end(), [&](size_t a, size_t b) {
      // Earlier starts first, in coarse half-year buckets so the order stays varied.
      return (plans[a].start - fy_start) / 180 < (plans[b].start - fy_start) / 180;
    });
    int short_needed = f.ceases - f.long_ceases;
    for (size_t idx : candidates) {
      if (short_needed == 0) break;
      const int32_t lo = std::max(fy_start, plans[idx].start + 30);
      const int32_t hi = std::min(fy_end, AddYears(plans[idx].start, 2) - 1);
      if (lo > hi) continue;
      plans[idx].end = rng.Between(lo, hi);
      ceased[idx] = true;
      --short_needed;
    }
    std::vector<size_t> still_open;
    for (size_t idx : open)
      if (!ceased[idx]) still_open.push_back(idx);
    for (size_t idx : fresh)
      if (!ceased[idx]) still_open.push_back(idx);
    open = std::move(still_open);

    // Plans open 3 months or more at 31 March: this year's open plans are moved within the
    // year (never within 10 days of 1 April, so their assessments stay in the year) across
    // 31 December, which changes no published count. Their own stream: nothing else shifts.
    for (const auto& [year, wanted] : kOpenThreeMonths) {
      if (year != f.year) continue;
      const int32_t cut = AddMonths(fy_end, -3);
      std::vector<size_t> recent, older;
      int have = 0;
      for (size_t idx : open) {
        have += plans[idx].start <= cut;
        if (plans[idx].start >= fy_start + 10) (plans[idx].start > cut ? recent : older).push_back(idx);
      }
      Rng shift(0x4E493637ull + static_cast<uint64_t>(year));
      std::vector<size_t>& from = have > wanted ? older : recent;
      const size_t moves = static_cast<size_t>(std::abs(have - wanted));
      if (moves > from.size()) throw std::logic_error("demo CP: cannot calibrate the plans open 3 months at 31 March");
      shift.Shuffle(from);
      for (size_t k = 0; k < moves; ++k)
        plans[from[k]].start = have > wanted ? shift.Between(cut + 1, fy_end) : shift.Between(fy_start + 10, cut);
    }

    if (f.year == 2012) {
      // The 334 plans open at 31 March 2013 get the published make-up.
      Rng mix(rng.Next());
      const int32_t snapshot = Day(2013, 3, 31);
      if (open.size() != 334) throw std::logic_error("demo CP flows do not give 334 plans open at 31 March 2013");
      std::vector<size_t> unborn;
      for (size_t idx : open)
        if (unborn.size() < 6 && plans[idx].start >= Day(2013, 1, 1)) unborn.push_back(idx);
      const auto categories = ExactList({"EMO", "NEG", "PHY", "SAB", "MUL"}, {65, 148, 39, 27, 55}, mix);
      const auto sexes = ExactList({"F", "M"}, {166, 162}, mix);
      const auto ethnicities = ExactList({"WBRI", "WOTH", "APKN", "MWBC", "MWBA", "MWAS", "MOTH", "OOTH", "NOBT"},
                                         {251, 10, 2, 4, 2, 1, 2, 37, 25}, mix);
      size_t k = 0, s = 0;
      for (size_t idx : open) {
        CpPlan& p = plans[idx];
        p.latest_category = categories[k];
        if (p.initial_category != p.latest_category && mix.Below(100) < 70) p.initial_category = p.latest_category;
        p.child.ethnicity = ethnicities[k++];
        if (std::find(unborn.begin(), unborn.end(), idx) != unborn.end()) {
          p.child.sex = "U";
          p.child.dob = snapshot + mix.Between(10, 150);
        } else {
          p.child.sex = sexes[s++];
          if (p.child.dob > snapshot) p.child.dob = snapshot - mix.Between(1, 60);
        }
      }
    }
  }
  // Plans end by the 18th birthday: a child who would turn 18 on a plan is made younger.
  for (CpPlan& p : plans) {
    const int32_t last = p.end == kOpen ? FyEnd(2015) : p.end;
    if (AgeAt(p.child.dob, last) >= 18) p.child.dob = AddYears(last, -17) - rng.Between(1, 300);
  }
  return plans;
}

std::string CpPlansCsv(const std::vector<CpPlan>& plans) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "plan_start", "plan_end", "initial_category",
               "latest_category", "previous_plans"});
  for (const CpPlan& p : plans)
    csv.Row({p.child.id, p.child.sex, Iso(p.child.dob), p.child.ethnicity, p.child.ward, Iso(p.start), Iso(p.end),
             p.initial_category, p.latest_category, std::to_string(p.previous_plans)});
  return csv.text();
}

std::string CpCategoriesCsv(const std::vector<CpPlan>& plans) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "plan_start", "plan_end", "category"});
  Rng rng(0x43415453ull);
  const std::vector<std::string> specific = {"NEG", "EMO", "PHY", "SAB"};
  const std::vector<double> weights = {50, 30, 12, 8};
  for (const CpPlan& p : plans) {
    std::vector<std::string> categories = {p.initial_category, p.latest_category};
    if (p.latest_category == "MUL" || p.initial_category == "MUL") {
      const size_t a = rng.Weighted(weights);
      size_t b = rng.Weighted(weights);
      while (b == a) b = rng.Weighted(weights);
      categories.push_back(specific[a]);
      categories.push_back(specific[b]);
      // The list names the categories themselves; "multiple" is what a single field says instead.
      categories.erase(std::remove(categories.begin(), categories.end(), "MUL"), categories.end());
    }
    std::sort(categories.begin(), categories.end());
    categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
    for (const std::string& c : categories)
      csv.Row({p.child.id, p.child.sex, Iso(p.child.dob), p.child.ethnicity, p.child.ward, Iso(p.start), Iso(p.end), c});
  }
  return csv.text();
}

}  // namespace csc::demo
