#include "query/grammar_help.hpp"

namespace csc {

std::string_view QueryGrammarHelp() {
  return R"(
Query grammar (each option is one clause; quote them for the shell):
  --data FILE | NAME=FILE   tables, named by file stem (cp_plans.csv -> cp_plans), or a snapshot
                            (csc snapshot) with the datasets it holds; the first is
                            queried unless --table names another; population.csv feeds rate10k.
                            SSDA903 Header/Episodes/Missing files are joined into lac_episodes and
                            missing_episodes; an Annex A workbook (.xlsx) or list CSV: List 7
                            becomes cp_plans, List 8 lac_episodes, the others annex_a_<topic>;
                            a CIN census XML gives referrals, assessments and cp_plans;
                            other files need --map (or a mapping saved for their header)
  --where   COL in (A, B, null) | COL not in (A) | COL = A | COL != A | COL is [not] null
            COL lo..hi | COL >= x | COL <= x   (numbers or yyyy-mm-dd dates; either bound may be empty)
            age 0..4 (whole years at the reference date; Unborn is -1) | age in (unborn, under1, 1-4,
            5-9, 10-15, 16-17, 18+, unknown)      values with spaces in quotes: ward in ('Rotherham East')
            a column named like a keyword goes in backquotes: `age` >= 12 (Annex A's own Age column)
  --link    [present|absent] TABLE WHEN [where FILTER [and FILTER...]]
            WHEN: ever | open-at-start | open-at-ref | started-in-period | open-during-period |
                  open-at-end (open on the period's last day: 31 March for fy)
  --period  fy:2012-13 | fy:2010-11..2014-15 | year:2013 | q:2013-Q1 | month:2013-03 |
            range:2013-01-01..2013-06-30   (comma-separated lists allowed)
  --count   open-at[:DD-MM|:end] (default open-at:31-03) | started | ceased | open-during
  --by      up to 3 of: period | age-band | age | duration | ethnic-group | COLUMN[:topN]
  --measure episodes | children | sum:X | mean:X | median:X (X: numeric column, duration, age) |
            share[:whole|:row|:column][:children] | rate10k[:episodes] |
            ratio[:children](NUMERATOR FILTERS / DENOMINATOR FILTERS)   (shares, ratios in %)
  --role    ROLE=COLUMN (child, start, end, dob, sex, ward, ethnicity) when names differ
Short names: 'category' finds latest_category; role names (start, end, ...) find their columns.
Example:
  csc query --data cp_plans.csv --data population.csv --period fy:2010-11..2013-14
            --count open-at:31-03 --by period,category --measure children,rate10k
)";
}

const std::vector<MeasureHelp>& MeasureDefinitions() {
  // Worded from the engine's definitions (query/query.hpp MeasureKind), for analysts.
  static const std::vector<MeasureHelp> kMeasures = {
      {"episodes", "Counted units: each row (plan, episode) once for each period it is counted in by the count rule."},
      {"children", "Distinct children among the counted rows: a child with two plans open at once counts once."},
      {"sum:X, mean:X, median:X",
       "Of a numeric column X, or duration (days) or age (whole years), over the counted rows."},
      {"share", "A group's count as a % of the whole (share or share:whole), of its row's total (share:row: same first "
                "grouping value) or of its column's total (share:column); share:children counts children, else rows."},
      {"rate10k", "Children (rate10k) or rows (rate10k:episodes) per 10,000 of the matching "
                  "population (population.csv, loaded beside the data)."},
      {"ratio(NUM / DEN)", "Rows (or children, with ratio:children) meeting the numerator filters as a % of those meeting the "
                           "denominator filters, both on top of the query's own filters."},
  };
  return kMeasures;
}

}  // namespace csc
