// The `archive` program's text subcommands in batch mode (docs/design.md, "Command line,
// batch mode"): one value per input line, one `input<TAB>result` line per input line, in order;
// `error:` for a value that cannot be handled; exit 0 when it ran, 2 on bad usage.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "archive/version.hpp"
#include "cli/cli_harness.hpp"

namespace {

using archive_test::lines_of;
using archive_test::Outcome;
using archive_test::run_archive;

// --- version, help, usage ----------------------------------------------------------------

TEST(ArchiveCli, VersionPrintsTheProgramNameAndVersion) {
  const Outcome run = run_archive({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "archive " + std::string(archive::kVersion) + "\n");
}

TEST(ArchiveCli, HelpExitsZeroForEveryTextCommand) {
  const std::vector<std::vector<std::string>> commands = {
      {"--help"},
      {"text", "--help"},
      {"text", "fold", "--help"},
      {"text", "script", "--help"},
      {"text", "segment", "--help"},
  };
  for (const auto& args : commands) {
    const Outcome run = run_archive(args);
    SCOPED_TRACE(testing::PrintToString(args));
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("Usage:"), std::string::npos) << run.out;
  }
}

TEST(ArchiveCli, HelpNamesTheSubcommands) {
  EXPECT_NE(run_archive({"--help"}).out.find("text"), std::string::npos);
  const std::string text_help = run_archive({"text", "--help"}).out;
  EXPECT_NE(text_help.find("fold"), std::string::npos) << text_help;
  EXPECT_NE(text_help.find("script"), std::string::npos) << text_help;
  EXPECT_NE(text_help.find("segment"), std::string::npos) << text_help;
  EXPECT_NE(run_archive({"text", "script", "--help"}).out.find("--tokens"), std::string::npos);
  EXPECT_NE(run_archive({"text", "segment", "--help"}).out.find("--fold"), std::string::npos);
}

TEST(ArchiveCli, BadUsageExitsTwo) {
  const std::vector<std::vector<std::string>> commands = {
      {},                               // no subcommand
      {"frob"},                         // unknown subcommand
      {"--frob"},                       // unknown flag
      {"text"},                         // no text subcommand
      {"text", "frob"},                 // unknown text subcommand
      {"text", "fold", "--frob"},       // unknown flag of a subcommand
      {"text", "segment", "--tokens"},  // a flag of another subcommand
      {"text", "fold", "Bagirov"},      // values come on standard input, not as arguments
  };
  for (const auto& args : commands) {
    const Outcome run = run_archive(args, "Bagirov\n");
    SCOPED_TRACE(testing::PrintToString(args));
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err, "");
  }
}

TEST(ArchiveCli, NamesAnUnknownCommand) {
  EXPECT_NE(run_archive({"frob"}).err.find("unknown command 'frob'"), std::string::npos);
  EXPECT_NE(run_archive({"text", "frob"}).err.find("unknown command 'frob'"), std::string::npos);
}

// --- batch mode --------------------------------------------------------------------------

TEST(ArchiveCliFold, WritesOneTsvLinePerInputLineInOrder) {
  const Outcome run = run_archive({"text", "fold"},
                                  "Bağırov\nЁлкин\nMosaddegh\n\nمی\u200Cخواهم\n۱۵ شهریور ۱۳۲۵\n"
                                  "CC CPSU Politburo\nStraße\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "Bağırov\tbagirov\n"
            "Ёлкин\tелкин\n"
            "Mosaddegh\tmosaddegh\n"
            "\t\n"
            "می\u200Cخواهم\tمیخواهم\n"
            "۱۵ شهریور ۱۳۲۵\t15 شهریور 1325\n"
            "CC CPSU Politburo\tcc cpsu politburo\n"
            "Straße\tstrasse\n");
}

TEST(ArchiveCliFold, KeepsTheOrderOfManyLines) {
  std::string input;
  for (int i = 0; i < 2000; ++i)
    input += "Document " + std::to_string(1945 + i) + " Багиров\n";
  const Outcome run = run_archive({"text", "fold"}, input);
  EXPECT_EQ(run.exit_code, 0);
  const std::vector<std::string> lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 2000u);
  for (int i = 0; i < 2000; ++i) {
    const std::string year = std::to_string(1945 + i);
    ASSERT_EQ(lines[static_cast<std::size_t>(i)],
              "Document " + year + " Багиров\tdocument " + year + " багиров");
  }
}

TEST(ArchiveCliFold, HandlesCrlfLineEndings) {
  const Outcome run = run_archive({"text", "fold"}, "Bağırov\r\nMolotov\r\n\r\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "Bağırov\tbagirov\nMolotov\tmolotov\n\t\n");
}

TEST(ArchiveCliFold, HandlesALastLineWithoutNewline) {
  const Outcome run = run_archive({"text", "fold"}, "Stalin\nMolotov");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "Stalin\tstalin\nMolotov\tmolotov\n");
}

TEST(ArchiveCliFold, WritesNothingForEmptyInput) {
  const Outcome run = run_archive({"text", "fold"}, "");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
}

