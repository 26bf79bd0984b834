// Day: the proleptic Gregorian day count every calendar converts through.
#include "archive/date/day.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <compare>
#include <cstdint>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

namespace archive {
namespace {

// ---- constexpr: the whole civil arithmetic is usable at compile time ----------------------

static_assert(Day::from_civil(1970, 1, 1).count() == 0);
static_assert(Day::from_civil(2000, 3, 1).count() == 11017);
static_assert(Day::from_civil(1945, 7, 6).count() == -8945);
static_assert(Day(11017).civil() == CivilDate{2000, 3, 1});
static_assert(Day(-8945).civil() == CivilDate{1945, 7, 6});
static_assert(Day::from_civil(CivilDate{1, 1, 1}).count() == -719162);
static_assert(is_leap_year(2000) && !is_leap_year(1900) && is_leap_year(0) && is_leap_year(-4));
static_assert(days_in_month(2000, 2) == 29 && days_in_month(1900, 2) == 28);
static_assert(Day(5) + 3 == Day(8) && Day(5) - 3 == Day(2) && Day(8) - Day(5) == 3);
static_assert(Day(1) < Day(2) && Day(-1) < Day(0));
static_assert(Day{} == Day(0));
static_assert(CivilDate{} == CivilDate{1970, 1, 1});
static_assert(CivilDate{1945, 7, 6} < CivilDate{1945, 7, 14});
static_assert(Day::from_sys_days(std::chrono::sys_days(std::chrono::days(42))) == Day(42));

// A plain model of the calendar to test against: the civil date after `c`.
CivilDate next_civil(CivilDate c) {
  if (c.day < days_in_month(c.year, c.month)) return {c.year, c.month, c.day + 1};
  if (c.month < 12) return {c.year, c.month + 1, 1};
  return {c.year + 1, 1, 1};
}

std::string show(const CivilDate& c) {
  return std::to_string(c.year) + "-" + std::to_string(c.month) + "-" + std::to_string(c.day);
}

// ---- known day counts -------------------------------------------------------------------

TEST(DayTest, EpochIsDayZero) {
  EXPECT_EQ(Day::from_civil(1970, 1, 1).count(), 0);
  EXPECT_EQ(Day(0).civil(), (CivilDate{1970, 1, 1}));
  EXPECT_EQ(Day{}.count(), 0);
}

TEST(DayTest, KnownDayCounts) {
  EXPECT_EQ(Day::from_civil(2000, 3, 1).count(), 11017);
  EXPECT_EQ(Day::from_civil(2000, 1, 1).count(), 10957);
  EXPECT_EQ(Day::from_civil(1945, 7, 6).count(), -8945);
  EXPECT_EQ(Day::from_civil(1969, 12, 31).count(), -1);
  EXPECT_EQ(Day::from_civil(1, 1, 1).count(), -719162);
  EXPECT_EQ(Day::from_civil(9999, 12, 31).count(), 2932896);
  // 1 March of year 0 (1 BCE) is 719468 days before the epoch (Hinnant's constant).
  EXPECT_EQ(Day::from_civil(0, 3, 1).count(), -719468);
}

TEST(DayTest, FromCivilDateStructMatchesFields) {
  const CivilDate c{1946, 9, 5};
  EXPECT_EQ(Day::from_civil(c), Day::from_civil(1946, 9, 5));
  EXPECT_EQ(Day::from_civil(c).civil(), c);
}

// ---- the day count against a day-by-day model ---------------------------------------------

// Walks every day from 401 BCE to 2400 CE: each next day's count is one more and its civil
// date is the model's next date (month lengths and leap days included).
TEST(DayTest, ConsecutiveDaysFollowTheCivilCalendarFrom400BceTo2400) {
  CivilDate c{-400, 1, 1};
  Day d = Day::from_civil(c);
  int mismatches = 0;
  while (c.year <= 2400 && mismatches < 5) {
    const CivilDate next = next_civil(c);
    const Day next_day = Day::from_civil(next);
    if (next_day - d != 1 || next_day.civil() != next) {
      ADD_FAILURE() << "after " << show(c) << ": day " << next_day.count() << " civil "
                    << show(next_day.civil()) << ", expected " << show(next);
      ++mismatches;
    }
    c = next;
    d = next_day;
  }
  EXPECT_EQ(mismatches, 0);
}

// 400 Gregorian years are exactly 146097 days, anywhere on the line.
TEST(DayTest, FourHundredYearsAreAlways146097Days) {
  std::mt19937_64 rng(20240607);
  std::uniform_int_distribution<std::int64_t> years(-1'000'000'000'000, 1'000'000'000'000);
  for (int i = 0; i < 2000; ++i) {
    const std::int64_t y = years(rng);
    const auto m = static_cast<unsigned>(1 + i % 12);
    const unsigned d = 1 + static_cast<unsigned>(i) % 28;
    ASSERT_EQ(Day::from_civil(y + 400, m, d) - Day::from_civil(y, m, d), 146097) << y;
  }
}

// Property: civil() inverts from_civil() for generated dates over ±10^12 years, including
// month ends and 29 February of leap years.
TEST(DayTest, CivilRoundTripOverGeneratedDatesUpToTenToTheTwelfthYears) {
  std::mt19937_64 rng(1945'07'06);
  std::uniform_int_distribution<std::int64_t> years(-1'000'000'000'000, 1'000'000'000'000);
  std::uniform_int_distribution<unsigned> months(1, 12);
  for (int i = 0; i < 100000; ++i) {
    const std::int64_t y = i % 4 == 0 ? years(rng) / 1'000'000 : years(rng);  // many near 0
    const unsigned m = months(rng);
    const unsigned d = 1 + static_cast<unsigned>(rng() % days_in_month(y, m));
    const CivilDate c{y, m, d};
    ASSERT_EQ(Day::from_civil(c).civil(), c) << show(c);
  }
}

TEST(DayTest, DayRoundTripOverGeneratedCounts) {
  std::mt19937_64 rng(1946'04'12);
  // ±3.6 * 10^14 days is about ±10^12 years.
  std::uniform_int_distribution<std::int64_t> counts(-365'242'500'000'000, 365'242'500'000'000);
  for (int i = 0; i < 100000; ++i) {
    const Day d(counts(rng));
    const CivilDate c = d.civil();
    ASSERT_GE(c.month, 1u);
    ASSERT_LE(c.month, 12u);
    ASSERT_GE(c.day, 1u);
    ASSERT_LE(c.day, days_in_month(c.year, c.month));
    ASSERT_EQ(Day::from_civil(c), d) << d.count();
  }
}

TEST(DayTest, ExtremeYearsRoundTrip) {
  for (const std::int64_t y :
       {std::int64_t{1'000'000'000'000}, std::int64_t{-1'000'000'000'000},
        std::int64_t{999'999'999'999'999}, std::int64_t{-999'999'999'999'999},
        std::int64_t{170'000'002}, std::int64_t{-170'000'002}}) {
    for (const CivilDate c : {CivilDate{y, 1, 1}, CivilDate{y, 12, 31}, CivilDate{y, 2, 28}}) {
      EXPECT_EQ(Day::from_civil(c).civil(), c) << show(c);
    }
    EXPECT_EQ(Day::from_civil(y + 1, 1, 1) - Day::from_civil(y, 12, 31), 1) << y;
  }
  // 10^12 is divisible by 400, so it is a leap year and 29 February exists.
  EXPECT_EQ(Day::from_civil(1'000'000'000'000, 2, 29).civil(),
            (CivilDate{1'000'000'000'000, 2, 29}));
}

TEST(DayTest, BceDatesUseAstronomicalYearNumbering) {
  // Year 0 is 1 BCE and directly precedes year 1; -1 is 2 BCE.
  EXPECT_EQ(Day::from_civil(1, 1, 1) - Day::from_civil(0, 12, 31), 1);
  EXPECT_EQ(Day::from_civil(0, 1, 1) - Day::from_civil(-1, 12, 31), 1);
  EXPECT_EQ(Day::from_civil(1, 1, 1) - Day::from_civil(0, 1, 1), 366);    // year 0 is leap
  EXPECT_EQ(Day::from_civil(0, 1, 1) - Day::from_civil(-1, 1, 1), 365);   // -1 is common
  EXPECT_EQ(Day::from_civil(-3, 1, 1) - Day::from_civil(-4, 1, 1), 366);  // -4 is leap
  EXPECT_EQ(Day(-719529).civil(), (CivilDate{-1, 12, 31}));
}

// ---- leap years ---------------------------------------------------------------------------

TEST(DayTest, LeapYearsFollowTheGregorianRule) {
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(1944));
  EXPECT_FALSE(is_leap_year(1945));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_TRUE(is_leap_year(2400));
  EXPECT_TRUE(is_leap_year(0));
  EXPECT_TRUE(is_leap_year(-4));
  EXPECT_FALSE(is_leap_year(-1));
  EXPECT_FALSE(is_leap_year(-100));
  EXPECT_TRUE(is_leap_year(-400));
  EXPECT_FALSE(is_leap_year(-1900));
}

TEST(DayTest, DaysInMonth) {
  const unsigned common[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (unsigned m = 1; m <= 12; ++m) {
    EXPECT_EQ(days_in_month(1945, m), common[m - 1]) << m;
    EXPECT_EQ(days_in_month(1944, m), m == 2 ? 29u : common[m - 1]) << m;
  }
  EXPECT_EQ(days_in_month(1900, 2), 28u);
  EXPECT_EQ(days_in_month(2000, 2), 29u);
  EXPECT_EQ(days_in_month(0, 2), 29u);
  EXPECT_EQ(days_in_month(-4, 2), 29u);
  EXPECT_EQ(days_in_month(-1, 2), 28u);
}

TEST(DayTest, YearLengthsMatchLeapRule) {
  for (std::int64_t y = -2000; y <= 2400; ++y) {
    ASSERT_EQ(Day::from_civil(y + 1, 1, 1) - Day::from_civil(y, 1, 1), is_leap_year(y) ? 366 : 365)
        << y;
  }
}

// ---- to_string ----------------------------------------------------------------------------

TEST(DayTest, ToStringUsesFourDigitsForYears0To9999) {
  EXPECT_EQ(Day::from_civil(1945, 7, 6).to_string(), "1945-07-06");
  EXPECT_EQ(Day::from_civil(0, 1, 1).to_string(), "0000-01-01");
  EXPECT_EQ(Day::from_civil(5, 3, 9).to_string(), "0005-03-09");
  EXPECT_EQ(Day::from_civil(622, 7, 19).to_string(), "0622-07-19");
  EXPECT_EQ(Day::from_civil(9999, 12, 31).to_string(), "9999-12-31");
  EXPECT_EQ(Day(0).to_string(), "1970-01-01");
}

TEST(DayTest, ToStringSignsYearsOutside0To9999) {
  EXPECT_EQ(Day::from_civil(-44, 3, 15).to_string(), "-0044-03-15");
  EXPECT_EQ(Day::from_civil(-1, 12, 31).to_string(), "-0001-12-31");
  EXPECT_EQ(Day::from_civil(-9999, 1, 1).to_string(), "-9999-01-01");
  EXPECT_EQ(Day::from_civil(-12000, 1, 1).to_string(), "-12000-01-01");
  EXPECT_EQ(Day::from_civil(10000, 1, 1).to_string(), "+10000-01-01");
  EXPECT_EQ(Day::from_civil(12000, 1, 1).to_string(), "+12000-01-01");
  EXPECT_EQ(Day::from_civil(170000002, 12, 31).to_string(), "+170000002-12-31");
  EXPECT_EQ(Day::from_civil(-999'999'999'999'999, 1, 1).to_string(), "-999999999999999-01-01");
}

// ---- std::chrono ----------------------------------------------------------------------------

TEST(DayTest, ToSysDaysMatchesChronoCalendar) {
  using namespace std::chrono;
  const auto epoch = Day(0).to_sys_days();
  ASSERT_TRUE(epoch.has_value());
  EXPECT_EQ(*epoch, sys_days(year(1970) / January / 1));
  EXPECT_EQ(Day::from_civil(1945, 7, 6).to_sys_days(), sys_days(year(1945) / July / 6));
  EXPECT_EQ(Day::from_civil(2000, 3, 1).to_sys_days(), sys_days(year(2000) / March / 1));
  EXPECT_EQ(Day::from_civil(-44, 3, 15).to_sys_days(), sys_days(year(-44) / March / 15));
}

TEST(DayTest, FromSysDaysInvertsToSysDays) {
  using namespace std::chrono;
  EXPECT_EQ(Day::from_sys_days(sys_days(year(1946) / September / 5)), Day::from_civil(1946, 9, 5));
  EXPECT_EQ(Day::from_sys_days(sys_days(year(-32767) / January / 1)),
            Day::from_civil(-32767, 1, 1));
  // Every year chrono can name agrees with our civil conversion.
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> years(-32767, 32767);
  for (int i = 0; i < 20000; ++i) {
    const year_month_day ymd(year(years(rng)), month(1 + static_cast<unsigned>(i) % 12),
                             day(1 + static_cast<unsigned>(i) % 28));
    const sys_days s(ymd);
    const Day d = Day::from_sys_days(s);
    ASSERT_EQ(d.civil(),
              (CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                         static_cast<unsigned>(ymd.day())}));
    ASSERT_EQ(d.to_sys_days(), s);
  }
}

TEST(DayTest, ToSysDaysIsEmptyOnlyBeyondChronoRange) {
  using Rep = std::chrono::days::rep;
  const Day far(999'999'999'999'999 * 365);
  if constexpr (sizeof(Rep) >= sizeof(std::int64_t)) {
    // This standard library's days hold any Day.
    ASSERT_TRUE(far.to_sys_days().has_value());
    EXPECT_EQ(far.to_sys_days()->time_since_epoch().count(), far.count());
  } else {
    EXPECT_FALSE(far.to_sys_days().has_value());
    EXPECT_FALSE((Day(-far.count())).to_sys_days().has_value());
  }
  EXPECT_TRUE(Day::from_civil(1'000'000, 1, 1).to_sys_days().has_value());
}

// ---- arithmetic and ordering --------------------------------------------------------------

TEST(DayTest, ArithmeticMovesByDays) {
  Day d = Day::from_civil(1945, 7, 6);
  EXPECT_EQ((d + 8).civil(), (CivilDate{1945, 7, 14}));
  EXPECT_EQ((d - 6).civil(), (CivilDate{1945, 6, 30}));
  d += 365;
  EXPECT_EQ(d.civil(), (CivilDate{1946, 7, 6}));
  d -= 366;
  EXPECT_EQ(d.civil(), (CivilDate{1945, 7, 5}));
  EXPECT_EQ(Day::from_civil(1946, 4, 12) - Day::from_civil(1945, 7, 6), 280);
  EXPECT_EQ(Day::from_civil(1945, 7, 6) - Day::from_civil(1946, 4, 12), -280);
  EXPECT_EQ((Day::from_civil(2000, 2, 28) + 1).civil(), (CivilDate{2000, 2, 29}));
  EXPECT_EQ((Day::from_civil(1900, 2, 28) + 1).civil(), (CivilDate{1900, 3, 1}));
  EXPECT_EQ((Day::from_civil(1, 1, 1) - 1).civil(), (CivilDate{0, 12, 31}));
}

TEST(DayTest, OrderingFollowsTime) {
  const std::vector<Day> days = {Day::from_civil(-44, 3, 15),  Day::from_civil(0, 12, 31),
                                 Day::from_civil(1, 1, 1),     Day::from_civil(1945, 7, 6),
                                 Day::from_civil(1945, 7, 14), Day::from_civil(1946, 4, 12),
                                 Day::from_civil(12000, 1, 1)};
  for (std::size_t i = 0; i < days.size(); ++i) {
    for (std::size_t j = 0; j < days.size(); ++j) {
      EXPECT_EQ(days[i] < days[j], i < j) << i << " " << j;
      EXPECT_EQ(days[i] == days[j], i == j) << i << " " << j;
      EXPECT_EQ(days[i].civil() < days[j].civil(), i < j) << i << " " << j;
    }
  }
  EXPECT_EQ(Day(3) <=> Day(4), std::strong_ordering::less);
  EXPECT_NE(Day(3), Day(4));
  EXPECT_LE(Day(3), Day(3));
  EXPECT_GE(Day(4), Day(3));
}

// A Day is trivially copyable and as small as its day count.
static_assert(std::is_trivially_copyable_v<Day>);
static_assert(sizeof(Day) == sizeof(std::int64_t));

}  // namespace
}  // namespace archive
