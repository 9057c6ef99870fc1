#include "ingest/csv_sniff.hpp"

#include <algorithm>

#include "ingest/csv_tokenizer.hpp"

namespace csc {

char SniffDelimiter(std::string_view text) {
  constexpr char kCandidates[] = {',', ';', '\t', '|'};
  constexpr size_t kSampleBytes = 64 * 1024;
  constexpr int kSampleRecords = 30;
  const std::string_view sample = text.substr(0, std::min(text.size(), kSampleBytes));

  char best = ',';
  double best_score = 0;
  for (const char candidate : kCandidates) {
    CsvTokenizer tokenizer(candidate);
    RecordInfo info;
    size_t pos = 0;
    size_t header_fields = 0;
    int rows = 0, consistent = 0;
    while (pos < sample.size() && rows <= kSampleRecords) {
      tokenizer.ReadRecord(sample, pos, info);
      pos = info.next;
      if (tokenizer.IsBlank(info)) continue;
      // A record cut off by the sample's end says nothing about the field count.
      if (info.next >= sample.size() && sample.size() < text.size()) break;
      const size_t fields = tokenizer.fields().size();
      if (header_fields == 0) {
        header_fields = fields;
        continue;
      }
      ++rows;
      if (fields == header_fields) ++consistent;
    }
    if (header_fields < 2) continue;
    // Consistency matters most; among equally consistent candidates more fields win.
    const double consistency = rows ? static_cast<double>(consistent) / rows : 1.0;
    const double score = consistency * 1000.0 + static_cast<double>(std::min<size_t>(header_fields, 999));
    if (score > best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

}  // namespace csc
