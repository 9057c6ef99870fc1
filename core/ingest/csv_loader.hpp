#pragma once
// CSV file -> immutable Table. Sniffs encoding and delimiter, infers column types from
// samples spread across the file, then tokenizes and parses chunks on all cores and
// merges them in file order, so the result is identical to a serial parse.
#include <string>
#include <string_view>

#include "async/progress.hpp"
#include "ingest/load_options.hpp"

namespace csc {

// Throws LoadError for files that cannot be loaded, Cancelled when `cancel` fires.
LoadResult LoadCsvFile(const std::string& path, const LoadOptions& options = {}, Progress* progress = nullptr,
                       const CancelToken* cancel = nullptr);

// The same over bytes already in memory (tests, fuzzing, pasted data). `name` is used in messages.
LoadResult LoadCsvBytes(std::string_view bytes, const std::string& name, const LoadOptions& options = {},
                        Progress* progress = nullptr, const CancelToken* cancel = nullptr);

}  // namespace csc
