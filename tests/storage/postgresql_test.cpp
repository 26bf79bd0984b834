// The PostgreSQL backend: the conformance suite and what only a server does (connection
// errors, several writers, a terminated connection, plain SQL over the tables).
//
// The tests need a server: ARCHIVE_TEST_POSTGRESQL holds a libpq URI for a database they
// may create schemas in (scripts/with-postgresql.sh starts a throwaway one and sets it).
// Unset, they are skipped visibly; with ARCHIVE_REQUIRE_POSTGRESQL=1 a missing or
// unreachable server fails them instead. Every test works in a schema of its own, made for
// it and dropped after it.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "storage/conformance.hpp"
#include "storage/postgresql_server.hpp"

namespace archive_test {
namespace {

using archive::ErrorCode;
using archive::RecordKind;
using archive::WriteBatch;

struct PostgresBackend {
  static constexpr bool kPersistent = true;
  // A put is a dozen round trips to the server: a shorter model test keeps the suite quick
  // (ARCHIVE_MODEL_STEPS runs it longer).
  static constexpr std::size_t kModelSteps = 500;
  static std::string skip_reason() { return skip_or_fail_reason(); }
  archive::Result<std::unique_ptr<archive::Storage>> open() {
    return archive::open_storage(schema.uri());
  }
  Schema schema;
};

INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, StorageConformance, PostgresBackend);

// ---- what only this backend does ----

class PostgresStorage : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = skip_or_fail_reason(); !why.empty()) GTEST_SKIP() << why;
    schema_ = std::make_unique<Schema>();
  }

  std::unique_ptr<archive::Storage> open(const std::string& uri,
                                         const archive::StorageOptions& options = {}) {
    auto store = archive::open_storage(uri, options);
    EXPECT_TRUE(store) << store.error().describe();
    return store ? std::move(*store) : nullptr;
  }

  std::unique_ptr<Schema> schema_;
};

TEST(PostgresConnection, BadHostAndPortAreUnavailableWithLibpqsMessage) {
  // Needs no server: nothing listens on port 1, and .invalid names never resolve.
  auto refused = archive::open_storage("postgresql://archive:sekrit@127.0.0.1:1/archive");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::unavailable);
  EXPECT_NE(refused.error().message.find("Connection refused"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("postgresql://archive:***@127.0.0.1:1/archive"),
            std::string::npos)
      << refused.error().message;
  EXPECT_EQ(refused.error().message.find("sekrit"), std::string::npos) << refused.error().message;

  auto unknown = archive::open_storage("postgres://archive@no-such-host.invalid/archive");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::unavailable);
  EXPECT_NE(unknown.error().message.find("no-such-host.invalid"), std::string::npos)
      << unknown.error().message;
}

TEST(PostgresConnection, AMalformedUriIsInvalidArgument) {
  auto bad = archive::open_storage("postgresql://host/db?no_such_option=1");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument) << bad.error().describe();
  EXPECT_NE(bad.error().message.find("no_such_option"), std::string::npos) << bad.error().message;
}

TEST_F(PostgresStorage, ANonexistentDatabaseOrRoleIsUnavailableWithTheServersMessage) {
  const auto base =
      "postgresql://" + uri_part("user") + "@" + uri_part("host") + ":" + uri_part("port") + "/";
  auto no_database = archive::open_storage(base + "archive_no_such_database");
  ASSERT_FALSE(no_database);
  EXPECT_EQ(no_database.error().code, ErrorCode::unavailable);
  EXPECT_NE(no_database.error().message.find("\"archive_no_such_database\" does not exist"),
            std::string::npos)
      << no_database.error().message;

  auto no_role = archive::open_storage("postgresql://archive_no_such_role@" + uri_part("host") +
                                       ":" + uri_part("port") + "/" + uri_part("dbname"));
  ASSERT_FALSE(no_role);
  EXPECT_EQ(no_role.error().code, ErrorCode::unavailable);
  EXPECT_NE(no_role.error().message.find("archive_no_such_role"), std::string::npos)
      << no_role.error().message;
}

TEST_F(PostgresStorage, AddressHidesThePassword) {
  // The test server trusts loopback connections, so any password is accepted.
  const auto host = uri_part("host") + ":" + uri_part("port") + "/" + uri_part("dbname");
  auto store = open("postgresql://" + uri_part("user") + ":sekrit@" + host +
                    "?options=-csearch_path%3D" + schema_->name());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->address(), "postgresql://" + uri_part("user") + ":***@" + host +
                                  "?options=-csearch_path%3D" + schema_->name());
  auto other = open(with_parameter(schema_->uri(), "password=sekrit"));
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->address().find("sekrit"), std::string::npos) << other->address();
  EXPECT_NE(other->address().find("password=***"), std::string::npos) << other->address();
}