TEST(ArchiveCliFold, ReportsInvalidUtf8AndGoesOn) {
  const Outcome run = run_archive({"text", "fold"},
                                  "Bağırov\nMir\x80"
                                  "Bagirov\nab\xE2\x82\nНасер\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "Bağırov\tbagirov\n"
            "Mir\xEF\xBF\xBD"
            "Bagirov\terror: invalid UTF-8: unexpected continuation byte 0x80 "
            "(at byte 3)\n"
            "ab\xEF\xBF\xBD\terror: invalid UTF-8: truncated sequence starting with byte 0xE2 "
            "(at byte 2)\n"
            "Насер\tнасер\n");
}

TEST(ArchiveCliFold, KeepsTwoColumnsWhenAValueHoldsATab) {
  const Outcome run = run_archive({"text", "fold"}, "Stalin\tMolotov\n");
  EXPECT_EQ(run.exit_code, 0);
  const std::vector<std::string> lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(std::count(lines[0].begin(), lines[0].end(), '\t'), 1) << lines[0];
  EXPECT_EQ(lines[0].substr(0, lines[0].find('\t')), "Stalin Molotov");
}

TEST(ArchiveCliSegment, WritesSpaceSeparatedTokens) {
  const Outcome run = run_archive(
      {"text", "segment"},
      "Telegram from the CC CP of Azerbaijan to M.D. Bagirov on the Soviet-Iranian agreement\n"
      "И.В. Сталин\n"
      "Resolution of the CC of the People's Party of Iran of 1 March 1957\n"
      "۱۵ شهریور ۱۳۲۵\n"
      "می\u200Cخواهم\n"
      "(...)\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "Telegram from the CC CP of Azerbaijan to M.D. Bagirov on the Soviet-Iranian "
            "agreement\tTelegram from the CC CP of Azerbaijan to M D Bagirov on the Soviet "
            "Iranian agreement\n"
            "И.В. Сталин\tИ В Сталин\n"
            "Resolution of the CC of the People's Party of Iran of 1 March 1957\tResolution of "
            "the CC of the People's Party of Iran of 1 March 1957\n"
            "۱۵ شهریور ۱۳۲۵\t۱۵ شهریور ۱۳۲۵\n"
            "می\u200Cخواهم\tمی\u200Cخواهم\n"
            "(...)\t\n");
}

TEST(ArchiveCliSegment, FoldsTokensWithFold) {
  const Outcome run =
      run_archive({"text", "segment", "--fold"},
                  "Mir Cəfər Bağırov\nМ.Д. Багиров\nمی\u200Cخواهم ۱۵ شهریور ۱۳۲۵\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "Mir Cəfər Bağırov\tmir cəfər bagirov\n"
            "М.Д. Багиров\tм д багиров\n"
            "می\u200Cخواهم ۱۵ شهریور ۱۳۲۵\tمیخواهم 15 شهریور 1325\n");
}

TEST(ArchiveCliSegment, ReportsInvalidUtf8AndGoesOn) {
  const Outcome run = run_archive({"text", "segment"}, "J.V.\xFF Stalin\nJ.V. Stalin\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "J.V.\xEF\xBF\xBD Stalin\terror: invalid UTF-8: byte 0xFF cannot start a character "
            "(at byte 4)\n"
            "J.V. Stalin\tJ V Stalin\n");
}

TEST(ArchiveCliScript, WritesTheScriptOfEachLine) {
  const Outcome run = run_archive({"text", "script"},
                                  "Мир Джафар Багиров\nمحمدرضا پهلوی\nNaser Fakhr Arai\nBağırov\n"
                                  "Stalin Сталин\nΕλλάδα\n1946\n\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "Мир Джафар Багиров\tcyrillic\n"
            "محمدرضا پهلوی\tarabic\n"
            "Naser Fakhr Arai\tlatin\n"
            "Bağırov\tlatin\n"
            "Stalin Сталин\tmixed\n"
            "Ελλάδα\tother\n"
            "1946\tnone\n"
            "\tnone\n");
}

TEST(ArchiveCliScript, WritesTheScriptOfEachTokenWithTokens) {
  const Outcome run = run_archive({"text", "script", "--tokens"},
                                  "M.D. Bagirov\n۱۵ شهریور ۱۳۲۵\nStalin и Молотов, 1943\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "M.D. Bagirov\tM:latin D:latin Bagirov:latin\n"
            "۱۵ شهریور ۱۳۲۵\t۱۵:number شهریور:arabic ۱۳۲۵:number\n"
            "Stalin и Молотов, 1943\tStalin:latin и:cyrillic Молотов:cyrillic 1943:number\n");
}

TEST(ArchiveCliScript, ReportsInvalidUtf8AndGoesOn) {
  for (const bool tokens : {false, true}) {
    std::vector<std::string> args = {"text", "script"};
    if (tokens) args.emplace_back("--tokens");
    const Outcome run = run_archive(args, "\xC0\x80\nStalin");
    EXPECT_EQ(run.exit_code, 0);
    const std::vector<std::string> lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 2u) << run.out;
    EXPECT_EQ(lines[0],
              "\xEF\xBF\xBD\xEF\xBF\xBD\terror: invalid UTF-8: byte 0xC0 cannot start a "
              "character (at byte 0)");
    EXPECT_EQ(lines[1], tokens ? "Stalin\tStalin:latin" : "Stalin\tlatin");
  }
}

}  // namespace
