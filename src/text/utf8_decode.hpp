// Internal: one strict UTF-8 decoding step shared by validation, repair and the folders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace archive::text::detail {

enum class Utf8Problem : std::uint8_t {
  none,
  invalid_lead,        // C0, C1, F5..FF
  stray_continuation,  // 80..BF where a character should start
  truncated,           // a lead byte without enough continuation bytes
  overlong,            // E0 80..9F, F0 80..8F
  surrogate,           // ED A0..BF
  too_large,           // F4 90..BF
};

struct Decoded {
  char32_t code_point = 0;
  // Bytes consumed: the character's length, or for a problem the length of the maximal
  // ill-formed subpart (at least 1), so a caller can resume after it.
  std::size_t length = 1;
  Utf8Problem problem = Utf8Problem::none;
};

// Decodes the character starting at text[i] (precondition: i < text.size()).
inline Decoded decode_utf8(std::string_view text, std::size_t i) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char b0 = s[i];
  if (b0 < 0x80) return {b0, 1, Utf8Problem::none};
  if (b0 < 0xC0) return {0, 1, Utf8Problem::stray_continuation};
  if (b0 < 0xC2 || b0 > 0xF4) return {0, 1, Utf8Problem::invalid_lead};

  std::size_t need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  Utf8Problem second_problem = Utf8Problem::truncated;
  if (b0 < 0xE0) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 < 0xF0) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0, second_problem = Utf8Problem::overlong;
    if (b0 == 0xED) hi = 0x9F, second_problem = Utf8Problem::surrogate;
  } else {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90, second_problem = Utf8Problem::overlong;
    if (b0 == 0xF4) hi = 0x8F, second_problem = Utf8Problem::too_large;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= n) return {0, k, Utf8Problem::truncated};
    const unsigned char b = s[i + k];
    const bool ok = (k == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) {
      const bool is_continuation = b >= 0x80 && b <= 0xBF;
      return {0, k, (k == 1 && is_continuation) ? second_problem : Utf8Problem::truncated};
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, need + 1, Utf8Problem::none};
}

// Appends the UTF-8 encoding of a valid scalar value.
template <class String>
inline void append_utf8(String& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace archive::text::detail
