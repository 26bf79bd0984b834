// The snapshot backend: the conformance suite, plus what only a one-file store does — its
// frame (newer formats, truncation, damage, foreign files), temporary files left by a crash,
// read-only opening, write failures (permissions, a full disk) and one writer at a time.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <new>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "storage/conformance.hpp"
#include "storage/run_in_child.hpp"
#include "storage/sample_records.hpp"
#include "storage/temp_dir.hpp"

// The size of the largest single request to operator new on this thread while a test
// watches (AllocationWatch below), so a test can check that a forged length in a file does
// not make the reader allocate what the file cannot hold. A request above kRefusedAbove is
// refused with bad_alloc instead of served, so a reader that trusts a forged length fails at
// once rather than taking gigabytes. Works under AddressSanitizer (every replaceable
// non-aligned form is replaced, so ASan sees malloc and free paired), unlike RLIMIT_AS. The
// ThreadSanitizer and MemorySanitizer runtimes define operator new themselves (a replacement
// does not link): there the hook is left out and the tests say that they check no sizes.
#if defined(__SANITIZE_THREAD__)
#define ARCHIVE_TEST_NO_NEW_HOOK 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define ARCHIVE_TEST_NO_NEW_HOOK 1
#endif
#endif

namespace allocation_watch {
#ifdef ARCHIVE_TEST_NO_NEW_HOOK
constexpr bool kAvailable = false;
#else
constexpr bool kAvailable = true;
#endif
thread_local bool watching = false;
thread_local std::size_t largest = 0;
constexpr std::size_t kRefusedAbove = std::size_t{64} << 20;
}  // namespace allocation_watch

#ifndef ARCHIVE_TEST_NO_NEW_HOOK

// These replacements pair malloc with free by design; g++ -O3 inlines them into callers and
// then takes the pairing for a mismatch.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  if (allocation_watch::watching) {
    allocation_watch::largest = std::max(allocation_watch::largest, size);
    if (size > allocation_watch::kRefusedAbove) throw std::bad_alloc();
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  return ::operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return ::operator new(size, std::nothrow);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif  // ARCHIVE_TEST_NO_NEW_HOOK

namespace archive_test {
namespace {

// Watches this thread's allocations for its lifetime (see allocation_watch above).
class AllocationWatch {
 public:
  AllocationWatch() {
    allocation_watch::largest = 0;
    allocation_watch::watching = true;
  }
  ~AllocationWatch() { allocation_watch::watching = false; }
  AllocationWatch(const AllocationWatch&) = delete;
  AllocationWatch& operator=(const AllocationWatch&) = delete;
  /// Whether sizes are seen at all (not under ThreadSanitizer or MemorySanitizer).
  static constexpr bool kAvailable = allocation_watch::kAvailable;
  [[nodiscard]] std::size_t largest() const { return allocation_watch::largest; }
};

using archive::ErrorCode;
using archive::StorageOptions;

struct SnapshotBackend {
  static constexpr bool kPersistent = true;
  static std::string skip_reason() { return {}; }
  archive::Result<std::unique_ptr<archive::Storage>> open() {
    return archive::open_storage("snapshot:" + dir.file("catalog.snapshot"));
  }
  TempDir dir;
};

INSTANTIATE_TYPED_TEST_SUITE_P(Snapshot, StorageConformance, SnapshotBackend);

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

std::set<std::string> file_names(const std::filesystem::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    names.insert(entry.path().filename().string());
  return names;
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Replaces the file's checksum with the right one for its (edited) contents.
std::string with_fixed_checksum(std::string file) {
  const auto at = file.rfind("\nchecksum fnv1a64 ");
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(fnv1a64(std::string_view(file).substr(0, at))));
  return file.substr(0, at) + "\nchecksum fnv1a64 " + hex + "\n";
}

// The payload of a snapshot file (its Boost.Serialization archive).
std::string payload_of(const std::string& file) {
  const auto start = file.find("22 serialization::archive");
  return file.substr(start, file.rfind("\nchecksum fnv1a64 ") - start);
}

// The file with another payload, its length in the header and the checksum made to match (as
// a forger would).
std::string with_payload(const std::string& file, const std::string& payload) {
  const auto line = file.rfind("payload ", file.find("22 serialization::archive"));
  return with_fixed_checksum(file.substr(0, line) + "payload " + std::to_string(payload.size()) +
                             "\n" + payload + "\nchecksum fnv1a64 0000000000000000\n");
}

class SnapshotFile : public ::testing::Test {
 protected:
  std::string path() const { return dir_.file("catalog.snapshot"); }
  std::string address() const { return "snapshot:" + path(); }

