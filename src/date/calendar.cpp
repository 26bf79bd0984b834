#include "archive/date/calendar.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>
#include <string>

#include "date/format.hpp"
#include "detail/enum_names.hpp"

namespace archive {

namespace {

constexpr std::int64_t kMaxArithmeticYear = 1'000'000'000'000'000;  // ±10^15
constexpr std::int64_t kMaxIcuYear = 5'000'000;
constexpr double kMillisPerDay = 86'400'000.0;

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool is_julian_leap(std::int64_t year) noexcept {
  return year - floor_div(year, 4) * 4 == 0;
}

// Julian calendar <-> days since 1970-01-01 through the Julian Day Number.
constexpr std::int64_t kJdnOfEpoch = 2440588;
Day julian_to_day(std::int64_t y, unsigned m, unsigned d) noexcept {
  const std::int64_t a = (14 - static_cast<std::int64_t>(m)) / 12;
  const std::int64_t yy = y + 4800 - a;
  const std::int64_t mm = static_cast<std::int64_t>(m) + 12 * a - 3;
  const std::int64_t jdn =
      static_cast<std::int64_t>(d) + (153 * mm + 2) / 5 + 365 * yy + floor_div(yy, 4) - 32083;
  return Day(jdn - kJdnOfEpoch);
}
CalendarDate day_to_julian(Day day) noexcept {
  const std::int64_t c = day.count() + kJdnOfEpoch + 32082;
  const std::int64_t d = floor_div(4 * c + 3, 1461);
  const std::int64_t e = c - floor_div(1461 * d, 4);
  const std::int64_t m = (5 * e + 2) / 153;
  return CalendarDate{d - 4800 + m / 10, static_cast<unsigned>(m + 3 - 12 * (m / 10)),
                      static_cast<unsigned>(e - (153 * m + 2) / 5 + 1)};
}

// One ICU calendar per thread and kind (ICU calendars are not thread-safe); created once.
icu::Calendar* icu_calendar(Calendar which) {
  struct Pair {
    std::unique_ptr<icu::Calendar> persian;
    std::unique_ptr<icu::Calendar> hijri;
  };
  thread_local Pair calendars;
  std::unique_ptr<icu::Calendar>& slot =
      which == Calendar::persian ? calendars.persian : calendars.hijri;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    const char* locale =
        which == Calendar::persian ? "en@calendar=persian" : "en@calendar=islamic-civil";
    slot.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale(locale),
                                             status));
    if (U_FAILURE(status)) {
      slot.reset();
      return nullptr;
    }
    slot->setLenient(false);
  }
  return slot.get();
}

Error out_of_range(Calendar calendar, std::int64_t year) {
  return make_error(ErrorCode::invalid_argument, "year " + std::to_string(year) +
                                                     " is outside the range of the " +
                                                     to_string(calendar) + " calendar");
}

Error no_such_date(Calendar calendar, const CalendarDate& date) {
  return make_error(ErrorCode::invalid_argument,
                    detail::format_ymd(date.year, date.month, date.day) +
                        " does not exist in the " + to_string(calendar) + " calendar");
}

Result<unsigned> icu_days_in_month(Calendar which, std::int64_t year, unsigned month) {
  icu::Calendar* cal = icu_calendar(which);
  if (cal == nullptr) return make_error(ErrorCode::internal, "ICU calendar unavailable");
  cal->clear();
  cal->set(UCAL_EXTENDED_YEAR, static_cast<int32_t>(year));
  cal->set(UCAL_MONTH, static_cast<int32_t>(month - 1));
  cal->set(UCAL_DATE, 1);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t max = cal->getActualMaximum(UCAL_DATE, status);
  if (U_FAILURE(status)) return make_error(ErrorCode::internal, "ICU calendar failed");
  return static_cast<unsigned>(max);
}

// The canonical names, then the aliases parse_calendar() accepts.
constexpr auto kCalendars = detail::enum_names<Calendar>({{Calendar::gregorian, "gregorian"},
                                                          {Calendar::julian, "julian"},
                                                          {Calendar::persian, "persian"},
                                                          {Calendar::hijri, "hijri"},
                                                          {Calendar::persian, "solar-hijri"},
                                                          {Calendar::hijri, "islamic"}},
                                                         "gregorian");
static_assert(kCalendars.valid());

}  // namespace

const std::string& to_string(Calendar calendar) noexcept {
  return detail::enum_name<kCalendars>(calendar);
}

Result<Calendar> parse_calendar(std::string_view name) {
  if (auto calendar = kCalendars.parse(name)) return *calendar;
  return make_error(ErrorCode::invalid_argument, "unknown calendar '" + std::string(name) +
                                                     "' (expected " + kCalendars.expected() + ")");
}

Result<unsigned> days_in_month(Calendar calendar, std::int64_t year, unsigned month) {
  if (month < 1 || month > 12) {
    return make_error(ErrorCode::invalid_argument,
                      "month " + std::to_string(month) + " is not between 1 and 12");
  }
  switch (calendar) {
    case Calendar::gregorian:
      if (year > kMaxArithmeticYear || year < -kMaxArithmeticYear) {
        return out_of_range(calendar, year);
      }
      return days_in_month(year, month);
    case Calendar::julian:
      if (year > kMaxArithmeticYear || year < -kMaxArithmeticYear) {
        return out_of_range(calendar, year);
      }
      return month == 2 ? (is_julian_leap(year) ? 29u : 28u) : days_in_month(2001, month);
    case Calendar::persian:
      if (year > kMaxIcuYear || year < -kMaxIcuYear) return out_of_range(calendar, year);
      return icu_days_in_month(calendar, year, month);
    case Calendar::hijri:
      // ICU's tabular Hijri calendar does not count years before the Hijra consistently.
      if (year < 1) {
        return make_error(ErrorCode::invalid_argument,
                          "year " + std::to_string(year) +
                              " is before the Hijri epoch (1 Muharram 1 AH = 16 July 622 Julian)");
      }
      if (year > kMaxIcuYear) return out_of_range(calendar, year);
      return icu_days_in_month(calendar, year, month);
  }
  return make_error(ErrorCode::invalid_argument, "unknown calendar");
}

