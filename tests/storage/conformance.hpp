// The storage conformance suite: one typed GoogleTest suite that every backend runs, the
// user-defined example included. A backend test file defines a Backend type and writes
//   INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StorageConformance, SqliteBackend);
//
// A Backend type has:
//   static constexpr bool kPersistent;  // records survive close and reopen
//   static std::string skip_reason();   // non-empty: the backend is unavailable here (skipped
//                                       // visibly with this reason)
//   Backend();                          // a fresh, empty location (removed by ~Backend)
//   archive::Result<std::unique_ptr<archive::Storage>> open();  // opens (or reopens) it
//   static bool holds(const archive::Record&);  // optional: for a backend that keeps only some
//                                       // records (and refuses the others with
//                                       // invalid_argument), which ones
//   static constexpr std::size_t kModelSteps;  // optional: the model test's length for a slow
//                                       // backend (default kDefaultModelSteps)
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "archive/storage/storage.hpp"
#include "storage/sample_records.hpp"
#include "storage/storage_model.hpp"

namespace archive_test {

template <class Backend>
class StorageConformance : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = Backend::skip_reason(); !why.empty()) GTEST_SKIP() << why;
    backend_ = std::make_unique<Backend>();
    store_ = open();
  }

  std::unique_ptr<archive::Storage> open() {
    auto store = backend_->open();
    EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().describe());
    return store ? std::move(*store) : nullptr;
  }

  void reopen() {
    store_.reset();
    store_ = open();
    ASSERT_NE(store_, nullptr);
  }

  std::unique_ptr<archive::StorageReader> reader() {
    auto r = store_->read();
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().describe());
    return r ? std::move(*r) : nullptr;
  }

  std::size_t count(archive::RecordKind kind, archive::StorageReader* view = nullptr) {
    auto owned = view ? nullptr : reader();
    std::size_t n = 0;
    auto r = (view ? view : owned.get())->scan(kind, [&](archive::Record&&) {
      ++n;
      return true;
    });
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().describe());
    return n;
  }

  std::unique_ptr<Backend> backend_;
  std::unique_ptr<archive::Storage> store_;
};

TYPED_TEST_SUITE_P(StorageConformance);

using archive::Record;
using archive::RecordKind;
using archive::WriteBatch;

TYPED_TEST_P(StorageConformance, NewStoreIsEmptyAtGenerationZero) {
  auto view = this->reader();
  EXPECT_EQ(view->generation(), 0u);
  for (auto kind : {RecordKind::document, RecordKind::collection, RecordKind::person,
                    RecordKind::organization}) {
    EXPECT_EQ(this->count(kind, view.get()), 0u) << to_string(kind);
  }
  EXPECT_FALSE(this->store_->address().empty());
  EXPECT_FALSE(this->store_->instance_id().empty());
}

TYPED_TEST_P(StorageConformance, RoundTripsEveryRecordKindWithAllFields) {
  WriteBatch batch;
  batch.put(full_document()).put(full_collection()).put(full_person()).put(full_organization());
  ASSERT_EQ(this->store_->apply(batch).value(), 1u);

  auto view = this->reader();
  auto document = view->document(full_document().id).value();
  EXPECT_EQ(document, full_document());
  EXPECT_TRUE(document.date.identical(full_document().date));
  EXPECT_EQ(document.date.provenance().original, "6 июля 1945 г.");
  EXPECT_EQ(view->collection(full_collection().id).value(), full_collection());
  auto person = view->person(full_person().id).value();
  EXPECT_EQ(person, full_person());
  EXPECT_TRUE(person.born.identical(full_person().born));
  EXPECT_TRUE(person.positions[0].date.identical(full_person().positions[0].date));
  auto organization = view->organization(full_organization().id).value();
  EXPECT_EQ(organization, full_organization());
  EXPECT_TRUE(organization.existed.identical(full_organization().existed));
}

