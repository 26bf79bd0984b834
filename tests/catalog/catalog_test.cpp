// The Catalog over the sample collection (data/sample_collection.jsonl, the seed page):
// cross-script search, agents, fuzzy date ranges with both semantics, facets, sorting,
// and updates and deletes visible at once.
#include "archive/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "archive/io/jsonl.hpp"
#include "storage/temp_dir.hpp"

namespace archive {
namespace {

Records sample() {
  auto read = read_jsonl_file(std::string(ARCHIVE_SOURCE_DIR) + "/data/sample_collection.jsonl");
  EXPECT_TRUE(read.has_value());
  return read ? read->records : Records{};
}

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = Catalog::open("memory:");
    ASSERT_TRUE(c) << c.error().describe();
    catalog_ = std::make_unique<Catalog>(std::move(*c));
    auto added = catalog_->add(sample());
    ASSERT_TRUE(added) << added.error().describe();
  }

  std::vector<std::string> ids(std::string_view query, SearchOptions options = {}) {
    auto r = catalog_->search(query, options);
    EXPECT_TRUE(r) << query << ": " << (r ? "" : r.error().describe());
    std::vector<std::string> out;
    if (r) {
      for (const auto& h : r->hits)
        out.push_back(h.id.str());
    }
    return out;
  }
  std::vector<std::string> sorted_ids(std::string_view query) {
    auto v = ids(query);
    std::sort(v.begin(), v.end());
    return v;
  }

  std::unique_ptr<Catalog> catalog_;
};

const std::string kDecree = "doc-1945-07-06-politburo-decree";
const std::string kInstructions = "doc-1945-07-14-secret-soviet-instructions";
const std::string kTelegram = "doc-1946-04-12-telegram-cc-cp-azerbaijan-to-bagirov";
const std::string kShahLetter = "doc-1946-09-05-letter-shah-to-stalin";
const std::string kTudeh = "doc-1957-03-01-tudeh-resolution";

TEST_F(CatalogTest, BareWordsFindDocumentsContainingAllOfThem) {
  EXPECT_EQ(ids("generalissimo stalin"), std::vector<std::string>{kShahLetter});
  EXPECT_EQ(catalog_->count("azerbaijan").value(), 3u);
  EXPECT_TRUE(ids("nonexistentword").empty());
}

TEST_F(CatalogTest, NamesAreFoundInEveryScriptAndSpelling) {
  for (std::string_view q : {"Stalin", "Сталин", "استالین", "stalin"}) {
    auto found = ids(q);
    EXPECT_NE(std::find(found.begin(), found.end(), kShahLetter), found.end()) << q;
  }
  for (std::string_view q : {"Bagirov", "Багиров", "Baghirov", "Bağırov"}) {
    auto found = ids(q);
    EXPECT_NE(std::find(found.begin(), found.end(), kTelegram), found.end()) << q;
  }
  // Kianuri is named only as an agent of the Tudeh resolution: agents' names are indexed too.
  for (std::string_view q : {"Kianuri", "Kyanuri", "کیانوری", "Киянури"}) {
    EXPECT_EQ(ids(q), std::vector<std::string>{kTudeh}) << q;
  }
}

TEST_F(CatalogTest, PersonFieldMatchesAgentsByName) {
  auto by_latin = sorted_ids("person:bagirov");
  EXPECT_FALSE(by_latin.empty());
  EXPECT_EQ(sorted_ids("person:Багиров"), by_latin);
  EXPECT_EQ(sorted_ids("person:\"M.D. Bagirov\""), by_latin);
  EXPECT_TRUE(ids("person:politburo").empty());  // an organization, not a person
  EXPECT_FALSE(ids("org:politburo").empty());
}

TEST_F(CatalogTest, DateRangesPossiblyOverlapOrCertainlyWithin) {
  EXPECT_EQ(sorted_ids("date:1945..1946"),
            (std::vector<std::string>{kDecree, kInstructions, kTelegram, kShahLetter}));
  EXPECT_EQ(sorted_ids("date:=1945-07"), (std::vector<std::string>{kDecree, kInstructions}));
  EXPECT_EQ(sorted_ids("date:1957.."), std::vector<std::string>{kTudeh});
  EXPECT_TRUE(ids("date:unknown").empty());
}

TEST_F(CatalogTest, SortsByDateAndPopularity) {
  auto by_date = ids("sort:date");
  ASSERT_EQ(by_date.size(), 5u);
  EXPECT_EQ(by_date.front(), kDecree);
  EXPECT_EQ(by_date.back(), kTudeh);
  auto latest_first = ids("sort:-date");
  EXPECT_EQ(latest_first.front(), kTudeh);
  auto popular = catalog_->search("sort:popularity").value();
  for (std::size_t i = 1; i < popular.hits.size(); ++i) {
    EXPECT_GE(popular.hits[i - 1].views, popular.hits[i].views);
  }
}

