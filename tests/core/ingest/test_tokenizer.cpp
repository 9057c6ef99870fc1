#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/csv_sniff.hpp"
#include "ingest/csv_tokenizer.hpp"

using namespace csc;

namespace {
std::vector<std::vector<std::string>> Records(std::string_view text, char delim = ',') {
  CsvTokenizer t(delim);
  RecordInfo info;
  std::vector<std::vector<std::string>> out;
  for (size_t pos = 0; pos < text.size(); pos = info.next) {
    t.ReadRecord(text, pos, info);
    out.emplace_back(t.fields().begin(), t.fields().end());
  }
  return out;
}
using Rows = std::vector<std::vector<std::string>>;
}  // namespace

TEST_CASE("quoted fields hold delimiters, line breaks and doubled quotes", "[ingest][tokenizer]") {
  CHECK(Records("a,\"b,c\",d\n") == Rows{{"a", "b,c", "d"}});
  CHECK(Records("\"say \"\"hi\"\"\",x\n") == Rows{{"say \"hi\"", "x"}});
  CHECK(Records("\"two\nlines\",x\ny,z\n") == Rows{{"two\nlines", "x"}, {"y", "z"}});
  CHECK(Records("\"\",x\n") == Rows{{"", "x"}});
}

TEST_CASE("LF, CRLF and CR all end records", "[ingest][tokenizer]") {
  CHECK(Records("a,b\nc,d\n") == Rows{{"a", "b"}, {"c", "d"}});
  CHECK(Records("a,b\r\nc,d\r\n") == Rows{{"a", "b"}, {"c", "d"}});
  CHECK(Records("a,b\rc,d\r") == Rows{{"a", "b"}, {"c", "d"}});
  CHECK(Records("a,b\nc,d") == Rows{{"a", "b"}, {"c", "d"}});  // no final line break
}

TEST_CASE("surrounding whitespace is trimmed, trailing delimiters give empty fields", "[ingest][tokenizer]") {
  CHECK(Records("  a , b\t,\" c \" \n") == Rows{{"a", "b", " c "}});
  CHECK(Records("a,b,\n") == Rows{{"a", "b", ""}});
  CHECK(Records("a\tb c\t\n", '\t') == Rows{{"a", "b c", ""}});  // tabs are data when they delimit
}

TEST_CASE("line breaks are counted per record, including inside quotes", "[ingest][tokenizer]") {
  CsvTokenizer t(',');
  RecordInfo info;
  const std::string text = "\"a\r\nb\rc\",x\r\nnext\n";
  t.ReadRecord(text, 0, info);
  CHECK(info.line_breaks == 3);
  CHECK(t.fields()[0] == "a\r\nb\rc");
  CHECK(text.substr(info.next) == "next\n");
  CHECK(CountLineBreaks(text, 0, text.size()) == 4);
}

TEST_CASE("malformed quoting ends records where quote parity says", "[ingest][tokenizer]") {
  CsvTokenizer t(',');
  RecordInfo info;
  // A stray quote mid-field opens a quoted region that runs to the next quote.
  const std::string text = "ab\"c,d\ne\"f\ng,h\n";
  t.ReadRecord(text, 0, info);
  CHECK(info.line_breaks == 2);
  CHECK(text.substr(info.next) == "g,h\n");
  // Unterminated quote: the broken record is its first line; reading resumes on the next.
  const std::string open = "a,\"b\nc,d\n";
  t.ReadRecord(open, 0, info);
  CHECK(info.unterminated_quote);
  CHECK(info.line_breaks == 1);
  CHECK(open.substr(info.content_end) == "\nc,d\n");
  CHECK(open.substr(info.next) == "c,d\n");
  // The same on the last line, with no line break after it.
  t.ReadRecord(std::string_view(open).substr(0, 4), 0, info);
  CHECK(info.unterminated_quote);
  CHECK(info.next == 4);
}

TEST_CASE("parity skip finds the next record start from inside a quoted field", "[ingest][tokenizer]") {
  const std::string text = "x\ny\",1\nnext,2\n";  // position 0 is inside a quote opened earlier
  size_t breaks = 0;
  const size_t pos = SkipToRecordStart(text, 0, true, breaks);
  CHECK(text.substr(pos) == "next,2\n");
  CHECK(breaks == 2);
}

TEST_CASE("delimiter sniffing picks the consistent candidate", "[ingest][sniff]") {
  CHECK(SniffDelimiter("a,b,c\n1,2,3\n4,5,6\n") == ',');
  CHECK(SniffDelimiter("a;b;c\n1,5;2;3\n4;5,5;6\n") == ';');
  CHECK(SniffDelimiter("a\tb\tc\n1\t2\t3\n") == '\t');
  CHECK(SniffDelimiter("a|b\n\"x|y\"|2\n") == '|');
  CHECK(SniffDelimiter("single\n1\n2\n") == ',');
  CHECK(SniffDelimiter("name,notes\n\"Smith; J\",\"a;b;c\"\n") == ',');
}