TYPED_TEST_P(StorageConformance, RoundTripsRecordsWithEmptyOptionalFields) {
  WriteBatch batch;
  batch.put(minimal_document())
      .put(minimal_person())
      .put(minimal_organization())
      .put(archive::Collection{archive::CollectionId("coll-empty"), "Empty", {}, {}, {}, {}, {}});
  ASSERT_TRUE(this->store_->apply(batch));
  auto view = this->reader();
  auto document = view->document(minimal_document().id).value();
  EXPECT_EQ(document, minimal_document());
  EXPECT_TRUE(document.date.is_undated());
  EXPECT_FALSE(document.created.has_value());
  EXPECT_EQ(view->person(minimal_person().id).value(), minimal_person());
  EXPECT_EQ(view->organization(minimal_organization().id).value(), minimal_organization());
  EXPECT_FALSE(view->collection(archive::CollectionId("coll-empty")).value().parent.has_value());
}

TYPED_TEST_P(StorageConformance, HostileTextIsStoredAsData) {
  auto d = minimal_document("doc-hostile");
  d.title = "'); DROP TABLE documents; -- \" \\ % _ \t\n\r end";
  d.summary = std::string("nul\0byte", 8);
  d.subjects = {"", "  ", "O'Brien"};
  ASSERT_TRUE(this->store_->put(d));
  EXPECT_EQ(this->reader()->document(d.id).value(), d);
  EXPECT_EQ(this->count(RecordKind::document), 1u);
}

TYPED_TEST_P(StorageConformance, GetOfAMissingRecordIsNotFound) {
  ASSERT_TRUE(this->store_->put(full_document()));
  auto view = this->reader();
  auto missing = view->document(archive::DocumentId("doc-missing"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, archive::ErrorCode::not_found);
  // Kinds are separate: a person with a document's id does not exist.
  auto other_kind = view->person(archive::PersonId(full_document().id.str()));
  ASSERT_FALSE(other_kind);
  EXPECT_EQ(other_kind.error().code, archive::ErrorCode::not_found);
}

TYPED_TEST_P(StorageConformance, PutOverwritesTheWholeRecord) {
  ASSERT_TRUE(this->store_->put(full_document()));
  auto smaller = full_document();
  smaller.agents.resize(1);
  smaller.places.clear();
  smaller.created.reset();
  smaller.title = "Постановление ГКО";
  ASSERT_TRUE(this->store_->put(smaller));
  EXPECT_EQ(this->reader()->document(smaller.id).value(), smaller);
  EXPECT_EQ(this->count(RecordKind::document), 1u);
}

TYPED_TEST_P(StorageConformance, EraseRemovesAndErasingAMissingRecordIsNoError) {
  ASSERT_TRUE(this->store_->put(full_person()));
  ASSERT_TRUE(this->store_->erase(archive::key_of(full_person().id)));
  EXPECT_EQ(this->reader()->person(full_person().id).error().code, archive::ErrorCode::not_found);
  auto again = this->store_->erase(archive::key_of(full_person().id));
  ASSERT_TRUE(again) << again.error().describe();
  EXPECT_EQ(this->count(RecordKind::person), 0u);
}

TYPED_TEST_P(StorageConformance, ScanVisitsOneKindInIdOrderAndStopsWhenAsked) {
  WriteBatch batch;
  for (int n : {7, 3, 11, 1, 5})
    batch.put(generated_document(n));
  batch.put(full_person()).put(full_collection());
  ASSERT_TRUE(this->store_->apply(batch));

  std::vector<std::string> ids;
  auto view = this->reader();
  ASSERT_TRUE(view->scan(RecordKind::document, [&](Record&& r) {
    ids.push_back(std::get<archive::Document>(r).id.str());
    return true;
  }));
  EXPECT_EQ(ids, (std::vector<std::string>{"doc-00000001", "doc-00000003", "doc-00000005",
                                           "doc-00000007", "doc-00000011"}));
  ids.clear();
  ASSERT_TRUE(view->scan(RecordKind::document, [&](Record&& r) {
    ids.push_back(std::get<archive::Document>(r).id.str());
    return ids.size() < 2;
  }));
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(this->count(RecordKind::person, view.get()), 1u);
  EXPECT_EQ(this->count(RecordKind::organization, view.get()), 0u);
  auto all = view->read_all().value();
  EXPECT_EQ(all.documents.size(), 5u);
  EXPECT_EQ(all.collections.size(), 1u);
}

TYPED_TEST_P(StorageConformance, LaterOperationsInABatchWin) {
  auto first = minimal_document("doc-a");
  auto second = first;
  second.title = "Second version";
  WriteBatch batch;
  batch.put(first).put(second).put(minimal_document("doc-b")).erase(archive::DocumentId("doc-b"));
  ASSERT_EQ(this->store_->apply(batch).value(), 1u);
  auto view = this->reader();
  EXPECT_EQ(view->document(first.id).value().title, "Second version");
  EXPECT_FALSE(view->document(archive::DocumentId("doc-b")));
}

TYPED_TEST_P(StorageConformance, ABatchThatFailsHalfwayLeavesNothing) {
  auto before = full_document();
  ASSERT_EQ(this->store_->put(before).value(), 1u);

  auto changed = before;
  changed.title = "changed";
  auto bad = minimal_document("doc-bad");
  bad.summary = "valid start \xC3\x28 invalid";
  WriteBatch batch;
  batch.put(generated_document(1)).put(changed).erase(archive::key_of(before.id)).put(bad);
  batch.put(generated_document(2));
  auto result = this->store_->apply(batch);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, archive::ErrorCode::invalid_argument);
  EXPECT_NE(result.error().message.find("operation 4"), std::string::npos)
      << result.error().message;
  EXPECT_NE(result.error().message.find("summary"), std::string::npos) << result.error().message;

  auto view = this->reader();
  EXPECT_EQ(view->generation(), 1u);
  EXPECT_EQ(view->document(before.id).value(), before);
  EXPECT_EQ(this->count(RecordKind::document, view.get()), 1u);
}