TEST_F(CatalogTest, FacetsCountOverAllMatches) {
  auto r = catalog_->search("sort:date", {.limit = 1, .facets = true}).value();
  EXPECT_EQ(r.total, 5u);
  EXPECT_EQ(r.hits.size(), 1u);
  ASSERT_FALSE(r.facets.decades.empty());
  EXPECT_EQ(r.facets.decades[0].value, "1940s");
  EXPECT_EQ(r.facets.decades[0].count, 4u);
  ASSERT_FALSE(r.facets.collections.empty());
  EXPECT_FALSE(r.facets.collections[0].label.empty());
  EXPECT_FALSE(r.facets.agents.empty());
}

// offset + limit used to wrap: the largest limit with an offset of 1 gave no hits at all.
TEST_F(CatalogTest, TheLargestLimitStillPagesFromTheOffset) {
  const auto all = ids("sort:date");
  ASSERT_EQ(all.size(), 5u);
  SearchOptions options;
  options.limit = std::numeric_limits<std::size_t>::max();
  options.offset = 1;
  EXPECT_EQ(ids("sort:date", options), std::vector<std::string>(all.begin() + 1, all.end()));
  options.offset = std::numeric_limits<std::size_t>::max();
  EXPECT_TRUE(ids("sort:date", options).empty());
}

TEST_F(CatalogTest, UpdatesAndDeletesAreVisibleAtOnce) {
  auto d = std::get<Document>(catalog_->get(key_of(DocumentId(kTudeh))).value());
  d.title = "Resolution about the Kremlin archives";
  Records change;
  change.documents.push_back(d);
  ASSERT_TRUE(catalog_->update(change));
  EXPECT_EQ(ids("kremlin"), std::vector<std::string>{kTudeh});
  EXPECT_TRUE(ids("title:\"people's party\"").empty());
  ASSERT_TRUE(catalog_->remove({key_of(DocumentId(kTudeh))}));
  EXPECT_TRUE(ids("kremlin").empty());
  EXPECT_EQ(catalog_->count("sort:date").value(), 4u);
}

TEST_F(CatalogTest, AddRefusesExistingIdsAndUpdateMissingOnes) {
  auto again = catalog_->add(sample());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::already_exists);
  Records missing;
  Document d;
  d.id = DocumentId("doc-missing");
  d.title = "x";
  missing.documents.push_back(d);
  auto update = catalog_->update(missing);
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().code, ErrorCode::not_found);
}

TEST_F(CatalogTest, MalformedQueriesAreErrorsWithOffsets) {
  auto r = catalog_->search("stalin (molotov");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::parse_error);
  EXPECT_EQ(r.error().offset, 7u);
}

// A word that folds to no term used to match every document: `stalin OR %` gave all five,
// `bagirov -*` none. The parser refuses it with its offset, as it refuses "".
TEST_F(CatalogTest, WordsWithNothingToSearchForAreErrorsNotEveryDocument) {
  struct Case {
    std::string_view query;
    std::size_t offset;
  };
  for (const Case& c :
       {Case{"stalin OR %", 10}, Case{"bagirov -*", 9}, Case{"%", 0}, Case{":", 0},
        Case{"\"% %\"", 0}, Case{"title:%", 6}, Case{"person:%", 7}, Case{"collection:*", 11}}) {
    auto searched = catalog_->search(c.query);
    ASSERT_FALSE(searched) << c.query << " gave " << searched->total << " documents";
    EXPECT_EQ(searched.error().code, ErrorCode::parse_error) << c.query;
    EXPECT_EQ(searched.error().offset, c.offset) << c.query;
    auto counted = catalog_->count(c.query);
    ASSERT_FALSE(counted) << c.query << " counted " << *counted;
    EXPECT_EQ(counted.error().offset, c.offset) << c.query;
  }
  EXPECT_EQ(catalog_->count("stalin").value(), 1u);
  EXPECT_EQ(catalog_->count("bagirov").value(), 2u);
}

// The builder makes trees the parser would refuse; searching them is an error too, never every
// document (nor, under an exclusion, none).
TEST_F(CatalogTest, BuiltQueriesWithNothingToSearchForAreErrors) {
  const Query queries[] = {
      Query{query::any_of({query::word("stalin"), query::word("%")})},
      Query{query::all_of({query::word("bagirov"), query::exclude(query::word("*"))})},
      Query{query::phrase("% %")},
      Query{query::person("%")},
      Query{query::collection("*")},
  };
  for (const auto& q : queries) {
    auto searched = catalog_->search(q);
    ASSERT_FALSE(searched) << q.to_string() << " gave " << searched->total << " documents";
    EXPECT_EQ(searched.error().code, ErrorCode::invalid_argument) << q.to_string();
    EXPECT_NE(searched.error().message.find("has no letters or digits to search for"),
              std::string::npos)
        << searched.error().message;
    EXPECT_FALSE(catalog_->count(q)) << q.to_string();
  }
  // type: and lang: compare whole values: one that is only punctuation matches no document.
  EXPECT_EQ(catalog_->count(Query{query::doc_type("%")}).value(), 0u);
  EXPECT_EQ(catalog_->count("lang:*").value(), 0u);
}