  std::unique_ptr<archive::Storage> open(const StorageOptions& options = {}) {
    auto store = archive::open_storage(address(), options);
    EXPECT_TRUE(store) << store.error().describe();
    return store ? std::move(*store) : nullptr;
  }

  // A closed store holding a few records of every kind, at generation 2.
  void make_store(bool large = false) {
    auto store = open();
    ASSERT_NE(store, nullptr);
    archive::WriteBatch batch;
    batch.put(full_document()).put(full_person()).put(full_organization());
    batch.put(
        archive::Collection{archive::CollectionId("coll-small"), "Small", {}, {}, {}, {}, {}});
    for (int n = 0; n < (large ? 40 : 3); ++n)
      batch.put(generated_document(n));
    ASSERT_EQ(store->apply(batch).value(), 1u);
    ASSERT_EQ(store->put(minimal_document()).value(), 2u);
  }

  // Opening `bytes` as the store fails with `code`, names the file, and leaves it unchanged.
  void expect_refused(const std::string& bytes, ErrorCode code, const std::string& what,
                      const std::string& context) {
    write_bytes(path(), bytes);
    for (bool read_only : {false, true}) {
      auto store = archive::open_storage(address(), {.read_only = read_only});
      ASSERT_FALSE(store) << context;
      EXPECT_EQ(store.error().code, code) << context << ": " << store.error().describe();
      EXPECT_NE(store.error().message.find(path()), std::string::npos) << store.error().message;
      EXPECT_NE(store.error().message.find(what), std::string::npos)
          << context << ": " << store.error().message;
    }
    ASSERT_EQ(read_bytes(path()), bytes) << context << ": the file was changed";
  }

  TempDir dir_;
};

TEST_F(SnapshotFile, TheFileIsFramedAsDocumented) {
  make_store();
  const auto file = read_bytes(path());
  auto store = open();
  const auto id = store->instance_id();
  std::istringstream lines(file);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "archive-snapshot");
  std::getline(lines, line);
  EXPECT_EQ(line, "format 1");
  std::getline(lines, line);
  EXPECT_EQ(line, "generation 2");
  std::getline(lines, line);
  EXPECT_EQ(line, "instance " + id);
  std::getline(lines, line);
  ASSERT_TRUE(line.starts_with("payload "));
  const auto payload = std::stoull(line.substr(8));
  const auto header = static_cast<std::size_t>(lines.tellg());
  EXPECT_TRUE(file.substr(header).starts_with("22 serialization::archive "));
  EXPECT_EQ(file.size(), header + payload + 35);
  EXPECT_EQ(with_fixed_checksum(file), file);
  EXPECT_EQ(store->address(), address());
}

TEST_F(SnapshotFile, ANewStoreIsWrittenAtOnceAndKeepsItsInstanceId) {
  std::string id;
  {
    auto store = open();
    ASSERT_NE(store, nullptr);
    id = store->instance_id();
    EXPECT_EQ(id.size(), 32u);
  }
  ASSERT_TRUE(std::filesystem::exists(path()));
  EXPECT_TRUE(read_bytes(path()).starts_with("archive-snapshot\nformat 1\ngeneration 0\n"));
  auto store = open({.read_only = true});
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->instance_id(), id);
  EXPECT_EQ(store->generation().value(), 0u);
}

TEST_F(SnapshotFile, AMissingFileIsNotFoundWhenNotToBeCreated) {
  for (auto options : {StorageOptions{.create_if_missing = false},
                       StorageOptions{.create_if_missing = true, .read_only = true}}) {
    auto store = archive::open_storage(address(), options);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::not_found);
    EXPECT_NE(store.error().message.find(path()), std::string::npos) << store.error().message;
  }
  EXPECT_TRUE(file_names(dir_.path()).empty()) << "nothing is created, not even the lock file";
}

