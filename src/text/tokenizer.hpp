// Internal: the tokenizer shared by the index and the query language. Splits text into words
// and folds each one (text::fold) — the terms the index stores and queries look up. ASCII words
// take a fast path that never touches ICU; other words are folded by the text part. Letters,
// digits and marks of every script make words (ZWNJ and ZWJ join inside Persian words);
// everything else separates them, except that each Han, Hiragana or Katakana character is a
// word of its own (those scripts write no spaces). A folded word longer than kMaxTermBytes is
// cut to its term (cut_term): index and queries cut alike, so a long word still finds itself.
// It lives in the text part so that the query parser (which may not depend on the index) can
// tell a word with nothing to search for (has_terms) exactly as the index would see it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace archive::detail {

/// The longest term, in bytes of folded UTF-8.
inline constexpr std::size_t kMaxTermBytes = 120;

/// The term of a folded word: the word itself, or, when it is longer than kMaxTermBytes, its
/// longest prefix of whole UTF-8 characters that fits. The one place words are cut, for the
/// index and the queries alike. Precondition: `folded` is valid UTF-8.
[[nodiscard]] std::string_view cut_term(std::string_view folded) noexcept;

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
        // ASCII folds to its own length, one byte a character: cut first, then lower.
        const auto term = cut_term(word);
        buffer_.resize(term.size());
        for (std::size_t k = 0; k < term.size(); ++k) {
          const char c = term[k];
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
        if (q > p) emit(cut_term(folded.substr(p, q - p)), position++);
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

/// True when the tokenizer makes at least one term of `text`: false for text of only
/// punctuation, symbols and spaces (`%`, `*`, `:`, `...`), which has nothing to search for.
/// Precondition: `text` is valid UTF-8.
[[nodiscard]] bool has_terms(std::string_view text);

}  // namespace archive::detail
