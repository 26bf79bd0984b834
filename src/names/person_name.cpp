// Placeholder until structured names land.
#include "archive/names/person_name.hpp"

namespace archive {

bool PersonName::is_initial(std::string_view part) noexcept {
  return part.size() == 1;
}
std::string PersonName::display() const {
  return {};
}
std::string PersonName::sort_form() const {
  return {};
}
Result<PersonName> parse_person_name(std::string_view) {
  return make_error(ErrorCode::unsupported, "not implemented yet");
}

}  // namespace archive