TEST_F(SnapshotFile, AFileFromANewerFormatIsRefused) {
  make_store();
  auto file = read_bytes(path());
  const auto at = file.find("format 1\n");
  ASSERT_NE(at, std::string::npos);
  expect_refused(file.replace(at, 9, "format 2\n"), ErrorCode::unsupported,
                 "written by a newer version of archive: format 2, this build reads up to 1",
                 "format 2");
  // A newer format may change everything after its format line.
  expect_refused("archive-snapshot\nformat 17\nwhatever comes next\n", ErrorCode::unsupported,
                 "format 17, this build reads up to 1", "format 17");
}

TEST_F(SnapshotFile, ANewerClassVersionOrBoostLibraryIsRefused) {
  make_store();
  const auto file = read_bytes(path());
  // The payload starts "22 serialization::archive <library> <documents> 0 <Document version>".
  const std::string boost_header = "22 serialization::archive ";
  const auto at = file.find(boost_header);
  ASSERT_NE(at, std::string::npos);
  std::istringstream payload(file.substr(at + boost_header.size()));
  unsigned library = 0, documents = 0, tracking = 9, version = 0;
  payload >> library >> documents >> tracking >> version;
  ASSERT_EQ(documents, 5u);
  ASSERT_EQ(tracking, 0u);
  ASSERT_EQ(version, 1u) << "Document is at class version 1";
  const auto prefix = boost_header + std::to_string(library) + " 5 0 ";
  ASSERT_EQ(file.find(prefix + "1 "), at);

  auto newer_class = file;
  newer_class.replace(at, prefix.size() + 1, prefix + "2");
  expect_refused(with_fixed_checksum(newer_class), ErrorCode::unsupported,
                 "written by a newer version of archive", "Document class version 2");
  auto newer_boost = file;
  newer_boost.replace(at, boost_header.size() + 2, boost_header + "99");
  expect_refused(with_fixed_checksum(newer_boost), ErrorCode::unsupported,
                 "newer Boost.Serialization", "Boost library version 99");
}

TEST_F(SnapshotFile, ATruncatedFileIsRefusedAtEveryLengthAndLeftUnchanged) {
  make_store();
  const auto file = read_bytes(path());
  ASSERT_GT(file.size(), 1000u);
  std::vector<std::size_t> lengths;
  for (std::size_t n = 0; n < file.size(); ++n) {
    // Every length in the header and the trailer, every 13th in between.
    if (n < 160 || n + 60 > file.size() || n % 13 == 0) lengths.push_back(n);
  }
  for (auto n : lengths) {
    expect_refused(
        file.substr(0, n), ErrorCode::corrupt, n == 0 ? "empty" : "truncated",
        "truncated to " + std::to_string(n) + " of " + std::to_string(file.size()) + " bytes");
    if (HasFatalFailure() || HasFailure()) return;
  }
  // Bytes appended are refused too (a file is exactly as long as its header says).
  expect_refused(file + "x", ErrorCode::corrupt, "unexpected bytes", "one byte appended");
  EXPECT_EQ(file_names(dir_.path()),
            (std::set<std::string>{"catalog.snapshot", "catalog.snapshot.lock"}));
}

TEST_F(SnapshotFile, AnyOneFlippedBitIsRefused) {
  make_store();
  const auto file = read_bytes(path());
  for (std::size_t at = 0; at < file.size(); ++at) {
    for (unsigned mask : {0x01u, 0x20u, 0x80u}) {
      auto damaged = file;
      damaged[at] = static_cast<char>(static_cast<unsigned char>(damaged[at]) ^ mask);
      write_bytes(path(), damaged);
      auto store = archive::open_storage(address());
      ASSERT_FALSE(store) << "byte " << at << " ^ " << mask << " went unnoticed";
      ASSERT_EQ(store.error().code, ErrorCode::corrupt)
          << "byte " << at << ": " << store.error().describe();
    }
  }
  write_bytes(path(), file);
  ASSERT_NE(open(), nullptr);
}

