// The query service: replies arrive for the latest request only, cached answers are ready
// at once, superseded work is dropped, and cancellation stops a scan between chunks.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "query/query_service.hpp"
#include "support/query_tables.hpp"

using namespace csc;

namespace {

CatalogPtr MakeCatalog(size_t rows) {
  std::mt19937_64 rng(11);
  auto c = std::make_shared<Catalog>();
  c->Add("events", test::RandomEventTable(rng, rows, rows / 3 + 1, false));
  return c;
}

Query CountBy(const std::string& column) {
  Query q;
  q.table = "events";
  q.group_by = {GroupByColumn(column)};
  q.measures = {MeasureOf(MeasureKind::Episodes), MeasureOf(MeasureKind::Children)};
  return q;
}

std::optional<QueryReply> WaitFor(QueryService& s, const std::string& caller) {
  for (int i = 0; i < 2000; ++i) {
    if (auto r = s.Poll(caller)) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("the service answers, then serves the same query from the cache at once", "[query][service]") {
  QueryService service;
  const CatalogPtr catalog = MakeCatalog(3000);
  service.SetCatalog(catalog);
  const uint64_t t1 = service.Submit("view", CountBy("sex"));
  const auto first = WaitFor(service, "view");
  REQUIRE(first);
  CHECK(first->ticket == t1);
  CHECK_FALSE(first->from_cache);
  REQUIRE(first->result);
  CHECK(first->result->rows == RunQuery(*catalog, CountBy("sex")).rows);
  CHECK_FALSE(service.Poll("view"));  // taken once

  const uint64_t t2 = service.Submit("view", CountBy("sex"));
  const auto again = service.Poll("view");  // no waiting: the cache answered inside Submit
  REQUIRE(again);
  CHECK(again->ticket == t2);
  CHECK(again->from_cache);
  CHECK(again->result == first->result);

  service.SetCatalog(MakeCatalog(3000));  // new data: the cache is cleared
  service.Submit("view", CountBy("sex"));
  const auto fresh = WaitFor(service, "view");
  REQUIRE(fresh);
  CHECK_FALSE(fresh->from_cache);
}

TEST_CASE("only the latest request per caller is answered", "[query][service]") {
  QueryService service;
  service.SetCatalog(MakeCatalog(20000));
  const char* columns[] = {"sex", "ward", "category", "num", "ethnicity"};
  uint64_t last = 0;
  for (int i = 0; i < 25; ++i) last = service.Submit("chart", CountBy(columns[i % 5]));
  service.Submit("table", CountBy("ward"));
  const auto reply = WaitFor(service, "chart");
  REQUIRE(reply);
  CHECK(reply->ticket == last);
  CHECK(reply->query == CountBy("ethnicity"));
  const auto other = WaitFor(service, "table");
  REQUIRE(other);
  CHECK(other->query == CountBy("ward"));
  const auto stats = service.stats();
  CHECK(stats.submitted == 26);
  CHECK(stats.executed + stats.cache_hits + stats.cancelled + stats.superseded >= 26);
  CHECK_FALSE(service.Busy("chart"));
}

TEST_CASE("errors come back as replies naming the problem", "[query][service]") {
  QueryService service;
  service.SetCatalog(MakeCatalog(100));
  service.Submit("view", CountBy("colour"));
  const auto reply = WaitFor(service, "view");
  REQUIRE(reply);
  CHECK_FALSE(reply->result);
  CHECK_THAT(reply->error, Catch::Contains("unknown column 'colour'"));
}

TEST_CASE("a cancelled token stops execution with Cancelled", "[query][service]") {
  const CatalogPtr catalog = MakeCatalog(5000);
  CancelToken token;
  token.Cancel();
  CHECK_THROWS_AS(RunQuery(*catalog, CountBy("sex"), {}, &token), Cancelled);
}

TEST_CASE("a request queues by its own time: a view re-submitting does not jump ahead", "[query][service]") {
  QueryService::Options options;
  options.threads_per_query = 1;
  QueryService service(options);
  service.SetCatalog(MakeCatalog(300000));
  service.Submit("blocker", CountBy("ward"));  // keeps the worker busy while the rest queue
  service.Submit("slicer", CountBy("sex"));
  service.Submit("chart", CountBy("category"));
  service.Submit("slicer", CountBy("ethnicity"));  // after the chart now, though queued before it
  const auto chart = WaitFor(service, "chart");
  const auto slicer = WaitFor(service, "slicer");
  const auto blocker = WaitFor(service, "blocker");
  REQUIRE(chart);
  REQUIRE(slicer);
  REQUIRE(blocker);
  CHECK(slicer->query == CountBy("ethnicity"));
  // The chart's answer came before the slicer's, the blocker's before both.
  CHECK(blocker->answered < chart->answered);
  CHECK(chart->answered < slicer->answered);
}

TEST_CASE("each reply names the data generation it was computed on", "[query][service]") {
  QueryService service;
  CHECK(service.generation() == 0);
  service.SetCatalog(MakeCatalog(300));
  CHECK(service.generation() == 1);
  service.Submit("view", CountBy("sex"));
  const auto first = WaitFor(service, "view");
  REQUIRE(first);
  CHECK(first->generation == 1);
  service.SetCatalog(MakeCatalog(300));  // a reload: the same query is a new question
  CHECK(service.generation() == 2);
  service.Submit("view", CountBy("sex"));
  const auto second = WaitFor(service, "view");
  REQUIRE(second);
  CHECK(second->generation == 2);
  CHECK_FALSE(second->from_cache);
}
