// The index kept beside the store: used when it matches the store, rebuilt when it is stale,
// damaged, truncated, foreign or from another store — never trusted blindly.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "archive/catalog.hpp"
#include "archive/io/jsonl.hpp"
#include "json_files_storage.hpp"
#include "storage/run_in_child.hpp"
#include "storage/temp_dir.hpp"

namespace archive {
namespace {

namespace fs = std::filesystem;

Records sample() {
  auto read = read_jsonl_file(std::string(ARCHIVE_SOURCE_DIR) + "/data/sample_collection.jsonl");
  EXPECT_TRUE(read.has_value());
  return read ? read->records : Records{};
}

class IndexPersistence : public ::testing::Test {
 protected:
  Catalog open() {
    auto store = example::JsonFilesStorage::open(dir_.path() / "store");
    EXPECT_TRUE(store);
    auto catalog = Catalog::open(std::move(*store), {.storage = {}, .index_path = index_path()});
    EXPECT_TRUE(catalog) << catalog.error().describe();
    return std::move(*catalog);
  }
  fs::path index_path() const { return dir_.path() / "catalog.index"; }
  void fill() {
    auto c = open();
    ASSERT_TRUE(c.add(sample()));
    ASSERT_TRUE(c.flush());
  }
  // Documents naming Bagirov (the telegram to him and the decree): asked in Cyrillic, found
  // in Latin text and agents.
  static std::size_t bagirov(const Catalog& c) { return c.count("Багиров").value(); }

