// Any bytes through the snapshot reader, twice: as given (the checksums turn nearly all of
// them away) and resealed, with every checksum recomputed, so the structural checks behind
// the checksums meet the mutations too. Either the snapshot opens and every cell of every
// table reads back, or LoadError: never a crash, an out-of-bounds read or a hang.
#include <cstdint>
#include <string>
#include <string_view>

#include "snapshot/snapshot.hpp"

namespace {
void ReadEverything(const csc::OpenedSnapshot& s) {
  size_t total = 0;
  for (const auto& d : s.datasets) {
    const csc::Table& t = *d.table;
    for (size_t c = 0; c < t.num_columns(); ++c)
      for (size_t r = 0; r < t.num_rows(); ++r) total += t.column(c).FormatCell(r).size();
  }
  for (const auto& f : s.files) total += f.load.table->num_rows();
  (void)total;
}

void Open(const std::string& bytes) {
  try {
    ReadEverything(csc::OpenSnapshotBytes(bytes, "fuzz.cscx"));
  } catch (const csc::LoadError&) {
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Open(bytes);
  csc::ResealSnapshotForTesting(bytes);
  Open(bytes);
  return 0;
}
