// Result<T> and Error: how every part of archive reports failure on untrusted input and on
// the outside world (files, servers). Nothing is thrown for those; a broken precondition is a
// caller's bug and is asserted instead.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "archive/export.hpp"

namespace archive {

/// What kind of failure an Error is. Stable: callers may switch on it.
enum class ErrorCode : std::uint8_t {
  invalid_argument,  ///< a value the caller passed is out of its documented domain
  invalid_utf8,      ///< text is not well-formed UTF-8 (offset: first bad byte)
  parse_error,       ///< text is well-formed but not in the expected syntax (offset: where)
  not_found,         ///< a looked-up record, file or key does not exist
  already_exists,    ///< a record with that id exists where a new one was required
  io_error,          ///< the operating system reported a failure reading or writing
  corrupt,           ///< stored data is damaged, truncated or foreign
  unsupported,       ///< a valid request this build or backend cannot serve
  unavailable,       ///< a server or resource cannot be reached now
  internal,          ///< a dependency failed unexpectedly (the message says which)
};

/// The code's name in snake_case, e.g. "invalid_utf8": a string that lives as long as the
/// program, like every to_string() of an enum in archive, so it joins others with + and a
/// reference to it stays valid.
ARCHIVE_EXPORT const std::string& to_string(ErrorCode code) noexcept;

/// A failure a person can read: a code, a message and, for text input, the byte offset.
struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;                ///< what went wrong, in a sentence without trailing period
  std::optional<std::size_t> offset;  ///< byte offset into the input text, when there is one

  /// "message (at byte N)" — what the command-line program prints after "error: ".
  [[nodiscard]] ARCHIVE_EXPORT std::string describe() const;

  friend bool operator==(const Error&, const Error&) = default;
};

/// Thrown by Result::value() and Result::error() when the other alternative is held, like
/// std::bad_expected_access. Reaching it is a bug in the caller, never a runtime condition.
class ARCHIVE_EXPORT BadResultAccess : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

namespace detail {
[[noreturn]] ARCHIVE_EXPORT void throw_bad_result_access(const Error* held);
}  // namespace detail

/// The value, or the Error that prevented it. Its members mirror std::expected<T, Error>
/// (has_value, value, error, value_or, operator*, operator->) so a later C++23 build can
/// make it an alias. Constructed implicitly from a T or from an Error.
template <class T>
class [[nodiscard]] Result {
  static_assert(!std::is_reference_v<T> && !std::is_same_v<std::remove_cv_t<T>, Error>);

 public:
  using value_type = T;
  using error_type = Error;

  Result() requires std::is_default_constructible_v<T> : v_(std::in_place_index<0>) {}
  Result(const T& value)
      : v_(std::in_place_index<0>, value) {}  // NOLINT(google-explicit-constructor)
  Result(T&& value) : v_(std::in_place_index<0>, std::move(value)) {}    // NOLINT
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; throws BadResultAccess when this holds an error.
  [[nodiscard]] T& value() & { return check(), std::get<0>(v_); }
  [[nodiscard]] const T& value() const& { return check(), std::get<0>(v_); }
  [[nodiscard]] T&& value() && { return check(), std::get<0>(std::move(v_)); }

  /// The error; throws BadResultAccess when this holds a value.
  [[nodiscard]] const Error& error() const& {
    if (has_value()) detail::throw_bad_result_access(nullptr);
    return std::get<1>(v_);
  }
  [[nodiscard]] Error&& error() && {
    if (has_value()) detail::throw_bad_result_access(nullptr);
    return std::get<1>(std::move(v_));
  }

  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(v_) : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) && {
    return has_value() ? std::get<0>(std::move(v_)) : static_cast<T>(std::forward<U>(fallback));
  }

  /// Unchecked access; precondition: has_value().
  [[nodiscard]] T& operator*() & noexcept { return assert(has_value()), *std::get_if<0>(&v_); }
  [[nodiscard]] const T& operator*() const& noexcept {
    return assert(has_value()), *std::get_if<0>(&v_);
  }
  [[nodiscard]] T&& operator*() && noexcept {
    return assert(has_value()), std::move(*std::get_if<0>(&v_));
  }
  [[nodiscard]] T* operator->() noexcept { return assert(has_value()), std::get_if<0>(&v_); }
  [[nodiscard]] const T* operator->() const noexcept {
    return assert(has_value()), std::get_if<0>(&v_);
  }

  friend bool operator==(const Result&, const Result&) = default;

 private:
  void check() const {
    if (!has_value()) detail::throw_bad_result_access(std::get_if<1>(&v_));
  }
  std::variant<T, Error> v_;
};

/// Success without a value, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  using value_type = void;
  using error_type = Error;

  Result() noexcept = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool has_value() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return has_value(); }

  /// Throws BadResultAccess when this holds an error.
  void value() const {
    if (error_) detail::throw_bad_result_access(&*error_);
  }
  [[nodiscard]] const Error& error() const& {
    if (!error_) detail::throw_bad_result_access(nullptr);
    return *error_;
  }
  [[nodiscard]] Error&& error() && {
    if (!error_) detail::throw_bad_result_access(nullptr);
    return std::move(*error_);
  }

  friend bool operator==(const Result&, const Result&) = default;

 private:
  std::optional<Error> error_;
};

/// Shorthand for building an Error: `return make_error(ErrorCode::parse_error, "…", pos);`
[[nodiscard]] inline Error make_error(ErrorCode code, std::string message,
                                      std::optional<std::size_t> offset = std::nullopt) {
  return Error{code, std::move(message), offset};
}

}  // namespace archive
