#pragma once
// A query resolved against the catalog's tables: columns found, values turned into codes,
// predicates on dictionary columns turned into per-code lookup tables, dimensions into
// small dense key ranges. Compile() is where every user mistake is caught and named.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "query/catalog.hpp"
#include "query/query.hpp"

namespace csc {

// A query that cannot run as written. what() names the offending part and lists the
// valid choices, e.g. "filter 'categry': unknown column in cp_plans; valid columns: ...".
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int32_t kNoDate = INT32_MIN;  // a null date after gathering

// A period-independent condition on one column, evaluated over selection vectors.
struct RowPredicate {
  enum class Kind : uint8_t { CodeLut, IntLut, IntRange, DoubleRange } kind = Kind::CodeLut;
  const Column* column = nullptr;
  std::vector<uint8_t> lut;  // CodeLut: by code; IntLut: by value - base
  int64_t base = 0;
  int64_t lo = 0, hi = 0;
  double dlo = 0, dhi = 0;
  bool null_passes = false;
  bool outside_passes = false;  // IntLut: values outside the table (NOT IN)
  bool Test(size_t row) const;  // one row (the slow path for ratio numerators)
};

// Conditions that need the reference date: age range and band sets (ANDed).
struct AgePredicate {
  int lo = INT32_MIN, hi = INT32_MAX;  // Unborn counts as age -1
  uint32_t band_mask = ~0u;            // bit per AgeBand
  bool require_known = false;          // an age range was given: unknown ages fail it
};

// Other table's rows for one link, grouped by this table's child code.
struct LinkIndex {
  LinkWhen when = LinkWhen::Ever;
  bool present = true;
  std::vector<uint32_t> offsets;  // per child code + 1
  std::vector<int32_t> starts, ends;  // ends: kNoDate = open
};

struct CompiledDimension {
  DimensionKind kind = DimensionKind::Column;
  const Column* column = nullptr;
  std::string title;
  uint32_t cardinality = 0;
  std::vector<uint32_t> code_to_key;  // Column (dictionary) and EthnicityGroup: code -> key
  int64_t int_base = 0;               // Column (integer): key = value - base
  uint32_t null_key = 0;
  std::vector<std::string> labels;                  // per key
  std::vector<std::vector<std::string>> members;    // per key: the column values it stands for
  int top_n = 0;
  bool is_sex = false, is_ward = false;  // for matching population rows
};

// Where a numeric measure's values come from.
struct NumericSource {
  enum class Kind : uint8_t { Column, Duration, Age } kind = Kind::Column;
  const Column* column = nullptr;
  bool integral = true;
};

struct CompiledMeasure {
  Measure spec;
  NumericSource source;
  int numeric_slot = -1;   // Sum / Mean / Median: index into the numeric accumulators
  int distinct_slot = -1;  // Children / Share,Rate of children: distinct store index
  int ratio_slot = -1;     // Ratio: index into ratio accumulators
  std::vector<RowPredicate> num_rows, den_rows;
  AgePredicate num_age, den_age;
  bool num_has_age = false, den_has_age = false;
};

struct PopulationRow {
  int year = 0, age = 0;
  std::string ward, sex;
  double count = 0;
};

struct CompiledQuery {
  Query query;
  const Table* table = nullptr;
  const Column* child = nullptr;
  const Column* start = nullptr;
  const Column* end = nullptr;
  const Column* dob = nullptr;
  uint32_t child_count = 0;  // distinct child codes (dictionary size)

  std::vector<RowPredicate> row_predicates;  // most selective first is the caller's order
  AgePredicate age;
  bool has_age_predicate = false;
  std::vector<LinkIndex> links;

  std::vector<Period> periods;
  std::vector<int32_t> snapshots;        // OpenAt: per period
  std::vector<int8_t> period_of_day;     // StartedIn / CeasedIn over disjoint periods: day - lut_base -> index or -1
  int32_t period_lut_base = 0;

  std::vector<CompiledDimension> dims;
  std::vector<uint64_t> strides;
  uint64_t group_count = 1;
  std::vector<CompiledMeasure> measures;
  int numeric_slots = 0, distinct_slots = 0, ratio_slots = 0;
  bool need_dob = false, need_duration = false;

  // Date -> packed (year, month, day) keys for fast whole-year/month arithmetic; see executor.
  int32_t date_base = 0;
  std::vector<int32_t> year_key_ref, year_key_from, month_key_ref, month_key_from;

  // Cell keys (Query::cell_key_seed, query/record_keys.hpp): each row's record key when an
  // episode-based count needs its cell key, each child code's when a distinct count does.
  std::shared_ptr<const std::vector<uint8_t>> row_keys, child_keys;

  std::vector<PopulationRow> population;  // when a Rate10k measure is present
  std::vector<Filter> sex_filters, ward_filters;  // In / NotIn filters on those roles narrow the population too

  // What the answer must say besides its numbers: the table's counting rules applied, codes
  // asked for that this extract does not hold, periods it does not cover, rows excluded
  // because a date they need could not be read.
  std::vector<std::string> notes;
  std::vector<bool> period_uncovered;  // per period: wholly outside the table's coverage
};

// Throws QueryError. The catalog must outlive the compiled query (it holds column pointers).
std::unique_ptr<CompiledQuery> CompileQuery(const Catalog& catalog, const Query& query);

// The role columns a table would use by default (first known name present), for the GUI.
EventColumns ResolveEventColumns(const Table& table, const EventColumns& given);

}  // namespace csc