  archive_test::TempDir dir_;
};

TEST_F(IndexPersistence, ACurrentIndexIsLoadedNotRebuilt) {
  fill();
  auto c = open();
  EXPECT_TRUE(c.index_was_loaded());
  EXPECT_EQ(c.index_origin().rfind("loaded from ", 0), 0u) << c.index_origin();
  EXPECT_EQ(c.stats().documents, 5u);
  EXPECT_EQ(bagirov(c), 2u);
  EXPECT_EQ(c.search("date:=1945-07 sort:date").value().hits.size(), 2u);
  EXPECT_EQ(c.count("person:Kyanuri").value(), 1u);
}

TEST_F(IndexPersistence, AStaleIndexIsRebuilt) {
  fill();
  {  // The store moves on without the catalog.
    auto store = example::JsonFilesStorage::open(dir_.path() / "store").value();
    ASSERT_TRUE(store->erase(key_of(DocumentId("doc-1945-07-06-politburo-decree"))));
  }
  auto c = open();
  EXPECT_FALSE(c.index_was_loaded());
  EXPECT_NE(c.index_origin().find("is stale: generation 1, the store is at 2"), std::string::npos)
      << c.index_origin();
  EXPECT_EQ(c.stats().documents, 4u);
  EXPECT_EQ(bagirov(c), 1u);
}

TEST_F(IndexPersistence, DamagedTruncatedAndForeignIndexesAreRebuilt) {
  fill();
  const auto good = [&] {
    std::ifstream in(index_path(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  auto write = [&](const std::string& bytes) {
    std::ofstream(index_path(), std::ios::binary | std::ios::trunc) << bytes;
  };
  std::string flipped = good;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
  for (const auto& bad :
       {flipped, good.substr(0, good.size() / 3), std::string("PNG\r\n"), std::string()}) {
    write(bad);
    auto c = open();
    EXPECT_FALSE(c.index_was_loaded());
    EXPECT_NE(c.index_origin().find("not a usable index"), std::string::npos) << c.index_origin();
    EXPECT_EQ(bagirov(c), 2u);
  }
}

// Index formats 1 and 2 skipped words longer than the term limit; format 3 keeps their prefix.
// An older file lacks those terms, so it is rebuilt rather than trusted.
TEST_F(IndexPersistence, AnIndexOfAnOlderFormatIsRebuilt) {
  fill();
  const std::string good = [&] {
    std::ifstream in(index_path(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  ASSERT_GT(good.size(), 18u);
  for (const char older : {'\x01', '\x02'}) {
    std::string bytes = good;
    bytes.replace(14, 4, std::string{older, '\0', '\0', '\0'});  // the u32 format after the magic
    std::ofstream(index_path(), std::ios::binary | std::ios::trunc) << bytes;
    auto c = open();
    EXPECT_FALSE(c.index_was_loaded());
    EXPECT_NE(c.index_origin().find("index format " + std::to_string(int{older}) + " is older"),
              std::string::npos)
        << c.index_origin();
    EXPECT_EQ(bagirov(c), 2u);
  }
}

TEST_F(IndexPersistence, AnIndexOfAnotherStoreIsNotUsed) {
  fill();
  archive_test::TempDir other;
  {
    auto store = example::JsonFilesStorage::open(other.path() / "store").value();
    auto c =
        Catalog::open(std::move(store), {.storage = {}, .index_path = other.path() / "other.index"})
            .value();
    Records one;
    one.documents.push_back(sample().documents[0]);
    ASSERT_TRUE(c.add(one));  // generation 1 as well
  }
  fs::copy_file(other.path() / "other.index", index_path(), fs::copy_options::overwrite_existing);
  auto c = open();
  EXPECT_FALSE(c.index_was_loaded());
  EXPECT_NE(c.index_origin().find("belongs to another store"), std::string::npos)
      << c.index_origin();
  EXPECT_EQ(c.stats().documents, 5u);
}

TEST_F(IndexPersistence, WritesAfterLoadingAreSavedToo) {
  fill();
  {
    auto c = open();
    ASSERT_TRUE(c.index_was_loaded());
    ASSERT_TRUE(c.remove({key_of(DocumentId("doc-1957-03-01-tudeh-resolution"))}));
  }  // closing saves
  auto c = open();
  EXPECT_TRUE(c.index_was_loaded());
  EXPECT_EQ(c.count("person:kianuri").value(), 0u);
  EXPECT_EQ(c.stats().documents, 4u);
}

// An index path that is not a regular file is not read: a symlink to /dev/zero (endless), a
// FIFO (opening it for reading waits for a writer), a directory. The catalog rebuilds the
// index, says why, and answers correctly. Each open runs in a child process with a deadline,
// so a hang fails the test instead of stopping it. Closing saves the index in the path's
// place by renaming a new file over it: the symlink or FIFO itself is replaced, what a
// symlink pointed to is left alone (a symlink to a file of the user's included), and a
// directory stays as it was (the save fails, the catalog still works).
TEST_F(IndexPersistence, AnIndexPathThatIsNotARegularFileIsRebuiltNotRead) {
  fill();
  const auto victim = dir_.path() / "someone-elses-file";
  std::ofstream(victim) << "not an index, and not the catalog's to overwrite\n";
  struct Case {
    std::string name;
    std::function<void()> make;
    std::string why;      // in index_origin()
    bool saved_in_place;  // closing leaves a regular file (the saved index) at the path
  };
  const std::vector<Case> cases = {
      {"a symlink to /dev/zero", [&] { fs::create_symlink("/dev/zero", index_path()); },
       "is not a regular file but a character device", true},
      {"a FIFO", [&] { ASSERT_EQ(::mkfifo(index_path().c_str(), 0600), 0); },
       "is not a regular file but a FIFO", true},
      {"a directory",
       [&] {
         fs::create_directory(index_path());
         std::ofstream(index_path() / "inside") << "x";
       },
       "is not a regular file but a directory", false},
      {"a symlink to a file of the user's", [&] { fs::create_symlink(victim, index_path()); },
       "not a usable index", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    fs::remove_all(index_path());
    c.make();
    if (HasFatalFailure()) return;
    const auto run = archive_test::run_in_child([&](std::string& out) {
      auto store = example::JsonFilesStorage::open(dir_.path() / "store");
      if (!store) {
        out = "store: " + store.error().describe();
        return;
      }
      auto catalog = Catalog::open(std::move(*store), {.storage = {}, .index_path = index_path()});
      if (!catalog) {
        out = "catalog: " + catalog.error().describe();
        return;
      }
      std::ostringstream lines;
      lines << catalog->index_was_loaded() << "\n"
            << catalog->stats().documents << "\n"
            << bagirov(*catalog) << "\n"
            << catalog->search("date:=1945-07 sort:date").value().hits.size() << "\n"
            << catalog->index_origin();
      out = lines.str();
    });
    EXPECT_TRUE(run.ok()) << run.describe() << "; output: " << run.output;
    if (!run.ok()) continue;
    std::istringstream lines(run.output);
    std::string loaded, documents, bagirov_count, july, origin;
    std::getline(lines, loaded);
    std::getline(lines, documents);
    std::getline(lines, bagirov_count);
    std::getline(lines, july);
    std::getline(lines, origin);
    EXPECT_EQ(loaded, "0") << run.output;
    EXPECT_EQ(documents, "5") << run.output;
    EXPECT_EQ(bagirov_count, "2") << run.output;
    EXPECT_EQ(july, "2") << run.output;
    EXPECT_NE(origin.find(c.why), std::string::npos) << origin;
    EXPECT_NE(origin.find(index_path().string()), std::string::npos) << origin;

    const auto status = fs::symlink_status(index_path());
    if (c.saved_in_place) {
      EXPECT_EQ(status.type(), fs::file_type::regular) << "the saved index replaced it";
      auto again = open();
      EXPECT_TRUE(again.index_was_loaded()) << again.index_origin();
      EXPECT_EQ(bagirov(again), 2u);
    } else {
      EXPECT_EQ(status.type(), fs::file_type::directory);
      EXPECT_TRUE(fs::exists(index_path() / "inside"));
    }
  }
  std::ifstream in(victim);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}),
            "not an index, and not the catalog's to overwrite\n");
}

}  // namespace
}  // namespace archive
