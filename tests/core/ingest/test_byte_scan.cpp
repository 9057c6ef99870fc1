#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "ingest/byte_scan.hpp"

using namespace csc;

TEST_CASE("the one-pass byte scan counts exactly what byte-by-byte counting does", "[ingest][property]") {
  std::mt19937_64 rng(7);
  // Mostly CSV-like bytes; some spans get a rare byte (CR, NUL, >= 0x80) planted once.
  const std::string alphabet = "abc,\"\n 0123";
  for (int trial = 0; trial < 400; ++trial) {
    const size_t size = rng() % (trial < 200 ? 100 : 20000);  // long spans pass the 255-block flush
    std::string s(size, 'x');
    for (char& ch : s) ch = alphabet[rng() % alphabet.size()];
    const int plant = trial % 4;  // 0: none, 1: CR, 2: NUL, 3: a high byte
    if (size > 0 && plant) s[rng() % size] = plant == 1 ? '\r' : plant == 2 ? '\0' : '\xC3';
    const size_t offset = size ? rng() % (size / 2 + 1) : 0;  // unaligned starts
    ByteCounts got;
    ScanBytes(s.data() + offset, s.data() + size, got);
    size_t quotes = 0, lfs = 0;
    bool cr = false, nul = false, high = false;
    for (size_t i = offset; i < size; ++i) {
      quotes += s[i] == '"';
      lfs += s[i] == '\n';
      cr |= s[i] == '\r';
      nul |= s[i] == '\0';
      high |= static_cast<unsigned char>(s[i]) >= 0x80;
    }
    INFO("trial " << trial << " size " << size << " offset " << offset);
    CHECK(got.quotes == quotes);
    CHECK(got.line_feeds == lfs);
    CHECK(got.carriage_return == cr);
    CHECK(got.nul == nul);
    CHECK(got.non_ascii == high);
  }
}

TEST_CASE("byte scan counts add up across calls and over 255-block runs", "[ingest]") {
  const std::string s = std::string(16 * 300, '"') + std::string(16 * 300 + 7, '\n');
  ByteCounts c;
  ScanBytes(s.data(), s.data() + 4800, c);
  ScanBytes(s.data() + 4800, s.data() + s.size(), c);
  CHECK(c.quotes == 4800);
  CHECK(c.line_feeds == 4807);
  CHECK_FALSE(c.carriage_return);
  CHECK_FALSE(c.nul);
  CHECK_FALSE(c.non_ascii);
}
