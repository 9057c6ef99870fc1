// The vector scan's two kernels (AVX-512 and plain loops) on random plans over random
// columns of every width they read, with nulls, blocks cut anywhere: identical keys and
// children, and both equal to a row-by-row reading of the plan written here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "query/executor.hpp"
#include "query/query_parser.hpp"
#include "query/vector_scan.hpp"
#include "storage/column_builder.hpp"
#include "storage/table.hpp"
#include "time/civil_date.hpp"

namespace {

using namespace csc;

struct RandomColumns {
  size_t rows = 0;
  std::vector<uint8_t> codes[3];
  std::vector<int8_t> i8, ages;
  std::vector<int16_t> i16, days, ends, dobs;
  std::vector<int32_t> dob_keys;  // by day - 10000
  std::vector<uint16_t> wards;
  std::vector<int32_t> i32;
  std::vector<uint8_t> child8;
  std::vector<uint16_t> child16;
  std::vector<uint32_t> child32;
  std::vector<uint64_t> valid[5];

  RandomColumns(std::mt19937_64& rng, size_t n) : rows(n) {
    auto fill = [&](auto& v, auto make) {
      v.resize(n);
      for (auto& x : v) x = make();
    };
    fill(codes[0], [&] { return static_cast<uint8_t>(rng() % 5); });
    fill(codes[1], [&] { return static_cast<uint8_t>(rng() % 100); });  // two-table lookups
    fill(codes[2], [&] { return static_cast<uint8_t>(rng() % 256); });  // four-table lookups
    fill(i8, [&] { return static_cast<int8_t>(static_cast<int>(rng() % 256) - 128); });
    fill(ages, [&] { return static_cast<int8_t>(rng() % 10 == 0 ? -128 : static_cast<int>(rng() % 30) - 1); });
    fill(i16, [&] { return static_cast<int16_t>(static_cast<int>(rng() % 65536) - 32768); });
    fill(days, [&] { return static_cast<int16_t>(14000 + static_cast<int>(rng() % 3000)); });
    fill(ends, [&] { return static_cast<int16_t>(14000 + static_cast<int>(rng() % 3400)); });
    fill(dobs, [&] { return static_cast<int16_t>(10000 + static_cast<int>(rng() % 7000)); });
    dob_keys.resize(8000);
    for (size_t d = 0; d < dob_keys.size(); ++d) dob_keys[d] = static_cast<int32_t>(d * 3 + rng() % 3);  // rising, as year keys do
    fill(wards, [&] { return static_cast<uint16_t>(rng() % 12); });
    fill(i32, [&] { return static_cast<int32_t>(rng() % 2000000) - 1000000; });
    fill(child8, [&] { return static_cast<uint8_t>(rng() % 200); });
    fill(child16, [&] { return static_cast<uint16_t>(rng() % 60000); });
    fill(child32, [&] { return static_cast<uint32_t>(rng() % 3000000); });
    for (auto& v : valid) {
      v.assign((n + 63) / 64 + 1, 0);
      for (size_t r = 0; r < n; ++r)
        if (rng() % 5) v[r >> 6] |= uint64_t{1} << (r & 63);
    }
  }
};

VectorPlan RandomPlan(std::mt19937_64& rng, const RandomColumns& c) {
  VectorPlan plan;
  auto table = [&](VectorPlan::ByteTable& t, int percent, int max) {
    for (auto& x : t) x = static_cast<uint8_t>(static_cast<int>(rng() % 100) < percent ? 1 + rng() % static_cast<uint64_t>(max) : 0);
  };
  for (int i = static_cast<int>(rng() % 4); i > 0; --i) {
    auto& f = plan.code_filters.emplace_back();
    const size_t which = rng() % 3;
    f.codes = c.codes[which].data();
    f.index_bits = 6 + static_cast<int>(which);
    table(f.pass, 70, 1);
  }
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
    auto& f = plan.code_set_filters.emplace_back();
    f.codes = c.wards.data();
    f.count = static_cast<int>(1 + rng() % VectorPlan::CodeSetFilter::kMax);
    for (int k = 0; k < f.count; ++k) f.values[static_cast<size_t>(k)] = static_cast<uint16_t>(rng() % 14);
    f.negate = rng() % 2;
  }
  for (int i = static_cast<int>(rng() % 4); i > 0; --i) {
    auto& f = plan.range_filters.emplace_back();
    f.width = 1 << (rng() % 3);
    const int32_t span = f.width == 1 ? 256 : f.width == 2 ? 65536 : 2000000;
    f.values = f.width == 1 ? static_cast<const void*>(c.i8.data()) : f.width == 2 ? static_cast<const void*>(c.i16.data())
                                                                                   : static_cast<const void*>(c.i32.data());
    const int32_t low = f.width == 1 ? -128 : f.width == 2 ? -32768 : -1000000;
    f.lo = low + static_cast<int32_t>(rng() % static_cast<uint64_t>(span / 2));
    f.hi = f.lo + static_cast<int32_t>(rng() % static_cast<uint64_t>(span / 2 + span / 4));
    if (f.width < 4) f.hi = std::min(f.hi, span / 2 - 1);
  }
  const bool snapshots = rng() % 3 == 0;
  if (!snapshots && rng() % 2) {
    plan.ages = c.ages.data();
    plan.age_filter = rng() % 2;
    table(plan.age_pass, 80, 1);
  }
  if (snapshots) {
    // Open at a day (start by D, end from D + 1) or during [F, L] (start by L, end from F).
    const bool during = rng() % 2;
    for (int i = 1 + static_cast<int>(rng() % 6); i > 0; --i) {
      const auto first = static_cast<int16_t>(14000 + rng() % 3400);
      const auto last = static_cast<int16_t>(first + (during ? rng() % 400 : 0));
      plan.start_by.push_back(last);
      plan.end_from.push_back(static_cast<int16_t>(during ? first : first + 1));
      plan.ref_key.push_back(static_cast<int32_t>(15000 + rng() % 9000));
    }
    plan.start = c.days.data();
    plan.end = c.ends.data();
    if (rng() % 2) plan.start_valid = c.valid[0].data();
    if (rng() % 2) plan.end_valid = c.valid[3].data();
    if (rng() % 3) {
      plan.ages = nullptr;
      plan.dob = c.dobs.data();
      if (rng() % 2) plan.dob_valid = c.valid[4].data();
      plan.dob_key = c.dob_keys.data();
      if (during) plan.start_key = c.dob_keys.data();  // any rising table will do
      plan.date_base = 10000;
      plan.age_filter = rng() % 2;
      table(plan.age_pass, 80, 1);
    }
  } else if (rng() % 2) {
    plan.day = c.days.data();
    if (rng() % 3 == 0) plan.day_valid = c.valid[0].data();
    int16_t at = static_cast<int16_t>(14000 + rng() % 400);
    for (int i = static_cast<int>(rng() % 40); i > 0; --i) {
      plan.run_start.push_back(at);
      plan.run_value.push_back(static_cast<int8_t>(rng() % 4 == 0 ? -1 : static_cast<int>(rng() % 30)));
      at = static_cast<int16_t>(at + 1 + static_cast<int>(rng() % 200));
    }
  }
  for (int i = static_cast<int>(rng() % 4); i > 0; --i) {
    VectorPlan::KeyPart part;
    const int source = static_cast<int>(rng() % 4);
    if (source == 1 && (plan.ages || plan.dob)) {
      part.source = VectorPlan::KeyPart::Source::Age;
      table(part.table, 100, 20);
    } else if (source == 2 && (plan.day || snapshots)) {
      part.source = VectorPlan::KeyPart::Source::Period;
    } else if (source == 3) {
      part.source = VectorPlan::KeyPart::Source::WideCodes;
      part.wide_codes = c.wards.data();
      for (int code = 0; code < 12; ++code) part.wide_table.push_back(static_cast<uint32_t>(rng() % 5000));
      if (rng() % 2) part.valid = c.valid[1].data();
      part.null_key = static_cast<uint32_t>(rng() % 6000);
    } else {
      const size_t which = rng() % 3;
      part.codes = c.codes[which].data();
      part.index_bits = rng() % 2 ? 8 : 6 + static_cast<int>(which);
      if (rng() % 2) part.valid = c.valid[1].data();
      part.null_key = static_cast<uint8_t>(rng() % 256);
      table(part.table, 100, 255);
    }
    part.stride = static_cast<uint32_t>(1 + rng() % 5000);
    plan.keys.push_back(part);
  }
  if (rng() % 4) {
    plan.child_width = 1 << (rng() % 3);
    plan.child = plan.child_width == 1 ? static_cast<const void*>(c.child8.data())
                 : plan.child_width == 2 ? static_cast<const void*>(c.child16.data())
                                         : static_cast<const void*>(c.child32.data());
    if (rng() % 2) plan.child_valid = c.valid[2].data();
  }
  return plan;
}

