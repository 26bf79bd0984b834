// Word segmentation (Unicode UAX #29 via ICU's word break iterator) for English, Russian and
// Persian: words and numbers with their byte offsets, no spaces or punctuation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/text/script.hpp"

namespace archive::text {

/// What a token is.
enum class TokenKind : std::uint8_t {
  word,     ///< letters (may hold apostrophes and ZWNJ: "People's", "می‌خواهم")
  number,   ///< digits of any script, with inner separators ("1945", "۱۳۲۵", "1,000")
  initial,  ///< a capital letter abbreviated with a period: "M.D. Bagirov" gives M and D
};

/// A token: a view into the segmented text (valid while that text lives), where it starts,
/// and what it is. For an initial, `text` is the letter without its period.
struct Token {
  std::string_view text;
  std::size_t offset = 0;  ///< byte offset of text's first byte in the segmented string
  TokenKind kind = TokenKind::word;
  Script script = Script::none;

  friend bool operator==(const Token&, const Token&) = default;
};

/// Splits UTF-8 text into word tokens. Holds one ICU break iterator: create it once and reuse
/// it (construction clones a shared prototype and is cheap, but not free). Not thread-safe:
/// use one Segmenter per thread. Move-only.
class ARCHIVE_EXPORT Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  /// The tokens of `text` in order. Ill-formed UTF-8 gives an invalid_utf8 Error.
  [[nodiscard]] Result<std::vector<Token>> segment(std::string_view text);

  /// The same into a caller-owned vector (cleared first, capacity reused) for hot loops.
  Result<void> segment_into(std::string_view text, std::vector<Token>& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace archive::text
