#include "text/tokenizer.hpp"

#include <unicode/uchar.h>

#include <array>
#include <bitset>
#include <memory>

#include "archive/text/normalize.hpp"
#include "text/utf8_decode.hpp"

namespace archive::detail {

namespace {

bool icu_word_code_point(char32_t cp) noexcept {
  if (cp == 0x200C || cp == 0x200D) return true;  // ZWNJ, ZWJ: inside Persian words
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
  return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0;
}

// The Basic Multilingual Plane's answers, computed once (8 KB).
const std::bitset<0x10000>& bmp_word_table() {
  static const auto table = [] {
    auto t = std::make_unique<std::bitset<0x10000>>();
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      if (icu_word_code_point(cp)) t->set(cp);
    }
    return t;
  }();
  return *table;
}

// Scripts written without spaces: each character is a word.
bool is_unspaced(char32_t cp) noexcept {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK Extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK Unified Ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // CJK Compatibility Ideographs
         (cp >= 0x20000 && cp <= 0x3FFFF);  // CJK Extensions B–
}

bool ascii_word_byte(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

bool is_word_code_point(char32_t cp) noexcept {
  if (cp < 0x80) return ascii_word_byte(static_cast<unsigned char>(cp));
  if (cp < 0x10000) return bmp_word_table().test(cp);
  return icu_word_code_point(cp);
}

std::size_t Tokenizer::next_word(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (ascii_word_byte(c)) return i;
      ++i;
      continue;
    }
    const auto d = text::detail::decode_utf8(text, i);
    if (d.problem == text::detail::Utf8Problem::none && is_word_code_point(d.code_point) &&
        d.code_point != 0x200C && d.code_point != 0x200D) {
      return i;
    }
    i += d.length;
  }
  return n;
}

std::size_t Tokenizer::word_end(std::string_view text, std::size_t start, bool& ascii,
                                bool& single) {
  const std::size_t n = text.size();
  std::size_t i = start;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!ascii_word_byte(c)) break;
      ++i;
      continue;
    }
    const auto d = text::detail::decode_utf8(text, i);
    if (d.problem != text::detail::Utf8Problem::none || !is_word_code_point(d.code_point)) break;
    if (is_unspaced(d.code_point)) {
      if (i == start) {  // the character alone
        ascii = false;
        single = true;
        return i + d.length;
      }
      break;  // ends the word before it
    }
    ascii = false;
    i += d.length;
  }
  return i;
}

std::string_view cut_term(std::string_view folded) noexcept {
  if (folded.size() <= kMaxTermBytes) return folded;
  std::size_t end = kMaxTermBytes;
  // Back to the first byte of the character the limit falls in (continuation bytes are
  // 10xxxxxx).
  while (end > 0 && (static_cast<unsigned char>(folded[end]) & 0xC0) == 0x80)
    --end;
  return folded.substr(0, end);
}

bool has_terms(std::string_view text) {
  Tokenizer tokenizer;
  std::uint32_t position = 0;
  bool any = false;
  tokenizer.tokenize(text, position, [&](std::string_view, std::uint32_t) { any = true; });
  return any;
}

bool Tokenizer::fold(std::string_view word) {
  if (!text::fold_into(word, buffer_)) return false;
  return !buffer_.empty();
}

}  // namespace archive::detail
