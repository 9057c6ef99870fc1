#include "query/chunk_scratch.hpp"

namespace csc::detail {

ScratchPool& Scratches() {
  static ScratchPool* pool = new ScratchPool;  // never destroyed: workers may outlive main's statics
  return *pool;
}

}  // namespace csc::detail
