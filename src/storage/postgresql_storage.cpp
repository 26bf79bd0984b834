// PLACEHOLDER: the postgresql backend is being written.
#include "backends.hpp"

namespace archive::detail {

Result<std::unique_ptr<Storage>> open_postgresql_storage(const std::string&,
                                                         const StorageOptions&) {
  return make_error(ErrorCode::unsupported, "the postgresql backend is not written yet");
}

}  // namespace archive::detail