TEST_F(SnapshotFile, DamageWithAMatchingChecksumIsStillRefused) {
  make_store();
  const auto file = read_bytes(path());
  // An invalid record id (the checksum recomputed, as a buggy writer would).
  auto bad_id = file;
  const auto at = bad_id.find("doc-minimal");
  ASSERT_NE(at, std::string::npos);
  bad_id.replace(at, 11, "DOC-MINIMAL");
  expect_refused(with_fixed_checksum(bad_id), ErrorCode::corrupt, "document 'DOC-MINIMAL'",
                 "bad id");
  // A payload cut short inside, with its length and checksum made consistent.
  const auto header_end = file.find("22 serialization::archive");
  const auto payload_line = file.rfind("payload ", header_end);
  const auto payload = file.substr(header_end, file.rfind("\nchecksum") - header_end);
  const auto cut = payload.substr(0, payload.size() / 2);
  auto short_payload = file.substr(0, payload_line) + "payload " + std::to_string(cut.size()) +
                       "\n" + cut + "\nchecksum fnv1a64 0000000000000000\n";
  expect_refused(with_fixed_checksum(short_payload), ErrorCode::corrupt, "payload",
                 "short payload");
}

TEST_F(SnapshotFile, ForeignFilesAreRefused) {
  struct Foreign {
    std::string name;
    std::string bytes;
    std::string what;
  };
  const std::string sqlite_header = std::string("SQLite format 3\0", 16) + std::string(84, '\0');
  const std::vector<Foreign> files = {
      {"png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(100, '\x01'),
       "PNG image"},
      {"sqlite", sqlite_header + std::string(4000, '\0'), "SQLite database"},
      {"jsonl", "{\"type\": \"document\", \"id\": \"doc-1\"}\n", "JSON"},
      {"text", "Hello, world\n", "not an archive snapshot"},
      {"boost", "22 serialization::archive 18 0 0 1\n", "without the frame"},
      {"empty", "", "empty"},
      {"binary", std::string("\0\1\2\3\xFF\xFE", 6), "not an archive snapshot"},
      {"other magic", "archive-snapshots\nformat 1\n", "not an archive snapshot"},
  };
  for (const auto& foreign : files) {
    expect_refused(foreign.bytes, ErrorCode::corrupt, foreign.what, foreign.name);
  }
}

TEST_F(SnapshotFile, ATemporaryFileLeftByACrashIsIgnoredThenRemoved) {
  make_store();
  const auto file = read_bytes(path());
  const auto leftover = path() + ".tmp-0123456789abcdef";
  write_bytes(leftover, file.substr(0, file.size() / 2));  // a torn write
  write_bytes(dir_.file("catalog.snapshot.tmp-notours"), "x");
  write_bytes(dir_.file("other.snapshot.tmp-0123456789abcdef"), "x");
  {
    auto reader = open({.read_only = true});
    ASSERT_NE(reader, nullptr);
    EXPECT_EQ(reader->generation().value(), 2u);
    EXPECT_TRUE(std::filesystem::exists(leftover)) << "a reader leaves it to the writer";
  }
  auto store = open();
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(std::filesystem::exists(leftover));
  EXPECT_TRUE(std::filesystem::exists(dir_.file("catalog.snapshot.tmp-notours")));
  EXPECT_TRUE(std::filesystem::exists(dir_.file("other.snapshot.tmp-0123456789abcdef")));
  EXPECT_EQ(store->generation().value(), 2u);
  EXPECT_EQ(store->get(archive::key_of(full_document().id)).value(),
            archive::Record(full_document()));
  EXPECT_EQ(read_bytes(path()), file);
}

TEST_F(SnapshotFile, ReadOnlyReadsWithoutTheLockAndRefusesWrites) {
  make_store();
  auto writer = open();
  ASSERT_NE(writer, nullptr);
  auto reader = open({.read_only = true});
  ASSERT_NE(reader, nullptr) << "a reader opens while a writer holds the lock";
  EXPECT_EQ(reader->instance_id(), writer->instance_id());
  EXPECT_EQ(reader->generation().value(), 2u);
  EXPECT_EQ(reader->get(archive::key_of(full_person().id)).value(), archive::Record(full_person()));

  const auto before = read_bytes(path());
  auto put = reader->put(generated_document(99));
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().code, ErrorCode::unsupported);
  EXPECT_NE(put.error().message.find("read-only"), std::string::npos) << put.error().message;
  auto empty = reader->apply(archive::WriteBatch{});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::unsupported);
  EXPECT_EQ(read_bytes(path()), before);

  // The reader shows the file as it was opened; the writer goes on.
  ASSERT_EQ(writer->put(generated_document(99)).value(), 3u);
  EXPECT_EQ(reader->generation().value(), 2u);
  EXPECT_EQ(open({.read_only = true})->generation().value(), 3u);
}

