// The user-defined backend of examples/json_files_storage.hpp runs the same conformance suite
// as the built-in ones: the interface is enough to write a correct backend.
#include <gtest/gtest.h>

#include "json_files_storage.hpp"
#include "storage/conformance.hpp"
#include "storage/sample_records.hpp"
#include "storage/temp_dir.hpp"

namespace archive_test {
namespace {

struct JsonFilesBackend {
  static constexpr bool kPersistent = true;
  static std::string skip_reason() { return {}; }
  archive::Result<std::unique_ptr<archive::Storage>> open() {
    return example::JsonFilesStorage::open(dir.path() / "store");
  }
  // Every put is checked by a round trip through JSON Lines and every batch rewrites the whole
  // store: a shorter model test keeps the suite quick (ARCHIVE_MODEL_STEPS runs it longer).
  static constexpr std::size_t kModelSteps = 500;
  // It keeps what JSON Lines gives back as it is (the model test draws its records from these).
  static bool holds(const archive::Record& record) {
    return example::JsonFilesStorage::holds(record).has_value();
  }
  TempDir dir;
};

INSTANTIATE_TYPED_TEST_SUITE_P(JsonFiles, StorageConformance, JsonFilesBackend);

// What the model test found: the store wrote files it could not open again, or opened changed.
// A generation's file was read back as one JSON Lines import, which refuses a person and an
// organization with one id and resolves an agent written without a kind against the records
// around it; and an import validates what a store must keep as given (a person without a
// name, dates in an order an import refuses) or drops it (the reason a date could not be read,
// beside a date).
class JsonFilesStore : public ::testing::Test {
 protected:
  std::unique_ptr<archive::Storage> open() {
    auto store = example::JsonFilesStorage::open(dir_.path() / "store");
    EXPECT_TRUE(store) << store.error().describe();
    return store ? std::move(*store) : nullptr;
  }
  TempDir dir_;
};

TEST_F(JsonFilesStore, KindsStayApartAcrossAReopen) {
  using namespace archive;
  auto store = open();
  ASSERT_NE(store, nullptr);
  auto person = minimal_person("a");
  auto organization = minimal_organization("a");
  auto document = minimal_document("doc-a");
  document.agents = {{PersonId("b"), AgentRole::author}, {OrganizationId("a"), AgentRole::author}};
  auto only_organization = minimal_organization("b");  // no person "b": the agent stays a person
  WriteBatch batch;
  batch.put(person).put(organization).put(document).put(only_organization);
  ASSERT_EQ(store->apply(batch).value(), 1u);
  store.reset();
  store = open();
  ASSERT_NE(store, nullptr);
  auto view = store->read().value();
  EXPECT_EQ(view->person(person.id).value(), person);
  EXPECT_EQ(view->organization(organization.id).value(), organization);
  EXPECT_EQ(view->document(document.id).value(), document);
}

TEST_F(JsonFilesStore, ARecordJsonLinesCannotGiveBackIsRefusedAndTheStoreStillOpens) {
  using namespace archive;
  auto nameless = minimal_person("p");
  nameless.name.form.clear();
  auto dead_before_born = minimal_person("q");
  dead_before_born.born = edtf("1956");
  dead_before_born.died = edtf("1895");
  auto dated_with_error = minimal_document("d");  // JSON Lines keeps date_error only undated
  dated_with_error.date = edtf("1945-07-06");
  dated_with_error.date_error = "the day is smudged";
  for (const Record& record :
       {Record(nameless), Record(dead_before_born), Record(dated_with_error)}) {
    SCOPED_TRACE(key_of(record).id);
    auto store = open();
    ASSERT_NE(store, nullptr);
    WriteBatch batch;
    batch.put(minimal_document("doc-kept")).put(record);
    auto applied = store->apply(batch);
    ASSERT_FALSE(applied) << "applied a record the store would not give back";
    EXPECT_EQ(applied.error().code, ErrorCode::invalid_argument) << applied.error().describe();
    EXPECT_NE(applied.error().message.find("operation 2"), std::string::npos)
        << applied.error().message;
    EXPECT_FALSE(example::JsonFilesStorage::holds(record));
    store.reset();
    store = open();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->generation().value(), 0u);
  }
}

}  // namespace
}  // namespace archive_test
