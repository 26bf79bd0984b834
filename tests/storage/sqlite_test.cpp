// The SQLite backend: the conformance suite, plus what only it does — a schema other tools can
// read, migrations, refusing files it must not touch, read-only locations, a full disk, and
// several processes sharing one file.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "storage/conformance.hpp"
#include "storage/temp_dir.hpp"

namespace archive_test {
namespace {

using archive::ErrorCode;
using archive::RecordKind;
using archive::StorageOptions;
using archive::WriteBatch;

struct SqliteBackend {
  static constexpr bool kPersistent = true;
  static std::string skip_reason() { return {}; }
  archive::Result<std::unique_ptr<archive::Storage>> open() {
    return archive::open_storage("sqlite:" + dir.file("catalog.db"));
  }
  TempDir dir;
};

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StorageConformance, SqliteBackend);

// ---------------------------------------------------------------------------------------------
// Helpers: the file's bytes, and the database opened with the plain sqlite3 C API.

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A database opened with the C API, as another tool would.
class RawDb {
 public:
  explicit RawDb(const std::string& path, bool writable = false) {
    const int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, flags, nullptr), SQLITE_OK) << path;
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void exec(const std::string& sql) {
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << sql << ": " << (message ? message : "");
    sqlite3_free(message);
  }

  // Every row of a query (each column as text, NULL as "<null>"), `params` bound as text.
  std::vector<std::vector<std::string>> rows(const std::string& sql,
                                             const std::vector<std::string>& params = {}) {
    sqlite3_stmt* stmt = nullptr;
    std::vector<std::vector<std::string>> out;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
      return out;
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      sqlite3_bind_text(stmt, static_cast<int>(i + 1), params[i].data(),
                        static_cast<int>(params[i].size()), SQLITE_TRANSIENT);
    }
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.emplace_back("<null>");
        } else {
          row.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
        }
      }
      out.push_back(std::move(row));
    }
    EXPECT_EQ(rc, SQLITE_DONE) << sql << ": " << sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return out;
  }

  std::string value(const std::string& sql, const std::vector<std::string>& params = {}) {
    auto r = rows(sql, params);
    return r.empty() || r[0].empty() ? "<no row>" : r[0][0];
  }

 private:
  sqlite3* db_ = nullptr;
};

std::unique_ptr<archive::Storage> open_ok(const std::string& address,
                                          const StorageOptions& options = {}) {
  auto store = archive::open_storage(address, options);
  EXPECT_TRUE(store) << store.error().describe();
  return store ? std::move(*store) : nullptr;
}

// A catalog at `path` with the full records and `n` generated documents, closed again.
void make_catalog(const std::string& path, int n = 10) {
  auto store = open_ok("sqlite:" + path);
  ASSERT_NE(store, nullptr);
  WriteBatch batch;
  batch.put(full_document()).put(full_collection()).put(full_person()).put(full_organization());
  for (int i = 0; i < n; ++i)
    batch.put(generated_document(i));
  ASSERT_TRUE(store->apply(batch));
}

// Opening `path` fails with `code`, names the path, says `why`, and leaves the file as it was.
void expect_refused(const std::string& path, ErrorCode code, const std::string& why,
                    const StorageOptions& options = {}) {
  const auto before = file_bytes(path);
  auto store = archive::open_storage("sqlite:" + path, options);
  ASSERT_FALSE(store) << "opened " << path;
  EXPECT_EQ(store.error().code, code) << store.error().describe();
  EXPECT_NE(store.error().message.find(path), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find(why), std::string::npos) << store.error().message;
  EXPECT_EQ(file_bytes(path), before) << "the file changed";
  // (A read-only SQLite connection to a WAL-mode file leaves an empty WAL file beside it.)
  if (!options.read_only) {
    EXPECT_FALSE(std::filesystem::exists(path + "-wal")) << "a WAL file was left beside it";
  }
}

// ---------------------------------------------------------------------------------------------

