// `archive validate` and `archive convert` on the sample collection and on bad files.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "cli/cli_harness.hpp"

namespace {

using archive_test::run_archive;

const std::string kSample = std::string(ARCHIVE_SOURCE_DIR) + "/data/sample_collection.jsonl";

TEST(ArchiveCliIo, ValidateAcceptsTheSampleCollection) {
  const auto run = run_archive({"validate", kSample});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("21 records read, 0 rejected, 0 problems"), std::string::npos) << run.out;
}

TEST(ArchiveCliIo, ValidateReportsEveryProblemAndExitsOne) {
  const std::string path = testing::TempDir() + "archive_io_cli_bad.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << R"({"type":"document","id":"doc-a","title":"A","views":"many"})" << '\n'
        << R"({"type":"document","id":"doc-b","title":"B","date":"Juyl 6, 1945"})" << '\n'
        << R"({"type":"document","id":"doc-c","title":)" << '\n';
  }
  const auto run = run_archive({"validate", path});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("archive_io_cli_bad.jsonl:1"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("views"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("archive_io_cli_bad.jsonl:2"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("archive_io_cli_bad.jsonl:3"), std::string::npos) << run.out;
  std::remove(path.c_str());
}

TEST(ArchiveCliIo, ConvertToOaiDcAndBackKeepsTheDocuments) {
  const auto xml = run_archive({"convert", "--from", "jsonl", "--to", "oai_dc", kSample});
  EXPECT_EQ(xml.exit_code, 0) << xml.err;
  EXPECT_NE(xml.out.find("<dc:title>Telegram from the CC CP of Azerbaijan to M.D. Bagirov"),
            std::string::npos);
  EXPECT_NE(xml.out.find("<dc:date>1945-07-06</dc:date>"), std::string::npos);
  const auto back = run_archive({"convert", "--from", "oai_dc", "--to", "jsonl"}, xml.out);
  EXPECT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.out.find(R"("id":"doc-1945-07-06)"), std::string::npos) << back.out.substr(0, 400);
}

TEST(ArchiveCliIo, BadUsageExitsTwo) {
  EXPECT_EQ(run_archive({"validate"}).exit_code, 2);
  EXPECT_EQ(run_archive({"convert", "--from", "jsonl", "--to", "csv"}).exit_code, 2);
}

// A number out of range once aborted `validate` and `convert` on an uncaught exception (exit
// 134); now it is one more problem and the other records are read.
TEST(ArchiveCliIo, OutOfRangeNumberIsReportedAndTheRunGoesOn) {
  const std::string path = testing::TempDir() + "archive_io_cli_numbers.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << R"({"type":"document","id":"doc-1945-07-06-stalin-bagirov",)"
        << R"("title":"Telegram from Stalin to Bagirov","views":1e999})" << '\n'
        << R"({"type":"person","id":"person-molotov","name":"Vyacheslav Molotov","x":)"
        << std::string(100000, '7') << "}\n"
        << R"({"type":"person","id":"person-bagirov","name":"Mir Jafar Bagirov"})" << '\n';
  }
  const auto run = run_archive({"validate", path});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("archive_io_cli_numbers.jsonl:1:107: views: number 1e999 is out of range"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("archive_io_cli_numbers.jsonl:2:72: x: number 7777"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("1 records read, 2 rejected"), std::string::npos) << run.out;

  const auto converted = run_archive({"convert", "--from", "jsonl", "--to", "jsonl", path});
  EXPECT_EQ(converted.exit_code, 1) << converted.err;
  EXPECT_NE(converted.err.find("views: number 1e999 is out of range"), std::string::npos)
      << converted.err;
  EXPECT_NE(converted.out.find(R"("name":"Mir Jafar Bagirov")"), std::string::npos)
      << converted.out;
  std::remove(path.c_str());
}

}  // namespace
