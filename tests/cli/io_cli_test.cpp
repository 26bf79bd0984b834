// `archive validate` and `archive convert` on the sample collection and on bad files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_harness.hpp"
#include "storage/temp_dir.hpp"

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

void write_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

constexpr std::string_view kTelegramXml =
    "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<dc:identifier>doc-1945-07-telegram-stalin-to-bagirov</dc:identifier>\n"
    "<dc:title>Телеграмма Сталина Багирову</dc:title>\n"
    "</oai_dc:dc>\n";

TEST(ArchiveCliIo, ConvertOfUnreadableXmlExitsOneWithTheErrorOnStandardError) {
  archive_test::TempDir dir;
  std::string utf16_without_bom;
  for (const char c : kTelegramXml) {  // ASCII only matters here: "<oai_dc:dc" is enough
    utf16_without_bom += c;
    utf16_without_bom += '\0';
  }
  const std::pair<std::string, std::string> files[] = {
      {"malformed.xml", std::string(kTelegramXml.substr(0, 120))},
      {"empty.xml", ""},
      {"utf16.xml", utf16_without_bom},
      {"nul.xml", "<r>&#0;</r>"},
  };
  for (const auto& [name, content] : files) {
    const std::string path = dir.file(name);
    write_file(path, content);
    const auto run = run_archive({"convert", "--from", "oai_dc", "--to", "jsonl", path});
    EXPECT_EQ(run.exit_code, 1) << name << ": " << run.err;
    EXPECT_NE(run.err.find(path + ":"), std::string::npos) << name << ": " << run.err;
    EXPECT_EQ(run.out, "") << name;
  }
}

TEST(ArchiveCliIo, ConvertReadsUtf16XmlWithAByteOrderMark) {
  // kTelegramXml as UTF-16LE with a BOM (it is ASCII and Cyrillic: one or two UTF-8 bytes each).
  std::u16string text;
  for (std::size_t i = 0; i < kTelegramXml.size();) {
    const auto b = static_cast<unsigned char>(kTelegramXml[i]);
    if (b < 0x80) {
      text += static_cast<char16_t>(b);
      i += 1;
    } else {
      text += static_cast<char16_t>(((b & 0x1F) << 6) | (kTelegramXml[i + 1] & 0x3F));
      i += 2;
    }
  }
  std::string bytes = "\xFF\xFE";
  for (const char16_t unit : text) {
    bytes += static_cast<char>(unit & 0xFF);
    bytes += static_cast<char>(unit >> 8);
  }
  const auto run = run_archive({"convert", "--from", "oai_dc", "--to", "jsonl", "-"}, bytes);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find(R"("title":"Телеграмма Сталина Багирову")"), std::string::npos)
      << run.out << run.err;
}

TEST(ArchiveCliIo, ConvertRefusesTextXmlCannotHoldInsteadOfCuttingIt) {
  for (const std::string_view title :
       {R"(Telegram\u0000 from Stalin to Bagirov)", R"(Telegram\u0001 from Stalin to Bagirov)",
        R"(Telegram\uFFFE from Stalin to Bagirov)"}) {
    const std::string line = R"({"type":"document","id":"doc-1945-07-telegram","title":")" +
                             std::string(title) + "\"}\n";
    const auto run = run_archive({"convert", "--from", "jsonl", "--to", "oai_dc"}, line);
    EXPECT_EQ(run.exit_code, 1) << title << ": " << run.out;
    EXPECT_NE(run.err.find("doc-1945-07-telegram"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("title"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "") << title;
  }
}

TEST(ArchiveCliIo, ConvertAndValidateOfADirectoryOrAMissingFileExitOne) {
  archive_test::TempDir dir;
  for (const char* format : {"jsonl", "csv", "oai_dc"}) {
    const std::string folder = dir.file(std::string("records.") + format);
    std::filesystem::create_directory(folder);
    const auto run = run_archive({"convert", "--from", format, "--to", "jsonl", folder});
    EXPECT_EQ(run.exit_code, 1) << format << ": " << run.err;
    EXPECT_NE(run.err.find(folder + " is a directory"), std::string::npos) << run.err;
    const auto validated = run_archive({"validate", folder});
    EXPECT_EQ(validated.exit_code, 1) << format << ": " << validated.err;
    EXPECT_NE(validated.out.find("is a directory"), std::string::npos) << validated.out;

    const std::string missing = dir.file(std::string("missing.") + format);
    const auto absent = run_archive({"convert", "--from", format, "--to", "jsonl", missing});
    EXPECT_EQ(absent.exit_code, 1) << format;
    EXPECT_NE(absent.err.find(missing), std::string::npos) << absent.err;
  }
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
