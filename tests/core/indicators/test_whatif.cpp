// What-if arithmetic on NI 65 (52 repeat plans of 319 started in 2012-13 in the
// demonstration extract; 19 of the repeats are neglect, 5 sexual abuse), worked by hand:
//   52 - 12 = 40, 40 / 319 = 12.54% -> 12.5% (Green: target 13.3%)
//   42 / 319 = 13.17% -> 13.2% meets 13.3%; 43 / 319 = 13.48% -> 13.5% does not: 10 fewer
//   44 / 319 = 13.79% -> 13.8% meets England 13.8%; 45 / 319 = 14.1%: 8 fewer
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "indicator_fixtures.hpp"
#include "indicators/whatif.hpp"
#include "query/compiled_query.hpp"
#include "query/query_parser.hpp"

using namespace csc;

namespace {
Scorecard& Card() {
  static Scorecard card(BundledIndicators(), DemoData());
  return card;
}
const Indicator& Ni65() { return *BundledIndicators().Find("NI65"); }
constexpr uint64_t kPublishSeed = 0x15;  // the installation secret's seed in publication tests
WhatIfChange Numerator(double amount, std::string slice = {}, bool percent = false) {
  WhatIfChange c;
  c.amount = amount;
  c.slice = std::move(slice);
  c.percent = percent;
  return c;
}
}  // namespace

TEST_CASE("12 fewer repeat plans: 40 of 319 = 12.5%, Red to Green, rank 91st to 49th of 145, C to B", "[indicators]") {
  const WhatIfResult r = RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(-12)});
  CHECK(r.before.numerator == 52);
  CHECK(r.after.numerator == 40);
  CHECK(r.after.denominator == 319);
  CHECK(FormatIndicatorValue(Ni65(), r.after.value) == "12.5%");
  CHECK(r.rag_before == Rag::Red);
  CHECK(r.rag_after == Rag::Green);
  CHECK(r.rank_before.rank == 91);
  CHECK(r.rank_before.quartile == 'C');
  CHECK(r.rank_after.rank == 49);
  CHECK(r.rank_after.of == 145);
  CHECK(r.rank_after.quartile == 'B');
  REQUIRE(r.gaps.size() == 3);
  CHECK(GapSentence(Ni65(), r.gaps[0]) == "already on or better than target (13.3%)");
  CHECK(GapSentence(Ni65(), r.gaps[1]) == "already on or better than England (13.8%)");
}

TEST_CASE("The change needed from where NI 65 stands: 10 fewer reaches target, 8 fewer England", "[indicators]") {
  const WhatIfResult r = RunWhatIf(Card(), Ni65(), "2012-13", {});
  REQUIRE(r.gaps.size() == 3);
  CHECK(r.gaps[0].numerator_change == -10);
  CHECK(GapSentence(Ni65(), r.gaps[0]) == "10 fewer reaches target (13.3%)");
  CHECK(GapSentence(Ni65(), r.gaps[1]) == "8 fewer reaches England (13.8%)");
  CHECK(r.gaps[2].goal == "SN mean");
}

TEST_CASE("A slice's count comes from the engine and a change cannot take it below zero", "[indicators]") {
  WhatIfResult r = RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(-12, "latest_category in (NEG)")});
  CHECK(r.slice_count == 23);
  CHECK_FALSE(r.clamped);
  CHECK(r.after.numerator == 40);
  r = RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(-12, "latest_category in (SAB)")});
  CHECK(r.slice_count == 1);
  CHECK(r.clamped);
  CHECK(r.numerator_change == -1);
  CHECK(FormatIndicatorValue(Ni65(), r.after.value) == "16.0%");  // 51 / 319
  CHECK(r.rag_after == Rag::Red);
  CHECK_THROWS_WITH(RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(-1, "latest_categry in (NEG)")}),
                    Catch::Matchers::StartsWith("indicator NI65: numerator: filter 'latest_categry in (NEG)': unknown column"));
}

TEST_CASE("Percentages round to whole plans, the denominator can change alone or with the numerator", "[indicators]") {
  // 10% of 52 = 5.2 -> 5: 47 / 319 = 14.7%.
  WhatIfResult r = RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(-10, "", true)});
  CHECK(r.numerator_change == -5);
  // 50% of the 23 neglect repeats = 11.5 -> 12 (half away from zero): 40 / 319 = 12.5%, Green.
  r = RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(-50, "latest_category in (NEG)", true)});
  CHECK(r.numerator_change == -12);
  CHECK(FormatIndicatorValue(Ni65(), r.after.value) == "12.5%");
  CHECK(r.rag_after == Rag::Green);
  WhatIfChange den;
  den.part = WhatIfPart::Denominator;
  den.amount = 10;
  r = RunWhatIf(Card(), Ni65(), "2012-13", {den});
  CHECK(FormatIndicatorValue(Ni65(), r.after.value) == "15.8%");  // 52 / 329
  WhatIfChange both = Numerator(-12);
  both.with_denominator = true;
  r = RunWhatIf(Card(), Ni65(), "2012-13", {both});
  CHECK(r.after.denominator == 307);
  CHECK(FormatIndicatorValue(Ni65(), r.after.value) == "13.0%");  // 40 / 307
}

