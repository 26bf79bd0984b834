// Built when libpq was not found: postgresql:// addresses are refused with the reason.
#include "backends.hpp"

namespace archive::detail {

Result<std::unique_ptr<Storage>> open_postgresql_storage(const std::string&,
                                                         const StorageOptions&) {
  return make_error(ErrorCode::unsupported,
                    "this build of archive has no PostgreSQL backend (libpq was not found when "
                    "it was built; install libpq-dev and rebuild)");
}

}  // namespace archive::detail