TEST(SqliteStorage, SchemaIsReadableWithPlainSql) {
  TempDir dir;
  const auto path = dir.file("catalog.db");
  std::string instance;
  {
    auto store = open_ok("sqlite:" + path);
    WriteBatch batch;
    batch.put(full_document()).put(full_collection()).put(full_person()).put(full_organization());
    for (int i = 0; i < 24; ++i)
      batch.put(generated_document(i));
    ASSERT_TRUE(store->apply(batch));
    instance = store->instance_id();
  }
  RawDb db(path);
  EXPECT_EQ(db.value("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(db.value("SELECT value FROM meta WHERE key = 'schema_version'"), "2");
  EXPECT_EQ(db.value("SELECT value FROM meta WHERE key = 'generation'"), "1");
  EXPECT_EQ(db.value("SELECT value FROM meta WHERE key = 'instance_id'"), instance);

  const auto doc = full_document();
  EXPECT_EQ(
      db.rows("SELECT title, date_edtf, date_original, date_calendar, date_note, "
              "date_earliest, date_latest, views, created, modified FROM documents "
              "WHERE id = ?",
              {doc.id.str()}),
      (std::vector<std::vector<std::string>>{
          {doc.title, "1945-07-06", "6 июля 1945 г.", "gregorian", "from the decree's heading",
           "1945-07-06", "1945-07-06", "12345", "1700000000", "1760000000"}}));
  // The preferred name at position 0, then the variants.
  auto names = db.rows(
      "SELECT position, form, script, scheme, source FROM names "
      "WHERE owner_kind = 'person' AND owner_id = 'person-bagirov' ORDER BY position");
  ASSERT_EQ(names.size(), 5u);
  EXPECT_EQ(names[0],
            (std::vector<std::string>{"0", "Mir Jafar Baghirov", "latin", "popular", "seed page"}));
  EXPECT_EQ(names[1], (std::vector<std::string>{"1", "Багиров, Мир Джафар Аббасович", "cyrillic",
                                                "<null>", "BSE"}));
  // Documents of a person: the agents table joined to documents.
  EXPECT_EQ(db.rows("SELECT d.id, a.role FROM documents d "
                    "JOIN document_agents a ON a.document_id = d.id "
                    "WHERE a.agent_kind = 'person' AND a.agent_id = 'person-stalin' "
                    "AND a.role = 'signatory'"),
            (std::vector<std::vector<std::string>>{{doc.id.str(), "signatory"}}));
  EXPECT_EQ(db.value("SELECT count(*) FROM document_agents WHERE agent_id = 'person-stalin'"),
            "25");
  // Documents by date range: generated document n is dated 1945 + n % 12.
  EXPECT_EQ(db.value("SELECT count(*) FROM documents "
                     "WHERE date_earliest <= '1946-12-31' AND date_latest >= '1946-01-01'"),
            "2");
  // Both membership lists.
  EXPECT_EQ(db.rows("SELECT listed_by, document_id, position FROM memberships "
                    "WHERE collection_id = 'coll-iran-1945-1946' AND listed_by = 'collection' "
                    "ORDER BY position"),
            (std::vector<std::vector<std::string>>{
                {"collection", "doc-1945-07-06-politburo-decree", "0"},
                {"collection", "doc-1945-10-08-bagirov-letter", "1"}}));
  EXPECT_EQ(db.value("SELECT count(*) FROM memberships WHERE listed_by = 'document'"), "26");
  EXPECT_EQ(db.value("SELECT date_edtf || ' ' || date_calendar FROM person_positions "
                     "WHERE person_id = 'person-bagirov' AND position = 1"),
            "1953-03~/1953-07 gregorian");
  EXPECT_EQ(db.value("SELECT born_original FROM people WHERE id = 'person-bagirov'"),
            "۲۶ شهریور ۱۲۷۴");
  EXPECT_EQ(db.value("SELECT existed_edtf FROM organizations WHERE id = 'org-tudeh'"),
            "1941-10-02/..");
}

TEST(SqliteStorage, MembershipListsRoundTripEvenWhenTheyDisagree) {
  TempDir dir;
  auto store = open_ok(dir.file("catalog.db"));
  auto d = minimal_document("doc-a");
  d.collections = {archive::CollectionId("coll-b"), archive::CollectionId("coll-a"),
                   archive::CollectionId("coll-b")};
  archive::Collection c{archive::CollectionId("coll-a"), "A", {}, {}, {}, {}, {}};
  c.documents = {archive::DocumentId("doc-z"), archive::DocumentId("doc-a"),
                 archive::DocumentId("doc-z")};
  WriteBatch batch;
  batch.put(d).put(c);
  ASSERT_TRUE(store->apply(batch));
  auto view = store->read().value();
  EXPECT_EQ(view->document(d.id).value(), d);
  EXPECT_EQ(view->collection(c.id).value(), c);
  // Replacing one list leaves the other as it was.
  c.documents.clear();
  ASSERT_TRUE(store->put(c));
  view = store->read().value();
  EXPECT_EQ(view->document(d.id).value(), d);
  EXPECT_EQ(view->collection(c.id).value(), c);
}

TEST(SqliteStorage, BarePathAndSqliteAddressOpenTheSameStore) {
  TempDir dir;
  // Characters a URI or SQL would read specially are just part of the name.
  const auto path = dir.file("it's a \"catalog\"; ?mode=ro#x %20.db");
  std::string instance;
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->address(), "sqlite:" + path);
    ASSERT_TRUE(store->put(full_person()));
    instance = store->instance_id();
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  auto store = open_ok("sqlite:" + path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->address(), "sqlite:" + path);
  EXPECT_EQ(store->instance_id(), instance);
  EXPECT_EQ(store->read().value()->person(full_person().id).value(), full_person());
}

TEST(SqliteStorage, ARelativePathThatLooksLikeAUriIsJustAPath) {
  TempDir dir;
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  {
    auto store = open_ok("sqlite:file:catalog.db?mode=memory");
    ASSERT_NE(store, nullptr);
    EXPECT_TRUE(store->put(full_person()));
  }
  std::filesystem::current_path(cwd);
  EXPECT_TRUE(std::filesystem::exists(dir.file("file:catalog.db?mode=memory")));
  auto store = open_ok("sqlite:" + dir.file("file:catalog.db?mode=memory"));
  EXPECT_EQ(store->read().value()->person(full_person().id).value(), full_person());
}

TEST(SqliteStorage, MigratesAVersion1FileOnOpen) {
  TempDir dir;
  const auto path = dir.file("v1.db");
  make_catalog(path, 30);
  {
    // Version 1 had no date_earliest / date_latest columns.
    RawDb db(path, true);
    db.exec("DROP INDEX documents_by_date");
    db.exec("ALTER TABLE documents DROP COLUMN date_earliest");
    db.exec("ALTER TABLE documents DROP COLUMN date_latest");
    db.exec("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  }
  // Read-only, it cannot be migrated: refused, untouched.
  StorageOptions read_only;
  read_only.read_only = true;
  expect_refused(path, ErrorCode::unsupported, "schema version 1", read_only);

  {
    auto store = open_ok("sqlite:" + path);
    ASSERT_NE(store, nullptr);
    auto view = store->read().value();
    EXPECT_EQ(view->generation(), 1u);
    EXPECT_EQ(view->document(full_document().id).value(), full_document());
    EXPECT_EQ(view->person(full_person().id).value(), full_person());
    EXPECT_EQ(view->read_all().value().documents.size(), 31u);
  }
  RawDb db(path);
  EXPECT_EQ(db.value("SELECT value FROM meta WHERE key = 'schema_version'"), "2");
  EXPECT_EQ(db.value("SELECT date_earliest || '..' || date_latest FROM documents WHERE id = ?",
                     {full_document().id.str()}),
            "1945-07-06..1945-07-06");
  EXPECT_EQ(db.value("SELECT count(*) FROM documents WHERE date_earliest IS NULL"), "0");
  EXPECT_EQ(db.value("SELECT count(*) FROM sqlite_master WHERE name = 'documents_by_date'"), "1");
}

TEST(SqliteStorage, RefusesANewerSchemaVersionAndLeavesTheFileUnchanged) {
  TempDir dir;
  const auto path = dir.file("newer.db");
  make_catalog(path);
  {
    RawDb db(path, true);
    db.exec("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  }
  expect_refused(path, ErrorCode::unsupported, "schema version 3");
  StorageOptions read_only;
  read_only.read_only = true;
  expect_refused(path, ErrorCode::unsupported, "schema version 3", read_only);
}

TEST(SqliteStorage, RefusesGarbageAndLeavesItUnchanged) {
  TempDir dir;
  std::mt19937 random(42);
  std::string garbage(8192, '\0');
  for (auto& c : garbage)
    c = static_cast<char>(random());
  write_file(dir.file("garbage.db"), garbage);
  expect_refused(dir.file("garbage.db"), ErrorCode::corrupt, "not an SQLite database");

  write_file(dir.file("short.db"), "hello");
  expect_refused(dir.file("short.db"), ErrorCode::corrupt, "not an SQLite database");

  // The right magic, then garbage.
  write_file(dir.file("magic.db"), std::string("SQLite format 3", 16) + garbage);
  expect_refused(dir.file("magic.db"), ErrorCode::corrupt, "");

  // A catalog whose pages after the header are overwritten.
  make_catalog(dir.file("damaged.db"), 200);
  auto bytes = file_bytes(dir.file("damaged.db"));
  for (std::size_t i = 100; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>(random());
  write_file(dir.file("damaged.db"), bytes);
  expect_refused(dir.file("damaged.db"), ErrorCode::corrupt, "");
}

TEST(SqliteStorage, RefusesATruncatedDatabaseAndLeavesItUnchanged) {
  TempDir dir;
  const auto path = dir.file("truncated.db");
  make_catalog(path, 500);
  const auto size = std::filesystem::file_size(path);
  ASSERT_GT(size, 8192u);
  std::filesystem::resize_file(path, size / 2);
  expect_refused(path, ErrorCode::corrupt, "truncated");
  std::filesystem::resize_file(path, 60);
  expect_refused(path, ErrorCode::corrupt, "not an SQLite database");
}

TEST(SqliteStorage, RefusesAForeignDatabaseAndLeavesItUnchanged) {
  TempDir dir;
  const auto path = dir.file("foreign.db");
  {
    RawDb db(path, true);
    db.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)");
    db.exec("INSERT INTO accounts (owner) VALUES ('someone')");
  }
  expect_refused(path, ErrorCode::corrupt, "foreign SQLite database");
  // Another application's meta table is not ours either.
  {
    RawDb db(path, true);
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
    db.exec("INSERT INTO meta VALUES ('schema_version', '2')");
  }
  expect_refused(path, ErrorCode::corrupt, "foreign SQLite database");
  EXPECT_EQ(RawDb(path).value("SELECT owner FROM accounts"), "someone");
}

TEST(SqliteStorage, MissingFileWithoutCreateIsNotFoundAndNotCreated) {
  TempDir dir;
  const auto path = dir.file("missing.db");
  StorageOptions no_create;
  no_create.create_if_missing = false;
  auto store = archive::open_storage("sqlite:" + path, no_create);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::not_found);
  EXPECT_NE(store.error().message.find(path), std::string::npos) << store.error().message;
  StorageOptions read_only;
  read_only.read_only = true;
  store = archive::open_storage(path, read_only);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::not_found);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(SqliteStorage, ReadOnlyOptionRefusesWritesAndKeepsCommittedData) {
  TempDir dir;
  const auto path = dir.file("catalog.db");
  make_catalog(path);
  const auto before = file_bytes(path);
  {
    StorageOptions read_only;
    read_only.read_only = true;
    auto store = open_ok("sqlite:" + path, read_only);
    ASSERT_NE(store, nullptr);
    auto put = store->put(minimal_document());
    ASSERT_FALSE(put);
    EXPECT_EQ(put.error().code, ErrorCode::unsupported);
    EXPECT_NE(put.error().message.find("read-only"), std::string::npos) << put.error().message;
    auto view = store->read().value();
    EXPECT_EQ(view->generation(), 1u);
    EXPECT_EQ(view->document(full_document().id).value(), full_document());
    EXPECT_FALSE(view->document(minimal_document().id));
  }
  EXPECT_EQ(file_bytes(path), before);
  // Opened for writing again, it is as it was.
  auto store = open_ok("sqlite:" + path);
  EXPECT_EQ(store->generation().value(), 1u);
}

TEST(SqliteStorage, ReadOnlyDirectoryRefusesWritesAndKeepsCommittedData) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: file permissions do not stop root from writing, so a "
                    "read-only directory cannot be simulated";
  }
  TempDir dir;
  const auto sub = dir.path() / "locked";
  std::filesystem::create_directory(sub);
  const auto path = (sub / "catalog.db").string();
  make_catalog(path);
  std::filesystem::permissions(
      sub, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read);
  {
    auto store = open_ok("sqlite:" + path);
    ASSERT_NE(store, nullptr);
    auto put = store->put(minimal_document());
    ASSERT_FALSE(put);
    EXPECT_EQ(put.error().code, ErrorCode::unsupported);
    EXPECT_NE(put.error().message.find("not writable"), std::string::npos) << put.error().message;
    EXPECT_EQ(store->read().value()->document(full_document().id).value(), full_document());
  }
  // A new store cannot be created there.
  auto created = archive::open_storage("sqlite:" + (sub / "new.db").string());
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, ErrorCode::io_error);
  std::filesystem::permissions(sub, std::filesystem::perms::owner_all);
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

// Runs `child` in a forked process and returns its exit code (-1 when it did not exit).
int run_in_child(const std::function<int()>& child) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(child());
  int status = 0;
  if (pid < 0 || ::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(SqliteStorage, AFullDiskGivesIoErrorAndKeepsCommittedData) {
  TempDir dir;
  const auto path = dir.file("catalog.db");
  make_catalog(path);
  int pipe_ends[2];
  ASSERT_EQ(::pipe(pipe_ends), 0);
  const auto limit = static_cast<rlim_t>(std::filesystem::file_size(path) + 64 * 1024);
  // The child may not write past `limit` bytes in any file: a disk that fills up.
  const int status = run_in_child([&] {
    ::close(pipe_ends[0]);
    ::signal(SIGXFSZ, SIG_IGN);
    rlimit rl{limit, limit};
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) return 10;
    auto store = archive::open_storage("sqlite:" + path);
    if (!store) {
      auto m = store.error().describe();
      (void)!::write(pipe_ends[1], m.data(), m.size());
      return 11;
    }
    WriteBatch batch;
    for (int i = 1000; i < 6000; ++i)
      batch.put(generated_document(i));
    auto r = (*store)->apply(batch);
    const auto m = r ? std::string("the batch was committed") : r.error().describe();
    (void)!::write(pipe_ends[1], m.data(), m.size());
    if (r) return 12;
    if (r.error().code != ErrorCode::io_error) return 13;
    // The store is still usable for reading.
    auto view = (*store)->read();
    if (!view || (*view)->generation() != 1u) return 14;
    return 0;
  });
  ::close(pipe_ends[1]);
  std::string message;
  char buffer[512];
  for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
    message.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_ends[0]);
  EXPECT_EQ(status, 0) << message;
  EXPECT_NE(message.find(path), std::string::npos) << message;

  auto store = open_ok("sqlite:" + path);
  ASSERT_NE(store, nullptr);
  auto view = store->read().value();
  EXPECT_EQ(view->generation(), 1u);
  EXPECT_EQ(view->document(full_document().id).value(), full_document());
  EXPECT_FALSE(view->document(generated_document(1000).id));
  EXPECT_EQ(view->read_all().value().documents.size(), 11u);
}

TEST(SqliteStorage, TwoProcessesWriteWithoutLosingBatches) {
  TempDir dir;
  const auto path = dir.file("catalog.db");
  make_catalog(path, 0);
  constexpr int kBatches = 40;
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      auto store = archive::open_storage("sqlite:" + path);
      if (!store) ::_exit(1);
      for (int b = 0; b < kBatches; ++b) {
        WriteBatch batch;
        for (int i = 0; i < 5; ++i)
          batch.put(minimal_document("doc-p" + std::to_string(p) + "-" + std::to_string(b) + "-" +
                                     std::to_string(i)));
        if (!(*store)->apply(batch)) ::_exit(2);
        auto view = (*store)->read();  // readers meanwhile
        if (!view || !(*view)->document(archive::DocumentId("doc-p" + std::to_string(p) + "-" +
                                                            std::to_string(b) + "-0"))) {
          ::_exit(3);
        }
      }
      store->reset();
      ::_exit(0);
    }
    ASSERT_GT(pid, 0);
    children.push_back(pid);
  }
  for (auto pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  }
  auto store = open_ok("sqlite:" + path);
  auto view = store->read().value();
  EXPECT_EQ(view->generation(), 1u + 2 * kBatches);
  EXPECT_EQ(view->read_all().value().documents.size(), 1u + 2 * kBatches * 5);
}

