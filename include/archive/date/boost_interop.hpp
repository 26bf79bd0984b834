// Optional, header-only bridge between archive::Day and boost::gregorian::date. Include it
// only where you use Boost.Date_Time (it includes Boost; no other archive header does). The
// archive package neither provides nor requires Boost.Date_Time: a program that includes this
// header brings its headers itself (CMake: find_package(Boost COMPONENTS date_time) and link
// Boost::date_time, or Boost::headers).
// boost::gregorian::date covers the years 1400–9999 only: outside them there is no value.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>

#include "archive/date/day.hpp"

namespace archive {

/// The Boost date of a day, or nullopt outside Boost's range (1400-01-01 .. 9999-12-31).
[[nodiscard]] inline std::optional<boost::gregorian::date> to_boost_date(Day day) {
  const CivilDate c = day.civil();
  if (c.year < 1400 || c.year > 9999) return std::nullopt;
  return boost::gregorian::date(static_cast<unsigned short>(c.year),
                                static_cast<unsigned short>(c.month),
                                static_cast<unsigned short>(c.day));
}

/// The day of a Boost date. Precondition: a real date (not_a_date_time nor ±infinity).
[[nodiscard]] inline Day from_boost_date(const boost::gregorian::date& date) {
  const auto ymd = date.year_month_day();
  return Day::from_civil(static_cast<std::int64_t>(ymd.year), ymd.month.as_number(),
                         ymd.day.as_number());
}

}  // namespace archive
