// Calendars archives write dates in, converted through Day (proleptic Gregorian days):
// proleptic Gregorian, Julian ("Old Style"), Solar Hijri (the Persian calendar, SH) and lunar
// Hijri (AH). Persian and Hijri go through ICU's calendars ("persian", "islamic-civil").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "archive/date/day.hpp"
#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive {

/// A calendar a date can be written in.
enum class Calendar : std::uint8_t {
  gregorian,  ///< proleptic Gregorian (ISO 8601, EDTF)
  julian,     ///< proleptic Julian: Russia before 14 February 1918 ("O.S.", "ст. ст.")
  persian,    ///< Solar Hijri, the official calendar of Iran (1 Farvardin ≈ 21 March)
  hijri,      ///< lunar Hijri, tabular (civil) reckoning, epoch 16 July 622 (Julian)
};

/// "gregorian", "julian", "persian" or "hijri" (a string that lives as long as the program).
[[nodiscard]] ARCHIVE_EXPORT const std::string& to_string(Calendar calendar) noexcept;

/// The calendar named by to_string() (also "solar-hijri", "islamic"); else invalid_argument.
[[nodiscard]] ARCHIVE_EXPORT Result<Calendar> parse_calendar(std::string_view name);

/// A year, month and day in some calendar (months are 1-based in every calendar).
struct CalendarDate {
  std::int64_t year = 0;
  unsigned month = 1;
  unsigned day = 1;
  friend constexpr bool operator==(const CalendarDate&, const CalendarDate&) = default;
  friend constexpr auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

/// Months in a year of the calendar (12 in all four).
[[nodiscard]] constexpr unsigned months_in_year(Calendar) noexcept {
  return 12;
}

/// Days in a month of the calendar; invalid_argument for a month outside 1..12 or a year
/// outside the calendar's supported range.
[[nodiscard]] ARCHIVE_EXPORT Result<unsigned> days_in_month(Calendar calendar, std::int64_t year,
                                                            unsigned month);

/// The day a calendar date names; invalid_argument (with the reason) when the date does not
/// exist in that calendar (e.g. 30 Esfand of a common year) or is out of range. Gregorian and
/// Julian cover years ±10^15; Persian and Hijri the years ICU supports (±5,000,000).
[[nodiscard]] ARCHIVE_EXPORT Result<Day> to_day(Calendar calendar, const CalendarDate& date);

/// The calendar date of a day; invalid_argument when out of the calendar's range.
[[nodiscard]] ARCHIVE_EXPORT Result<CalendarDate> from_day(Calendar calendar, Day day);

/// Parses "YYYY-MM-DD" (a leading '-' for years before 1; a year of 1–16 digits, a month and a
/// day of 1–2) as a date of `calendar` and returns its day; parse_error or invalid_argument
/// with the offset on bad input (a number with too many digits at its first digit).
[[nodiscard]] ARCHIVE_EXPORT Result<Day> parse_calendar_date(Calendar calendar,
                                                             std::string_view text);

/// "YYYY-MM-DD" of a calendar date (years outside 0000..9999 signed, as Day::to_string).
[[nodiscard]] ARCHIVE_EXPORT std::string format_calendar_date(const CalendarDate& date);

}  // namespace archive