bool Bit(const uint64_t* w, size_t r) { return (w[r >> 6] >> (r & 63)) & 1; }

// The plan's meaning, one row at a time, written apart from both kernels: blocks of 64
// rows from r0, then periods (open-at), then rows.
size_t ReadPlan(const VectorPlan& plan, size_t r0, size_t r1, std::vector<uint32_t>& keys, std::vector<uint32_t>& children) {
  auto filters = [&](size_t r) {
    bool keep = true;
    for (const auto& f : plan.code_filters) keep = keep && f.pass[f.codes[r]];
    for (const auto& f : plan.code_set_filters) {
      const uint16_t* end = f.values.data() + f.count;
      keep = keep && ((std::find(f.values.data(), end, f.codes[r]) != end) != f.negate);
    }
    for (const auto& f : plan.range_filters) {
      const int32_t v = f.width == 1 ? static_cast<const int8_t*>(f.values)[r]
                        : f.width == 2 ? static_cast<const int16_t*>(f.values)[r]
                                       : static_cast<const int32_t*>(f.values)[r];
      keep = keep && v >= f.lo && v <= f.hi;
    }
    return keep && !plan.nothing_passes;
  };
  auto emit = [&](size_t r, uint8_t age, int period) {
    uint32_t key = 0;
    for (const auto& part : plan.keys) {
      uint32_t v = static_cast<uint32_t>(period);
      if (part.source == VectorPlan::KeyPart::Source::Age) v = part.table[age];
      if (part.source == VectorPlan::KeyPart::Source::Codes)
        v = part.valid && !Bit(part.valid, r) ? part.null_key : part.table[part.codes[r]];
      if (part.source == VectorPlan::KeyPart::Source::WideCodes)
        v = part.valid && !Bit(part.valid, r) ? part.null_key : part.wide_table.at(part.wide_codes[r]);
      key += v * part.stride;
    }
    uint32_t child = kNoChild;
    if (plan.child && (!plan.child_valid || Bit(plan.child_valid, r)))
      child = plan.child_width == 1 ? static_cast<const uint8_t*>(plan.child)[r]
              : plan.child_width == 2 ? static_cast<const uint16_t*>(plan.child)[r]
                                      : static_cast<const uint32_t*>(plan.child)[r];
    keys.push_back(key);
    children.push_back(child);
  };
  for (size_t b = r0; b < r1; b += 64) {
    const size_t b1 = std::min(r1, b + 64);
    if (!plan.start_by.empty()) {
      for (size_t p = 0; p < plan.start_by.size(); ++p)
        for (size_t r = b; r < b1; ++r) {
          const bool started = (!plan.start_valid || Bit(plan.start_valid, r)) && plan.start[r] <= plan.start_by[p];
          const bool not_ended = (plan.end_valid && !Bit(plan.end_valid, r)) || plan.end[r] >= plan.end_from[p];
          int age = 0;
          if (plan.dob && started) {
            if (plan.dob_valid && !Bit(plan.dob_valid, r)) {
              age = -128;
            } else {
              int32_t ref = plan.ref_key[p];
              if (plan.start_key && plan.start[r] > plan.end_from[p]) ref = plan.start_key[plan.start[r] - plan.date_base];
              const int32_t diff = ref - plan.dob_key[plan.dob[r] - plan.date_base];
              age = static_cast<int>(std::floor(diff / 512.0));
              age = std::min(127, std::max(-1, age));
            }
          }
          const auto byte = static_cast<uint8_t>(static_cast<int8_t>(age));
          if (filters(r) && started && not_ended && (!plan.age_filter || plan.age_pass[byte])) emit(r, byte, static_cast<int>(p));
        }
      continue;
    }
    for (size_t r = b; r < b1; ++r) {
      bool keep = filters(r);
      if (plan.age_filter) keep = keep && plan.age_pass[static_cast<uint8_t>(plan.ages[r])];
      int period = -1;
      if (plan.day) {
        for (size_t j = plan.run_start.size(); j-- > 0;)
          if (plan.day[r] >= plan.run_start[j]) {
            period = plan.run_value[j];
            break;
          }
        keep = keep && period >= 0 && (!plan.day_valid || Bit(plan.day_valid, r));
      }
      if (keep) emit(r, plan.ages ? static_cast<uint8_t>(plan.ages[r]) : 0, period);
    }
  }
  return keys.size();
}

}  // namespace

