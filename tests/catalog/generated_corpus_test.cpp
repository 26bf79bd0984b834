// Search over a generated corpus (bench/corpus.hpp: English, Russian and Persian records,
// names in three scripts, fuzzy dates of every kind), checked against a plain evaluation of
// each query over the documents themselves: date filters, fields and exclusions must give
// exactly the documents the model part says; words at least the documents that contain them.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "archive/catalog.hpp"
#include "archive/text.hpp"
#include "corpus.hpp"

namespace archive {
namespace {

constexpr std::size_t kDocuments = 3000;

class GeneratedCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    archive_bench::Corpus corpus(7);
    docs_ = new std::vector<Document>();
    for (std::size_t i = 0; i < kDocuments; ++i)
      docs_->push_back(corpus.document(i));
  }
  static void TearDownTestSuite() {
    delete docs_;
    docs_ = nullptr;
  }
  void SetUp() override {
    catalog_ = std::make_unique<Catalog>(Catalog::open("memory:").value());
    Records records;
    records.people = archive_bench::Corpus::people_records();
    records.documents = *docs_;
    ASSERT_TRUE(catalog_->add(records));
  }

  std::set<std::string> found(const std::string& query) {
    auto r = catalog_->search(
        query, {.limit = kDocuments, .offset = 0, .facets = false, .facet_limit = 0});
    EXPECT_TRUE(r) << query << ": " << (r ? "" : r.error().describe());
    std::set<std::string> ids;
    if (r) {
      EXPECT_EQ(r->total, r->hits.size()) << query;
      for (const auto& h : r->hits)
        ids.insert(h.id.str());
    }
    return ids;
  }

  template <class Keep>
  static std::set<std::string> expected(Keep&& keep) {
    std::set<std::string> ids;
    for (const auto& d : *docs_) {
      if (keep(d)) ids.insert(d.id.str());
    }
    return ids;
  }

  static DayRange years(int first, int last) {
    return {Day::from_civil(first, 1, 1), Day::from_civil(last, 12, 31)};
  }

  static bool contains_word(const Document& d, const std::string& word) {
    static text::Segmenter segmenter;
    auto has = [&](const std::string& field) {
      auto tokens = segmenter.segment(field);
      if (!tokens) return false;
      for (const auto& t : *tokens) {
        auto f = text::fold(t.text);
        if (f && *f == word) return true;
      }
      return false;
    };
    if (has(d.title) || has(d.summary)) return true;
    for (const auto& s : d.subjects) {
      if (has(s)) return true;
    }
    for (const auto& p : d.places) {
      if (has(p)) return true;
    }
    return false;
  }

  static std::vector<Document>* docs_;
  std::unique_ptr<Catalog> catalog_;
};

std::vector<Document>* GeneratedCorpus::docs_ = nullptr;

TEST_F(GeneratedCorpus, DateRangesGiveExactlyWhatFuzzyDateSays) {
  for (auto [first, last] : {std::pair{1945, 1946}, std::pair{1917, 1917}, std::pair{1950, 1959},
                             std::pair{1980, 1991}}) {
    const auto range = years(first, last);
    const auto span = std::to_string(first) + ".." + std::to_string(last);
    EXPECT_EQ(found("date:" + span),
              expected([&](const Document& d) { return d.date.possibly_overlaps(range); }))
        << span;
    EXPECT_EQ(found("date:=" + span),
              expected([&](const Document& d) { return d.date.certainly_within(range); }))
        << span;
  }
  EXPECT_EQ(found("date:unknown"), expected([](const Document& d) { return d.date.is_undated(); }));
  const DayRange from_1950{Day::from_civil(1950, 1, 1), std::nullopt};
  EXPECT_EQ(found("date:1950.."),
            expected([&](const Document& d) { return d.date.possibly_overlaps(from_1950); }));
}

TEST_F(GeneratedCorpus, FieldsAndExclusionsAreExact) {
  EXPECT_EQ(found("type:telegram"),
            expected([](const Document& d) { return d.doc_type == "telegram"; }));
  EXPECT_EQ(found("lang:fa"), expected([](const Document& d) { return d.languages[0] == "fa"; }));
  EXPECT_EQ(found("-type:telegram"),
            expected([](const Document& d) { return d.doc_type != "telegram"; }));
  EXPECT_EQ(found("collection:coll-3"),
            expected([](const Document& d) { return d.collections[0].str() == "coll-3"; }));
  const auto range = years(1945, 1950);
  EXPECT_EQ(found("type:decree lang:ru date:=1945..1950"), expected([&](const Document& d) {
              return d.doc_type == "decree" && d.languages[0] == "ru" &&
                     d.date.certainly_within(range);
            }));
}

