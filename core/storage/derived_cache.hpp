#pragma once
// Values derived once from a table's columns and kept with the table (e.g. each row's age
// at its start date). A table never changes after it is built, so nothing here goes stale;
// copies of a table share the cache.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace csc {

class DerivedCache {
 public:
  using Value = std::shared_ptr<const void>;
  // The value under `key`, made by `make` on first use (under a lock: concurrent first
  // users wait for one derivation rather than each doing it). `make` may return null
  // ("cannot be derived"), which is kept too.
  Value GetOrMake(const std::string& key, const std::function<Value()>& make) const;
  size_t size() const;
  // Every value made so far (a snapshot saves the ones it knows how to), and a value made
  // elsewhere put back under its key (a snapshot opened: the first query then finds it).
  std::map<std::string, Value> Entries() const;
  void Put(const std::string& key, Value value) const;

 private:
  mutable std::mutex m_mutex;
  mutable std::map<std::string, Value> m_values;
};

}  // namespace csc