Result<Day> to_day(Calendar calendar, const CalendarDate& date) {
  auto length = days_in_month(calendar, date.year, date.month);
  if (!length) return std::move(length).error();
  if (date.day < 1 || date.day > *length) return no_such_date(calendar, date);
  switch (calendar) {
    case Calendar::gregorian:
      return Day::from_civil(date.year, date.month, date.day);
    case Calendar::julian:
      return julian_to_day(date.year, date.month, date.day);
    case Calendar::persian:
    case Calendar::hijri: {
      icu::Calendar* cal = icu_calendar(calendar);
      if (cal == nullptr) return make_error(ErrorCode::internal, "ICU calendar unavailable");
      cal->clear();
      cal->set(UCAL_EXTENDED_YEAR, static_cast<int32_t>(date.year));
      cal->set(UCAL_MONTH, static_cast<int32_t>(date.month - 1));
      cal->set(UCAL_DATE, static_cast<int32_t>(date.day));
      UErrorCode status = U_ZERO_ERROR;
      const UDate millis = cal->getTime(status);
      if (U_FAILURE(status)) return no_such_date(calendar, date);
      return Day(static_cast<std::int64_t>(std::floor(millis / kMillisPerDay)));
    }
  }
  return make_error(ErrorCode::invalid_argument, "unknown calendar");
}

Result<CalendarDate> from_day(Calendar calendar, Day day) {
  switch (calendar) {
    case Calendar::gregorian: {
      const CivilDate c = day.civil();
      if (c.year > kMaxArithmeticYear || c.year < -kMaxArithmeticYear) {
        return out_of_range(calendar, c.year);
      }
      return CalendarDate{c.year, c.month, c.day};
    }
    case Calendar::julian: {
      const CalendarDate j = day_to_julian(day);
      if (j.year > kMaxArithmeticYear || j.year < -kMaxArithmeticYear) {
        return out_of_range(calendar, j.year);
      }
      return j;
    }
    case Calendar::persian:
    case Calendar::hijri: {
      const std::int64_t gregorian_year = day.civil().year;
      if (gregorian_year > kMaxIcuYear || gregorian_year < -kMaxIcuYear) {
        return out_of_range(calendar, gregorian_year);
      }
      icu::Calendar* cal = icu_calendar(calendar);
      if (cal == nullptr) return make_error(ErrorCode::internal, "ICU calendar unavailable");
      UErrorCode status = U_ZERO_ERROR;
      cal->clear();
      cal->setTime(static_cast<UDate>(day.count()) * kMillisPerDay, status);
      const int32_t y = cal->get(UCAL_EXTENDED_YEAR, status);
      const int32_t m = cal->get(UCAL_MONTH, status);
      const int32_t d = cal->get(UCAL_DATE, status);
      if (U_FAILURE(status)) return make_error(ErrorCode::internal, "ICU calendar failed");
      const CalendarDate date{y, static_cast<unsigned>(m + 1), static_cast<unsigned>(d)};
      // What from_day gives, to_day must take back: check the result's own range.
      if (auto check = days_in_month(calendar, date.year, date.month); !check) {
        return std::move(check).error();
      }
      return date;
    }
  }
  return make_error(ErrorCode::invalid_argument, "unknown calendar");
}

Result<Day> parse_calendar_date(Calendar calendar, std::string_view text) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  // A run of digits: all of them, so that one too many is blamed on the number where it
  // starts, not on the digit where the number was cut off.
  auto number = [&](std::string_view what, std::size_t max_digits) -> Result<std::int64_t> {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
      ++i;
    if (i == start) return make_error(ErrorCode::parse_error, "expected a " + std::string(what), i);
    if (i - start > max_digits) {
      return make_error(
          ErrorCode::parse_error,
          "the " + std::string(what) + " has more than " + std::to_string(max_digits) + " digits",
          start);
    }
    std::int64_t value = 0;
    for (std::size_t k = start; k < i; ++k)
      value = value * 10 + (text[k] - '0');
    return value;
  };
  const auto year = number("year", 16);
  if (!year) return year.error();
  if (i >= text.size() || text[i] != '-') {
    return make_error(ErrorCode::parse_error, "expected '-' after the year", i);
  }
  ++i;
  const auto month = number("month", 2);
  if (!month) return month.error();
  if (i >= text.size() || text[i] != '-') {
    return make_error(ErrorCode::parse_error, "expected '-' after the month", i);
  }
  ++i;
  const auto day = number("day", 2);
  if (!day) return day.error();
  if (i != text.size())
    return make_error(ErrorCode::parse_error, "unexpected text after the date", i);
  const CalendarDate date{negative ? -*year : *year, static_cast<unsigned>(*month),
                          static_cast<unsigned>(*day)};
  auto result = to_day(calendar, date);
  if (!result) {
    Error e = std::move(result).error();
    e.offset = 0;
    return e;
  }
  return result;
}

std::string format_calendar_date(const CalendarDate& date) {
  return detail::format_ymd(date.year, date.month, date.day);
}

}  // namespace archive
