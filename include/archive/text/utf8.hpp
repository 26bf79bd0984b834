// UTF-8 validation and repair. Every text entry point of archive validates first, so nothing
// downstream ever sees ill-formed UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive::text {

/// Checks that `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF). On failure the Error has code invalid_utf8, says what is wrong
/// ("truncated sequence", "unexpected continuation byte 0x80", …) and gives the offset of the
/// first byte of the offending sequence.
[[nodiscard]] ARCHIVE_EXPORT Result<void> validate_utf8(std::string_view text) noexcept;

/// True when validate_utf8 would succeed.
[[nodiscard]] ARCHIVE_EXPORT bool is_valid_utf8(std::string_view text) noexcept;

/// A copy of `text` with each maximal ill-formed subsequence replaced by U+FFFD, the
/// W3C/Unicode "substitution of maximal subparts" practice. Well-formed input is returned as is.
[[nodiscard]] ARCHIVE_EXPORT std::string repair_utf8(std::string_view text);

}  // namespace archive::text