TEST_F(SnapshotFile, ASecondWriterIsRefused) {
  make_store();
  auto first = open();
  ASSERT_NE(first, nullptr);

  auto second = archive::open_storage(address());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::unavailable);
  EXPECT_NE(second.error().message.find("already open for writing in this process"),
            std::string::npos)
      << second.error().message;

  // Another process is told which process holds the lock.
  const auto expected = "locked by another process (pid " + std::to_string(::getpid()) + ")";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto other = archive::open_storage(address());
    if (other) ::_exit(1);
    if (other.error().code != ErrorCode::unavailable) ::_exit(2);
    if (other.error().message.find(expected) == std::string::npos) {
      std::fprintf(stderr, "message: %s\n", other.error().message.c_str());
      ::_exit(3);
    }
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;

  first.reset();  // closing releases the lock
  auto again = open();
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->generation().value(), 2u);
}

TEST_F(SnapshotFile, AFullDiskIsAnIoErrorAndKeepsTheOldFile) {
  make_store();
  const auto before = read_bytes(path());
  // The child can write files up to a little more than the current one, not the next one.
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlim_t limit = before.size() + 512;
    const rlimit rl{limit, limit};
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) ::_exit(10);
    auto store = archive::open_storage(address());
    if (!store) ::_exit(11);
    archive::WriteBatch batch;
    for (int n = 0; n < 500; ++n)
      batch.put(generated_document(1000 + n));
    auto result = (*store)->apply(batch);
    if (result) ::_exit(12);
    const auto& message = result.error().message;
    std::fprintf(stderr, "the child's error: %s\n", result.error().describe().c_str());
    if (result.error().code != ErrorCode::io_error) ::_exit(13);
    if (message.find("File too large") == std::string::npos) ::_exit(14);
    if (message.find(path()) == std::string::npos) ::_exit(15);
    // The store is as it was, and goes on working for batches that fit.
    if ((*store)->generation().value_or(0) != 2) ::_exit(16);
    if ((*store)->get(archive::key_of(generated_document(1000).id))) ::_exit(17);
    if ((*store)->erase(archive::key_of(minimal_document().id)).value_or(0) != 3) ::_exit(18);
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "child status " << status;
  ASSERT_EQ(WEXITSTATUS(status), 0) << "see the child's exit status in the test source";

  EXPECT_EQ(file_names(dir_.path()),
            (std::set<std::string>{"catalog.snapshot", "catalog.snapshot.lock"}))
      << "the temporary file was removed";
  auto store = open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->generation().value(), 3u);  // the batch that fitted
  EXPECT_FALSE(store->get(archive::key_of(generated_document(1000).id)));
  EXPECT_FALSE(store->get(archive::key_of(minimal_document().id)));
  EXPECT_EQ(store->get(archive::key_of(full_document().id)).value(),
            archive::Record(full_document()));
}

TEST_F(SnapshotFile, ADirectoryWithoutWritePermissionIsAnIoError) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: directory permissions do not stop root's writes";
  }
  make_store();
  const auto before = read_bytes(path());
  std::filesystem::permissions(
      dir_.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  {
    auto store = open();  // the lock file exists and stays writable
    ASSERT_NE(store, nullptr);
    auto result = store->put(generated_document(7));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::io_error);
    EXPECT_NE(result.error().message.find("Permission denied"), std::string::npos)
        << result.error().message;
    EXPECT_NE(result.error().message.find(path()), std::string::npos) << result.error().message;
    EXPECT_EQ(store->generation().value(), 2u);
    EXPECT_FALSE(store->get(archive::key_of(generated_document(7).id)));
  }
  auto elsewhere = archive::open_storage("snapshot:" + dir_.file("new.snapshot"));
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code, ErrorCode::io_error);
  EXPECT_NE(elsewhere.error().message.find("Permission denied"), std::string::npos)
      << elsewhere.error().message;
  auto reader = open({.read_only = true});
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->generation().value(), 2u);
  std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all);
  EXPECT_EQ(read_bytes(path()), before);
}