TEST_F(PostgresStorage, AMissingStoreIsNotFoundUnlessCreated) {
  archive::StorageOptions no_create;
  no_create.create_if_missing = false;
  auto missing = archive::open_storage(schema_->uri(), no_create);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found) << missing.error().describe();
  archive::StorageOptions read_only;
  read_only.read_only = true;
  EXPECT_EQ(archive::open_storage(schema_->uri(), read_only).error().code, ErrorCode::not_found);

  auto created = open(schema_->uri());
  ASSERT_NE(created, nullptr);
  ASSERT_TRUE(created->put(full_document()));
  auto reopened = open(schema_->uri(), no_create);
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(reopened->instance_id(), created->instance_id());

  auto reader = open(schema_->uri(), read_only);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->get(archive::key_of(full_document().id)).value(), Record(full_document()));
  auto refused = reader->put(minimal_document());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::unsupported);
}

TEST_F(PostgresStorage, ASchemaPathThatNamesNoSchemaIsNotFound) {
  auto store = archive::open_storage(
      with_parameter(server_uri(), "options=-csearch_path%3Darchive_no_such_schema"));
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::not_found) << store.error().describe();
}

TEST_F(PostgresStorage, ASchemaWithForeignTablesOfTheSameNamesIsNotTakenOver) {
  auto sql = schema_->sql();
  sql->query("CREATE TABLE documents (id integer, body text)");
  auto store = archive::open_storage(schema_->uri());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::corrupt) << store.error().describe();
  EXPECT_EQ(sql->one("SELECT count(*) FROM pg_tables WHERE schemaname = $1", {schema_->name()}),
            "1");
}

TEST_F(PostgresStorage, ANewerSchemaVersionIsUnsupportedAndAForeignMetaTableCorrupt) {
  ASSERT_NE(open(schema_->uri()), nullptr);
  auto sql = schema_->sql();
  sql->query("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  auto newer = archive::open_storage(schema_->uri());
  ASSERT_FALSE(newer);
  EXPECT_EQ(newer.error().code, ErrorCode::unsupported) << newer.error().describe();
  EXPECT_NE(newer.error().message.find("99"), std::string::npos) << newer.error().message;

  sql->query("UPDATE meta SET value = 'something-else' WHERE key = 'application'");
  auto foreign = archive::open_storage(schema_->uri());
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::corrupt) << foreign.error().describe();
}

TEST_F(PostgresStorage, TwoStoresOnOneSchemaWritingAtOnceLoseNothing) {
  auto first = open(schema_->uri());
  auto second = open(schema_->uri());
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(first->instance_id(), second->instance_id());

  constexpr int kWriters = 4;  // two threads per store
  constexpr int kBatches = 15;
  constexpr int kPerBatch = 10;
  std::mutex mutex;
  std::vector<std::uint64_t> generations;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto& store = w % 2 == 0 ? *first : *second;
      for (int b = 0; b < kBatches; ++b) {
        WriteBatch batch;
        for (int n = 0; n < kPerBatch; ++n)
          batch.put(generated_document((w * kBatches + b) * kPerBatch + n));
        auto generation = store.apply(batch);
        std::lock_guard lock(mutex);
        if (!generation) {
          ADD_FAILURE() << generation.error().describe();
          continue;
        }
        generations.push_back(*generation);
      }
    });
  }
  for (auto& t : writers)
    t.join();

  // Every batch got its own generation, 1 … kWriters * kBatches, none twice.
  std::set<std::uint64_t> distinct(generations.begin(), generations.end());
  ASSERT_EQ(distinct.size(), static_cast<std::size_t>(kWriters * kBatches));
  EXPECT_EQ(*distinct.begin(), 1u);
  EXPECT_EQ(*distinct.rbegin(), static_cast<std::uint64_t>(kWriters * kBatches));
  auto view = first->read().value();
  EXPECT_EQ(view->generation(), static_cast<std::uint64_t>(kWriters * kBatches));
  std::size_t count = 0;
  ASSERT_TRUE(view->scan(RecordKind::document, [&](Record&&) { return ++count, true; }));
  EXPECT_EQ(count, static_cast<std::size_t>(kWriters * kBatches * kPerBatch));
  EXPECT_EQ(second->generation().value(), static_cast<std::uint64_t>(kWriters * kBatches));
}

// The server processes of the store's connections, found by a unique application_name.
class Terminator {
 public:
  explicit Terminator(std::string application) : application_(std::move(application)) {}

  // Terminates every backend of the application in `state` (e.g. "idle in transaction");
  // how many it terminated. pg_terminate_backend waits (up to 5 s) until each is gone.
  int terminate(Sql& admin, const std::string& condition) {
    auto rows = admin.query(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
        "WHERE application_name = $1 AND " +
            condition,
        {application_});
    return static_cast<int>(rows.size());
  }

