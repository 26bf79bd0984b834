// Placeholder until matching lands.
#include "archive/names/match.hpp"

namespace archive {

struct NameMatcher::Impl {};

Result<std::vector<std::string>> name_keys(std::string_view, const Transliterator&) {
  return make_error(ErrorCode::unsupported, "not implemented yet");
}
Result<double> match(std::string_view, std::string_view, const Transliterator&) {
  return make_error(ErrorCode::unsupported, "not implemented yet");
}
NameMatcher::NameMatcher(const Transliterator&) : impl_(std::make_unique<Impl>()) {}
NameMatcher::~NameMatcher() = default;
NameMatcher::NameMatcher(NameMatcher&&) noexcept = default;
NameMatcher& NameMatcher::operator=(NameMatcher&&) noexcept = default;
Result<void> NameMatcher::add(std::uint64_t, std::string_view) {
  return {};
}
Result<std::vector<NameCandidate>> NameMatcher::find(std::string_view, std::size_t, double) const {
  return std::vector<NameCandidate>{};
}
std::size_t NameMatcher::size() const noexcept {
  return 0;
}

}  // namespace archive
