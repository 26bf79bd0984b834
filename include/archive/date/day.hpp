// Day: one day of the proleptic Gregorian calendar as a count from 1970-01-01, valid for
// every year EDTF can write (far beyond std::chrono's and Boost's ranges). The pivot through
// which every calendar converts, like std::chrono::sys_days.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "archive/export.hpp"

namespace archive {

/// A proleptic Gregorian year, month and day (year 0 is 1 BCE, -1 is 2 BCE, as in ISO 8601).
struct CivilDate {
  std::int64_t year = 1970;
  unsigned month = 1;  ///< 1..12
  unsigned day = 1;    ///< 1..days_in_month(year, month)
  friend constexpr bool operator==(const CivilDate&, const CivilDate&) = default;
  friend constexpr auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

/// True for Gregorian leap years (divisible by 4, except centuries not divisible by 400).
[[nodiscard]] constexpr bool is_leap_year(std::int64_t year) noexcept {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/// Days in a Gregorian month (month 1..12).
[[nodiscard]] constexpr unsigned days_in_month(std::int64_t year, unsigned month) noexcept {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29u : kDays[(month - 1) % 12];
}

/// A day as a signed count of days since 1970-01-01 (proleptic Gregorian). Regular,
/// trivially copyable, totally ordered. Years up to ±10^15 are representable.
class Day {
 public:
  constexpr Day() noexcept = default;
  constexpr explicit Day(std::int64_t days_since_epoch) noexcept : days_(days_since_epoch) {}

  /// The day of a civil date. Precondition: the date is valid (month 1..12, day in range).
  [[nodiscard]] static constexpr Day from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    // H. Hinnant's days_from_civil, in 64 bits.
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<std::int64_t>(y - era * 400);
    const auto mp = static_cast<std::int64_t>(m > 2 ? m - 3 : m + 9);
    const std::int64_t doy = (153 * mp + 2) / 5 + static_cast<std::int64_t>(d) - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Day(era * 146097 + doe - 719468);
  }
  [[nodiscard]] static constexpr Day from_civil(const CivilDate& c) noexcept {
    return from_civil(c.year, c.month, c.day);
  }

  /// The civil date of this day.
  [[nodiscard]] constexpr CivilDate civil() const noexcept {
    const std::int64_t z = days_ + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    const auto m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{yoe + era * 400 + (m <= 2), m, d};
  }

  /// Days since 1970-01-01.
  [[nodiscard]] constexpr std::int64_t count() const noexcept { return days_; }

  /// As std::chrono::sys_days, when it fits (its range is about ±5.8 million years).
  [[nodiscard]] std::optional<std::chrono::sys_days> to_sys_days() const noexcept {
    using Rep = std::chrono::days::rep;
    if (days_ < static_cast<std::int64_t>(std::numeric_limits<Rep>::min()) ||
        days_ > static_cast<std::int64_t>(std::numeric_limits<Rep>::max())) {
      return std::nullopt;
    }
    return std::chrono::sys_days(std::chrono::days(static_cast<Rep>(days_)));
  }
  [[nodiscard]] static constexpr Day from_sys_days(std::chrono::sys_days d) noexcept {
    return Day(static_cast<std::int64_t>(d.time_since_epoch().count()));
  }

  /// ISO 8601 "YYYY-MM-DD"; years outside 0000..9999 with a sign and at least four digits
  /// ("-0044-03-15", "+12000-01-01").
  [[nodiscard]] ARCHIVE_EXPORT std::string to_string() const;

  constexpr Day& operator+=(std::int64_t n) noexcept { return days_ += n, *this; }
  constexpr Day& operator-=(std::int64_t n) noexcept { return days_ -= n, *this; }
  [[nodiscard]] friend constexpr Day operator+(Day d, std::int64_t n) noexcept { return d += n; }
  [[nodiscard]] friend constexpr Day operator-(Day d, std::int64_t n) noexcept { return d -= n; }
  [[nodiscard]] friend constexpr std::int64_t operator-(Day a, Day b) noexcept {
    return a.days_ - b.days_;
  }
  friend constexpr bool operator==(Day, Day) = default;
  friend constexpr auto operator<=>(Day, Day) = default;

 private:
  std::int64_t days_ = 0;
};

}  // namespace archive