TEST_F(GeneratedCorpus, WordsFindEveryDocumentThatContainsThem) {
  for (const std::string word : {"oil", "printing", "tabriz", "нефти", "نفت", "amnesty"}) {
    const auto want = expected([&](const Document& d) { return contains_word(d, word); });
    const auto got = found(word);
    EXPECT_FALSE(want.empty()) << word;
    EXPECT_TRUE(std::includes(got.begin(), got.end(), want.begin(), want.end()))
        << word << ": " << want.size() << " expected, " << got.size() << " found";
  }
  // A word and a filter: every hit satisfies the filter.
  const auto range = years(1940, 1949);
  for (const auto& id : found("oil date:=1940..1949")) {
    const auto& d = (*docs_)[static_cast<std::size_t>(std::stoul(id.substr(4)))];
    EXPECT_TRUE(d.date.certainly_within(range)) << id;
  }
}

TEST_F(GeneratedCorpus, NamesMatchAcrossScripts) {
  // Every document whose agents include Bagirov is found by his name in all three scripts.
  const auto agent = expected([](const Document& d) {
    return std::any_of(d.agents.begin(), d.agents.end(),
                       [](const AgentLink& a) { return agent_id_text(a.id) == "person-bagirov"; });
  });
  ASSERT_FALSE(agent.empty());
  EXPECT_EQ(found("person:bagirov"), agent);
  EXPECT_EQ(found("person:Багиров"), agent);
  EXPECT_EQ(found("person:باقروف"), agent);
  for (const std::string query : {"Bagirov", "Багиров", "Baghirov"}) {
    const auto got = found(query);
    EXPECT_TRUE(std::includes(got.begin(), got.end(), agent.begin(), agent.end())) << query;
  }
}

TEST_F(GeneratedCorpus, SortsFollowTheDateOrderAndViews) {
  auto r = catalog_->search("oil sort:date",
                            {.limit = kDocuments, .offset = 0, .facets = false, .facet_limit = 0});
  ASSERT_TRUE(r);
  auto date_of = [&](const SearchHit& h) -> const FuzzyDate& {
    return (*docs_)[static_cast<std::size_t>(std::stoul(h.id.str().substr(4)))].date;
  };
  for (std::size_t i = 1; i < r->hits.size(); ++i) {
    const auto& a = date_of(r->hits[i - 1]);
    const auto& b = date_of(r->hits[i]);
    EXPECT_FALSE(a.is_undated() && !b.is_undated()) << "undated documents come last";
    if (!a.is_undated() && !b.is_undated()) {
      EXPECT_LE(a.earliest().day, b.earliest().day) << r->hits[i].id.str();
    }
  }
  auto popular = catalog_->search("tabriz sort:popularity").value();
  for (std::size_t i = 1; i < popular.hits.size(); ++i) {
    EXPECT_GE(popular.hits[i - 1].views, popular.hits[i].views);
  }
}

TEST_F(GeneratedCorpus, RemovedAndUpdatedDocumentsLeaveTheResultsAtOnce) {
  const auto before = found("type:telegram");
  std::vector<RecordKey> gone;
  Records changed;
  for (const auto& id : before) {
    if (gone.size() < 50) {
      gone.push_back(key_of(DocumentId(id)));
    } else if (changed.documents.size() < 50) {
      auto d = (*docs_)[static_cast<std::size_t>(std::stoul(id.substr(4)))];
      d.doc_type = "letter";
      changed.documents.push_back(d);
    }
  }
  ASSERT_TRUE(catalog_->remove(gone));
  ASSERT_TRUE(catalog_->update(changed));
  EXPECT_EQ(found("type:telegram").size(), before.size() - 100);
  for (const auto& d : changed.documents)
    EXPECT_TRUE(found("type:letter").contains(d.id.str()));
}

}  // namespace
}  // namespace archive