 private:
  std::string application_;
};

TEST_F(PostgresStorage, ATerminatedConnectionGivesAClearErrorAndTheNextCallReconnects) {
  const auto application = "archive_test_" + schema_->name();
  auto store = open(with_parameter(schema_->uri(), "application_name=" + application));
  ASSERT_NE(store, nullptr);
  ASSERT_EQ(store->put(full_document()).value(), 1u);
  Sql admin(server_uri());
  Terminator terminator(application);

  // A reader in the middle of its transaction loses its connection.
  auto view = store->read().value();
  ASSERT_TRUE(view->document(full_document().id));
  ASSERT_EQ(terminator.terminate(admin, "state = 'idle in transaction'"), 1);
  auto lost = view->document(full_document().id);
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().code, ErrorCode::unavailable) << lost.error().describe();
  EXPECT_NE(lost.error().message.find("terminat"), std::string::npos) << lost.error().message;
  auto lost_scan = view->scan(RecordKind::document, [](Record&&) { return true; });
  EXPECT_FALSE(lost_scan);
  view.reset();

  // The store works again, with what was committed.
  EXPECT_EQ(store->get(archive::key_of(full_document().id)).value(), Record(full_document()));
  EXPECT_EQ(store->put(full_person()).value(), 2u);

  // An apply waiting for the meta row's lock loses its connection: nothing of it lands.
  auto locker = schema_->sql();
  locker->query("BEGIN");
  locker->query("SELECT value FROM meta WHERE key = 'generation' FOR UPDATE");
  std::optional<archive::Result<std::uint64_t>> blocked;
  std::thread writer([&] { blocked = store->put(minimal_document("doc-never")); });
  int terminated = 0;
  for (int i = 0; i < 200 && terminated == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    terminated = terminator.terminate(admin, "wait_event_type = 'Lock'");
  }
  locker->query("ROLLBACK");  // before join(): should nothing be terminated, the put goes on
  writer.join();
  ASSERT_EQ(terminated, 1);
  ASSERT_TRUE(blocked.has_value());
  ASSERT_FALSE(*blocked);
  EXPECT_EQ(blocked->error().code, ErrorCode::unavailable) << blocked->error().describe();
  EXPECT_NE(blocked->error().message.find("terminat"), std::string::npos)
      << blocked->error().message;

  // Connections the server closed while they sat idle in the pool are replaced unseen.
  terminator.terminate(admin, "state = 'idle'");
  auto after = store->read();
  ASSERT_TRUE(after) << after.error().describe();
  EXPECT_EQ((*after)->generation(), 2u);
  EXPECT_FALSE((*after)->document(archive::DocumentId("doc-never")));
  EXPECT_EQ((*after)->document(full_document().id).value(), full_document());
  EXPECT_EQ((*after)->person(full_person().id).value(), full_person());
  after->reset();
  terminator.terminate(admin, "state = 'idle'");
  EXPECT_EQ(store->put(minimal_document()).value(), 3u);
}

TEST_F(PostgresStorage, TheTablesAreReadableWithPlainSql) {
  auto store = open(schema_->uri());
  ASSERT_NE(store, nullptr);
  WriteBatch batch;
  batch.put(full_document()).put(full_person()).put(full_organization());
  ASSERT_TRUE(store->apply(batch));

  auto sql = schema_->sql();
  const auto& d = full_document();
  EXPECT_EQ(sql->one("SELECT title FROM documents WHERE id = $1", {d.id.str()}), d.title);
  EXPECT_EQ(sql->one("SELECT summary FROM documents WHERE id = $1", {d.id.str()}), d.summary);
  EXPECT_EQ(sql->one("SELECT date_earliest FROM documents WHERE id = $1", {d.id.str()}),
            "1945-07-06");
  EXPECT_EQ(sql->one("SELECT count(*) FROM document_agents WHERE document_id = $1", {d.id.str()}),
            std::to_string(d.agents.size()));
  EXPECT_EQ(sql->one("SELECT string_agg(place, '|' ORDER BY position) FROM document_places "
                     "WHERE document_id = $1",
                     {d.id.str()}),
            "Tabriz|Тебриз|تبریز");
  const auto& p = full_person();
  EXPECT_EQ(sql->one("SELECT form FROM names WHERE owner_kind = 'person' AND owner_id = $1 AND "
                     "position = 0",
                     {p.id.str()}),
            p.name.form);
  EXPECT_EQ(sql->one("SELECT count(*) FROM names WHERE owner_id = $1", {p.id.str()}),
            std::to_string(1 + p.variants.size()));
  EXPECT_EQ(sql->one("SELECT value FROM meta WHERE key = 'generation'"), "1");
  EXPECT_EQ(sql->one("SELECT value FROM meta WHERE key = 'instance_id'"), store->instance_id());
}