TEST(SqliteStorage, HostileTextIsDataAndTheSchemaSurvives) {
  TempDir dir;
  const auto path = dir.file("catalog.db");
  auto store = open_ok("sqlite:" + path);
  auto p = minimal_person("person-hostile");
  p.name.form = "Robert'); DROP TABLE names; --";
  p.name.source = "x' OR '1'='1";
  p.note = std::string("a\0b", 3) + "\"; DELETE FROM people; --";
  p.variants = {{"%_\\", archive::text::Script::none, std::nullopt, "?1 $1 :a @a"}};
  auto d = minimal_document("doc-hostile");
  d.title = "'); DROP TABLE documents; --";
  d.places = {"'", "\"", ";", "--", "/*"};
  d.date.set_provenance({"'; DROP TABLE meta; --", archive::Calendar::julian, "*/"});
  WriteBatch batch;
  batch.put(p).put(d);
  ASSERT_TRUE(store->apply(batch));
  store.reset();

  store = open_ok("sqlite:" + path);
  auto view = store->read().value();
  EXPECT_EQ(view->person(p.id).value(), p);
  auto back = view->document(d.id).value();
  EXPECT_EQ(back, d);
  EXPECT_TRUE(back.date.identical(d.date));
  RawDb db(path);
  EXPECT_EQ(db.value("SELECT title FROM documents WHERE id = 'doc-hostile'"), d.title);
  EXPECT_EQ(db.value("SELECT count(*) FROM sqlite_master WHERE type = 'table'"), "16");
}

