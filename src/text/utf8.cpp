#include "archive/text/utf8.hpp"

#include <cstdint>
#include <cstring>

#include "text/utf8_decode.hpp"

namespace archive::text {

namespace {

std::string hex_byte(unsigned char b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string s = "0x";
  s += kDigits[b >> 4];
  s += kDigits[b & 0xF];
  return s;
}

std::string describe(detail::Utf8Problem problem, std::string_view text, std::size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  switch (problem) {
    case detail::Utf8Problem::none:
      break;
    case detail::Utf8Problem::invalid_lead:
      return "invalid UTF-8: byte " + hex_byte(byte) + " cannot start a character";
    case detail::Utf8Problem::stray_continuation:
      return "invalid UTF-8: unexpected continuation byte " + hex_byte(byte);
    case detail::Utf8Problem::truncated:
      return "invalid UTF-8: truncated sequence starting with byte " + hex_byte(byte);
    case detail::Utf8Problem::overlong:
      return "invalid UTF-8: overlong encoding starting with byte " + hex_byte(byte);
    case detail::Utf8Problem::surrogate:
      return "invalid UTF-8: encoded UTF-16 surrogate";
    case detail::Utf8Problem::too_large:
      return "invalid UTF-8: code point above U+10FFFF";
  }
  return "invalid UTF-8";
}

}  // namespace

Result<void> validate_utf8(std::string_view text) noexcept {
  try {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
      // ASCII fast path, eight bytes at a time.
      if (i + 8 <= n) {
        std::uint64_t chunk;
        std::memcpy(&chunk, text.data() + i, 8);
        if ((chunk & 0x8080808080808080ULL) == 0) {
          i += 8;
          continue;
        }
      }
      if (static_cast<unsigned char>(text[i]) < 0x80) {
        ++i;
        continue;
      }
      const detail::Decoded d = detail::decode_utf8(text, i);
      if (d.problem != detail::Utf8Problem::none) {
        return make_error(ErrorCode::invalid_utf8, describe(d.problem, text, i), i);
      }
      i += d.length;
    }
    return {};
  } catch (...) {  // only std::bad_alloc from building the message can get here
    return make_error(ErrorCode::internal, "out of memory while validating UTF-8");
  }
}

bool is_valid_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(text, i);
    if (d.problem != detail::Utf8Problem::none) return false;
    i += d.length;
  }
  return true;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(text, i);
    if (d.problem == detail::Utf8Problem::none) {
      out.append(text.substr(i, d.length));
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    }
    i += d.length;  // for a problem: the maximal subpart, at least one byte
  }
  return out;
}

}  // namespace archive::text
