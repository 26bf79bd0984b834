// Internal: the tokenizer shared by the index and the query language. Splits text into words
// and folds each one (text::fold) — the terms the index stores and queries look up. ASCII words
// take a fast path that never touches ICU; other words are folded by the text part. Letters,
// digits and marks of every script make words (ZWNJ and ZWJ join inside Persian words);
// everything else separates them, except that each Han, Hiragana or Katakana character is a
// word of its own (those scripts write no spaces). Words longer than kMaxTermBytes after folding
// are skipped. It lives in the text part so that the query parser, which may not depend on the
// index, reads words exactly as the index does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace archive::detail {

inline constexpr std::size_t kMaxTermBytes = 120;

class Tokenizer {
 public:
  /// Calls `emit(term, position)` for each word of `text`, positions counting up from
  /// `position` (which is advanced past the last word). The term view is valid during the call.
  /// Precondition: `text` is valid UTF-8 (invalid bytes separate words).
  template <class Emit>
  void tokenize(std::string_view text, std::uint32_t& position, Emit&& emit) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
      const auto start = next_word(text, i);
      if (start >= n) break;
      bool ascii = true;
      bool single = false;
      const auto end = word_end(text, start, ascii, single);
      i = end;
      const auto word = text.substr(start, end - start);
      if (ascii) {
        if (word.size() > kMaxTermBytes) continue;
        buffer_.resize(word.size());
        for (std::size_t k = 0; k < word.size(); ++k) {
          const char c = word[k];
          buffer_[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
        }
        emit(std::string_view(buffer_), position++);
        continue;
      }
      if (!fold(word)) continue;
      // A fold can expand to several words (a ligature of a phrase): emit each.
      std::string_view folded(buffer_);
      std::size_t p = 0;
      while (p < folded.size()) {
        auto q = folded.find(' ', p);
        if (q == std::string_view::npos) q = folded.size();
        if (q > p && q - p <= kMaxTermBytes) emit(folded.substr(p, q - p), position++);
        p = q + 1;
      }
    }
  }

 private:
  // The offset of the next word character at or after `i`, or text.size().
  static std::size_t next_word(std::string_view text, std::size_t i);
  // The end of the word starting at `start`; clears `ascii` when it has non-ASCII bytes.
  static std::size_t word_end(std::string_view text, std::size_t start, bool& ascii, bool& single);
  // Folds a non-ASCII word into buffer_; false when nothing is left of it.
  bool fold(std::string_view word);

  std::string buffer_;
};

/// True for a code point that is part of a word (letter, digit, mark, ZWNJ/ZWJ).
bool is_word_code_point(char32_t cp) noexcept;

}  // namespace archive::detail