TEST(SqliteStorage, AValueThatCannotBeReadBackIsCorruptNamingTableColumnAndRecord) {
  TempDir dir;
  const auto path = dir.file("catalog.db");
  make_catalog(path);
  {
    RawDb db(path, true);
    db.exec("UPDATE documents SET date_edtf = '1945-13-45' WHERE id = 'doc-00000003'");
    db.exec("UPDATE document_agents SET role = 'boss' WHERE document_id = 'doc-00000004'");
    db.exec(
        "UPDATE names SET script = 'klingon' WHERE owner_id = 'person-bagirov' "
        "AND position = 2");
    db.exec("UPDATE documents SET views = 'many' WHERE id = 'doc-00000005'");
  }
  auto store = open_ok("sqlite:" + path);
  auto view = store->read().value();
  auto expect_corrupt = [](const auto& result, std::vector<std::string> words) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::corrupt) << result.error().describe();
    for (const auto& w : words)
      EXPECT_NE(result.error().message.find(w), std::string::npos) << result.error().message;
  };
  expect_corrupt(view->document(generated_document(3).id),
                 {"table documents", "column date_edtf", "doc-00000003", "1945-13-45"});
  expect_corrupt(view->document(generated_document(4).id),
                 {"table document_agents", "column role", "doc-00000004", "boss"});
  expect_corrupt(view->document(generated_document(5).id),
                 {"table documents", "column views", "doc-00000005"});
  expect_corrupt(view->person(full_person().id),
                 {"table names", "column script", "person-bagirov", "klingon"});
  // A scan stops at the first such record, after visiting the ones before it.
  std::vector<std::string> seen;
  auto scan = view->scan(RecordKind::document, [&](archive::Record&& r) {
    seen.push_back(std::get<archive::Document>(r).id.str());
    return true;
  });
  expect_corrupt(scan, {"doc-00000003"});
  EXPECT_EQ(seen.size(), 3u);  // doc-00000000 … 02
  EXPECT_EQ(view->document(generated_document(6).id).value(), generated_document(6));
}