// Words longer than the term limit (120 bytes after folding) are cut to their longest prefix
// of whole UTF-8 characters that fits, at index and at query time alike: such a word finds
// itself, and so does any word with the same first 120 bytes (the documented rule).
TEST_F(CatalogTest, AWordLongerThanTheTermLimitFindsItself) {
  std::string latin;  // 200 bytes: stalinmolotovbagirov…
  while (latin.size() < 200)
    latin += "stalinmolotovbagirov";
  latin.resize(200);
  std::string cyrillic = "x";  // 1 + 15 × 14 bytes: the 120-byte cut falls inside a letter
  for (int i = 0; i < 15; ++i)
    cyrillic += "Багиров";
  Records added;
  Document d;
  d.id = DocumentId("doc-1946-telegram-long-words");
  d.title = "Telegram " + latin + " to Baku " + cyrillic;
  added.documents.push_back(d);
  ASSERT_TRUE(catalog_->add(added));

  const std::vector<std::string> just_it{"doc-1946-telegram-long-words"};
  EXPECT_EQ(ids(latin), just_it);
  EXPECT_EQ(ids("title:" + latin), just_it);
  EXPECT_EQ(ids("\"telegram " + latin + "\""), just_it);
  EXPECT_EQ(ids(latin.substr(0, 120)), just_it);                 // the stored prefix itself
  EXPECT_EQ(ids(latin.substr(0, 120) + "zzzzzzzzzz"), just_it);  // same first 120 bytes
  EXPECT_TRUE(ids("z" + latin.substr(1)).empty());  // differs within the first 120 bytes

  EXPECT_EQ(ids(cyrillic), just_it);
  std::string shouted = "X";  // folds to the same word
  for (int i = 0; i < 15; ++i)
    shouted += "БАГИРОВ";
  EXPECT_EQ(ids(shouted), just_it);
  EXPECT_EQ(ids("\"baku " + cyrillic + "\""), just_it);
  EXPECT_EQ(catalog_->count("-" + latin).value(), 5u);  // the five of the sample
}

}  // namespace
}  // namespace archive

namespace archive {
namespace {

// A store whose reads can be made to fail, to see what the catalog does when it cannot
// follow a write (a decorator over the memory backend, like LevelDB's EnvWrapper).
class FlakyStorage final : public Storage {
 public:
  FlakyStorage() : inner_(open_storage("memory:").value()) {}
  Result<std::uint64_t> apply(const WriteBatch& batch) override { return inner_->apply(batch); }
  Result<std::unique_ptr<StorageReader>> read() override {
    if (fail_reads) return make_error(ErrorCode::unavailable, "the server went away");
    return inner_->read();
  }
  std::string instance_id() const override { return inner_->instance_id(); }
  std::string address() const override { return "flaky:"; }
  bool fail_reads = false;

 private:
  std::unique_ptr<Storage> inner_;
};

TEST(CatalogFailures, AnIndexThatCannotFollowAWriteAnswersOnlyOnceItCaughtUp) {
  archive_test::TempDir dir;
  auto owned = std::make_unique<FlakyStorage>();
  auto* store = owned.get();
  auto catalog =
      Catalog::open(std::move(owned), {.storage = {}, .index_path = dir.path() / "c.index"})
          .value();
  Records records = sample();
  ASSERT_TRUE(catalog.add(records));
  ASSERT_EQ(catalog.count("Багиров").value(), 2u);

  // Renaming Bagirov means re-reading the documents that name him; the read fails.
  store->fail_reads = true;
  auto bagirov = records.people[2];
  ASSERT_EQ(bagirov.id.str(), "person-bagirov");
  bagirov.variants.push_back({"Baqirov", text::Script::latin, std::nullopt, ""});
  Records change;
  change.people.push_back(bagirov);
  ASSERT_TRUE(catalog.put(change));  // the store has it
  auto search = catalog.search("Багиров");
  ASSERT_FALSE(search);
  EXPECT_EQ(search.error().code, ErrorCode::unavailable);
  EXPECT_NE(search.error().message.find("the server went away"), std::string::npos);
  EXPECT_FALSE(catalog.flush());  // a stale index is never saved

  // Once the store can be read again, the index catches up without a reopen.
  store->fail_reads = false;
  EXPECT_EQ(catalog.count("Baqirov").value(), 2u);
  EXPECT_EQ(catalog.count("Багиров").value(), 2u);
}

}  // namespace
}  // namespace archive
