// Several writers on one store: two processes import into one SQLite file or one PostgreSQL
// database at once while a third catalog watches; afterwards every catalog's search agrees
// with what the store holds, and so does a reopened one (its saved index, if trusted, must be
// right). Copies of one catalog that diverge never trust each other's index file.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "archive/catalog.hpp"
#include "archive/io/jsonl.hpp"
#include "storage/temp_dir.hpp"
#ifdef ARCHIVE_TEST_WITH_POSTGRESQL
#include "storage/postgresql_server.hpp"
#endif

#ifndef ARCHIVE_CATALOG_WRITER
#error "ARCHIVE_CATALOG_WRITER must name the catalog_writer program"
#endif

namespace archive {
namespace {

namespace fs = std::filesystem;

constexpr int kPerWriter = 3000;
constexpr int kBatch = 100;

pid_t start_writer(const std::string& address, const std::string& prefix) {
  const auto count = std::to_string(kPerWriter);
  const auto batch = std::to_string(kBatch);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl(ARCHIVE_CATALOG_WRITER, ARCHIVE_CATALOG_WRITER, address.c_str(), prefix.c_str(),
            count.c_str(), batch.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The documents the store holds, counted by a scan (not by the index).
std::size_t stored_documents(const Catalog& catalog) {
  auto reader = catalog.read().value();
  std::size_t n = 0;
  EXPECT_TRUE(reader->scan(RecordKind::document, [&](Record&&) {
    ++n;
    return true;
  }));
  return n;
}

// Two writer processes and a watching catalog on `address`; then every view must agree.
void two_writers_at_once(const std::string& address) {
  auto watcher = Catalog::open(address);
  ASSERT_TRUE(watcher) << watcher.error().describe();
  const pid_t a = start_writer(address, "tass");
  const pid_t b = start_writer(address, "pravda");
  ASSERT_GT(a, 0);
  ASSERT_GT(b, 0);
  // Searches while they write see whole batches, never more than is stored.
  std::size_t last = 0;
  for (int i = 0; i < 20; ++i) {
    auto n = watcher->count("sort:date");
    ASSERT_TRUE(n) << n.error().describe();
    EXPECT_GE(*n, last);
    EXPECT_EQ(*n % kBatch, 0u);
    last = *n;
    ::usleep(20000);
  }
  EXPECT_EQ(wait_for(a), 0);
  EXPECT_EQ(wait_for(b), 0);

  const std::size_t both = 2 * kPerWriter;
  ASSERT_EQ(stored_documents(*watcher), both);
  EXPECT_EQ(watcher->count("sort:date").value(), both);
  EXPECT_EQ(watcher->count("telegram stalin").value(), both);
  EXPECT_EQ(watcher->count("person:person-tass").value(), std::size_t{kPerWriter});
  // The last renaming of each author reached every one of his documents.
  EXPECT_EQ(watcher->count("\"Molotov tass 28\"").value(), std::size_t{kPerWriter});
  ASSERT_TRUE(watcher->flush());

  // A catalog opened afterwards: the saved index (whichever process saved it last) is used
  // only if it is right.
  auto reopened = Catalog::open(address);
  ASSERT_TRUE(reopened) << reopened.error().describe();
  EXPECT_EQ(reopened->count("sort:date").value(), both) << reopened->index_origin();
  EXPECT_EQ(reopened->count("person:person-pravda").value(), std::size_t{kPerWriter});
}

TEST(MultiWriter, TwoProcessesImportingIntoOneSqliteFileLeaveEveryIndexRight) {
  archive_test::TempDir dir;
  two_writers_at_once("sqlite:" + dir.file("catalog.db"));
}

#ifdef ARCHIVE_TEST_WITH_POSTGRESQL
TEST(MultiWriter, TwoProcessesImportingIntoOnePostgresqlDatabaseLeaveEveryIndexRight) {
  if (auto why = archive_test::skip_or_fail_reason(); !why.empty()) GTEST_SKIP() << why;
  archive_test::Schema schema;
  two_writers_at_once(schema.uri());
}
#endif

// ---- copies -----------------------------------------------------------------------------

Records sample() {
  auto read = read_jsonl_file(std::string(ARCHIVE_SOURCE_DIR) + "/data/sample_collection.jsonl");
  EXPECT_TRUE(read.has_value());
  return read ? read->records : Records{};
}

Document telegram(const std::string& id, const std::string& title) {
  Document d;
  d.id = DocumentId(id);
  d.title = title;
  return d;
}

// Catalog A is copied (store and index) to B; each then commits one different batch, so both
// stand at the same generation. B given A's index file must not trust it.
void diverged_copies(const std::string& scheme, const archive_test::TempDir& dir) {
  const auto a = dir.file("a"), b = dir.file("b");
  {
    auto catalog = Catalog::open(scheme + a).value();
    ASSERT_TRUE(catalog.add(sample()));
  }  // closed: the index is saved beside the store
  fs::copy_file(a, b);
  fs::copy_file(a + ".index", b + ".index");
  {
    auto copy = Catalog::open(scheme + b).value();
    EXPECT_TRUE(copy.index_was_loaded()) << copy.index_origin();  // the same state: trusted
  }
  Records only_a, only_b;
  only_a.documents.push_back(telegram("telegram-a", "Telegram from Molotov to Bagirov"));
  only_b.documents.push_back(telegram("telegram-b", "Letter from Kianuri to Bagirov"));
  std::uint64_t generation_a = 0, generation_b = 0;
  {
    auto catalog = Catalog::open(scheme + a).value();
    generation_a = catalog.add(only_a).value();
  }
  {
    auto catalog = Catalog::open(scheme + b).value();
    generation_b = catalog.add(only_b).value();
  }
  ASSERT_EQ(generation_a, generation_b);
  fs::copy_file(a + ".index", b + ".index", fs::copy_options::overwrite_existing);

  auto copy = Catalog::open(scheme + b).value();
  EXPECT_FALSE(copy.index_was_loaded());
  EXPECT_NE(copy.index_origin().find("another copy of this store"), std::string::npos)
      << copy.index_origin();
  EXPECT_EQ(copy.count("Molotov Bagirov telegram").value(), 0u);  // A's document: not here
  EXPECT_EQ(copy.count("Kianuri letter").value(), 1u);            // B's own
}

TEST(DivergedCopies, AnSqliteCopysIndexFileIsNotTrustedOnceTheCopiesDiverge) {
  archive_test::TempDir dir;
  diverged_copies("sqlite:", dir);
}

TEST(DivergedCopies, ASnapshotCopysIndexFileIsNotTrustedOnceTheCopiesDiverge) {
  archive_test::TempDir dir;
  diverged_copies("snapshot:", dir);
}

}  // namespace
}  // namespace archive