TYPED_TEST_P(StorageConformance, RecordsWithBadIdsAreRejected) {
  WriteBatch batch;
  batch.put(archive::Document{});  // empty id
  auto result = this->store_->apply(batch);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, archive::ErrorCode::invalid_argument);
  WriteBatch erase;
  erase.erase(archive::RecordKey{RecordKind::person, " not an id (leading space)"});
  EXPECT_FALSE(this->store_->apply(erase));
  EXPECT_EQ(this->store_->generation().value(), 0u);
}

TYPED_TEST_P(StorageConformance, GenerationCountsCommittedBatches) {
  EXPECT_EQ(this->store_->generation().value(), 0u);
  EXPECT_EQ(this->store_->apply(WriteBatch{}).value(), 0u);  // empty: no change
  WriteBatch batch;
  for (int n = 0; n < 10; ++n)
    batch.put(generated_document(n));
  EXPECT_EQ(this->store_->apply(batch).value(), 1u);
  EXPECT_EQ(this->store_->erase(archive::key_of(generated_document(0).id)).value(), 2u);
  EXPECT_EQ(this->store_->put(full_organization()).value(), 3u);
  EXPECT_EQ(this->store_->generation().value(), 3u);
  EXPECT_EQ(this->reader()->generation(), 3u);
}

TYPED_TEST_P(StorageConformance, AReaderKeepsItsSnapshotWhileBatchesCommit) {
  ASSERT_TRUE(this->store_->put(generated_document(1)));
  auto old_view = this->reader();

  WriteBatch batch;
  auto changed = generated_document(1);
  changed.title = "changed";
  batch.put(changed).put(generated_document(2)).put(full_person());
  ASSERT_EQ(this->store_->apply(batch).value(), 2u);
  ASSERT_TRUE(this->store_->erase(archive::key_of(generated_document(1).id)));

  EXPECT_EQ(old_view->generation(), 1u);
  EXPECT_EQ(old_view->document(generated_document(1).id).value(), generated_document(1));
  EXPECT_FALSE(old_view->document(generated_document(2).id));
  EXPECT_EQ(this->count(RecordKind::document, old_view.get()), 1u);
  EXPECT_EQ(this->count(RecordKind::person, old_view.get()), 0u);

  auto new_view = this->reader();
  EXPECT_EQ(new_view->generation(), 3u);
  EXPECT_FALSE(new_view->document(generated_document(1).id));
  EXPECT_EQ(this->count(RecordKind::document, new_view.get()), 1u);
}

