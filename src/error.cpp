#include "archive/error.hpp"

#include "detail/enum_names.hpp"

namespace archive {

namespace {

constexpr auto kErrorCodes =
    detail::enum_names<ErrorCode>({{ErrorCode::invalid_argument, "invalid_argument"},
                                   {ErrorCode::invalid_utf8, "invalid_utf8"},
                                   {ErrorCode::parse_error, "parse_error"},
                                   {ErrorCode::not_found, "not_found"},
                                   {ErrorCode::already_exists, "already_exists"},
                                   {ErrorCode::io_error, "io_error"},
                                   {ErrorCode::corrupt, "corrupt"},
                                   {ErrorCode::unsupported, "unsupported"},
                                   {ErrorCode::unavailable, "unavailable"},
                                   {ErrorCode::internal, "internal"}},
                                  "unknown");
static_assert(kErrorCodes.valid());

}  // namespace

const std::string& to_string(ErrorCode code) noexcept {
  return detail::enum_name<kErrorCodes>(code);
}

std::string Error::describe() const {
  std::string out = message;
  if (offset) {
    out += " (at byte ";
    out += std::to_string(*offset);
    out += ')';
  }
  return out;
}

namespace detail {
void throw_bad_result_access(const Error* held) {
  if (held != nullptr) {
    throw BadResultAccess("archive::Result::value() called on an error: " + held->describe());
  }
  throw BadResultAccess("archive::Result::error() called on a value");
}
}  // namespace detail

}  // namespace archive
