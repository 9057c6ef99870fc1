// The typical slice of issue #3 on the 10-million-row benchmark extract: 3 categorical
// filters (dataset, category, sex), a year range and an age range, grouped by year x
// category, counting episodes and distinct children; the same question as
// bench/duckdb/query_duckdb.mjs. Cold = compile + scan every iteration (no result cache);
// warm = the QueryService answering a repeat from its cache. The CPU column is the whole
// process (every worker thread), which a neighbour on this shared machine inflates less than
// wall time.
// Run: build/bin/bench_query --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>

#include "bench_support.hpp"
#include "ingest/csv_loader.hpp"
#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "query/query_service.hpp"
#include "query/row_ages.hpp"

namespace {

using namespace csc;

CatalogPtr Extract() {
  static CatalogPtr catalog = [] {
    const std::string path = csc::bench::ExtractPath();
    const auto t0 = std::chrono::steady_clock::now();
    LoadResult loaded = LoadCsvFile(path);
    std::fprintf(stderr, "loaded %zu rows in %.1f s\n", loaded.table->num_rows(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    auto c = std::make_shared<Catalog>();
    c->Add("extract", loaded.table);
    return c;
  }();
  return catalog;
}

// year(start_date) in 2010..2014 as five calendar-year periods counted by start date, age at
// the start 0..15 in whole years: the DuckDB query's WHERE and GROUP BY. DuckDB's
// date_sub('year', dob, start) truncates toward zero, so plans starting before birth count as
// age 0 there; 'age -1..15' (Unborn is -1) asks the identical question, and the totals match.
// The slice's filters and grouping with the given periods and counting.
QueryText SliceText(const std::string& period, const std::string& count) {
  QueryText text;
  text.table = "extract";
  text.where = {"dataset in (CP)", "category in (NEG, EMO, PHY)", "sex in (F, M)", "age -1..15"};
  text.period = period;
  text.count = count;
  text.by = "period,category";
  text.measure = "episodes,children";
  return text;
}

Query TypicalSlice() { return ParseQueryText(SliceText("year:2010..2014", "started")); }

void Report(benchmark::State& state, const QueryResult& r) {
  double episodes = 0;
  for (const auto& row : r.rows) episodes += *row.values[0];
  state.counters["groups"] = static_cast<double>(r.rows.size());
  state.counters["episodes"] = episodes;
  state.counters["rows"] = static_cast<double>(r.rows_scanned);
  state.counters["vector"] = r.vector_scan ? 1 : 0;  // whether the vector scan counted it
  if (!r.rows.empty() && r.rows[0].values.size() > 1 && r.rows[0].values[1])
    state.counters["first_children"] = *r.rows[0].values[1];
}

// The benchmark loop: the query run uncached every iteration; the last result.
QueryResult TimeRuns(benchmark::State& state, const Query& query, const ExecuteOptions& options) {
  const CatalogPtr catalog = Extract();
  QueryResult result;
  for (auto _ : state) {
    result = RunQuery(*catalog, query, options);
    benchmark::DoNotOptimize(result.rows.data());
  }
  return result;
}

void BM_TypicalSliceCold(benchmark::State& state) {
  ExecuteOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  Report(state, TimeRuns(state, TypicalSlice(), options));
}

// Publication (--publish): the same slice asking for cell keys (record keys summed per cell,
// query/record_keys.hpp), Arg(0) started per year, Arg(1) open at 31 March of each financial
// year; both on the vector scan, as without cell keys. The record keys are derived once per
// table (outside the timing, like the derived ages).
void BM_TypicalSlicePublish(benchmark::State& state) {
  ExecuteOptions options;
  Query query = state.range(0) == 0 ? TypicalSlice() : ParseQueryText(SliceText("fy:2010-11..2014-15", "open-at:31-03"));
  query.cell_key_seed = 0x16;
  RunQuery(*Extract(), query, options);  // derive the record keys once
  Report(state, TimeRuns(state, query, options));
}

// Open at 31 March of each financial year without protection: what Publish/1 adds to.
void BM_OpenAtSliceCold(benchmark::State& state) {
  ExecuteOptions options;
  Report(state, TimeRuns(state, ParseQueryText(SliceText("fy:2010-11..2014-15", "open-at:31-03")), options));
}

// The same without the vector scan (query/vector_scan.hpp): selection vectors, gathers and
// the fused count pass, the path every query the vector scan declines takes.
void BM_TypicalSliceGeneralPath(benchmark::State& state) {
  ExecuteOptions options;
  options.vector_scan = false;
  Report(state, TimeRuns(state, TypicalSlice(), options));
}

// The headline question's counting: open at 31 March of each financial year (a row counts in
// every year it spans), same filters and grouping; Arg(1): open at any time during each year;
// Args 2 and 3: the same two without the vector scan.
void BM_SnapshotSlice(benchmark::State& state) {
  const std::string count = state.range(0) % 2 == 0 ? "open-at:31-03" : "open-during";
  ExecuteOptions options;
  options.vector_scan = state.range(0) < 2;
  state.SetLabel(count + (options.vector_scan ? "" : ", general path"));
  Report(state, TimeRuns(state, ParseQueryText(SliceText("fy:2010-11..2014-15", count)), options));
}

// The ward ranking of the explorer's presets on the extract's 3,150 wards: children on a
// CP plan at 31 March 2015 by ward; Arg(1) without the vector scan.
void BM_WardRanking(benchmark::State& state) {
  QueryText text;
  text.table = "extract";
  text.where = {"dataset in (CP)"};
  text.period = "fy:2014-15";
  text.count = "open-at:31-03";
  text.by = "ward";
  text.measure = "children";
  ExecuteOptions options;
  options.vector_scan = state.range(0) == 0;
  state.SetLabel(options.vector_scan ? "vector scan" : "general path");
  state.counters["groups"] = static_cast<double>(TimeRuns(state, ParseQueryText(text), options).rows.size());
}

void BM_TypicalSliceWarm(benchmark::State& state) {
  const CatalogPtr catalog = Extract();
  QueryService service;
  service.SetCatalog(catalog);
  const Query query = TypicalSlice();
  service.Submit("bench", query);
  std::optional<QueryReply> reply;
  while (!(reply = service.Poll("bench"))) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  for (auto _ : state) {
    service.Submit("bench", query);
    reply = service.Poll("bench");
    if (!reply || !reply->from_cache) state.SkipWithError("the repeat was not served from the cache");
    benchmark::DoNotOptimize(reply->result.get());
  }
  Report(state, *reply->result);
}

// Where the typical slice's time goes: the same scan with parts taken away, one at a time
// (children, then the age filter, then the category dimension, then two of the filters).
void BM_SliceParts(benchmark::State& state) {
  QueryText text = SliceText("year:2010..2014", "started");
  text.measure = "episodes";
  const char* labels[] = {"no children", "no children, no age", "by period only", "dataset filter only"};
  const int part = static_cast<int>(state.range(0));
  if (part >= 1) text.where.pop_back();
  if (part >= 2) text.by = "period";
  if (part >= 3) text.where = {"dataset in (CP)"};
  state.SetLabel(labels[part]);
  Report(state, TimeRuns(state, ParseQueryText(text), ExecuteOptions{}));
}

// The one-off cost the first age query on a table pays: each row's age on its start date,
// kept with the table for the queries after it (query/row_ages.hpp).
void BM_DeriveAges(benchmark::State& state) {
  const CatalogPtr catalog = Extract();
  const auto compiled = CompileQuery(*catalog, TypicalSlice());
  for (auto _ : state) {
    auto ages = DeriveRowAges(*compiled, *compiled->dob, *compiled->start);
    benchmark::DoNotOptimize(ages.get());
  }
}

}  // namespace

BENCHMARK(BM_DeriveAges)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SliceParts)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(1.0);
BENCHMARK(BM_TypicalSliceCold)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(1.0);
BENCHMARK(BM_TypicalSlicePublish)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(1.0);
BENCHMARK(BM_OpenAtSliceCold)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(1.0);
BENCHMARK(BM_TypicalSliceGeneralPath)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(1.0);
BENCHMARK(BM_SnapshotSlice)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(1.0);
BENCHMARK(BM_WardRanking)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->MinTime(1.0);
BENCHMARK(BM_TypicalSliceWarm)->Unit(benchmark::kMicrosecond)->UseRealTime();

BENCHMARK_MAIN();
