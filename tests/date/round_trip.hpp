// The EDTF round trip, shared by the EDTF tests and the accuracy test over the public vectors.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "archive/date/fuzzy_date.hpp"

namespace archive_test {

// parse_edtf(to_edtf(x)) == x, with the same level, bounds and canonical text.
inline ::testing::AssertionResult round_trips(std::string_view text) {
  const auto parsed = archive::parse_edtf(text);
  if (!parsed) return ::testing::AssertionFailure() << "'" << text << "' does not parse";
  const std::string canonical = parsed->to_edtf();
  const auto again = archive::parse_edtf(canonical);
  if (!again) {
    return ::testing::AssertionFailure() << "'" << text << "' prints as '" << canonical
                                         << "', which does not parse: " << again.error().describe();
  }
  if (!(*again == *parsed) || again->level() != parsed->level() ||
      !(again->earliest() == parsed->earliest()) || !(again->latest() == parsed->latest()) ||
      again->to_edtf() != canonical) {
    return ::testing::AssertionFailure()
           << "'" << text << "' prints as '" << canonical << "', which reparses as '"
           << again->to_edtf() << "' level " << again->level() << " (was " << parsed->level()
           << "), bounds " << again->earliest().to_string() << ".." << again->latest().to_string()
           << " (were " << parsed->earliest().to_string() << ".." << parsed->latest().to_string()
           << ")";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace archive_test
