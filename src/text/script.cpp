#include "archive/text/script.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "archive/text/utf8.hpp"
#include "detail/enum_names.hpp"
#include "text/script_detail.hpp"
#include "text/utf8_decode.hpp"

namespace archive::text {

namespace {

constexpr auto kScripts = archive::detail::enum_names<Script>({{Script::none, "none"},
                                                               {Script::latin, "latin"},
                                                               {Script::cyrillic, "cyrillic"},
                                                               {Script::arabic, "arabic"},
                                                               {Script::mixed, "mixed"},
                                                               {Script::other, "other"}},
                                                              "none");
static_assert(kScripts.valid());

}  // namespace

const std::string& to_string(Script script) noexcept {
  return archive::detail::enum_name<kScripts>(script);
}

Result<Script> parse_script(std::string_view name) {
  if (auto script = kScripts.parse(name)) return *script;
  return make_error(ErrorCode::invalid_argument, "unknown script '" + std::string(name) +
                                                     "' (expected " + kScripts.expected() + ")");
}

namespace detail {

LetterScript letter_script(char32_t cp) noexcept {
  if (cp < 0x80) {
    const bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return letter ? LetterScript{Script::latin, USCRIPT_LATIN} : LetterScript{};
  }
  // Only letters have a script here: digits, punctuation and marks that ICU assigns to a
  // script (Persian digits, Arabic comma, Cyrillic titlo) are shared material.
  if (u_isalpha(static_cast<UChar32>(cp)) == 0) return {};
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode code = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status)) return {};
  switch (code) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
      return {};
    case USCRIPT_LATIN:
      return {Script::latin, code};
    case USCRIPT_CYRILLIC:
      return {Script::cyrillic, code};
    case USCRIPT_ARABIC:
      return {Script::arabic, code};
    default:
      return {Script::other, code};
  }
}

void ScriptAccumulator::add(LetterScript s) noexcept {
  if (s.script == Script::none || result_ == Script::mixed) return;
  if (result_ == Script::none) {
    result_ = s.script;
    code_ = s.code;
  } else if (s.code != code_) {  // two different scripts, "other" ones included
    result_ = Script::mixed;
  }
}

Script script_of_valid(std::string_view text) noexcept {
  ScriptAccumulator acc;
  for (std::size_t i = 0; i < text.size() && !acc.is_mixed();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      acc.add(letter_script(b));
      ++i;
      continue;
    }
    const Decoded d = decode_utf8(text, i);
    acc.add(letter_script(d.code_point));
    i += d.length;
  }
  return acc.result();
}

}  // namespace detail

Script script_of(char32_t cp) noexcept {
  return detail::letter_script(cp).script;
}

Result<Script> detect_script(std::string_view text) {
  if (auto v = validate_utf8(text); !v) return std::move(v).error();
  return detail::script_of_valid(text);
}

}  // namespace archive::text
