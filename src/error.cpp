#include "archive/error.hpp"

namespace archive {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::invalid_utf8:
      return "invalid_utf8";
    case ErrorCode::parse_error:
      return "parse_error";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::already_exists:
      return "already_exists";
    case ErrorCode::io_error:
      return "io_error";
    case ErrorCode::corrupt:
      return "corrupt";
    case ErrorCode::unsupported:
      return "unsupported";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::internal:
      return "internal";
  }
  return "unknown";
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
