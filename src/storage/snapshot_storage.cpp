// PLACEHOLDER: the snapshot backend is being written.
#include "backends.hpp"

namespace archive::detail {

Result<std::unique_ptr<Storage>> open_snapshot_storage(const std::string&, const StorageOptions&) {
  return make_error(ErrorCode::unsupported, "the snapshot backend is not written yet");
}

}  // namespace archive::detail