TEST_CASE("vector scan kernels agree with the plan read row by row", "[query][vector]") {
  if (!VectorScanUsesAvx512()) WARN("this processor has no AVX-512 VBMI: only the portable kernel is checked");
  std::mt19937_64 rng(31122026);
  for (int iteration = 0; iteration < 400; ++iteration) {
    const size_t rows = 1 + rng() % 700;
    const RandomColumns columns(rng, rows);
    const VectorPlan plan = RandomPlan(rng, columns);
    const size_t r0 = rng() % rows, r1 = r0 + rng() % (rows - r0 + 1);
    std::vector<uint32_t> want_keys, want_children;
    const size_t want = ReadPlan(plan, r0, r1, want_keys, want_children);
    const size_t room = (r1 - r0) * UnitsPerRow(plan) + 64;
    std::vector<uint32_t> keys(room), children(room), pkeys(room), pchildren(room);
    const size_t got = VectorScan(plan, r0, r1, keys.data(), children.data());
    const size_t portable = VectorScanPortable(plan, r0, r1, pkeys.data(), pchildren.data());
    INFO("iteration " << iteration << " rows " << r0 << ".." << r1 << " filters " << plan.code_filters.size() << "+"
                      << plan.code_set_filters.size() << "+" << plan.range_filters.size() << " runs " << plan.run_start.size() << " keys " << plan.keys.size()
                      << " child width " << plan.child_width << " periods " << plan.start_by.size()
                      << " dob " << (plan.dob != nullptr));
    REQUIRE(got == want);
    REQUIRE(portable == want);
    keys.resize(got);
    children.resize(got);
    pkeys.resize(got);
    pchildren.resize(got);
    REQUIRE(keys == want_keys);
    REQUIRE(children == want_children);
    REQUIRE(pkeys == want_keys);
    REQUIRE(pchildren == want_children);
  }
}

