#include <catch2/catch.hpp>

#include "util/text.hpp"

using namespace csc;

TEST_CASE("ValidUtf8 replaces each malformed byte with U+FFFD and keeps valid text", "[util][utf8]") {
  CHECK(ValidUtf8("plain, caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == "plain, caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
  CHECK(ValidUtf8("ab\xC3") == "ab\xEF\xBF\xBD");                        // cut after a lead byte
  CHECK(ValidUtf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");            // two bytes of a three-byte sequence
  CHECK(ValidUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");            // overlong '/'
  CHECK(ValidUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(ValidUtf8("x\x80y") == "x\xEF\xBF\xBDy");
}

TEST_CASE("Utf8Prefix never cuts a character in two", "[util][utf8]") {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC";  // a, é (2 bytes), € (3 bytes): 6 bytes
  CHECK(Utf8Prefix(s, 10) == s);
  CHECK(Utf8Prefix(s, 6) == s);
  CHECK(Utf8Prefix(s, 5) == "a\xC3\xA9");
  CHECK(Utf8Prefix(s, 4) == "a\xC3\xA9");
  CHECK(Utf8Prefix(s, 3) == "a\xC3\xA9");
  CHECK(Utf8Prefix(s, 2) == "a");
  CHECK(Utf8Prefix(s, 1) == "a");
}
