#include "archive/model/records.hpp"

#include <unicode/uchar.h>

#include <string>

#include "archive/model/ids.hpp"
#include "archive/text/normalize.hpp"
#include "archive/text/utf8.hpp"
#include "detail/enum_names.hpp"
#include "text/utf8_decode.hpp"

namespace archive {

bool is_valid_id(std::string_view text) noexcept {
  return check_id(text).has_value();
}

namespace {

// Bidirectional formatting characters: an id that holds one reads differently from its bytes.
bool is_bidi_control(char32_t c) noexcept {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string hex(char32_t c) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (int shift = c > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4)
    out += kDigits[(c >> shift) & 0xF];
  return "U+" + out;
}

}  // namespace

Result<void> check_id(std::string_view text) {
  if (text.empty()) return make_error(ErrorCode::parse_error, "an id cannot be empty", 0);
  if (text.size() > kMaxIdBytes) {
    return make_error(ErrorCode::parse_error,
                      "an id has at most " + std::to_string(kMaxIdBytes) + " bytes (this one has " +
                          std::to_string(text.size()) + ")",
                      kMaxIdBytes);
  }
  if (auto r = text::validate_utf8(text); !r) {
    return make_error(ErrorCode::invalid_utf8, "an id must be UTF-8: " + r.error().message,
                      r.error().offset.value_or(0));
  }
  bool ascii = true;
  std::size_t last_start = 0;
  char32_t last = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto d = text::detail::decode_utf8(text, i);
    const char32_t c = d.code_point;
    ascii = ascii && c < 0x80;
    if (u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR) {
      return make_error(ErrorCode::parse_error,
                        "an id cannot hold a control character (" + hex(c) + ")", i);
    }
    if (is_bidi_control(c)) {
      return make_error(ErrorCode::parse_error,
                        "an id cannot hold a bidirectional control (" + hex(c) + ")", i);
    }
    if (i == 0 && u_isUWhiteSpace(static_cast<UChar32>(c))) {
      return make_error(ErrorCode::parse_error, "an id cannot begin with a space", 0);
    }
    last_start = i;
    last = c;
    i += d.length;
  }
  if (u_isUWhiteSpace(static_cast<UChar32>(last))) {
    return make_error(ErrorCode::parse_error, "an id cannot end with a space", last_start);
  }
  if (!ascii) {  // ASCII is always in NFC
    auto nfc = text::to_nfc(text);
    if (!nfc) return std::move(nfc).error();
    if (*nfc != text) {
      std::size_t at = 0;
      while (at < text.size() && at < nfc->size() && text[at] == (*nfc)[at])
        ++at;
      while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        --at;
      return make_error(ErrorCode::parse_error,
                        "an id must be in Unicode normalization form C (NFC): it is not from "
                        "byte " +
                            std::to_string(at) + " (ids are kept as given, never normalized)",
                        at);
    }
  }
  return {};
}

namespace {

constexpr auto kAgentRoles = detail::enum_names<AgentRole>({{AgentRole::author, "author"},
                                                            {AgentRole::recipient, "recipient"},
                                                            {AgentRole::signatory, "signatory"},
                                                            {AgentRole::mentioned, "mentioned"}},
                                                           "mentioned");
static_assert(kAgentRoles.valid());

}  // namespace

const std::string& to_string(AgentRole role) noexcept {
  return detail::enum_name<kAgentRoles>(role);
}

Result<AgentRole> parse_agent_role(std::string_view name) {
  if (auto role = kAgentRoles.parse(name)) return *role;
  return make_error(ErrorCode::invalid_argument, "unknown agent role '" + std::string(name) +
                                                     "' (expected " + kAgentRoles.expected() + ")");
}

}  // namespace archive