TYPED_TEST_P(StorageConformance, ConcurrentReadersNeverSeeHalfABatch) {
  constexpr int kBatches = 20;
  constexpr int kPerBatch = 25;
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::atomic<int> reads{0};

  auto check = [&] {
    while (!done.load()) {
      auto view = this->store_->read();
      if (!view) {
        ++failures;
        return;
      }
      std::size_t n = 0;
      std::set<std::string> titles;
      auto r = (*view)->scan(RecordKind::document, [&](Record&& record) {
        ++n;
        titles.insert(std::get<archive::Document>(record).title.substr(0, 6));
        return true;
      });
      // Batch b writes kPerBatch new documents and retitles all of them "gen-b": a reader
      // at generation g sees g * kPerBatch documents, all with one title.
      const auto g = (*view)->generation();
      if (!r || n != g * kPerBatch || (n > 0 && titles.size() != 1)) ++failures;
      ++reads;
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i)
    readers.emplace_back(check);

  for (int b = 1; b <= kBatches; ++b) {
    WriteBatch batch;
    char title[16];
    std::snprintf(title, sizeof title, "gen-%02d", b);
    for (int n = 0; n < b * kPerBatch; ++n) {
      auto d = generated_document(n);
      d.title = title;
      batch.put(d);
    }
    auto result = this->store_->apply(batch);
    if (!result) {
      ADD_FAILURE() << result.error().describe();
      break;
    }
  }
  done = true;
  for (auto& t : readers)
    t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(this->count(RecordKind::document), static_cast<std::size_t>(kBatches * kPerBatch));
}

TYPED_TEST_P(StorageConformance, ReopenKeepsRecordsGenerationAndInstanceId) {
  if (!TypeParam::kPersistent) GTEST_SKIP() << "this backend forgets its records on close";
  WriteBatch batch;
  batch.put(full_document()).put(full_collection()).put(full_person()).put(full_organization());
  ASSERT_TRUE(this->store_->apply(batch));
  ASSERT_TRUE(this->store_->erase(archive::key_of(full_collection().id)));
  const auto id = this->store_->instance_id();
  this->reopen();
  EXPECT_EQ(this->store_->instance_id(), id);
  auto view = this->reader();
  EXPECT_EQ(view->generation(), 2u);
  EXPECT_EQ(view->document(full_document().id).value(), full_document());
  EXPECT_TRUE(view->document(full_document().id).value().date.identical(full_document().date));
  EXPECT_EQ(view->person(full_person().id).value(), full_person());
  EXPECT_EQ(view->organization(full_organization().id).value(), full_organization());
  EXPECT_FALSE(view->collection(full_collection().id));
  view.reset();
  EXPECT_EQ(this->store_->put(minimal_document()).value(), 3u);
}

TYPED_TEST_P(StorageConformance, KeepsIdentifiersAsArchivesWriteThemInByteOrder) {
  // Ids with spaces, slashes, Cyrillic, Persian with a ZWNJ, quotes and markup characters:
  // stored, found, listed in the same (bytewise) order and reopened unchanged on every backend.
  std::vector<std::string> ids = {
      "MS 123",     "RG-59/Box 12",     "119086",      "A00001",
      "a00001",     "Ф.17 Оп.162 Д.38", "سند\u200c۱۲", "a \"quoted\" <id> & 'more'",
      "tate-A00001"};
  WriteBatch batch;
  for (const auto& id : ids) {
    archive::Document d;
    d.id = archive::DocumentId(id);
    d.title = "Telegram " + id;
    archive::AgentLink link;
    link.id = archive::PersonId("Багиров, М. Д. " + id);
    d.agents.push_back(link);
    batch.put(std::move(d));
  }
  ASSERT_TRUE(this->store_->apply(batch));
  if (TypeParam::kPersistent) this->reopen();
  auto view = this->reader();
  std::vector<std::string> listed;
  ASSERT_TRUE(view->scan(RecordKind::document, [&](Record&& r) {
    listed.push_back(std::get<archive::Document>(r).id.str());
    return true;
  }));
  std::sort(ids.begin(), ids.end());  // std::string orders by bytes
  EXPECT_EQ(listed, ids);
  for (const auto& id : ids) {
    auto d = view->document(archive::DocumentId(id));
    ASSERT_TRUE(d) << id;
    EXPECT_EQ(d->title, "Telegram " + id);
    EXPECT_EQ(archive::agent_id_text(d->agents.at(0).id), "Багиров, М. Д. " + id);
  }
  view.reset();
  ASSERT_TRUE(this->store_->erase(archive::key_of(archive::DocumentId("MS 123"))));
  EXPECT_EQ(this->count(RecordKind::document), ids.size() - 1);
}

TYPED_TEST_P(StorageConformance, TwoStoresHaveDifferentInstanceIds) {
  TypeParam other_location;
  auto other = other_location.open();
  ASSERT_TRUE(other) << other.error().describe();
  EXPECT_NE((*other)->instance_id(), this->store_->instance_id());
}

TYPED_TEST_P(StorageConformance, LargeBatchesRoundTrip) {
  WriteBatch batch;
  constexpr int kCount = 3000;
  for (int n = 0; n < kCount; ++n)
    batch.put(generated_document(n));
  ASSERT_EQ(this->store_->apply(batch).value(), 1u);
  auto view = this->reader();
  EXPECT_EQ(this->count(RecordKind::document, view.get()), static_cast<std::size_t>(kCount));
  EXPECT_EQ(view->document(generated_document(1234).id).value(), generated_document(1234));
}

// The randomized model test (storage_model.hpp): random puts, erases, batches, held readers,
// scans and — where the backend keeps its records — reopenings, checked against a std::map
// model: kDefaultModelSteps steps (about 2,000 puts and erases), fewer for a slow backend.
// ARCHIVE_MODEL_SEED and ARCHIVE_MODEL_STEPS override the seed and the length; `ctest -C long
// -L long` runs 40,000 steps (about 100,000 puts and erases) on every backend.
TYPED_TEST_P(StorageConformance, RandomizedAgainstAModel) {
  std::size_t default_steps = kDefaultModelSteps;
  if constexpr (requires { TypeParam::kModelSteps; }) default_steps = TypeParam::kModelSteps;
  const auto seed = env_number("ARCHIVE_MODEL_SEED", kDefaultModelSeed);
  const auto steps = env_number("ARCHIVE_MODEL_STEPS", default_steps);
  std::function<bool()> reopen;
  if (TypeParam::kPersistent) {
    reopen = [this] {
      this->store_.reset();
      this->store_ = this->open();
      return this->store_ != nullptr;
    };
  }
  StorageModelRun::Holds holds;
  if constexpr (requires(const Record& record) { TypeParam::holds(record); }) {
    holds = [](const Record& record) { return TypeParam::holds(record); };
  }
  StorageModelRun run(this->store_, reopen, holds, seed);
  run.run(static_cast<std::size_t>(steps));
  this->RecordProperty("model", run.summary());
  std::printf("model test: %s\n", run.summary().c_str());
}

REGISTER_TYPED_TEST_SUITE_P(
    StorageConformance, NewStoreIsEmptyAtGenerationZero, RoundTripsEveryRecordKindWithAllFields,
    RoundTripsRecordsWithEmptyOptionalFields, HostileTextIsStoredAsData,
    GetOfAMissingRecordIsNotFound, PutOverwritesTheWholeRecord,
    EraseRemovesAndErasingAMissingRecordIsNoError, ScanVisitsOneKindInIdOrderAndStopsWhenAsked,
    LaterOperationsInABatchWin, ABatchThatFailsHalfwayLeavesNothing, RecordsWithBadIdsAreRejected,
    GenerationCountsCommittedBatches, AReaderKeepsItsSnapshotWhileBatchesCommit,
    ConcurrentReadersNeverSeeHalfABatch, ReopenKeepsRecordsGenerationAndInstanceId,
    KeepsIdentifiersAsArchivesWriteThemInByteOrder, TwoStoresHaveDifferentInstanceIds,
    LargeBatchesRoundTrip, RandomizedAgainstAModel);

}  // namespace archive_test
