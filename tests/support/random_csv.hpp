#pragma once
// Random CSV extracts with known faults, for property tests of the loader.
#include <cstdint>
#include <random>
#include <string>

namespace csc::test {

struct RandomCsv {
  std::string text;
  size_t good_rows = 0;
  size_t ragged_rows = 0;  // wrong field count: must be rejected
  size_t bad_cells = 0;    // unparseable in a typed column: must be warned
  size_t blank_lines = 0;
};

// Columns: n (int), x (decimal), d (date), cat (category), note (text with quotes,
// delimiters and line breaks), flag (bool).
inline RandomCsv MakeRandomCsv(uint64_t seed, size_t rows, bool inject_faults) {
  std::mt19937_64 rng(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  RandomCsv out;
  const char* eol = pick(2) ? "\r\n" : "\n";
  out.text = std::string("n,x,d,cat,note,flag") + eol;
  const size_t max_bad = rows / 200;  // under the 1% that turns a column into text
  const char* cats[] = {"NEG", "PHY", "SAB", "EMO", "MUL"};
  for (size_t r = 0; r < rows; ++r) {
    if (inject_faults && pick(40) == 0) {
      out.text += eol;
      ++out.blank_lines;
    }
    std::string n = std::to_string(static_cast<int64_t>(pick(100000)) - 50000);
    if (inject_faults && out.bad_cells < max_bad && pick(30) == 0) {
      n = "n/k" + std::to_string(r);
      ++out.bad_cells;
    }
    const std::string x = std::to_string(pick(1000)) + "." + std::to_string(pick(100));
    const int y = 2005 + static_cast<int>(pick(15)), m = 1 + static_cast<int>(pick(12)), d = 1 + static_cast<int>(pick(28));
    char date[48];  // roomy: the compiler cannot see the ranges of y, m and d
    if (pick(2)) std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
    else std::snprintf(date, sizeof date, "%02d/%02d/%04d", d, m, y);
    std::string note;
    switch (pick(6)) {
      case 0: note = "plain"; break;
      case 1: note = "\"with, comma\""; break;
      case 2: note = std::string("\"two") + eol + "lines\""; break;
      case 3: note = "\"say \"\"hi\"\"\""; break;
      case 4: note = ""; break;
      default: note = "\"" + std::string(pick(3) + 1, '\n') + "\""; break;
    }
    std::string row = n + "," + x + "," + date + "," + cats[pick(5)] + "," + note + "," + (pick(2) ? "Y" : "N");
    if (inject_faults && pick(25) == 0) {
      if (pick(2)) row += ",extra" + std::to_string(r);
      else row = n + "," + x + "," + date;
      ++out.ragged_rows;
    } else {
      ++out.good_rows;
    }
    out.text += row;
    if (r + 1 < rows || pick(2)) out.text += eol;
  }
  return out;
}

}  // namespace csc::test
