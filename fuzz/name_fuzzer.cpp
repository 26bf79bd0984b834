// Fuzz target for the names part: parse_person_name, name_keys, match and NameMatcher::find
// on arbitrary bytes; match compares the input's first half with its second half. Checks the
// properties that must hold for every input, not just "does not crash": refusals say where,
// scores lie in [0, 1], match is symmetric and a parseable name matches itself with 1, keys
// are sorted and unique, and found candidates are ordered and above the threshold.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "archive/names.hpp"
#include "archive/text/utf8.hpp"
#include "require.hpp"

namespace {

const archive::NameMatcher& seed_matcher() {
  static const archive::NameMatcher matcher = [] {
    archive::NameMatcher m;
    std::uint64_t id = 0;
    for (const char* name :
         {"Мир Джафар Багиров", "Mir Jafar Bagirov", "M.D. Bagirov", "Nureddin Kianuri",
          "نورالدین کیانوری", "Mohammad Reza Pahlavi", "محمدرضا پهلوی", "Princess Ashraf Pahlavi",
          "Stalin", "Молотов", "Naser Fakhr Arai", "Bakirov", "Bagrov"}) {
      (void)m.add(++id, name);
    }
    return m;
  }();
  return matcher;
}

void check_name(std::string_view input) {
  const bool valid = archive::text::is_valid_utf8(input);
  const auto name = archive::parse_person_name(input);
  if (!name) {
    FUZZ_REQUIRE(name.error().code == archive::ErrorCode::invalid_utf8 ||
                 name.error().code == archive::ErrorCode::parse_error);
    FUZZ_REQUIRE(name.error().code != archive::ErrorCode::invalid_utf8 || !valid);
    FUZZ_REQUIRE(name.error().offset.has_value() && *name.error().offset <= input.size());
  } else {
    FUZZ_REQUIRE(valid);
    const std::string display = name->display();
    FUZZ_REQUIRE(archive::text::is_valid_utf8(display) &&
                 archive::text::is_valid_utf8(name->sort_form()));
    FUZZ_REQUIRE(archive::parse_person_name(display).has_value());
  }

  const auto keys = archive::name_keys(input);
  FUZZ_REQUIRE(keys.has_value() == name.has_value());
  if (keys) {
    FUZZ_REQUIRE(std::is_sorted(keys->begin(), keys->end()));
    FUZZ_REQUIRE(std::adjacent_find(keys->begin(), keys->end()) == keys->end());
  }

  if (name) {
    const auto self = archive::match(input, input);
    FUZZ_REQUIRE(self.has_value() && *self == 1.0);
    const auto found = seed_matcher().find(input, 5, 0.5);
    FUZZ_REQUIRE(found.has_value() && found->size() <= 5);
    for (std::size_t i = 0; i < found->size(); ++i) {
      FUZZ_REQUIRE((*found)[i].score >= 0.5 && (*found)[i].score <= 1.0);
      if (i > 0) FUZZ_REQUIRE((*found)[i - 1].score >= (*found)[i].score);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_name(input);

  const std::string_view a = input.substr(0, size / 2), b = input.substr(size / 2);
  const auto ab = archive::match(a, b);
  const auto ba = archive::match(b, a);
  FUZZ_REQUIRE(ab.has_value() == ba.has_value());
  if (ab) {
    FUZZ_REQUIRE(*ab >= 0.0 && *ab <= 1.0);
    FUZZ_REQUIRE(*ab == *ba);
  } else {
    const auto code = ab.error().code;
    FUZZ_REQUIRE(code == archive::ErrorCode::invalid_utf8 ||
                 code == archive::ErrorCode::parse_error);
  }
  return 0;
}