TEST_F(PostgresStorage, HostileTextStaysData) {
  auto store = open(schema_->uri());
  ASSERT_NE(store, nullptr);
  auto d = minimal_document("doc-hostile");
  d.title = "x'); DROP SCHEMA " + schema_->name() + " CASCADE; -- $1 \\x00 E'\\\\' \"{}\",NULL";
  d.summary = std::string("nul\0in the middle\0", 19) +
              "\xEF\xB7\x90"
              "0 and U+FDD0 alone \xEF\xB7\x90";
  d.places = {"{\"a\",\"b\"}", "NULL", "", "\\", "\"", ","};
  d.subjects = {std::string(1, '\0'),
                "\xEF\xB7\x90"
                "1",
                "\xEF\xB7\x90"};
  d.doc_type = "%_*?";
  ASSERT_TRUE(store->put(d));
  ASSERT_TRUE(store->put(minimal_document("doc-other")));

  auto view = store->read().value();
  EXPECT_EQ(view->document(d.id).value(), d);
  std::vector<archive::Document> scanned;
  ASSERT_TRUE(view->scan(RecordKind::document, [&](Record&& r) {
    scanned.push_back(std::get<archive::Document>(std::move(r)));
    return true;
  }));
  ASSERT_EQ(scanned.size(), 2u);
  EXPECT_EQ(scanned[0], d);

  // An id with a NUL is no id: it must not find "doc-hostile" by its first bytes.
  auto cut = view->get({RecordKind::document, std::string("doc-hostile\0x", 13)});
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::not_found);

  // The text is in the table as written (NUL aside, which PostgreSQL text cannot hold).
  auto sql = schema_->sql();
  EXPECT_EQ(sql->one("SELECT title FROM documents WHERE id = $1", {d.id.str()}), d.title);
  EXPECT_EQ(sql->one("SELECT count(*) FROM documents"), "2");
}

TEST_F(PostgresStorage, ScansAreInBytewiseIdOrderWhateverTheDatabaseCollation) {
  auto store = open(schema_->uri());
  ASSERT_NE(store, nullptr);
  // An ICU or glibc collation sorts these differently (punctuation, digits): bytewise
  // '-' < '.' < '0' < ':'.
  const std::vector<std::string> ids = {"a-b", "a.a", "a0", "a:c", "ab", "b"};
  WriteBatch batch;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    batch.put(minimal_document(*it));
    archive::Person person = full_person();
    person.id = archive::PersonId(*it);
    batch.put(person);
  }
  ASSERT_TRUE(store->apply(batch));
  auto view = store->read().value();
  for (auto kind : {RecordKind::document, RecordKind::person}) {
    std::vector<std::string> seen;
    ASSERT_TRUE(view->scan(kind, [&](Record&& r) {
      seen.push_back(archive::key_of(r).id);
      return true;
    }));
    EXPECT_EQ(seen, ids) << to_string(kind);
  }
  // Each person kept its own names and positions through the merge.
  ASSERT_TRUE(view->scan(RecordKind::person, [&](Record&& r) {
    auto person = std::get<archive::Person>(std::move(r));
    auto expected = full_person();
    expected.id = person.id;
    EXPECT_EQ(person, expected);
    return true;
  }));
}

TEST_F(PostgresStorage, ABatchOfEveryKindWithPutsAndErasesAcrossChunks) {
  auto store = open(schema_->uri());
  ASSERT_NE(store, nullptr);
  WriteBatch first;
  for (int n = 0; n < 5000; ++n)
    first.put(generated_document(n));
  first.put(full_collection()).put(full_person()).put(full_organization());
  ASSERT_EQ(store->apply(first).value(), 1u);

  WriteBatch second;
  for (int n = 0; n < 5000; n += 2)
    second.erase(archive::key_of(generated_document(n).id));
  auto changed = generated_document(1);
  changed.agents.clear();
  changed.subjects = {"changed"};
  second.put(changed).erase(archive::key_of(full_person().id));
  ASSERT_EQ(store->apply(second).value(), 2u);

  auto view = store->read().value();
  auto all = view->read_all().value();
  EXPECT_EQ(all.documents.size(), 2500u);
  EXPECT_EQ(all.people.size(), 0u);
  EXPECT_EQ(all.collections.size(), 1u);
  EXPECT_EQ(all.organizations.size(), 1u);
  EXPECT_EQ(view->document(changed.id).value(), changed);
  EXPECT_EQ(view->document(generated_document(4999).id).value(), generated_document(4999));
  EXPECT_FALSE(view->document(generated_document(4998).id));
  auto sql = schema_->sql();
  EXPECT_EQ(sql->one("SELECT count(*) FROM names"),
            std::to_string(1 + full_organization().variants.size()));
}

}  // namespace
}  // namespace archive_test
