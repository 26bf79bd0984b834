// Internal: script detection over text already known to be valid UTF-8.
#pragma once

#include <string_view>

#include "archive/text/script.hpp"

namespace archive::text::detail {

// Folds the scripts of a sequence of code points into one: the shared script, mixed or none.
class ScriptAccumulator {
 public:
  void add(Script s) noexcept;
  [[nodiscard]] Script result() const noexcept { return result_; }
  [[nodiscard]] bool is_mixed() const noexcept { return result_ == Script::mixed; }

 private:
  Script result_ = Script::none;
};

// The script of valid UTF-8 text (precondition: is_valid_utf8(text)).
Script script_of_valid(std::string_view text) noexcept;

}  // namespace archive::text::detail
