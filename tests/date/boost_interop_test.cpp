// Day against Boost.Date_Time over the whole range Boost covers, and the bridge both ways.
#include "archive/date/boost_interop.hpp"

#include <gtest/gtest.h>

namespace archive {
namespace {

TEST(BoostInterop, AgreesWithBoostOnEveryDayItCovers) {
  const boost::gregorian::date first(1400, 1, 1);
  const boost::gregorian::date last(9999, 12, 31);
  const Day first_day = from_boost_date(first);
  EXPECT_EQ(first_day, Day::from_civil(1400, 1, 1));
  std::int64_t checked = 0;
  for (boost::gregorian::date d = first; d <= last; d += boost::gregorian::days(1)) {
    const Day day = first_day + checked;
    ASSERT_EQ(to_boost_date(day), d) << day.to_string();
    ++checked;
  }
  EXPECT_EQ(checked, from_boost_date(last) - first_day + 1);
}

TEST(BoostInterop, HasNoBoostDateOutsideItsRange) {
  EXPECT_FALSE(to_boost_date(Day::from_civil(1399, 12, 31)).has_value());
  EXPECT_FALSE(to_boost_date(Day::from_civil(10000, 1, 1)).has_value());
  EXPECT_FALSE(to_boost_date(Day::from_civil(-44, 3, 15)).has_value());
}

TEST(BoostInterop, ConvertsTheSeedsDates) {
  EXPECT_EQ(to_boost_date(Day::from_civil(1945, 7, 6)), boost::gregorian::date(1945, 7, 6));
  EXPECT_EQ(from_boost_date(boost::gregorian::date(1946, 4, 12)), Day::from_civil(1946, 4, 12));
}

}  // namespace
}  // namespace archive
