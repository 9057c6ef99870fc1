#include "generate/demo_referrals.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "time/working_days.hpp"

namespace csc::demo {

namespace {

// Per financial year (starting April of the year): referrals; initial assessments completed,
// of which within 10 working days; core assessments completed, of which within 35; single
// assessments completed, of which within 45. 2011 and 2012 are published (NI 59, 60, 68);
// referrals in the other years are at least what their assessments need.
struct YearFlow {
  int year, referrals, initial, initial_in_time, core, core_in_time, single, single_in_time;
  bool published;
};
constexpr YearFlow kFlows[] = {
    {2009, 5230, 4810, 3990, 1890, 1260, 0, 0, false},  {2010, 5010, 4700, 4020, 1960, 1330, 0, 0, false},
    {2011, 4913, 4614, 3996, 1937, 1345, 0, 0, true},   {2012, 3833, 3521, 2901, 1614, 1148, 0, 0, true},
    {2013, 3990, 3580, 3010, 1650, 1210, 0, 0, false},  {2014, 4150, 0, 0, 0, 0, 3560, 3100, false},
    {2015, 4300, 0, 0, 0, 0, 3690, 3290, false}};
constexpr int kFirstSingleYear = 2014;

const std::vector<std::string> kSources = {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E",
                                           "3F", "4",  "5A", "5B", "5C", "5D", "6",  "7",  "8",  "9",  "10"};
const std::vector<double> kSourceWeights = {5, 1, 2, 1, 16, 2, 3, 3, 1, 2, 3, 2, 2, 6, 3, 2, 3, 28, 2, 8, 1, 4};
const std::vector<std::string> kNeeds = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"};
const std::vector<double> kNeedWeights = {50, 10, 4, 20, 3, 2, 3, 2, 6};

int FyOf(int32_t day) {
  const CivilDate c = CivilFromDays(day);
  return c.month >= 4 ? c.year : c.year - 1;
}

// The working day on or before `day`.
int32_t WorkingOnOrBefore(const HolidayCalendar& cal, int32_t day) {
  while (cal.IsWorkingDay(day) == false) --day;
  return day;
}

// A working day `n` working days before `end` (itself a working day): WorkingDaysBetween of
// the result and `end` is exactly n.
int32_t WorkingDaysBefore(const HolidayCalendar& cal, int32_t end, int n) {
  int32_t day = end;
  for (int k = 0; k < n; ++k) {
    --day;
    while (cal.IsWorkingDay(day) == false) --day;
  }
  return day;
}

struct Draft {
  int32_t referral = 0, start = 0, end = 0;
  std::string type;
  int link = -1;        // index of a CP plan (-1: none)
  int parent = -1;      // a core assessment's initial assessment (index into drafts)
  bool in_time = false;
};

}  // namespace

ReferralJourney GenerateReferrals(Rng& rng, const std::vector<CpPlan>& cp) {
  const HolidayCalendar& cal = EnglandWalesBankHolidays();
  const int32_t first = FyStart(kFlows[0].year), last = FyEnd(kFlows[std::size(kFlows) - 1].year);
  std::map<int, const YearFlow*> flows;
  for (const YearFlow& f : kFlows) flows[f.year] = &f;

  // 1. The assessments that end each year: first those before a CP plan, then the rest.
  std::vector<Draft> drafts;
  std::map<std::pair<int, std::string>, int> ending;  // (year, type) -> assessments so far
  for (size_t i = 0; i < cp.size(); ++i) {
    const int32_t end = WorkingOnOrBefore(cal, cp[i].start - rng.Between(0, 5));
    if (end < first + 60 || end > last) continue;
    const int year = FyOf(end);
    Draft d;
    d.end = end;
    d.type = year >= kFirstSingleYear ? "single" : "core";
    d.link = static_cast<int>(i);
    ++ending[{year, d.type}];
    drafts.push_back(d);
  }
  for (const YearFlow& f : kFlows) {
    for (const auto& [type, total] : {std::pair<std::string, int>{"core", f.core}, {"single", f.single}}) {
      const int have = ending[{f.year, type}];
      if (have > total) throw std::logic_error("demo referrals: more CP-linked " + type + " assessments than the year's total");
      for (int k = have; k < total; ++k) {
        Draft d;
        d.end = WorkingOnOrBefore(cal, rng.Between(FyStart(f.year) + 3, FyEnd(f.year)));
        d.type = type;
        drafts.push_back(d);
      }
      ending[{f.year, type}] = total;
    }
  }
  // Timeliness per year: exactly the year's number in time, shuffled over its assessments.
  auto assign_in_time = [&](const std::string& type, auto in_time_of) {
    std::map<int, std::vector<size_t>> by_year;
    for (size_t i = 0; i < drafts.size(); ++i)
      if (drafts[i].type == type) by_year[FyOf(drafts[i].end)].push_back(i);
    for (auto& [year, idx] : by_year) {
      const auto it = flows.find(year);
      const int in_time = it == flows.end() ? static_cast<int>(idx.size()) * 4 / 5 : in_time_of(*it->second);
      if (in_time > static_cast<int>(idx.size())) throw std::logic_error("demo referrals: in-time count above the total");
      rng.Shuffle(idx);
      for (size_t k = 0; k < idx.size(); ++k) drafts[idx[k]].in_time = static_cast<int>(k) < in_time;
    }
  };
  assign_in_time("core", [](const YearFlow& f) { return f.core_in_time; });
  assign_in_time("single", [](const YearFlow& f) { return f.single_in_time; });
  // Core and single assessments run back from their end; a core starts the day its child's
  // initial assessment completed.
  const size_t before_initial = drafts.size();
  for (size_t i = 0; i < before_initial; ++i) {
    Draft& d = drafts[i];
    if (d.type == "core") {
      d.start = WorkingDaysBefore(cal, d.end, d.in_time ? rng.Between(12, 35) : rng.Between(36, 70));
      Draft initial;
      initial.end = d.start;
      initial.type = "initial";
      initial.link = d.link;
      d.parent = static_cast<int>(drafts.size());
      ++ending[{FyOf(initial.end), "initial"}];
      drafts.push_back(initial);
    } else {
      d.referral = WorkingDaysBefore(cal, d.end, d.in_time ? rng.Between(8, 45) : rng.Between(46, 65));
      d.start = std::min(d.end, d.referral + rng.Between(0, 5));
    }
  }
  for (const YearFlow& f : kFlows) {
    const int have = ending[{f.year, "initial"}];
    if (have > f.initial) throw std::logic_error("demo referrals: more initial assessments before cores than the year's total");
    for (int k = have; k < f.initial; ++k) {
      Draft d;
      d.end = WorkingOnOrBefore(cal, rng.Between(FyStart(f.year) + 3, FyEnd(f.year)));
      d.type = "initial";
      drafts.push_back(d);
    }
  }
  assign_in_time("initial", [](const YearFlow& f) { return f.initial_in_time; });
  for (Draft& d : drafts) {
    if (d.type != "initial") continue;
    d.referral = WorkingDaysBefore(cal, d.end, d.in_time ? rng.Between(1, 10) : rng.Between(11, 25));
    d.start = d.referral;
  }
  // A core assessment's referral is its initial assessment's.
  for (Draft& d : drafts)
    if (d.parent >= 0) d.referral = drafts[static_cast<size_t>(d.parent)].referral;

  // 2. Referrals: one per initial or single assessment, then referrals that led to none
  // (no further action or another service) to reach each year's total.
  ReferralJourney out;
  std::vector<int> referral_of(drafts.size(), -1);
  std::map<int, int> referrals_in;
  for (size_t i = 0; i < drafts.size(); ++i) {
    const Draft& d = drafts[i];
    if (d.type == "core") continue;
    Referral r;
    r.date = d.referral;
    r.source = kSources[rng.Weighted(kSourceWeights)];
    r.primary_need = kNeeds[rng.Weighted(kNeedWeights)];
    if (d.link >= 0) {
      r.child = cp[static_cast<size_t>(d.link)].child;
      r.primary_need = "N1";
    }
    referral_of[i] = static_cast<int>(out.referrals.size());
    ++referrals_in[FyOf(r.date)];
    out.referrals.push_back(std::move(r));
  }
  for (const YearFlow& f : kFlows) {
    const int have = referrals_in[f.year];
    int total = f.referrals;
    if (have > total) {
      if (f.published) throw std::logic_error("demo referrals: more assessed referrals than the published total");
      total = have + have / 12;
    }
    for (int k = have; k < total; ++k) {
      Referral r;
      r.date = rng.Between(FyStart(f.year), FyEnd(f.year));
      r.source = kSources[rng.Weighted(kSourceWeights)];
      r.primary_need = kNeeds[rng.Weighted(kNeedWeights)];
      r.nfa = rng.Below(100) < 55;
      r.closure = r.date + (r.nfa ? 0 : rng.Between(1, 20));
      r.closure_reason = "RC8";
      out.referrals.push_back(std::move(r));
    }
  }
  for (size_t i = 0; i < drafts.size(); ++i) {
    const Draft& d = drafts[i];
    Assessment a;
    a.referral = static_cast<size_t>(referral_of[i] >= 0 ? referral_of[i] : referral_of[static_cast<size_t>(d.parent)]);
    a.start = d.start;
    a.end = d.end;
    a.type = d.type;
    out.assessments.push_back(a);
  }
  // Closures: a referral whose assessments found no need closes when they end; a child on
  // a plan stays open past it.
  std::vector<int32_t> last_end(out.referrals.size(), kOpen);
  for (const Assessment& a : out.assessments)
    if (last_end[a.referral] == kOpen || a.end > last_end[a.referral]) last_end[a.referral] = a.end;
  for (size_t i = 0; i < drafts.size(); ++i) {
    const Draft& d = drafts[i];
    if (referral_of[i] < 0) continue;
    Referral& r = out.referrals[static_cast<size_t>(referral_of[i])];
    if (d.link >= 0) {
      const CpPlan& plan = cp[static_cast<size_t>(d.link)];
      if (plan.end != kOpen && plan.end + 90 <= last) r.closure = plan.end + rng.Between(30, 90), r.closure_reason = "RC7";
    } else if (rng.Below(100) < 60) {
      r.closure = last_end[static_cast<size_t>(referral_of[i])];
      r.closure_reason = "RC8";
    } else {
      const int32_t close = last_end[static_cast<size_t>(referral_of[i])] + rng.Between(30, 400);
      if (close <= last) r.closure = close, r.closure_reason = "RC7";
    }
  }

  // 3. Children: referrals not linked to a plan go in date order to new children, or about
  // one in five to a child referred before (some within 12 months: re-referrals).
  std::vector<size_t> order;
  for (size_t i = 0; i < out.referrals.size(); ++i)
    if (out.referrals[i].child.id.empty()) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return out.referrals[a].date < out.referrals[b].date; });
  std::vector<size_t> earlier;
  int serial = 0;
  for (size_t i : order) {
    Referral& r = out.referrals[i];
    if (earlier.size() > 50 && rng.Below(100) < 20) {
      const size_t back = std::min<size_t>(earlier.size(), 1500);
      const Referral& before = out.referrals[earlier[earlier.size() - 1 - rng.Below(static_cast<uint32_t>(back))]];
      if (before.date + 14 <= r.date && (before.closure == kOpen ? false : before.closure < r.date) &&
          before.child.dob < r.date) {
        r.child = before.child;
        earlier.push_back(i);
        continue;
      }
    }
    const int age = rng.Below(100) < 4 ? -1 : static_cast<int>(rng.Below(18));
    r.child = MakeChild(rng, "RF" + std::to_string(500000 + serial++), age, r.date);
    if (r.child.sex == "U") r.child.sex = rng.Below(2) ? "F" : "M";
    earlier.push_back(i);
  }
  return out;
}

