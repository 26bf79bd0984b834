// The index kept beside the store: used when it matches the store, rebuilt when it is stale,
// damaged, truncated, foreign or from another store — never trusted blindly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "archive/catalog.hpp"
#include "archive/io/jsonl.hpp"
#include "json_files_storage.hpp"
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

}  // namespace
}  // namespace archive
