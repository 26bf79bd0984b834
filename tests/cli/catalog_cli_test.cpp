// `archive import`, `search`, `count`, `show`, `stats` and `export` on a catalog file made
// from the sample collection (the seed page).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_harness.hpp"
#include "storage/temp_dir.hpp"
#include "tsv.hpp"

namespace {

using archive_test::run_archive;

const std::string kSample = std::string(ARCHIVE_SOURCE_DIR) + "/data/sample_collection.jsonl";
const std::string kDecree = "doc-1945-07-06-politburo-decree";

class CatalogCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("catalog.db");
    const auto run = run_archive({"import", "--into", db_, kSample});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    ASSERT_NE(run.err.find("imported 21 records (5 documents, 3 collections, 8 people, 5 "
                           "organizations)"),
              std::string::npos)
        << run.err;
  }
  archive_test::TempDir dir_;
  std::string db_;
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

TEST_F(CatalogCli, ImportKeepsTheIndexBesideTheCatalog) {
  EXPECT_TRUE(std::filesystem::exists(db_ + ".index"));
  const auto stats = run_archive({"stats", "--in", db_});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("documents\t5\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("people\t8\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("index\tloaded\n"), std::string::npos) << stats.out;
}

TEST_F(CatalogCli, SearchPrintsTheFixedColumnsBestFirst) {
  const auto run = run_archive({"search", "--in", db_, "Багиров"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const auto hits = lines(run.out);
  ASSERT_EQ(hits.size(), 2u) << run.out;
  for (const auto& hit : hits) {
    const auto fields = archive_test::split_tabs(hit);
    ASSERT_EQ(fields.size(), 5u) << hit;
    EXPECT_EQ(fields[1].size(), fields[1].find('.') + 5) << "four decimals: " << fields[1];
    EXPECT_EQ(fields[2].size(), 10u) << hit;  // YYYY-MM-DD
  }
  EXPECT_GE(std::stod(archive_test::split_tabs(hits[0])[1]),
            std::stod(archive_test::split_tabs(hits[1])[1]));
}

TEST_F(CatalogCli, SearchPagesWithLimitAndOffset) {
  const auto all = lines(run_archive({"search", "--in", db_, "sort:date"}).out);
  ASSERT_EQ(all.size(), 5u);
  const auto page =
      lines(run_archive({"search", "--in", db_, "--limit", "2", "--offset", "1", "sort:date"}).out);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0], all[1]);
  EXPECT_EQ(page[1], all[2]);
  EXPECT_EQ(archive_test::split_tabs(all[0])[0], kDecree);
}

TEST_F(CatalogCli, LimitAndOffsetMustBeWholeNumbersInRange) {
  for (const char* option : {"--limit", "--offset"}) {
    for (const char* value : {"-1", "99999999999999999999", "18446744073709551615", "1000000001",
                              "1.5", "20x", "", "0x10"}) {
      const auto run = run_archive({"search", "--in", db_, option, value, "stalin"});
      EXPECT_EQ(run.exit_code, 2) << option << ' ' << value << ": " << run.out;
      EXPECT_NE(run.err.find(option), std::string::npos) << run.err;
      EXPECT_NE(run.err.find("a whole number from 0 to 1000000000"), std::string::npos)
          << option << ' ' << value << ": " << run.err;
      EXPECT_TRUE(run.out.empty()) << run.out;
    }
  }
  EXPECT_EQ(
      lines(run_archive({"search", "--in", db_, "--limit", "1000000000", "sort:date"}).out).size(),
      5u);
  EXPECT_TRUE(run_archive({"search", "--in", db_, "--limit", "0", "sort:date"}).out.empty());
  EXPECT_TRUE(
      run_archive({"search", "--in", db_, "--offset", "1000000000", "sort:date"}).out.empty());
}

// A query that begins with '-' (an exclusion) is the query, after `--` or on its own.
TEST_F(CatalogCli, AQueryBeginningWithMinusIsTheQuery) {
  const auto all = lines(run_archive({"search", "--in", db_, "sort:date"}).out);
  const auto telegrams = run_archive({"count", "--in", db_, "telegram"});
  ASSERT_EQ(telegrams.out, "1\n") << telegrams.err;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"search", "--in", db_, "--", "-telegram"},
           {"search", "--in", db_, "-telegram"},
           {"search", "-telegram", "--in", db_},
           {"search", "--in", db_, "--limit", "10", "-telegram"}}) {
    const auto run = run_archive(args);
    EXPECT_EQ(run.exit_code, 0) << args[1] << ": " << run.err;
    EXPECT_EQ(lines(run.out).size(), 4u) << run.out;
  }
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"count", "--in", db_, "--", "-telegram"}, {"count", "--in", db_, "-telegram"}}) {
    const auto run = run_archive(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "4\n");
  }
  const auto phrase = run_archive({"count", "--in", db_, "-\"red army\" -(stalin OR molotov)"});
  EXPECT_EQ(phrase.exit_code, 0) << phrase.err;
  // Options are still options, a mistyped one is still an error, and two queries are one too
  // many (a query of several words is one argument).
  EXPECT_EQ(run_archive({"search", "--in", db_, "--limt", "5", "stalin"}).exit_code, 2);
  const auto two = run_archive({"search", "--in", db_, "stalin", "-telegram"});
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_NE(two.err.find("-telegram"), std::string::npos) << two.err;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"search", "--in", db_}, {"search", "--in", db_, "--"}, {"count", "--in", db_}}) {
    const auto none = run_archive(args);
    EXPECT_EQ(none.exit_code, 2) << args.back();
    EXPECT_NE(none.err.find("QUERY is required"), std::string::npos) << none.err;
  }
  const auto help = run_archive({"search", "--help"});
  EXPECT_NE(help.out.find("archive search -- -telegram"), std::string::npos) << help.out;
}

