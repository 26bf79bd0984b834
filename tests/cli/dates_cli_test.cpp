// `archive dates edtf|parse|convert` in batch mode, with the columns the issue fixes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/cli_harness.hpp"

namespace {

using archive_test::lines_of;
using archive_test::run_archive;

TEST(ArchiveCliDates, EdtfGivesLevelAndBounds) {
  const auto run = run_archive({"dates", "edtf"},
                               "1945-07-06\n1946-21\n../1945\n1945/\nY170000002\n-0044-03-15\n"
                               "1945-02-30\n2004-06-11%\n");
  EXPECT_EQ(run.exit_code, 0);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0], "1945-07-06\t0\t1945-07-06\t1945-07-06");
  EXPECT_EQ(lines[1], "1946-21\t1\t1946-03-01\t1946-05-31");
  EXPECT_EQ(lines[2], "../1945\t1\t..\t1945-12-31");
  EXPECT_EQ(lines[3], "1945/\t1\t1945-01-01\t");
  EXPECT_EQ(lines[4], "Y170000002\t1\t+170000002-01-01\t+170000002-12-31");
  EXPECT_EQ(lines[5], "-0044-03-15\t1\t-0044-03-15\t-0044-03-15");
  EXPECT_EQ(lines[6].rfind("1945-02-30\terror: no such day", 0), 0u) << lines[6];
  EXPECT_EQ(lines[7], "2004-06-11%\t1\t2004-06-11\t2004-06-11");
}

TEST(ArchiveCliDates, ParseReadsTheSeedsDatesInThreeLanguages) {
  const auto run = run_archive({"dates", "parse"},
                               "July 6, 1945\n6 июля 1945 г.\n۱۵ شهریور ۱۳۲۵\nSpring 1946\nn.d.\n"
                               "not a date\n");
  EXPECT_EQ(run.exit_code, 0);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0], "July 6, 1945\t1945-07-06\t1945-07-06\t1945-07-06");
  EXPECT_EQ(lines[1], "6 июля 1945 г.\t1945-07-06\t1945-07-06\t1945-07-06");
  EXPECT_EQ(lines[2], "۱۵ شهریور ۱۳۲۵\t1946-09-06\t1946-09-06\t1946-09-06");
  EXPECT_EQ(lines[3], "Spring 1946\t1946-21\t1946-03-01\t1946-05-31");
  EXPECT_EQ(lines[4], "n.d.\t\t\t");
  EXPECT_EQ(lines[5].rfind("not a date\terror: ", 0), 0u) << lines[5];
}

TEST(ArchiveCliDates, ParseTakesTheCalendarOption) {
  const auto run =
      run_archive({"dates", "parse", "--calendar", "julian", "--lang", "en"}, "25 October 1917\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "25 October 1917\t1917-11-07\t1917-11-07\t1917-11-07\n");
}

TEST(ArchiveCliDates, ConvertBetweenCalendars) {
  auto run = run_archive({"dates", "convert", "--from", "persian", "--to", "gregorian"},
                         "1325-01-01\n1325-06-15\n1325-07-31\n");
  EXPECT_EQ(run.exit_code, 0);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "1325-01-01\t1946-03-21");
  EXPECT_EQ(lines[1], "1325-06-15\t1946-09-06");
  EXPECT_EQ(lines[2].rfind("1325-07-31\terror: ", 0), 0u) << lines[2];
  run = run_archive({"dates", "convert", "--from", "julian", "--to", "gregorian"}, "1917-10-25\n");
  EXPECT_EQ(run.out, "1917-10-25\t1917-11-07\n");
}

// The year is what is wrong with a 20-digit year, not the digit where '-' was expected.
TEST(ArchiveCliDates, ConvertBlamesAnOverlongYearWhereItStarts) {
  const auto run = run_archive({"dates", "convert", "--from", "persian", "--to", "gregorian"},
                               "12345678901234567890-01-01\n-12345678901234567890-01-01\n"
                               "1325-06-15\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(lines_of(run.out),
            (std::vector<std::string>{
                "12345678901234567890-01-01\terror: the year has more than 16 digits (at byte 0)",
                "-12345678901234567890-01-01\terror: the year has more than 16 digits (at byte 1)",
                "1325-06-15\t1946-09-06"}));
}

TEST(ArchiveCliDates, BadUsageExitsTwo) {
  EXPECT_EQ(run_archive({"dates", "convert", "--from", "persian"}).exit_code, 2);
  EXPECT_EQ(run_archive({"dates", "parse", "--lang", "de"}).exit_code, 2);
  EXPECT_EQ(run_archive({"dates", "parse", "--calendar", "mayan"}).exit_code, 2);
  EXPECT_EQ(run_archive({"dates"}).exit_code, 2);
}

}  // namespace
