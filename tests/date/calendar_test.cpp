// Calendars: conversions of Gregorian, Julian, Solar Hijri and lunar Hijri dates through Day,
// checked against historical correspondences and against each other.
#include "archive/date/calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace archive {
namespace {

constexpr Calendar kAllCalendars[] = {Calendar::gregorian, Calendar::julian, Calendar::persian,
                                      Calendar::hijri};

Day gregorian(std::int64_t y, unsigned m, unsigned d) {
  return Day::from_civil(y, m, d);
}

// The Gregorian day of a date in `calendar`, or a failure naming the date and the error.
::testing::AssertionResult converts_to(Calendar calendar, CalendarDate date, Day expected) {
  const auto day = to_day(calendar, date);
  if (!day) {
    return ::testing::AssertionFailure() << to_string(calendar) << " " << format_calendar_date(date)
                                         << ": " << day.error().describe();
  }
  if (*day != expected) {
    return ::testing::AssertionFailure()
           << to_string(calendar) << " " << format_calendar_date(date) << " gave "
           << day->to_string() << ", expected " << expected.to_string();
  }
  const auto back = from_day(calendar, expected);
  if (!back || *back != date) {
    return ::testing::AssertionFailure()
           << to_string(calendar) << " of " << expected.to_string() << " gave "
           << (back ? format_calendar_date(*back) : back.error().describe()) << ", expected "
           << format_calendar_date(date);
  }
  return ::testing::AssertionSuccess();
}

// ---- names --------------------------------------------------------------------------------

TEST(CalendarTest, NamesRoundTrip) {
  EXPECT_EQ(to_string(Calendar::gregorian), "gregorian");
  EXPECT_EQ(to_string(Calendar::julian), "julian");
  EXPECT_EQ(to_string(Calendar::persian), "persian");
  EXPECT_EQ(to_string(Calendar::hijri), "hijri");
  for (const Calendar c : kAllCalendars) {
    const auto parsed = parse_calendar(to_string(c));
    ASSERT_TRUE(parsed.has_value()) << to_string(c);
    EXPECT_EQ(*parsed, c);
  }
}

TEST(CalendarTest, ParseCalendarAcceptsAliases) {
  EXPECT_EQ(parse_calendar("solar-hijri").value(), Calendar::persian);
  EXPECT_EQ(parse_calendar("islamic").value(), Calendar::hijri);
  // An alias is read, never written: to_string gives the canonical name.
  EXPECT_EQ(to_string(parse_calendar("solar-hijri").value()), "persian");
  EXPECT_EQ(to_string(parse_calendar("islamic").value()), "hijri");
}

static_assert(std::is_same_v<decltype(to_string(Calendar::julian)), const std::string&>);

TEST(CalendarTest, AnOutOfRangeValueIsGregorian) {
  EXPECT_EQ(to_string(static_cast<Calendar>(200)), "gregorian");
}

TEST(CalendarTest, ParseCalendarRejectsUnknownNamesReadably) {
  for (const char* name : {"", "Gregorian", "persian ", "lunar", "coptic"}) {
    const auto parsed = parse_calendar(name);
    ASSERT_FALSE(parsed.has_value()) << name;
    EXPECT_EQ(parsed.error().code, ErrorCode::invalid_argument) << name;
    EXPECT_NE(parsed.error().message.find("'" + std::string(name) + "'"), std::string::npos)
        << parsed.error().message;
    EXPECT_NE(parsed.error().message.find("gregorian, julian, persian or hijri"), std::string::npos)
        << parsed.error().message;
  }
}

TEST(CalendarTest, EveryCalendarHasTwelveMonths) {
  for (const Calendar c : kAllCalendars)
    EXPECT_EQ(months_in_year(c), 12u);
}

// ---- Solar Hijri (Persian) ----------------------------------------------------------------

TEST(CalendarTest, PersianFarvardin1325IsMarch1946) {
  EXPECT_TRUE(converts_to(Calendar::persian, {1325, 1, 1}, gregorian(1946, 3, 21)));
}

TEST(CalendarTest, PersianShahrivar15Of1325IsSeptember6Of1946) {
  // "۱۵ شهریور ۱۳۲۵": Shahrivar is the sixth month.
  EXPECT_TRUE(converts_to(Calendar::persian, {1325, 6, 15}, gregorian(1946, 9, 6)));
}

TEST(CalendarTest, PersianNowruzOfKnownYears) {
  EXPECT_TRUE(converts_to(Calendar::persian, {1404, 1, 1}, gregorian(2025, 3, 21)));
  EXPECT_TRUE(converts_to(Calendar::persian, {1403, 1, 1}, gregorian(2024, 3, 20)));
  EXPECT_TRUE(converts_to(Calendar::persian, {1400, 1, 1}, gregorian(2021, 3, 21)));
  EXPECT_TRUE(converts_to(Calendar::persian, {1399, 1, 1}, gregorian(2020, 3, 20)));
  EXPECT_TRUE(converts_to(Calendar::persian, {1358, 1, 1}, gregorian(1979, 3, 21)));
  EXPECT_TRUE(converts_to(Calendar::persian, {1304, 1, 1}, gregorian(1925, 3, 21)));
}

TEST(CalendarTest, PersianLastDayOfYearPrecedesNowruz) {
  // 1403 is a leap year: 30 Esfand 1403 is the day before Nowruz 1404.
  EXPECT_TRUE(converts_to(Calendar::persian, {1403, 12, 30}, gregorian(2025, 3, 20)));
  // 1402 is common: 29 Esfand 1402 is the day before Nowruz 1403.
  EXPECT_TRUE(converts_to(Calendar::persian, {1402, 12, 29}, gregorian(2024, 3, 19)));
}

TEST(CalendarTest, PersianEsfandHas29Or30Days) {
  EXPECT_EQ(days_in_month(Calendar::persian, 1402, 12).value(), 29u);
  EXPECT_EQ(days_in_month(Calendar::persian, 1403, 12).value(), 30u);
  EXPECT_EQ(days_in_month(Calendar::persian, 1399, 12).value(), 30u);
  EXPECT_EQ(days_in_month(Calendar::persian, 1324, 12).value(), 29u);
  // The first six months have 31 days, the next five 30.
  for (unsigned m = 1; m <= 11; ++m) {
    EXPECT_EQ(days_in_month(Calendar::persian, 1325, m).value(), m <= 6 ? 31u : 30u) << m;
  }
}

// ---- Julian ---------------------------------------------------------------------------------

TEST(CalendarTest, JulianOctoberRevolution) {
  // 25 October 1917 (O.S.) is 7 November 1917 (N.S.).
  EXPECT_TRUE(converts_to(Calendar::julian, {1917, 10, 25}, gregorian(1917, 11, 7)));
  EXPECT_TRUE(converts_to(Calendar::julian, {1917, 10, 24}, gregorian(1917, 11, 6)));
}

TEST(CalendarTest, JulianRussianCalendarReform) {
  // Soviet Russia skipped from 31 January 1918 (O.S.) to 14 February 1918 (N.S.).
  EXPECT_TRUE(converts_to(Calendar::julian, {1918, 2, 1}, gregorian(1918, 2, 14)));
  EXPECT_TRUE(converts_to(Calendar::julian, {1918, 1, 31}, gregorian(1918, 2, 13)));
}

TEST(CalendarTest, JulianOtherKnownCorrespondences) {
  // The Gregorian reform: 4 October 1582 (Julian) was followed by 15 October 1582.
  EXPECT_TRUE(converts_to(Calendar::julian, {1582, 10, 5}, gregorian(1582, 10, 15)));
  // Britain, 1752: 2 September (O.S.) was followed by 14 September (N.S.).
  EXPECT_TRUE(converts_to(Calendar::julian, {1752, 9, 3}, gregorian(1752, 9, 14)));
  // 1900 is a Julian leap year but not a Gregorian one.
  EXPECT_TRUE(converts_to(Calendar::julian, {1900, 2, 29}, gregorian(1900, 3, 13)));
  // The Julian 1 January 1 CE is the proleptic Gregorian 30 December 1 BCE (year 0).
  EXPECT_TRUE(converts_to(Calendar::julian, {1, 1, 1}, gregorian(0, 12, 30)));
  // 15 March 44 BCE is astronomical year -43.
  EXPECT_TRUE(converts_to(Calendar::julian, {-43, 3, 15}, gregorian(-43, 3, 13)));
}

TEST(CalendarTest, JulianFebruaryHas29DaysEveryFourthYear) {
  EXPECT_EQ(days_in_month(Calendar::julian, 1900, 2).value(), 29u);
  EXPECT_EQ(days_in_month(Calendar::gregorian, 1900, 2).value(), 28u);
  EXPECT_EQ(days_in_month(Calendar::julian, 1700, 2).value(), 29u);
  EXPECT_EQ(days_in_month(Calendar::julian, 1917, 2).value(), 28u);
  EXPECT_EQ(days_in_month(Calendar::julian, 0, 2).value(), 29u);
  EXPECT_EQ(days_in_month(Calendar::julian, -4, 2).value(), 29u);
  EXPECT_EQ(days_in_month(Calendar::julian, -1, 2).value(), 28u);
  EXPECT_EQ(days_in_month(Calendar::julian, 1917, 10).value(), 31u);
  EXPECT_EQ(days_in_month(Calendar::julian, 1917, 11).value(), 30u);
}

// ---- lunar Hijri (tabular, civil epoch) ----------------------------------------------------

TEST(CalendarTest, HijriEpochIsJuly16Of622Julian) {
  // ICU's "islamic-civil" counts from the Friday epoch: 1 Muharram 1 AH = 16 July 622
  // (Julian) = 19 July 622 (proleptic Gregorian). (The astronomical, Thursday epoch would be
  // one day earlier.)
  const Day epoch = to_day(Calendar::julian, {622, 7, 16}).value();
  EXPECT_EQ(epoch, gregorian(622, 7, 19));
  EXPECT_TRUE(converts_to(Calendar::hijri, {1, 1, 1}, epoch));
  EXPECT_EQ((epoch.count() % 7 + 7 + 4) % 7, 5);  // a Friday (1970-01-01 was a Thursday)
}

TEST(CalendarTest, HijriRamadan1365IsJuly1946) {
  EXPECT_TRUE(converts_to(Calendar::hijri, {1365, 9, 1}, gregorian(1946, 7, 30)));
}

TEST(CalendarTest, HijriTabularNewYears) {
  // Tabular reckoning; observed or Umm al-Qura calendars can differ by a day or two (Umm
  // al-Qura has 1 Muharram 1446 on 7 July 2024).
  EXPECT_TRUE(converts_to(Calendar::hijri, {1446, 1, 1}, gregorian(2024, 7, 8)));
  EXPECT_TRUE(converts_to(Calendar::hijri, {1445, 9, 1}, gregorian(2024, 3, 11)));
}

TEST(CalendarTest, HijriMonthsAlternate30And29WithLeapDhuAlHijja) {
  for (const std::int64_t year : {1, 2, 1365, 1445, 1446}) {
    for (unsigned m = 1; m <= 11; ++m) {
      EXPECT_EQ(days_in_month(Calendar::hijri, year, m).value(), m % 2 == 1 ? 30u : 29u)
          << year << "-" << m;
    }
  }
  // Leap years of the 30-year cycle: 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29.
  const std::vector<int> leap = {2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29};
  for (int y = 1; y <= 30; ++y) {
    const bool is_leap = std::find(leap.begin(), leap.end(), y) != leap.end();
    EXPECT_EQ(days_in_month(Calendar::hijri, y, 12).value(), is_leap ? 30u : 29u) << y;
    EXPECT_EQ(days_in_month(Calendar::hijri, y + 1410, 12).value(), is_leap ? 30u : 29u) << y;
  }
}

// ---- invalid dates --------------------------------------------------------------------------

::testing::AssertionResult rejected(Calendar calendar, CalendarDate date,
                                    const std::string& message_part) {
  const auto day = to_day(calendar, date);
  if (day) {
    return ::testing::AssertionFailure() << to_string(calendar) << " " << format_calendar_date(date)
                                         << " was accepted as " << day->to_string();
  }
  if (day.error().code != ErrorCode::invalid_argument) {
    return ::testing::AssertionFailure() << "code " << to_string(day.error().code);
  }
  if (day.error().message.find(message_part) == std::string::npos) {
    return ::testing::AssertionFailure()
           << "message '" << day.error().message << "' does not mention '" << message_part << "'";
  }
  return ::testing::AssertionSuccess();
}

TEST(CalendarTest, InvalidDatesGiveReadableInvalidArgument) {
  EXPECT_TRUE(rejected(Calendar::persian, {1402, 12, 30},
                       "1402-12-30 does not exist in the persian calendar"));
  EXPECT_TRUE(rejected(Calendar::persian, {1402, 13, 1}, "month 13 is not between 1 and 12"));
  EXPECT_TRUE(rejected(Calendar::persian, {1402, 0, 1}, "month 0"));
  EXPECT_TRUE(rejected(Calendar::persian, {1402, 1, 0}, "1402-01-00 does not exist"));
  EXPECT_TRUE(rejected(Calendar::persian, {1402, 7, 31}, "1402-07-31 does not exist"));
  EXPECT_TRUE(rejected(Calendar::gregorian, {1900, 2, 29}, "gregorian"));
  EXPECT_TRUE(rejected(Calendar::gregorian, {1945, 4, 31}, "1945-04-31"));
  EXPECT_TRUE(rejected(Calendar::gregorian, {1945, 13, 1}, "month 13"));
  EXPECT_TRUE(rejected(Calendar::julian, {1901, 2, 29}, "1901-02-29 does not exist in the julian"));
  EXPECT_TRUE(rejected(Calendar::julian, {1917, 10, 0}, "does not exist"));
  EXPECT_TRUE(rejected(Calendar::hijri, {1446, 12, 30}, "1446-12-30 does not exist in the hijri"));
  EXPECT_TRUE(rejected(Calendar::hijri, {1446, 2, 30}, "does not exist"));
  EXPECT_TRUE(rejected(Calendar::hijri, {1446, 13, 1}, "month 13"));
}

TEST(CalendarTest, YearsOutsideTheCalendarRangeAreRejected) {
  EXPECT_TRUE(rejected(Calendar::persian, {6'000'000, 1, 1}, "outside the range"));
  EXPECT_TRUE(rejected(Calendar::hijri, {6'000'000, 1, 1}, "outside the range"));
  EXPECT_TRUE(rejected(Calendar::hijri, {-6'000'000, 1, 1}, "before the Hijri epoch"));
  EXPECT_TRUE(rejected(Calendar::gregorian, {2'000'000'000'000'000, 1, 1}, "outside the range"));
  EXPECT_TRUE(rejected(Calendar::julian, {-2'000'000'000'000'000, 1, 1}, "outside the range"));
  EXPECT_TRUE(to_day(Calendar::gregorian, {1'000'000'000'000'000, 12, 31}).has_value());
  EXPECT_TRUE(to_day(Calendar::julian, {-1'000'000'000'000'000, 1, 1}).has_value());
  EXPECT_FALSE(days_in_month(Calendar::persian, 6'000'000, 1).has_value());
  EXPECT_EQ(days_in_month(Calendar::julian, 1917, 13).error().code, ErrorCode::invalid_argument);
}

// ---- round trips ----------------------------------------------------------------------------

// Every day from 1000 to 2100 CE (each 3rd day, every day of 1900-1960) converts to a valid
// date of each calendar and back, and consecutive days give consecutive calendar dates.
TEST(CalendarTest, DayToCalendarToDayRoundTripsInEveryCalendar) {
  for (const Calendar c : kAllCalendars) {
    int failures = 0;
    std::optional<CalendarDate> previous;
    Day previous_day = gregorian(999, 12, 31);
    for (Day d = gregorian(1000, 1, 1); d <= gregorian(2100, 12, 31) && failures < 5;) {
      const auto date = from_day(c, d);
      if (!date) {
        ADD_FAILURE() << to_string(c) << " of " << d.to_string() << ": " << date.error().describe();
        ++failures;
        d += 1;
        continue;
      }
      const auto length = days_in_month(c, date->year, date->month);
      if (!length || date->day < 1 || date->day > *length) {
        ADD_FAILURE() << to_string(c) << " of " << d.to_string() << " is "
                      << format_calendar_date(*date) << ", not a valid date";
        ++failures;
      }
      const auto back = to_day(c, *date);
      if (!back || *back != d) {
        ADD_FAILURE() << to_string(c) << ": " << d.to_string() << " -> "
                      << format_calendar_date(*date) << " -> "
                      << (back ? back->to_string() : back.error().describe());
        ++failures;
      }
      if (previous && d - previous_day == 1) {
        const bool next_in_month = date->year == previous->year && date->month == previous->month &&
                                   date->day == previous->day + 1;
        const bool next_month =
            date->day == 1 &&
            ((date->year == previous->year && date->month == previous->month + 1) ||
             (date->year == previous->year + 1 && date->month == 1 && previous->month == 12));
        if (!next_in_month && !next_month) {
          ADD_FAILURE() << to_string(c) << ": " << format_calendar_date(*previous) << " then "
                        << format_calendar_date(*date);
          ++failures;
        }
      }
      previous = *date;
      previous_day = d;
      const bool dense = d >= gregorian(1900, 1, 1) && d <= gregorian(1960, 12, 31);
      d += dense ? 1 : 3;
    }
    EXPECT_EQ(failures, 0) << to_string(c);
  }
}

TEST(CalendarTest, CalendarToDayToCalendarRoundTripsEveryDateOfAYearRange) {
  struct Range {
    Calendar calendar;
    std::int64_t first_year;
    std::int64_t last_year;
  };
  for (const Range r : {Range{Calendar::gregorian, -500, 2500}, Range{Calendar::julian, -500, 2500},
                        Range{Calendar::persian, 1, 1500}, Range{Calendar::hijri, 1, 1500}}) {
    int failures = 0;
    std::int64_t year_start = to_day(r.calendar, {r.first_year, 1, 1}).value().count();
    for (std::int64_t y = r.first_year; y <= r.last_year && failures < 5; ++y) {
      std::int64_t days_in_year = 0;
      for (unsigned m = 1; m <= 12; ++m) {
        const unsigned length = days_in_month(r.calendar, y, m).value();
        days_in_year += length;
        for (const unsigned d : {1u, length}) {
          const CalendarDate date{y, m, d};
          const auto day = to_day(r.calendar, date);
          const auto back = day ? from_day(r.calendar, *day) : Result<CalendarDate>(day.error());
          if (!back || *back != date) {
            ADD_FAILURE() << to_string(r.calendar) << " " << format_calendar_date(date);
            ++failures;
          }
        }
      }
      // The month lengths add up to the distance between consecutive new years.
      const std::int64_t next_start = to_day(r.calendar, {y + 1, 1, 1}).value().count();
      if (next_start - year_start != days_in_year) {
        ADD_FAILURE() << to_string(r.calendar) << " year " << y << " has "
                      << next_start - year_start << " days, months add to " << days_in_year;
        ++failures;
      }
      year_start = next_start;
    }
    EXPECT_EQ(failures, 0) << to_string(r.calendar);
  }
}

TEST(CalendarTest, GregorianAndJulianRoundTripFarFromTheEpoch) {
  for (const std::int64_t y :
       {std::int64_t{-1'000'000'000'000}, std::int64_t{-5'000'000}, std::int64_t{-100'000},
        std::int64_t{170'000'002}, std::int64_t{999'999'999'999}}) {
    for (const Calendar c : {Calendar::gregorian, Calendar::julian}) {
      const CalendarDate date{y, 2, 28};
      const auto day = to_day(c, date);
      ASSERT_TRUE(day.has_value()) << y;
      EXPECT_EQ(from_day(c, *day).value(), date) << to_string(c) << " " << y;
    }
  }
}

TEST(CalendarTest, PersianRoundTripsBeforeItsEpoch) {
  // ICU's extended years continue before 1 SH (year 0, then negative years).
  for (const Day d : {gregorian(600, 1, 1), gregorian(621, 12, 31), gregorian(-3000, 6, 15)}) {
    const auto date = from_day(Calendar::persian, d);
    ASSERT_TRUE(date.has_value()) << d.to_string();
    EXPECT_LE(date->year, 0) << d.to_string();
    EXPECT_EQ(to_day(Calendar::persian, *date).value_or(Day(0)), d) << d.to_string();
  }
}

TEST(CalendarTest, HijriRefusesDaysBeforeItsEpoch) {
  // The tabular Hijri calendar starts at 1 Muharram 1 AH (19 July 622 Gregorian): earlier
  // days have no Hijri date, and Hijri years below 1 are refused both ways.
  EXPECT_EQ(from_day(Calendar::hijri, gregorian(622, 7, 19)).value_or(CalendarDate{}),
            (CalendarDate{1, 1, 1}));
  for (const Day d : {gregorian(622, 7, 18), gregorian(600, 1, 1), gregorian(-3000, 6, 15)}) {
    const auto date = from_day(Calendar::hijri, d);
    ASSERT_FALSE(date.has_value()) << d.to_string();
    EXPECT_NE(date.error().message.find("before the Hijri epoch"), std::string::npos)
        << date.error().message;
  }
  EXPECT_FALSE(to_day(Calendar::hijri, {0, 12, 1}).has_value());
}

TEST(CalendarTest, FromDayResultIsAlwaysAcceptedByToDay) {
  for (const Calendar c : {Calendar::persian, Calendar::hijri}) {
    for (const Day d : {gregorian(-5'000'000, 1, 1), gregorian(5'000'000, 12, 31)}) {
      const auto date = from_day(c, d);
      if (!date) {
        EXPECT_EQ(date.error().code, ErrorCode::invalid_argument);
        continue;
      }
      const auto back = to_day(c, *date);
      EXPECT_TRUE(back.has_value() && *back == d)
          << to_string(c) << ": " << d.to_string() << " -> " << format_calendar_date(*date)
          << " -> " << (back ? back->to_string() : back.error().describe());
    }
  }
}

TEST(CalendarTest, SameDayInAllFourCalendars) {
  const Day nowruz_1946 = gregorian(1946, 3, 21);
  EXPECT_EQ(from_day(Calendar::gregorian, nowruz_1946).value(), (CalendarDate{1946, 3, 21}));
  EXPECT_EQ(from_day(Calendar::julian, nowruz_1946).value(), (CalendarDate{1946, 3, 8}));
  EXPECT_EQ(from_day(Calendar::persian, nowruz_1946).value(), (CalendarDate{1325, 1, 1}));
  EXPECT_EQ(from_day(Calendar::hijri, nowruz_1946).value(), (CalendarDate{1365, 4, 17}));
}

// ---- text -----------------------------------------------------------------------------------

TEST(CalendarTest, ParseCalendarDateReadsYearMonthDay) {
  EXPECT_EQ(parse_calendar_date(Calendar::persian, "1325-01-01").value(), gregorian(1946, 3, 21));
  EXPECT_EQ(parse_calendar_date(Calendar::persian, "1325-06-15").value(), gregorian(1946, 9, 6));
  EXPECT_EQ(parse_calendar_date(Calendar::persian, "1325-1-1").value(), gregorian(1946, 3, 21));
  EXPECT_EQ(parse_calendar_date(Calendar::julian, "1917-10-25").value(), gregorian(1917, 11, 7));
  EXPECT_EQ(parse_calendar_date(Calendar::hijri, "1365-09-01").value(), gregorian(1946, 7, 30));
  EXPECT_EQ(parse_calendar_date(Calendar::gregorian, "1945-07-06").value(), gregorian(1945, 7, 6));
  EXPECT_EQ(parse_calendar_date(Calendar::gregorian, "-0044-03-15").value(), gregorian(-44, 3, 15));
  EXPECT_EQ(parse_calendar_date(Calendar::julian, "-0043-03-15").value(), gregorian(-43, 3, 13));
  EXPECT_EQ(parse_calendar_date(Calendar::gregorian, "12000-01-01").value(),
            gregorian(12000, 1, 1));
}

TEST(CalendarTest, ParseCalendarDateReportsSyntaxErrorsWithOffsets) {
  struct Case {
    const char* text;
    std::size_t offset;
    const char* reason;
  };
  for (const Case& c :
       {Case{"", 0, "expected a year"}, Case{"abc", 0, "expected a year"},
        Case{"-", 1, "expected a year"}, Case{"1325", 4, "expected '-' after the year"},
        Case{"1325/06/15", 4, "expected '-' after the year"}, Case{"1325-", 5, "expected a month"},
        Case{"1325-06", 7, "expected '-' after the month"},
        Case{"1325-123-01", 5, "the month has more than 2 digits"},
        Case{"1325-06-150", 8, "the day has more than 2 digits"},
        Case{"12345678901234567890-01-01", 0, "the year has more than 16 digits"},
        Case{"-12345678901234567890-01-01", 1, "the year has more than 16 digits"},
        Case{"13250000000000000-06-15", 0, "the year has more than 16 digits"},
        Case{"1325-06-", 8, "expected a day"},
        Case{"1325-06-15x", 10, "unexpected text after the date"},
        Case{"1325-06-15 ", 10, "unexpected text after the date"}}) {
    const auto day = parse_calendar_date(Calendar::persian, c.text);
    ASSERT_FALSE(day.has_value()) << c.text;
    EXPECT_EQ(day.error().code, ErrorCode::parse_error) << c.text;
    EXPECT_EQ(day.error().offset, c.offset) << c.text;
    EXPECT_EQ(day.error().message, c.reason) << c.text;
  }
}

TEST(CalendarTest, ParseCalendarDateReportsImpossibleDatesAtTheDate) {
  const auto leap_day = parse_calendar_date(Calendar::persian, "1402-12-30");
  ASSERT_FALSE(leap_day.has_value());
  EXPECT_EQ(leap_day.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(leap_day.error().offset, std::size_t{0});
  EXPECT_EQ(leap_day.error().message, "1402-12-30 does not exist in the persian calendar");
  EXPECT_EQ(leap_day.error().describe(),
            "1402-12-30 does not exist in the persian calendar (at byte 0)");

  const auto month = parse_calendar_date(Calendar::gregorian, "1945-13-01");
  ASSERT_FALSE(month.has_value());
  EXPECT_EQ(month.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(month.error().offset, std::size_t{0});

  EXPECT_TRUE(parse_calendar_date(Calendar::persian, "1403-12-30").has_value());
  EXPECT_FALSE(parse_calendar_date(Calendar::julian, "1901-02-29").has_value());
  EXPECT_TRUE(parse_calendar_date(Calendar::julian, "1900-02-29").has_value());
}

TEST(CalendarTest, FormatCalendarDateWritesIsoStyle) {
  EXPECT_EQ(format_calendar_date({1325, 6, 15}), "1325-06-15");
  EXPECT_EQ(format_calendar_date({1365, 9, 1}), "1365-09-01");
  EXPECT_EQ(format_calendar_date({5, 1, 1}), "0005-01-01");
  EXPECT_EQ(format_calendar_date({0, 12, 30}), "0000-12-30");
  EXPECT_EQ(format_calendar_date({-44, 3, 15}), "-0044-03-15");
  EXPECT_EQ(format_calendar_date({12000, 1, 1}), "+12000-01-01");
}

TEST(CalendarTest, FormatThenParseRoundTrips) {
  for (const Calendar c : kAllCalendars) {
    for (const CalendarDate date : {CalendarDate{1325, 6, 15}, CalendarDate{1365, 9, 1},
                                    CalendarDate{1917, 10, 25}, CalendarDate{1000, 12, 29}}) {
      const auto day = parse_calendar_date(c, format_calendar_date(date));
      ASSERT_TRUE(day.has_value()) << to_string(c) << " " << format_calendar_date(date);
      EXPECT_EQ(from_day(c, *day).value(), date) << to_string(c);
    }
  }
}

}  // namespace
}  // namespace archive