TEST_F(CatalogCli, AWordWithNothingToSearchForIsAnError) {
  const auto run = run_archive({"search", "--in", db_, "stalin OR %"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(run.out.empty()) << run.out;
  EXPECT_NE(run.err.find("'%' has no letters or digits to search for (at byte 10)"),
            std::string::npos)
      << run.err;
  const auto batch = run_archive({"count", "--in", db_, "-"}, "bagirov -*\nbagirov\n");
  EXPECT_EQ(lines(batch.out),
            (std::vector<std::string>{
                "bagirov -*\terror: '*' has no letters or digits to search for (at byte 9)",
                "bagirov\t2"}));
}

TEST_F(CatalogCli, SearchAsJsonWithFacets) {
  const auto run =
      run_archive({"search", "--in", db_, "--format", "json", "--facets", "sort:date"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"total\": 5"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"decade\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"1940s\""), std::string::npos) << run.out;
}

TEST_F(CatalogCli, BatchSearchAndCountGoOnAfterABadQuery) {
  const auto count =
      run_archive({"count", "--in", db_, "-"}, "person:kyanuri\n(broken\ndate:=1945-07\n");
  EXPECT_EQ(count.exit_code, 0) << count.err;
  EXPECT_EQ(lines(count.out),
            (std::vector<std::string>{"person:kyanuri\t1",
                                      "(broken\terror: '(' without a matching ')' (at byte 0)",
                                      "date:=1945-07\t2"}));
  const auto search = run_archive({"search", "--in", db_, "-"}, "date:=1945-07 sort:date\n)\n");
  const auto hits = lines(search.out);
  ASSERT_EQ(hits.size(), 3u) << search.out;
  EXPECT_EQ(archive_test::split_tabs(hits[0]).size(), 6u);
  EXPECT_EQ(archive_test::split_tabs(hits[0])[1], kDecree);
  EXPECT_EQ(hits[2].rfind(")\terror: ", 0), 0u) << hits[2];
}

TEST_F(CatalogCli, ShowPrintsARecordAsJson) {
  const auto run = run_archive({"show", "--in", db_, "person-bagirov"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("{\"type\":\"person\",\"id\":\"person-bagirov\"", 0), 0u) << run.out;
  const auto missing = run_archive({"show", "--in", db_, "person-nobody"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no record 'person-nobody'"), std::string::npos) << missing.err;
}

TEST_F(CatalogCli, ExportGivesBackWhatWasImported) {
  const auto run = run_archive({"export", "--in", db_});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(lines(run.out).size(), 21u);
  const auto xml = run_archive({"export", "--in", db_, "--format", "oai_dc"});
  EXPECT_NE(xml.out.find("<oai_dc:dc"), std::string::npos);
}

TEST_F(CatalogCli, ErrorsAreClearAndExitOne) {
  const auto missing = run_archive({"search", "--in", dir_.file("nope.db"), "stalin"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nope.db"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.file("nope.db")));
  const auto bad = run_archive({"search", "--in", db_, "stalin (molotov"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("(at byte 7)"), std::string::npos) << bad.err;
  const auto usage = run_archive({"search", "--in", db_, "--format", "xml", "x"});
  EXPECT_EQ(usage.exit_code, 2);
}

TEST_F(CatalogCli, ImportReportsRejectedRecordsAndKeepsTheRest) {
  const auto bad = dir_.file("bad.jsonl");
  {
    std::ofstream out(bad);
    out << R"({"type":"document","id":"doc-ok","title":"Telegram to Molotov"})" << '\n'
        << R"({"type":"document","id":"Bad Id ","title":"x"})" << '\n';
  }
  const auto run = run_archive({"import", "--into", db_, bad});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("1 rejected"), std::string::npos) << run.err;
  EXPECT_EQ(run_archive({"count", "--in", db_, "title:molotov"}).out, "1\n");
  const auto strict = run_archive({"import", "--strict", "--into", dir_.file("strict.db"), bad});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("--strict"), std::string::npos) << strict.err;
}

// Archives' own identifiers (spaces, '/', Cyrillic) are imported, shown, searched and
// exported as given; they were refused ("an id is made of a-z, 0-9 and . _ : -").
TEST_F(CatalogCli, IdentifiersAsArchivesWriteThemWorkInEveryCommand) {
  const auto file = dir_.file("ids.jsonl");
  {
    std::ofstream out(file);
    out << R"({"type":"person","id":"MS 123","name":"Mir Jafar Bagirov"})" << '\n'
        << R"({"type":"collection","id":"RG-59/Box 12","title":"Telegrams"})" << '\n'
        << R"({"type":"document","id":"Ф.17 Оп.162 Д.38","title":"Telegram to Bagirov",)"
        << R"("agents":[{"id":"MS 123","role":"recipient"}],"collections":["RG-59/Box 12"]})"
        << '\n';
  }
  const auto run = run_archive({"import", "--into", db_, file});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("0 rejected"), std::string::npos) << run.err;
  const std::string hit = "Ф.17 Оп.162 Д.38\t";
  EXPECT_EQ(run_archive({"search", "--in", db_, "person:\"MS 123\""}).out.rfind(hit, 0), 0u);
  EXPECT_EQ(run_archive({"search", "--in", db_, "collection:\"RG-59/Box 12\""}).out.rfind(hit, 0),
            0u);
  const auto shown = run_archive({"show", "--in", db_, "Ф.17 Оп.162 Д.38"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find(R"("id":"MS 123")"), std::string::npos) << shown.out;
  const auto exported = run_archive({"export", "--in", db_});
  EXPECT_NE(exported.out.find(R"("id":"RG-59/Box 12")"), std::string::npos) << exported.out;
}

// `archive import` aborted on a number out of range (exit 134), importing nothing.
TEST_F(CatalogCli, ImportReportsAnOutOfRangeNumberAndKeepsTheRest) {
  const auto bad = dir_.file("numbers.jsonl");
  {
    std::ofstream out(bad);
    out << R"({"type":"document","id":"doc-telegram-to-molotov","title":"Telegram to Molotov"})"
        << '\n'
        << R"({"type":"document","id":"doc-1945-07-06-stalin","title":"Telegram from Stalin",)"
        << R"("views":1e999})" << '\n';
  }
  const auto run = run_archive({"import", "--into", db_, bad});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("numbers.jsonl:2:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("views: number 1e999 is out of range"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("1 rejected"), std::string::npos) << run.err;
  EXPECT_EQ(run_archive({"count", "--in", db_, "title:molotov"}).out, "1\n");
}

TEST_F(CatalogCli, ImportOfUnreadableXmlExitsOneAndChangesNothing) {
  const auto malformed = dir_.file("telegrams.xml");
  const auto empty = dir_.file("empty.xml");
  {
    std::ofstream(malformed) << "<OAI-PMH><ListRecords><record>Telegram from Stalin</ListRecords>";
    std::ofstream{empty};
  }
  for (const auto& file : {malformed, empty}) {
    const auto run = run_archive({"import", "--into", db_, file});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.err.find(file + ":1:"), std::string::npos) << run.err;
  }
  const auto stats = run_archive({"stats", "--in", db_});
  EXPECT_NE(stats.out.find("documents\t5\n"), std::string::npos) << stats.out;
}

TEST_F(CatalogCli, ImportWithAMissingFileImportsNothingOfTheOthers) {
  const auto good = dir_.file("good.jsonl");
  std::ofstream(good) << R"({"type":"document","id":"doc-ok","title":"Telegram to Molotov"})"
                      << '\n';
  const auto missing = dir_.file("missing.jsonl");
  const auto run = run_archive({"import", "--into", db_, good, missing});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("cannot open " + missing), std::string::npos) << run.err;
  EXPECT_EQ(run_archive({"count", "--in", db_, "title:molotov"}).out, "0\n");
}

TEST(CatalogCliNew, ImportThatReadsNothingLeavesNoCatalogBehind) {
  archive_test::TempDir dir;
  const auto malformed = dir.file("telegrams.xml");
  std::ofstream(malformed) << "<oai_dc:dc>Телеграмма Сталина Багирову";
  std::filesystem::create_directory(dir.file("folder.jsonl"));
  const std::pair<std::string, std::string> inputs[] = {
      {dir.file("missing.jsonl"), "cannot open"},
      {dir.file("folder.jsonl"), "is a directory"},
      {malformed, "malformed XML"},
  };
  for (const auto& [input, reason] : inputs) {
    const auto db = dir.file("new.db");
    const auto run = run_archive({"import", "--into", db, input});
    EXPECT_EQ(run.exit_code, 1) << input;
    EXPECT_NE(run.err.find(reason), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(db)) << input;
    EXPECT_FALSE(std::filesystem::exists(db + ".index")) << input;
  }
  // An import of an empty file that could be read still creates the (empty) catalog.
  const auto nothing = dir.file("nothing.jsonl");
  std::ofstream{nothing};
  const auto run = run_archive({"import", "--into", dir.file("empty.db"), nothing});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir.file("empty.db")));
}

}  // namespace
