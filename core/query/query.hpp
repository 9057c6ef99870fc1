#pragma once
// A query is a plain value: which table, which rows (filters, links to other tables), which
// periods and how an episode counts in them, how to group, and what to measure. Values
// compare with == and hash with HashQuery(), so results can be cached by query. Nothing
// here refers to a loaded table: column names are resolved when the query is compiled
// (query/compiled_query.hpp), and errors then name the offending part.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "time/periods.hpp"

namespace csc {

// Which columns play the event roles. An empty name is found by its canonical name
// (HELPERS.md layouts: child_id, dob, sex, ward, ethnicity; start and end from the known
// date pairs plan_start/plan_end, episode_start/episode_end, assessment_start/assessment_end,
// referral_date/resolved_date or closure_date, missing_start/missing_end, start_date/end_date).
struct EventColumns {
  std::string child, start, end, dob, sex, ward, ethnicity;
  friend bool operator==(const EventColumns&, const EventColumns&) = default;
};

enum class FilterKind : uint8_t {
  In,       // column value in `values` (or null when `match_null`)
  NotIn,    // column value not in `values`; null rows kept only when !match_null
  Range,    // numeric or date column within [lo, hi]; either bound may be absent; null fails
  Age,      // whole years of age at the reference date within [lo, hi]; Unborn is -1
  AgeBand,  // age band at the reference date in `values` (labels as AgeBandLabel)
  COUNT
};

struct Filter {
  FilterKind kind = FilterKind::In;
  std::string column;               // unused for Age / AgeBand (they use the dob role)
  std::vector<std::string> values;  // In / NotIn / AgeBand; dates ISO, booleans Y/N
  bool match_null = false;          // In: null rows match; NotIn: null rows are excluded too
  std::optional<double> lo, hi;     // Range (dates as day numbers) / Age
  friend bool operator==(const Filter&, const Filter&) = default;
};

// How an episode counts in a period (domain.md section 3).
enum class CountMode : uint8_t {
  OpenAt,      // start <= D and (end blank or end > D), D the snapshot date in the period
  StartedIn,   // start within the period
  CeasedIn,    // end within the period
  OpenDuring,  // start <= period end and (end blank or end >= period start)
  COUNT
};

struct Counting {
  CountMode mode = CountMode::OpenAt;
  // OpenAt's snapshot: the last day/month inside each period (31-03); day 0 = period end.
  int snapshot_day = 31;
  int snapshot_month = 3;
  friend bool operator==(const Counting&, const Counting&) = default;
};

enum class DimensionKind : uint8_t {
  Column,          // values of a column (text, category, integer or boolean)
  Period,          // the query's periods
  AgeBand,         // DfE bands at the reference date, incl. Unborn
  SingleAge,       // Unborn, 0..17, 18+
  DurationBand,    // duration at the reference date by the anniversary rule
  EthnicityGroup,  // major group of the ethnicity role column
  COUNT
};

struct Dimension {
  DimensionKind kind = DimensionKind::Column;
  std::string column;  // Column only
  int top_n = 0;       // > 0: keep the N values with most episodes, fold the rest into "Other"
  friend bool operator==(const Dimension&, const Dimension&) = default;
};

enum class MeasureKind : uint8_t {
  Episodes,  // counted (row, period) units
  Children,  // distinct child ids
  Sum,       // of `column`: a numeric column, or "duration" (days), or "age" (years)
  Mean,
  Median,
  Share,  // base count / total over `share_of`
  Rate10k,  // base count per 10,000 of the matching population
  Ratio,    // base count with `numerator` filters / base count with `denominator` filters
  COUNT
};

enum class ShareOf : uint8_t { Whole, Row, Column };  // Row: same first key; Column: same second key

struct Measure {
  MeasureKind kind = MeasureKind::Episodes;
  std::string column;
  bool of_children = false;  // Share / Rate10k / Ratio: count children instead of episodes
  ShareOf share_of = ShareOf::Whole;
  std::vector<Filter> numerator, denominator;  // Ratio, on top of the query's filters
  friend bool operator==(const Measure&, const Measure&) = default;
};

// Keep (or drop) rows whose child has a row in another table meeting `when`.
enum class LinkWhen : uint8_t {
  Ever,              // any row at all
  OpenAtStart,       // open at this row's start date
  OpenAtReference,   // open at this row's reference date (snapshot, start or end)
  StartedInPeriod,   // the other row started within the period this row counts in
  OpenDuringPeriod,  // the other row was open at some time in that period
  OpenAtPeriodEnd,   // the other row was open on the last day of that period (31 March for a
                     // financial year): "looked after at 31 March" beside a during-the-year count
  COUNT
};

struct Link {
  std::string table;
  bool present = true;
  LinkWhen when = LinkWhen::Ever;
  std::vector<Filter> filters;  // on the other table's rows (not Age / AgeBand)
  EventColumns columns;         // roles in the other table
  friend bool operator==(const Link&, const Link&) = default;
};

// Population table roles for Rate10k (defaults: year, ward, age, sex, population).
struct PopulationColumns {
  std::string table = "population";
  std::string year = "year", ward = "ward", age = "age", sex = "sex", count = "population";
  friend bool operator==(const PopulationColumns&, const PopulationColumns&) = default;
};

struct Query {
  std::string table;  // name in the Catalog
  EventColumns columns;
  std::vector<Filter> filters;  // AND across filters; OR within one filter's values
  std::vector<Link> links;
  std::vector<Period> periods;  // empty: no period condition (every row counts once)
  Counting counting;
  std::vector<Dimension> group_by;  // at most kMaxDimensions
  std::vector<Measure> measures;    // empty means {Episodes}
  PopulationColumns population;
  // Set by publication (core/privacy): each row's result then carries the cell keys of its
  // counts (QueryResult::cells), made from record keys under this secret seed
  // (query/record_keys.hpp). Not part of the text grammar: a user never types it.
  std::optional<uint64_t> cell_key_seed;
  // Count only the records the data-quality check flagged (TableRules::flagged). RunQuery
  // asks this beside every answer on a table with flagged records, to say how many the
  // answer includes. Not part of the text grammar.
  bool only_flagged = false;
  friend bool operator==(const Query&, const Query&) = default;
};

inline constexpr size_t kMaxDimensions = 3;

// Short builders for code that assembles queries (views, tests).
inline Filter InFilter(std::string column, std::vector<std::string> values, bool match_null = false) {
  Filter f;
  f.kind = FilterKind::In;
  f.column = std::move(column);
  f.values = std::move(values);
  f.match_null = match_null;
  return f;
}
inline Filter NotInFilter(std::string column, std::vector<std::string> values, bool exclude_null = false) {
  Filter f = InFilter(std::move(column), std::move(values), exclude_null);
  f.kind = FilterKind::NotIn;
  return f;
}
inline Filter RangeFilter(std::string column, std::optional<double> lo, std::optional<double> hi) {
  Filter f;
  f.kind = FilterKind::Range;
  f.column = std::move(column);
  f.lo = lo;
  f.hi = hi;
  return f;
}
inline Filter AgeRangeFilter(std::optional<double> lo, std::optional<double> hi) {
  Filter f = RangeFilter("", lo, hi);
  f.kind = FilterKind::Age;
  return f;
}
inline Filter AgeBandFilter(std::vector<std::string> bands) {
  Filter f = InFilter("", std::move(bands));
  f.kind = FilterKind::AgeBand;
  return f;
}
inline Dimension GroupBy(DimensionKind kind) {
  Dimension d;
  d.kind = kind;
  return d;
}
inline Dimension GroupByColumn(std::string column, int top_n = 0) {
  Dimension d;
  d.column = std::move(column);
  d.top_n = top_n;
  return d;
}
inline Measure MeasureOf(MeasureKind kind, std::string column = {}, bool of_children = false) {
  Measure m;
  m.kind = kind;
  m.column = std::move(column);
  m.of_children = of_children;
  return m;
}

uint64_t HashQuery(const Query& q);
struct QueryHash {
  size_t operator()(const Query& q) const { return static_cast<size_t>(HashQuery(q)); }
};

// Short names used in messages, titles and the text grammar.
const char* CountModeName(CountMode mode);  // "open-at", "started", "ceased", "open-during"
const char* LinkWhenName(LinkWhen when);    // "ever", "open-at-start", ...
std::string MeasureTitle(const Measure& m);      // "children", "mean duration", "rate10k"
std::string DimensionTitle(const Dimension& d);  // "period", "latest_category", "age band"

}  // namespace csc
