// `archive names romanize|keys|match|parse` in batch mode, with the columns the issue fixes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/cli_harness.hpp"

namespace {

using archive_test::lines_of;
using archive_test::run_archive;

std::vector<std::string> columns_of(const std::string& line) {
  std::vector<std::string> columns;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
    columns.push_back(line.substr(start, tab - start));
  }
  columns.push_back(line.substr(start));
  return columns;
}

TEST(ArchiveCliNames, RomanizeUnderEachScheme) {
  auto run = run_archive({"names", "romanize"}, "Вячеслав Молотов\nمحمدرضا پهلوی\nStalin\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "Вячеслав Молотов\tVyacheslav Molotov\n"
            "محمدرضا پهلوی\tMohammad Reza Pahlavi\n"
            "Stalin\tStalin\n");
  run = run_archive({"names", "romanize", "--scheme", "iso9"}, "Хрущёв\n");
  EXPECT_EQ(run.out, "Хрущёв\tHruŝëv\n");
  run = run_archive({"names", "romanize", "--scheme", "ala-lc", "--no-ties"}, "Вячеслав\n");
  EXPECT_EQ(run.out, "Вячеслав\tViacheslav\n");
}

TEST(ArchiveCliNames, RomanizeReportsWhatItCannotDoAndGoesOn) {
  const auto run =
      run_archive({"names", "romanize", "--scheme", "iso9"}, "پهلوی\nBag\xFFirov\nМолотов\n");
  EXPECT_EQ(run.exit_code, 0);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("پهلوی\terror: ", 0), 0u) << lines[0];
  EXPECT_NE(lines[1].find("\terror: invalid UTF-8"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2], "Молотов\tMolotov");
}

TEST(ArchiveCliNames, KeysAreSpaceSeparatedAndShared) {
  const auto run = run_archive({"names", "keys"}, "Багиров\nBagirov\n");
  EXPECT_EQ(run.exit_code, 0);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 2u);
  const auto cyrillic = columns_of(lines[0]);
  const auto latin = columns_of(lines[1]);
  ASSERT_EQ(cyrillic.size(), 2u);
  ASSERT_EQ(latin.size(), 2u);
  EXPECT_NE((" " + cyrillic[1] + " ").find(" bagirov "), std::string::npos) << cyrillic[1];
  EXPECT_NE((" " + latin[1] + " ").find(" bagirov "), std::string::npos) << latin[1];
}

TEST(ArchiveCliNames, MatchPrintsBothNamesScoreAndVerdict) {
  const auto run = run_archive({"names", "match"},
                               "M.D. Bagirov\tМир Джафар Багиров\n"
                               "Bagirov\tMolotov\n"
                               "only one name\n");
  EXPECT_EQ(run.exit_code, 0);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 3u);
  const auto same = columns_of(lines[0]);
  ASSERT_EQ(same.size(), 4u);
  EXPECT_EQ(same[0], "M.D. Bagirov");
  EXPECT_EQ(same[1], "Мир Джафар Багиров");
  EXPECT_EQ(same[2].size(), 5u) << "three decimals: " << same[2];
  EXPECT_EQ(same[3], "match");
  const auto different = columns_of(lines[1]);
  ASSERT_EQ(different.size(), 4u);
  EXPECT_EQ(different[3], "nomatch");
  EXPECT_EQ(lines[2].rfind("only one name\terror: ", 0), 0u) << lines[2];
}

TEST(ArchiveCliNames, MatchThresholdDecides) {
  const auto strict = run_archive({"names", "match", "--threshold", "1"}, "Bagirov\tBagirova\n");
  ASSERT_EQ(columns_of(lines_of(strict.out).at(0)).size(), 4u);
  EXPECT_EQ(columns_of(lines_of(strict.out).at(0))[3], "nomatch");
  const auto lenient = run_archive({"names", "match", "--threshold", "0"}, "Bagirov\tMolotov\n");
  EXPECT_EQ(columns_of(lines_of(lenient.out).at(0))[3], "match");
  EXPECT_EQ(run_archive({"names", "match", "--threshold", "2"}).exit_code, 2);
}

TEST(ArchiveCliNames, MatchThresholdMustBeANumberFromZeroToOne) {
  for (const char* bad : {"nan", "NaN", "-nan", "inf", "-inf", "-0.1", "1.01", "0.75x", ""}) {
    const auto run = run_archive({"names", "match", "--threshold", bad}, "Bagirov\tBagirova\n");
    EXPECT_EQ(run.exit_code, 2) << bad << ": " << run.out;
    EXPECT_TRUE(run.out.empty()) << bad << ": " << run.out;
    EXPECT_NE(run.err.find("--threshold"), std::string::npos) << run.err;
  }
  EXPECT_EQ(run_archive({"names", "match", "--threshold", "0.5"}, "Bagirov\tBagirova\n").exit_code,
            0);
}

// Batch mode: one output line per input line. A line of three names is not a pair: it gives
// the whole line and an error, and the run goes on.
TEST(ArchiveCliNames, MatchRefusesALineWithMoreThanTwoNames) {
  const auto run = run_archive({"names", "match"}, "Bagirov\tBagirova\tMolotov\nStalin\tСталин\n");
  EXPECT_EQ(run.exit_code, 0);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 2u) << run.out;
  EXPECT_EQ(lines[0], "Bagirov Bagirova Molotov\terror: expected 2 tab-separated values, found 3");
  const auto pair = columns_of(lines[1]);
  ASSERT_EQ(pair.size(), 4u) << lines[1];
  EXPECT_EQ(pair[0], "Stalin");
  EXPECT_EQ(pair[1], "Сталин");
  EXPECT_EQ(pair[3], "match");
}

TEST(ArchiveCliNames, ParseGivesTheFixedColumns) {
  const auto run = run_archive({"names", "parse"}, "Pahlavi, Mohammad Reza\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "Pahlavi, Mohammad Reza\tMohammad Reza\t\tPahlavi\t\n");
}

}  // namespace
