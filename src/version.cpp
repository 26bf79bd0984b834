#include "archive/version.hpp"

namespace archive {

std::string_view library_version() noexcept {
  return ARCHIVE_VERSION_STRING;
}

}  // namespace archive
