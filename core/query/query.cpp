#include "query/query.hpp"

#include <cstring>

namespace csc {

namespace {

// FNV-1a over a canonical byte stream of the query; strings are length-prefixed so
// ("ab","c") and ("a","bc") differ.
class Hasher {
 public:
  void Bytes(const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) m_h = (m_h ^ b[i]) * 0x100000001b3ull;
  }
  template <class T>
  void Pod(T v) { Bytes(&v, sizeof v); }
  void Str(const std::string& s) {
    Pod<uint64_t>(s.size());
    Bytes(s.data(), s.size());
  }
  void Opt(const std::optional<double>& v) {
    Pod<uint8_t>(v.has_value());
    if (v) Pod(*v);
  }
  uint64_t value() const { return m_h; }

 private:
  uint64_t m_h = 0xcbf29ce484222325ull;
};

void Add(Hasher& h, const EventColumns& c) {
  for (const std::string* s : {&c.child, &c.start, &c.end, &c.dob, &c.sex, &c.ward, &c.ethnicity}) h.Str(*s);
}

void Add(Hasher& h, const std::vector<Filter>& filters) {
  h.Pod<uint64_t>(filters.size());
  for (const Filter& f : filters) {
    h.Pod(f.kind);
    h.Str(f.column);
    h.Pod<uint64_t>(f.values.size());
    for (const auto& v : f.values) h.Str(v);
    h.Pod(f.match_null);
    h.Opt(f.lo);
    h.Opt(f.hi);
  }
}

}  // namespace

uint64_t HashQuery(const Query& q) {
  Hasher h;
  h.Str(q.table);
  Add(h, q.columns);
  Add(h, q.filters);
  h.Pod<uint64_t>(q.links.size());
  for (const Link& l : q.links) {
    h.Str(l.table);
    h.Pod(l.present);
    h.Pod(l.when);
    Add(h, l.filters);
    Add(h, l.columns);
  }
  h.Pod<uint64_t>(q.periods.size());
  for (const Period& p : q.periods) {
    h.Pod(p.kind);
    h.Pod(p.first);
    h.Pod(p.last);
  }
  h.Pod(q.counting.mode);
  h.Pod(q.counting.snapshot_day);
  h.Pod(q.counting.snapshot_month);
  h.Pod<uint64_t>(q.group_by.size());
  for (const Dimension& d : q.group_by) {
    h.Pod(d.kind);
    h.Str(d.column);
    h.Pod(d.top_n);
  }
  h.Pod<uint64_t>(q.measures.size());
  for (const Measure& m : q.measures) {
    h.Pod(m.kind);
    h.Str(m.column);
    h.Pod(m.of_children);
    h.Pod(m.share_of);
    Add(h, m.numerator);
    Add(h, m.denominator);
  }
  const PopulationColumns& p = q.population;
  for (const std::string* s : {&p.table, &p.year, &p.ward, &p.age, &p.sex, &p.count}) h.Str(*s);
  h.Pod(q.cell_key_seed.has_value());
  h.Pod(q.cell_key_seed.value_or(0));
  h.Pod(q.only_flagged);
  return h.value();
}

const char* CountModeName(CountMode mode) {
  switch (mode) {
    case CountMode::OpenAt: return "open-at";
    case CountMode::StartedIn: return "started";
    case CountMode::CeasedIn: return "ceased";
    default: return "open-during";
  }
}

const char* LinkWhenName(LinkWhen when) {
  switch (when) {
    case LinkWhen::Ever: return "ever";
    case LinkWhen::OpenAtStart: return "open-at-start";
    case LinkWhen::OpenAtReference: return "open-at-ref";
    case LinkWhen::StartedInPeriod: return "started-in-period";
    case LinkWhen::OpenAtPeriodEnd: return "open-at-end";
    default: return "open-during-period";
  }
}

std::string MeasureTitle(const Measure& m) {
  const std::string base = m.of_children ? "children" : "episodes";
  switch (m.kind) {
    case MeasureKind::Episodes: return "episodes";
    case MeasureKind::Children: return "children";
    case MeasureKind::Sum: return "sum " + m.column;
    case MeasureKind::Mean: return "mean " + m.column;
    case MeasureKind::Median: return "median " + m.column;
    case MeasureKind::Share:
      return "share of " + std::string(m.share_of == ShareOf::Row ? "row" : m.share_of == ShareOf::Column ? "column" : "total") +
             (m.of_children ? " (children)" : "");
    case MeasureKind::Rate10k: return m.of_children ? "rate per 10,000" : "episodes per 10,000";
    default: return "ratio (" + base + ")";
  }
}

std::string DimensionTitle(const Dimension& d) {
  switch (d.kind) {
    case DimensionKind::Column: return d.column;
    case DimensionKind::Period: return "period";
    case DimensionKind::AgeBand: return "age band";
    case DimensionKind::SingleAge: return "age";
    case DimensionKind::DurationBand: return "duration";
    default: return "ethnic group";
  }
}

}  // namespace csc
