// The load report says where a load's time went, stage by stage, in order.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/csv_loader.hpp"

using namespace csc;

namespace {
std::vector<std::string> StageNames(const LoadReport& r) {
  std::vector<std::string> names;
  for (const LoadStage& s : r.stages) names.push_back(s.name);
  return names;
}
}  // namespace

TEST_CASE("A load's report lists its stages in order, a type re-read as its own stage", "[ingest][stages]") {
  SECTION("integers throughout: one parse") {
    const auto r = LoadCsvBytes("a,b\n1,x\n2,y\n", "plain.csv");
    CHECK(StageNames(r.report) == std::vector<std::string>{"content hash (XXH3, first read of the file's pages)",
                                                           "encoding, sniff, pass A (quotes, lines, UTF-8)",
                                                           "type inference (sample)", "parse + merge",
                                                           "  of which merging (one thread)",
                                                           "columns finished (dictionaries, shrink)"});
    double top_level = 0;
    for (const LoadStage& s : r.report.stages) {
      CHECK(s.seconds >= 0);
      if (s.name.rfind("  ", 0) != 0) top_level += s.seconds;
    }
    CHECK(top_level <= r.report.seconds);
  }
  SECTION("a decimal after 3,000 integers: the column is re-read as decimal") {
    // The sample votes integer (one decimal in thousands of values is under 1%); the parse
    // then meets 1.5, which fits the next wider type, so the column is read again.
    std::string csv = "n\n";
    for (int i = 0; i < 3000; ++i) csv += std::to_string(i) + "\n";
    csv += "1.5\n";
    const auto r = LoadCsvBytes(csv, "widen.csv");
    REQUIRE(r.table->column(0).type() == ColumnType::Decimal);
    CHECK(StageNames(r.report) ==
          std::vector<std::string>{"content hash (XXH3, first read of the file's pages)",
                                   "encoding, sniff, pass A (quotes, lines, UTF-8)", "type inference (sample)",
                                   "parse + merge", "  of which merging (one thread)", "re-read: a column's type changed",
                                   "  of which merging (one thread)", "columns finished (dictionaries, shrink)"});
  }
}