TEST(SqliteStorage, AFailureInsideABatchRollsBackAllOfIt) {
  TempDir dir;
  const auto path = dir.file("catalog.db");
  make_catalog(path, 2);
  {
    // A trigger that fails the write of one subject, as a constraint or a full disk would.
    RawDb db(path, true);
    db.exec(
        "CREATE TRIGGER fail_boom BEFORE INSERT ON document_subjects "
        "WHEN NEW.subject = 'boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END");
  }
  auto store = open_ok("sqlite:" + path);
  auto changed = full_document();
  changed.title = "changed";
  auto bad = minimal_document("doc-zzz");
  bad.subjects = {"boom"};
  WriteBatch batch;
  batch.put(changed).put(generated_document(50)).erase(archive::key_of(full_person().id)).put(bad);
  auto result = store->apply(batch);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("boom refused"), std::string::npos)
      << result.error().message;
  auto view = store->read().value();
  EXPECT_EQ(view->generation(), 1u);
  EXPECT_EQ(view->document(full_document().id).value(), full_document());
  EXPECT_EQ(view->person(full_person().id).value(), full_person());
  EXPECT_FALSE(view->document(generated_document(50).id));
  view.reset();
  // The store goes on working.
  EXPECT_EQ(store->put(generated_document(50)).value(), 2u);
}

}  // namespace
}  // namespace archive_test
