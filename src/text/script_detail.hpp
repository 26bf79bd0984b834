// Internal: script detection over text already known to be valid UTF-8.
#pragma once

#include <string_view>

#include "archive/text/script.hpp"

namespace archive::text::detail {

// A letter's Script and its exact ICU script code (which tells two "other" scripts apart).
struct LetterScript {
  Script script = Script::none;
  int code = -1;
};

// The script of a code point when it is a letter; {none, -1} for everything else.
LetterScript letter_script(char32_t cp) noexcept;

// Folds the scripts of a sequence of code points into one: the shared script, mixed or none.
class ScriptAccumulator {
 public:
  void add(LetterScript s) noexcept;
  [[nodiscard]] Script result() const noexcept { return result_; }
  [[nodiscard]] bool is_mixed() const noexcept { return result_ == Script::mixed; }

 private:
  Script result_ = Script::none;
  int code_ = -1;
};

// The script of valid UTF-8 text (precondition: is_valid_utf8(text)).
Script script_of_valid(std::string_view text) noexcept;

}  // namespace archive::text::detail
