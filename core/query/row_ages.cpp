#include "query/row_ages.hpp"

#include "query/query_parser.hpp"

#include <exception>
#include <string>
#include <type_traits>

namespace csc {

std::shared_ptr<const std::vector<int8_t>> DeriveRowAges(const CompiledQuery& cq, const Column& dob, const Column& ref) {
  const size_t rows = dob.size();
  auto ages = std::make_shared<std::vector<int8_t>>(rows, kRowAgeUnknown);
  const int32_t* kref = cq.year_key_ref.data();
  const int32_t* kfrom = cq.year_key_from.data();
  const int32_t base = cq.date_base;
  const ValidityBitmap* dob_valid = dob.validity();
  const ValidityBitmap* ref_valid = ref.validity();
  bool fits = true;
  dob.Visit([&](auto births) {
    using B = typename decltype(births)::value_type;
    if constexpr (std::is_integral_v<B>) {
      ref.Visit([&](auto refs) {
        using R = typename decltype(refs)::value_type;
        if constexpr (std::is_integral_v<R>) {
          int8_t* out = ages->data();
          for (size_t i = 0; i < rows; ++i) {
            if ((dob_valid && !dob_valid->IsValid(i)) || (ref_valid && !ref_valid->IsValid(i))) continue;
            const int32_t raw = (kref[static_cast<int32_t>(refs[i]) - base] - kfrom[static_cast<int32_t>(births[i]) - base]) >> 9;
            const int32_t a = raw < -1 ? -1 : raw;
            fits &= a <= 126;
            out[i] = static_cast<int8_t>(a > 126 ? 126 : a);
          }
        }
      });
    }
  });
  if (!fits) return nullptr;
  return ages;
}

std::string RowAgesKey(const Table& table, const Column& dob, const Column& ref) {
  auto index = [&](const Column& c) {
    for (size_t i = 0; i < table.num_columns(); ++i)
      if (&table.column(i) == &c) return std::to_string(i);
    // Not one of the table's own columns: its address, stable for the table's life.
    return "@" + std::to_string(reinterpret_cast<uintptr_t>(&c));
  };
  return kRowAgesKeyPrefix + index(dob) + ":" + index(ref);
}

std::shared_ptr<const std::vector<int8_t>> RowAgesAt(const CompiledQuery& cq, const Column& ref) {
  if (!cq.dob || !cq.table) return nullptr;
  const Column& dob = *cq.dob;
  const std::string key = RowAgesKey(*cq.table, dob, ref);
  auto value = cq.table->derived().GetOrMake(key, [&]() -> DerivedCache::Value { return DeriveRowAges(cq, dob, ref); });
  return std::static_pointer_cast<const std::vector<int8_t>>(value);
}

void DeriveRowAgesAhead(const Catalog& catalog) {
  for (const auto& [name, table, rules] : catalog.tables()) {
    try {
      QueryText text;
      text.table = name;
      text.count = "started";
      text.by = "age";
      const auto compiled = CompileQuery(catalog, ParseQueryText(text));
      if (compiled->start) RowAgesAt(*compiled, *compiled->start);
    } catch (const std::exception&) {
      // No date of birth or start date here: nothing to derive.
    }
  }
}

}  // namespace csc
