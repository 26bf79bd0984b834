#include "archive/model/records.hpp"

#include "archive/model/ids.hpp"
#include "detail/enum_names.hpp"

namespace archive {

bool is_valid_id(std::string_view text) noexcept {
  return check_id(text).has_value();
}

Result<void> check_id(std::string_view text) {
  if (text.empty()) return make_error(ErrorCode::parse_error, "an id cannot be empty", 0);
  if (text.size() > 128) {
    return make_error(ErrorCode::parse_error, "an id has at most 128 characters", 128);
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool punct = c == '.' || c == '_' || c == ':' || c == '-';
    if (alnum || (punct && i > 0)) continue;
    std::string message = "an id is made of a-z, 0-9 and . _ : - (starting with a letter or digit)";
    return make_error(ErrorCode::parse_error, std::move(message), i);
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