std::string ReferralsCsv(const ReferralJourney& j) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "referral_date", "closure_date", "referral_source",
               "primary_need", "nfa", "closure_reason"});
  std::vector<size_t> order(j.referrals.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return j.referrals[a].date < j.referrals[b].date; });
  for (size_t i : order) {
    const Referral& r = j.referrals[i];
    csv.Row({r.child.id, r.child.sex, Iso(r.child.dob), r.child.ethnicity, r.child.ward, Iso(r.date), Iso(r.closure),
             r.source, r.primary_need, r.nfa ? "Y" : "N", r.closure == kOpen ? "" : r.closure_reason});
  }
  return csv.text();
}

std::string AssessmentsCsv(const ReferralJourney& j) {
  CsvText csv({"child_id", "sex", "dob", "ethnicity", "ward", "referral_date", "assessment_start", "assessment_end",
               "assessment_type"});
  std::vector<size_t> order(j.assessments.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return j.assessments[a].end < j.assessments[b].end; });
  for (size_t i : order) {
    const Assessment& a = j.assessments[i];
    const Referral& r = j.referrals[a.referral];
    csv.Row({r.child.id, r.child.sex, Iso(r.child.dob), r.child.ethnicity, r.child.ward, Iso(r.date), Iso(a.start),
             Iso(a.end), a.type});
  }
  return csv.text();
}

}  // namespace csc::demo
