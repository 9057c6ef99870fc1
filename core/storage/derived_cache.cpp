#include "storage/derived_cache.hpp"

namespace csc {

DerivedCache::Value DerivedCache::GetOrMake(const std::string& key, const std::function<Value()>& make) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_values.find(key);
  if (it != m_values.end()) return it->second;
  Value v = make();
  m_values.emplace(key, v);
  return v;
}

size_t DerivedCache::size() const {
  std::lock_guard lock(m_mutex);
  return m_values.size();
}

std::map<std::string, DerivedCache::Value> DerivedCache::Entries() const {
  std::lock_guard lock(m_mutex);
  return m_values;
}

void DerivedCache::Put(const std::string& key, Value value) const {
  std::lock_guard lock(m_mutex);
  m_values[key] = std::move(value);
}

}  // namespace csc
