// parse_date: the dates catalogers actually write, in English, Russian and Persian, turned
// into FuzzyDate values that keep the original expression and calendar.
#pragma once

#include <cstdint>
#include <string_view>

#include "archive/date/calendar.hpp"
#include "archive/date/fuzzy_date.hpp"
#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive {

/// The language a date expression is written in.
enum class DateLanguage : std::uint8_t {
  automatic,  ///< detected from the script and the words (Cyrillic → Russian, Arabic → Persian)
  english,
  russian,
  persian,
};

/// How parse_date reads an expression.
struct DateParseOptions {
  /// The language, or automatic detection.
  DateLanguage language = DateLanguage::automatic;
  /// The calendar a date is in unless the text marks another ("O.S.", "SH", "AH", …).
  /// Persian-language dates with Persian month names are Solar Hijri whatever this says.
  Calendar calendar = Calendar::gregorian;
};

/// Parses a date as written by a cataloger: "July 6, 1945", "Spring 1946", "c. 1945",
/// "1940s", "early 1946", "between 1945 and 1947", "n.d.", "6 июля 1945 г.",
/// "۱۵ شهریور ۱۳۲۵", "24 October 1917 (O.S.)", or any valid EDTF. The result's provenance
/// holds the original text and the calendar it was written in; dates of other calendars are
/// converted to Gregorian days. Text it cannot read gives a parse_error with the offset of
/// the first word it could not place — never a guess.
[[nodiscard]] ARCHIVE_EXPORT Result<FuzzyDate> parse_date(std::string_view text,
                                                          const DateParseOptions& options = {});

}  // namespace archive
