#pragma once
// Record keys for the cell-key method of disclosure control (docs/DISCLOSURE.md): every
// child and every row gets a fixed pseudo-random key in [0, kRecordKeyRange), derived from
// a keyed hash under the installation's secret seed, so the same records always make the
// same cell key whatever query, view or session counts them. The engine sums the keys per
// cell when a query asks for cell keys (Query::cell_key_seed); core/privacy turns (count,
// cell key) into the published figure.
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "query/compiled_query.hpp"

namespace csc {

inline constexpr uint32_t kRecordKeyRange = 256;

// The keyed hash of a child id, and the child's key (its top byte).
uint64_t ChildIdHash(std::string_view child_id, uint64_t seed);
inline uint8_t ChildRecordKey(uint64_t child_hash) { return static_cast<uint8_t>(child_hash >> 56); }
// A row's key: its child's hash mixed with its start and end dates (day numbers; nullopt
// for a blank). Rows of a table without a child id hash the empty id.
uint8_t RowRecordKey(uint64_t child_hash, std::optional<int32_t> start, std::optional<int32_t> end);

// Per child code of the query's child column: the child's key (kept in the table's
// DerivedCache per seed). Null when the query has no child column.
std::shared_ptr<const std::vector<uint8_t>> ChildKeysOf(const CompiledQuery& cq, uint64_t seed);
// Per row of the query's table: the row's key (cached likewise, per seed and role columns).
std::shared_ptr<const std::vector<uint8_t>> RowKeysOf(const CompiledQuery& cq, uint64_t seed);

}  // namespace csc
