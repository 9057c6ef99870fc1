#include "indicators/whatif.hpp"

#include <cmath>
#include <stdexcept>

#include "query/query_parser.hpp"

namespace csc {

namespace {

double RoundHalfAway(double v) { return v < 0 ? -std::floor(-v + 0.5) : std::floor(v + 0.5); }

// "a count of 1 to 5"
std::string WithheldRange(const CountPublication& publish) {
  return "a count of 1 to " + std::to_string(publish.options.threshold);
}

std::string CountWord(long long n) { return std::to_string(n < 0 ? -n : n) + (n < 0 ? " fewer" : " more"); }

}  // namespace

Gap GapTo(const Indicator& ind, const std::string& goal, double goal_value, double numerator, double denominator) {
  Gap gap;
  gap.goal = goal;
  gap.goal_value = goal_value;
  auto value_with = [&](double k) { return IndicatorValueOf(ind, numerator + k, denominator); };
  // With no better direction (a CP rate) the gap is the change that reaches the goal from
  // where the value is, not one that "beats" it.
  Polarity toward = ind.polarity;
  if (toward == Polarity::None) {
    const auto now = value_with(0);
    if (!now) return gap;
    toward = *now < goal_value ? Polarity::HigherIsBetter : Polarity::LowerIsBetter;
  }
  auto meets = [&](double k) {
    const auto v = value_with(k);
    return v && CompareBetter(*v, goal_value, toward, ind.decimals) >= 0;
  };
  if (meets(0)) {
    gap.already_met = true;
    gap.numerator_change = 0;
    return gap;
  }
  if (ind.unit != IndicatorUnit::Count && denominator <= 0) return gap;
  // Exact break-even count, then step to the first whole count that meets the goal at the
  // shown precision: up for higher-is-better, down for lower-is-better.
  const double scale = ind.unit == IndicatorUnit::Count ? 1 : UnitScale(ind.unit) / denominator;
  const double exact = goal_value / scale - numerator;
  const bool up = toward == Polarity::HigherIsBetter;
  // Start a little on the near side of the exact value: the rounding tolerance can make a
  // smaller change already meet the goal.
  double k = up ? std::floor(exact) - 2 : std::ceil(exact) + 2;
  if (up && k < 0) k = 0;
  if (!up && k > 0) k = 0;
  const double max_num = ind.unit == IndicatorUnit::Percent ? denominator : 1e15;
  // Past 2^53 adding one to a double changes nothing, so the steps below would never end.
  if (!std::isfinite(exact) || std::fabs(k) > kMaxWhatIfCount || std::fabs(numerator) > kMaxWhatIfCount) return gap;
  for (int i = 0; i < 8 && !meets(k); ++i) k += up ? 1 : -1;
  if (!meets(k) || numerator + k < 0 || numerator + k > max_num) return gap;
  // Walk back while a smaller change still meets it: we started within a few counts of the
  // break-even, so a handful of steps is always enough.
  for (int i = 0; i < 16 && k != 0 && meets(k + (up ? -1 : 1)); ++i) k += up ? -1 : 1;
  gap.numerator_change = static_cast<long long>(k);
  return gap;
}

std::string GapSentence(const Indicator& ind, const Gap& gap) {
  const std::string goal = gap.goal + " (" + FormatIndicatorValue(ind, gap.goal_value) + ")";
  if (gap.already_met) return ind.polarity == Polarity::None ? "already at " + goal : "already on or better than " + goal;
  if (!gap.numerator_change) return goal + " cannot be reached by changing the numerator alone";
  return CountWord(*gap.numerator_change) + " reaches " + goal;
}

WhatIfResult RunWhatIf(Scorecard& scorecard, const Indicator& ind, const std::string& year,
                       const std::vector<WhatIfChange>& changes) {
  WhatIfResult out;
  out.year = year;
  // Publication: the scenario starts from the published counts, and a slice's count is a
  // published cell of its own, so no figure shown is an exact count or the difference of two.
  const CountPublication* publish = scorecard.options().publish ? &*scorecard.options().publish : nullptr;
  out.published = publish != nullptr;
  out.before = EvaluateIndicator(ind, scorecard.data(), year, scorecard.entered(), publish);
  if (out.before.withheld)
    throw std::invalid_argument("indicator " + ind.id + ": its " + year + " counts are withheld for publication (" +
                                WithheldRange(*publish) + "), so there is no what-if");
  if (!out.before.numerator) throw std::invalid_argument("indicator " + ind.id + ": no value for " + year + ": " + out.before.error);
  for (const WhatIfChange& ch : changes) {
    const char* part = ch.part == WhatIfPart::Numerator ? "numerator" : "denominator";
    if (!std::isfinite(ch.amount))
      throw std::invalid_argument(std::string("the ") + part + " change must be a number, not '" +
                                  std::to_string(ch.amount) + "'");
    if (ch.percent && (ch.amount < -100 || ch.amount > kMaxWhatIfPercent))
      throw std::invalid_argument(std::string("the ") + part + " change must be between -100% and +" +
                                  FormatNumber(kMaxWhatIfPercent, 0) + "%, got " + FormatNumber(ch.amount, 1) + "%");
    if (!ch.percent && std::fabs(ch.amount) > kMaxWhatIfCount)
      throw std::invalid_argument(std::string("the ") + part + " change must be within +/-" +
                                  FormatNumber(kMaxWhatIfCount, 0) + ", got " + FormatNumber(ch.amount, 0));
  }
  double num = *out.before.numerator;
  double den = out.before.denominator.value_or(0);
  for (const WhatIfChange& ch : changes) {
    const bool is_num = ch.part == WhatIfPart::Numerator;
    const std::optional<CountSpec>& spec = is_num ? ind.numerator : ind.denominator;
    double base = is_num ? num : den;
    if (!ch.slice.empty()) {
      if (!spec) throw std::invalid_argument("indicator " + ind.id + ": a slice needs the count's query (figures are entered)");
      Filter f;
      try {
        f = ParseFilter(ch.slice);
      } catch (const QueryError& e) {
        throw QueryError("indicator " + ind.id + ": slice: " + e.what());
      }
      if (publish) {
        const auto published = RunPublishedCount(ind, *spec, scorecard.data(), year, *publish, {f});
        if (!published)
          throw std::invalid_argument("indicator " + ind.id + ": the count in slice " + ch.slice + " is withheld for publication (" +
                                      WithheldRange(*publish) + "), so there is no what-if for it");
        base = *published;
      } else {
        base = RunCount(ind, *spec, scorecard.data(), year, {f});
      }
      out.slice_count = base;
    } else if (!is_num && !out.before.denominator) {
      throw std::invalid_argument("indicator " + ind.id + ": has no denominator");
    }
    double delta = ch.percent ? RoundHalfAway(base * ch.amount / 100.0) : RoundHalfAway(ch.amount);
    if (base + delta < 0) {
      delta = -base;
      out.clamped = true;
    }
    if (is_num) {
      num += delta;
      out.numerator_change += delta;
      if (ch.with_denominator) {
        den += delta;
        out.denominator_change += delta;
      }
    } else {
      den += delta;
      out.denominator_change += delta;
    }
  }
  if (den < 0) den = 0, out.clamped = true;
  out.after.numerator = num;
  if (out.before.denominator) out.after.denominator = den;
  out.after.entered = out.before.entered;
  out.after.value = IndicatorValueOf(ind, out.after.numerator, out.after.denominator);
  const IndicatorComparators cmp = scorecard.Comparators(ind, year);
  out.rag_before = RateRag(out.before.value, cmp.target, cmp.england, ind.polarity, ind.decimals);
  out.rag_after = RateRag(out.after.value, cmp.target, cmp.england, ind.polarity, ind.decimals);
  if (cmp.benchmark) {
    const std::string& la = scorecard.options().la_code;
    // Published values are rounded to the shown decimals; rank ours the same way so a tie is a tie.
    if (out.before.value)
      out.rank_before = RankAmongLas(*cmp.benchmark, la, RoundTo(*out.before.value, ind.decimals), ind.polarity);
    if (out.after.value)
      out.rank_after = RankAmongLas(*cmp.benchmark, la, RoundTo(*out.after.value, ind.decimals), ind.polarity);
  }
  const double gap_den = out.after.denominator.value_or(0);
  if (cmp.target) out.gaps.push_back(GapTo(ind, "target", *cmp.target, num, gap_den));
  if (cmp.england) out.gaps.push_back(GapTo(ind, "England", *cmp.england, num, gap_den));
  if (cmp.sn_mean) out.gaps.push_back(GapTo(ind, "SN mean", *cmp.sn_mean, num, gap_den));
  return out;
}

}  // namespace csc