TEST_CASE("Gap arithmetic rounds the right way for each polarity and unit", "[indicators]") {
  const Indicator& ni59 = *BundledIndicators().Find("NI59");
  // 2901 / 3521 = 82.4%; 3026 / 3521 = 85.94% prints 85.9, 3027 / 3521 = 85.97% prints 86.0.
  Gap g = GapTo(ni59, "target", 86.0, 2901, 3521);
  CHECK(g.numerator_change == 126);
  CHECK(GapSentence(ni59, g) == "126 more reaches target (86.0%)");
  // 238 of 240 = 99.2%; 100% needs all 240; 101% cannot be reached.
  CHECK(GapTo(ni59, "target", 100.0, 238, 240).numerator_change == 2);
  g = GapTo(ni59, "target", 101.0, 238, 240);
  CHECK_FALSE(g.numerator_change);
  CHECK(GapSentence(ni59, g) == "target (101.0%) cannot be reached by changing the numerator alone");
  const Indicator& repeat = *BundledIndicators().Find("CP_REPEAT");  // a count, lower is better
  CHECK(GapTo(repeat, "target", 40, 52, 0).numerator_change == -12);
  CHECK(GapTo(repeat, "target", 60, 52, 0).already_met);
  // No better direction: the change that reaches the goal from where the count is, either way
  // (874 - 864 = 10; 5 + 5 = 10), never "cannot be reached".
  const Indicator& cme = *BundledIndicators().Find("CME");
  g = GapTo(cme, "target", 10, 874, 0);
  CHECK(g.numerator_change == -864);
  CHECK(GapSentence(cme, g) == "864 fewer reaches target (10)");
  CHECK(GapTo(cme, "England", 10, 5, 0).numerator_change == 5);
  CHECK(GapSentence(cme, GapTo(cme, "target", 10, 10, 0)) == "already at target (10)");
}

TEST_CASE("What-if amounts that are not finite or beyond any LA's counts are refused, never looped on",
          "[indicators][whatif]") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(std::nan(""))}),
                    "the numerator change must be a number, not 'nan'");
  CHECK_THROWS_WITH(RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(inf)}),
                    "the numerator change must be a number, not 'inf'");
  CHECK_THROWS_WITH(RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(1e20)}),
                    Catch::StartsWith("the numerator change must be within +/-1000000000, got "));
  CHECK_THROWS_WITH(RunWhatIf(Card(), Ni65(), "2012-13", {Numerator(-101, "", true)}),
                    "the numerator change must be between -100% and +10000%, got -101.0%");
  // The largest allowed change still answers (52 + 1e9 repeat plans of 319 + 1e9).
  WhatIfChange both = Numerator(1e9);
  both.with_denominator = true;
  CHECK(RunWhatIf(Card(), Ni65(), "2012-13", {both}).after.numerator == 1e9 + 52);
  // GapTo from a numerator past 2^53, where k + 1 == k: before the bound this never returned.
  const Indicator& repeat = *BundledIndicators().Find("CP_REPEAT");
  CHECK_FALSE(GapTo(repeat, "target", 40, 1e20, 0).numerator_change);
  CHECK_FALSE(GapTo(Ni65(), "target", 13.3, 1e20, 1e20).numerator_change);
}

// Publication (issue 16): the scenario is computed from the published counts. The seed is
// fixed so the test knows the published figures differ from the exact 52 and 19 (it checks
// that first): an exact figure leaking through would show.
TEST_CASE("Publishing, a what-if starts from published counts and a slice is a published cell of its own",
          "[indicators][whatif][publish]") {
  const CountPublication pub{kPublishSeed, {5, 0}};
  ScorecardOptions options;
  options.publish = pub;
  Scorecard card(BundledIndicators(), DemoData(), options);
  const Indicator& ni65 = Ni65();
  const auto num = RunPublishedCount(ni65, *ni65.numerator, DemoData(), "2012-13", pub);
  const auto den = RunPublishedCount(ni65, *ni65.denominator, DemoData(), "2012-13", pub);
  const auto neg = RunPublishedCount(ni65, *ni65.numerator, DemoData(), "2012-13", pub, {ParseFilter("latest_category in (NEG)")});
  REQUIRE(num);
  REQUIRE(den);
  REQUIRE(neg);
  REQUIRE(*num != 52);  // published, not the exact 52 repeat plans
  REQUIRE(*neg != 19);  // nor the exact 19 of them that are neglect
  const WhatIfResult r = RunWhatIf(card, ni65, "2012-13", {Numerator(-100, "latest_category in (NEG)", true)});
  CHECK(r.published);
  CHECK(r.before.numerator == num);
  CHECK(r.before.denominator == den);
  CHECK(r.slice_count == neg);
  // All neglect repeats taken away: the published total less the published slice, never the
  // exact complement 52 - 19 = 33 (which would reveal the non-neglect repeats exactly).
  CHECK(r.after.numerator == *num - *neg);
  REQUIRE(r.after.value);
  CHECK(*r.after.value == Approx((*num - *neg) / *den * 100));
  REQUIRE_FALSE(r.gaps.empty());
  CHECK(r.gaps[0].numerator_change == GapTo(ni65, "target", 13.3, *num - *neg, *den).numerator_change);
  // 5 repeat plans are sexual abuse: withheld at threshold 5, so the scenario is hidden too
  // (exact, it ran with a slice of 5 and showed 52 - 5 = 47).
  CHECK_THROWS_WITH(RunWhatIf(card, ni65, "2012-13", {Numerator(-12, "latest_category in (SAB)")}),
                    "indicator NI65: the count in slice latest_category in (SAB) is withheld for publication (a count of "
                    "1 to 5), so there is no what-if for it");
  // The exact scorecard still answers exactly.
  CHECK_FALSE(RunWhatIf(Card(), ni65, "2012-13", {}).published);
}