TEST_CASE("vector scan keeps nothing when a range no value can meet was planned", "[query][vector]") {
  std::mt19937_64 rng(7);
  const RandomColumns columns(rng, 100);
  VectorPlan plan;
  plan.nothing_passes = true;
  std::vector<uint32_t> keys(164), children(164);
  CHECK(VectorScan(plan, 0, 100, keys.data(), children.data()) == 0);
  plan.nothing_passes = false;
  CHECK(VectorScan(plan, 0, 100, keys.data(), children.data()) == 100);
  CHECK(children[99] == kNoChild);
}

TEST_CASE("hundreds of wards take the vector scan and count as the general path does", "[query][vector]") {
  // 300 wards: 16-bit codes, compared one by one against the picked (or left out) few, and
  // as a dimension looked up in a table.
  std::mt19937_64 rng(2026);
  ColumnBuilder child(ColumnType::Text), ward(ColumnType::Category), start(ColumnType::Date), end(ColumnType::Date);
  for (int r = 0; r < 5000; ++r) {
    child.AppendString("C" + std::to_string(rng() % 700));
    ward.AppendString("W" + std::to_string(r < 300 ? r : static_cast<int>(rng() % 300)));
    start.AppendInt(DaysFromCivil(2012, 1, 1) + static_cast<int32_t>(rng() % 1400));
    if (rng() % 4) end.AppendInt(DaysFromCivil(2013, 1, 1) + static_cast<int32_t>(rng() % 1400));
    else end.AppendNull();
  }
  TableBuilder b;
  b.AddColumn("child_id", child.Finish());
  b.AddColumn("ward", ward.Finish());
  b.AddColumn("start_date", start.Finish());
  b.AddColumn("end_date", end.Finish());
  Catalog catalog;
  catalog.Add("events", b.Finish());
  const Table& table = *catalog.Find("events");
  REQUIRE(table.column(*table.FindColumn("ward")).width() == 2);
  // The query both ways: with the vector scan where it applies, and without.
  auto both = [&](const std::vector<std::string>& where, const std::string& period, const std::string& count,
                  const std::string& by) {
    QueryText text;
    text.table = "events";
    text.where = where;
    text.period = period;
    text.count = count;
    text.by = by;
    text.measure = "episodes,children";
    const Query q = ParseQueryText(text);
    ExecuteOptions general;
    general.vector_scan = false;
    return std::make_pair(RunQuery(catalog, q), RunQuery(catalog, q, general));
  };
  SECTION("grouped by ward") {
    const auto [fast, slow] = both({}, "fy:2012-13..2014-15", "open-at:31-03", "period,ward");
    CHECK(fast.vector_scan);
    CHECK(fast.rows.size() > 600);
    CHECK(fast.rows == slow.rows);
  }
  const char* filters[] = {"ward in (W1, W7, W250)", "ward not in (W3)", "ward in (W1, W2, W3, W4, W5, W6, W7, W8, W9)"};
  for (const char* filter : filters) {
    const auto [fast, slow] = both({filter}, "year:2012..2015", "started", "period");
    INFO(filter);
    CHECK(fast.vector_scan == (std::string(filter).find("W9") == std::string::npos));  // nine picked: too many to compare
    CHECK_FALSE(slow.vector_scan);
    REQUIRE(fast.rows.size() == 4);
    CHECK(fast.rows == slow.rows);
  }
}
