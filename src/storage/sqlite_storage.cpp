// PLACEHOLDER: the sqlite backend is being written.
#include "backends.hpp"

namespace archive::detail {

Result<std::unique_ptr<Storage>> open_sqlite_storage(const std::string&, const StorageOptions&) {
  return make_error(ErrorCode::unsupported, "the sqlite backend is not written yet");
}

}  // namespace archive::detail
