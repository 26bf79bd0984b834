// Script detection: which writing system a string, a token or a code point is in. The names
// part uses it to choose a transliteration source (Cyrillic → Russian, Arabic → Persian).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive::text {

/// The scripts archive tells apart. Digits, punctuation, spaces and combining marks belong
/// to no script and are ignored when a string's script is detected.
enum class Script : std::uint8_t {
  none,      ///< no letter at all (empty, digits, punctuation)
  latin,     ///< Latin letters only (English, Azerbaijani Latin, transliterations)
  cyrillic,  ///< Cyrillic letters only (Russian, Azerbaijani Cyrillic)
  arabic,    ///< Arabic-script letters only (Persian, Arabic)
  mixed,     ///< letters of two or more scripts
  other,     ///< letters of a single script that is none of the above (Greek, Armenian, …)
};

/// "none", "latin", "cyrillic", "arabic", "mixed" or "other" (a string that lives as long as
/// the program).
[[nodiscard]] ARCHIVE_EXPORT const std::string& to_string(Script script) noexcept;
/// The script named by to_string(); invalid_argument otherwise.
[[nodiscard]] ARCHIVE_EXPORT Result<Script> parse_script(std::string_view name);

/// The script of one code point; Script::none for characters shared by all scripts.
[[nodiscard]] ARCHIVE_EXPORT Script script_of(char32_t code_point) noexcept;

/// The script of a UTF-8 string: the one script its letters share, mixed, or none.
[[nodiscard]] ARCHIVE_EXPORT Result<Script> detect_script(std::string_view text);

}  // namespace archive::text