TEST_F(SnapshotFile, LargeTextAndEveryFieldSurviveAReopen) {
  make_store(/*large=*/true);
  auto store = open();
  ASSERT_TRUE(store->put(full_collection()));  // 100,000 characters of description
  store.reset();
  store = open({.read_only = true});
  auto all = store->read().value()->read_all().value();
  EXPECT_EQ(all.documents.size(), 42u);
  ASSERT_EQ(all.collections.size(), 2u);
  EXPECT_EQ(all.collections[0], full_collection());
  EXPECT_TRUE(all.people[0].born.identical(full_person().born));
  EXPECT_TRUE(all.organizations[0].existed.identical(full_organization().existed));
}

// A length in the payload that the rest of it cannot hold (a text of 1.5e9 bytes, a list of
// 1.5e9 items in a file of 12 KB, the checksum recomputed) is refused as corrupt, naming the
// record and the byte, without allocating what it claims. Counts that the bytes left could
// hold pass that check, but reserve no more memory than those bytes. The largest single
// allocation while opening stays within a few times the file's size: the file is read whole,
// and records take more room in memory than in the file (a Document is 680 bytes with
// libstdc++, 290 bytes of this payload), so the list of 42 documents grows past the file's size.
TEST_F(SnapshotFile, AForgedLengthIsRefusedWithoutAllocatingIt) {
  make_store(/*large=*/true);
  const auto file = read_bytes(path());
  const auto payload = payload_of(file);
  ASSERT_GT(payload.size(), 10'000u);
  const auto bound = 8 * file.size();
  if (!AllocationWatch::kAvailable) {
    std::printf("note: no operator new hook under this sanitizer: allocation sizes unchecked\n");
    RecordProperty("allocation_sizes", "unchecked (no operator new hook under this sanitizer)");
  }

  auto opened = [&](const std::string& bytes, bool read_only, std::size_t& largest) {
    write_bytes(path(), bytes);
    AllocationWatch watch;
    auto store = archive::open_storage(address(), {.read_only = read_only});
    largest = watch.largest();
    return store;
  };
  {  // The file as written opens within the same bound.
    std::size_t largest = 0;
    auto store = opened(file, /*read_only=*/true, largest);
    ASSERT_TRUE(store) << store.error().describe();
    EXPECT_LE(largest, bound);
  }

  struct Forgery {
    std::string name;
    std::string from;  // a unique piece of the payload
    std::string to;    // what it becomes
    std::string what;  // in the message ("" : any corrupt)
  };
  const std::string second = "12 doc-00000001 55 Telegram 1 from Baku to Moscow — телеграмма";
  const auto languages_at = payload.find(second + " 10 1946-02-02 0  0 0  0  0  8 telegram 1 0");
  ASSERT_NE(languages_at, std::string::npos);
  // A list count that the bytes after it could hold (each item takes a byte at least), though
  // not its items: 32 bytes of memory for each if it were reserved.
  const auto list_fits = std::to_string(payload.size() - languages_at - 200);
  // A count of documents smaller than the payload: passes a check against its size.
  const auto documents_fit = std::to_string(payload.size() - 100);
  const std::vector<Forgery> forgeries = {
      {"a text of 1.5e9 bytes", "12 doc-00000000 55 Telegram 0 ",
       "12 doc-00000000 1500000000 Telegram 0 ",
       "document 1 of 42 ('doc-00000000'): a text of 1500000000 bytes at byte "},
      {"a list of 1.5e9 items", second + " 10 1946-02-02 0  0 0  0  0  8 telegram 1 0 2 ru",
       second + " 10 1946-02-02 0  0 0  0  0  8 telegram 1500000000 0 2 ru",
       "document 2 of 42 ('doc-00000001'): a list of 1500000000 items at byte "},
      {"a list the bytes left could hold",
       second + " 10 1946-02-02 0  0 0  0  0  8 telegram 1 0 2 ru",
       second + " 10 1946-02-02 0  0 0  0  0  8 telegram " + list_fits + " 0 2 ru", ""},
      {"a count of 1.5e9 documents", "22 serialization::archive 18 42 0 1 ",
       "22 serialization::archive 18 1500000000 0 1 ",
       "the count of document records: a count of 1500000000 records at byte "},
      {"a count of documents the bytes left could hold", "22 serialization::archive 18 42 0 1 ",
       "22 serialization::archive 18 " + documents_fit + " 0 1 ", ""},
      {"a text of 2^64-1 bytes in Boost's own header", "22 serialization::archive 18 ",
       "18446744073709551615 serialization::archive 18 ", "a text of 18446744073709551615 bytes"},
  };
  for (const auto& forgery : forgeries) {
    SCOPED_TRACE(forgery.name);
    const auto at = payload.find(forgery.from);
    ASSERT_NE(at, std::string::npos);
    ASSERT_EQ(payload.find(forgery.from, at + 1), std::string::npos) << "not unique";
    auto forged_payload = payload;
    forged_payload.replace(at, forgery.from.size(), forgery.to);
    const auto forged = with_payload(file, forged_payload);
    for (bool read_only : {true, false}) {
      std::size_t largest = 0;
      auto store = opened(forged, read_only, largest);
      ASSERT_FALSE(store) << "read_only " << read_only;
      EXPECT_EQ(store.error().code, ErrorCode::corrupt) << store.error().describe();
      EXPECT_NE(store.error().message.find(path()), std::string::npos) << store.error().message;
      EXPECT_NE(store.error().message.find(forgery.what), std::string::npos)
          << store.error().message;
      EXPECT_LE(largest, bound) << "the largest single allocation while opening a file of "
                                << forged.size() << " bytes";
      EXPECT_EQ(read_bytes(path()), forged) << "the file was changed";
    }
  }
  // Where: the byte of the file at which the forged text would start.
  std::string forged_payload = payload;
  forged_payload.replace(payload.find("55 Telegram 0 "), 2, "1500000000");
  const auto forged = with_payload(file, forged_payload);
  std::size_t largest = 0;
  auto store = opened(forged, true, largest);
  ASSERT_FALSE(store);
  const auto text_at = forged.find("1500000000 Telegram 0 ") + 11;
  EXPECT_NE(store.error().message.find("at byte " + std::to_string(text_at) + " of the file"),
            std::string::npos)
      << store.error().message;
}

// A snapshot path that is not a regular file is refused at once, never read: a symlink to
// /dev/zero (endless), a FIFO (opening it waits for a writer), a directory. Each open runs in
// a child process with a deadline, so a hang fails the test instead of stopping it.
TEST_F(SnapshotFile, APathThatIsNotARegularFileIsRefusedNotRead) {
  struct Case {
    std::string name;
    std::function<void()> make;
    std::string what;
  };
  const std::vector<Case> cases = {
      {"a symlink to /dev/zero", [&] { std::filesystem::create_symlink("/dev/zero", path()); },
       "is not a regular file but a character device"},
      {"a FIFO", [&] { ASSERT_EQ(::mkfifo(path().c_str(), 0600), 0); },
       "is not a regular file but a FIFO"},
      {"a directory", [&] { std::filesystem::create_directory(path()); },
       "is not a regular file but a directory"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::filesystem::remove_all(path());
    c.make();
    if (HasFatalFailure()) return;
    for (bool read_only : {true, false}) {
      const auto run = run_in_child([&](std::string& out) {
        auto store = archive::open_storage(address(), {.read_only = read_only});
        out = store ? std::string("opened") : store.error().describe();
        if (!store && store.error().code != ErrorCode::io_error) out += " (not io_error)";
      });
      EXPECT_TRUE(run.ok()) << run.describe() << "; output: " << run.output;
      EXPECT_NE(run.output.find("snapshot file '" + path() + "' " + c.what + ": not read"),
                std::string::npos)
          << run.output;
      EXPECT_EQ(run.output.find("not io_error"), std::string::npos) << run.output;
    }
  }
}

}  // namespace
}  // namespace archive_test
