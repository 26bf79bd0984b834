// The crash test: crash_writer imports a long stream of batches into a store and reports each
// committed generation; this test SIGKILLs it at random moments, reopens the store and checks
// that it holds exactly the state after batches 1..g, where g is the store's generation and is
// the last generation reported or one more (a batch may commit before it is reported). The
// expected state is replayed from the same deterministic stream in a memory: store.
//
// Each backend runs for ARCHIVE_CRASH_SECONDS seconds (default 3) with stream and timing seed
// ARCHIVE_CRASH_SEED (default 1945); docs/snapshot.md gives the command for a longer run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "archive/storage/storage.hpp"
#include "storage/crash_batches.hpp"
#include "storage/temp_dir.hpp"

#ifndef ARCHIVE_CRASH_WRITER
#error "ARCHIVE_CRASH_WRITER must name the crash_writer program"
#endif

namespace archive_test {
namespace {

using Clock = std::chrono::steady_clock;

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  char* end = nullptr;
  const auto value = std::strtoull(text, &end, 10);
  return (end != text && *end == '\0') ? value : fallback;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A running crash_writer: its pid and the read end of its standard output.
struct Writer {
  pid_t pid = -1;
  int output = -1;
};

Writer start_writer(const std::string& address, std::uint64_t seed, const std::string& errors) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return {};
  const auto seed_text = std::to_string(seed);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int err = ::open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (::dup2(fds[1], STDOUT_FILENO) < 0 || err < 0 || ::dup2(err, STDERR_FILENO) < 0) {
      ::_exit(126);
    }
    ::execl(ARCHIVE_CRASH_WRITER, ARCHIVE_CRASH_WRITER, address.c_str(), seed_text.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  if (pid < 0) {
    ::close(fds[0]);
    return {};
  }
  return {pid, fds[0]};
}

// Reads what the writer reports into `text` until `until` (with nullopt: to end of file), or
// with `first_line` until a whole line has come. False at end of file.
bool read_reports(int fd, std::string& text, std::optional<Clock::time_point> until,
                  bool first_line = false) {
  for (;;) {
    if (first_line && text.find('\n') != std::string::npos) return true;
    int timeout = -1;
    if (until) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(*until - Clock::now());
      if (left.count() <= 0) return true;
      timeout = static_cast<int>(left.count());
    }
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeout);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return true;  // timed out
    char buffer[4096];
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

// The generations reported so far (complete lines only).
std::vector<std::uint64_t> parse_reports(const std::string& text) {
  std::vector<std::uint64_t> generations;
  std::size_t start = 0;
  for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    generations.push_back(std::stoull(text.substr(start, end - start)));
    start = end + 1;
  }
  return generations;
}

// The first difference between two states, or "" when they are equal.
template <class T>
std::string first_difference(const std::vector<T>& got, const std::vector<T>& want,
                             const char* kind) {
  for (std::size_t i = 0; i < got.size() && i < want.size(); ++i) {
    if (got[i].id != want[i].id) {
      return std::string(kind) + " #" + std::to_string(i) + ": the store has '" + got[i].id.str() +
             "', the replay '" + want[i].id.str() + "'";
    }
    if (!(got[i] == want[i])) {
      return std::string(kind) + " '" + got[i].id.str() + "' differs from the replay";
    }
  }
  if (got.size() != want.size()) {
    return std::string(kind) + ": the store has " + std::to_string(got.size()) + ", the replay " +
           std::to_string(want.size());
  }
  return {};
}

std::string first_difference(const archive::Records& got, const archive::Records& want) {
  for (auto difference :
       {first_difference(got.documents, want.documents, "documents"),
        first_difference(got.collections, want.collections, "collections"),
        first_difference(got.people, want.people, "people"),
        first_difference(got.organizations, want.organizations, "organizations")}) {
    if (!difference.empty()) return difference;
  }
  return {};
}

std::size_t count_temp_files(const std::filesystem::path& directory) {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  }
  return n;
}

void run_crash_test(const std::string& scheme, const std::string& file_name) {
  TempDir dir;
  const auto address = scheme + dir.file(file_name);
  const auto seconds = env_number("ARCHIVE_CRASH_SECONDS", 3);
  const auto seed = env_number("ARCHIVE_CRASH_SEED", 1945);
  const auto errors = dir.file("writer.stderr");
  std::cout << "[ crash    ] " << address << ": " << seconds << " s, seed " << seed
            << " (ARCHIVE_CRASH_SECONDS, ARCHIVE_CRASH_SEED)" << std::endl;

  std::mt19937_64 timing(seed);
  auto replay = archive::open_storage("memory:").value();
  std::uint64_t replayed = 0;
  std::uint64_t verified = 0;  // the store's generation after the last round
  int kills = 0, unreported_commits = 0, rounds_without_commit = 0;
  const auto deadline = Clock::now() + std::chrono::seconds(seconds);

  for (int round = 0; Clock::now() < deadline || round < 5; ++round) {
    auto writer = start_writer(address, seed, errors);
    ASSERT_GT(writer.pid, 0) << "cannot start " << ARCHIVE_CRASH_WRITER;

    // Most rounds kill a writer that is importing (after its first report); every fourth kills
    // it wherever it is, opening the store included.
    std::string reports;
    bool open = true;
    if (round % 4 != 0) {
      open = read_reports(writer.output, reports, Clock::now() + std::chrono::seconds(30), true);
    }
    const auto delay = std::chrono::milliseconds(2 + timing() % 99);
    if (open) open = read_reports(writer.output, reports, Clock::now() + delay);
    ::kill(writer.pid, SIGKILL);
    int status = 0;
    while (::waitpid(writer.pid, &status, 0) < 0 && errno == EINTR) {
    }
    read_reports(writer.output, reports, std::nullopt);
    ::close(writer.output);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "crash_writer ended by itself (status " << status << "): " << read_text(errors);
    ++kills;

    const auto reported = parse_reports(reports);
    for (std::size_t i = 0; i < reported.size(); ++i) {
      ASSERT_EQ(reported[i], verified + 1 + i) << "the writer reported generations out of order";
    }
    const auto last = reported.empty() ? verified : reported.back();

    auto store = archive::open_storage(address);
    ASSERT_TRUE(store) << "round " << round << ": " << store.error().describe();
    if (scheme == "snapshot:") {
      EXPECT_EQ(count_temp_files(dir.path()), 0u) << "round " << round;
    }
    auto view = (*store)->read();
    ASSERT_TRUE(view) << view.error().describe();
    const auto g = (*view)->generation();
    ASSERT_TRUE(g == last || g == last + 1) << "round " << round << ": the store is at generation "
                                            << g << ", the writer reported " << last;
    if (g == last + 1) ++unreported_commits;
    if (g == verified) ++rounds_without_commit;

    for (; replayed < g; ++replayed) {
      ASSERT_TRUE(replay->apply(crash_batch(seed, replayed + 1)));
    }
    auto got = (*view)->read_all();
    ASSERT_TRUE(got) << got.error().describe();
    auto want = replay->read().value()->read_all().value();
    const auto difference = first_difference(*got, want);
    ASSERT_EQ(difference, "") << "round " << round << ", generation " << g;
    verified = g;
  }
  std::cout << "[ crash    ] " << kills << " kills, final generation " << verified << ", "
            << unreported_commits << " commits landed before they were reported, "
            << rounds_without_commit << " rounds committed nothing" << std::endl;
  EXPECT_GT(verified, 0u) << "the writer never committed a batch";
}

TEST(CrashTest, SnapshotHoldsExactlyTheCommittedBatchesAfterSigkill) {
  run_crash_test("snapshot:", "catalog.snapshot");
}

TEST(CrashTest, SqliteHoldsExactlyTheCommittedBatchesAfterSigkill) {
  run_crash_test("sqlite:", "catalog.db");
}

}  // namespace
}  // namespace archive_test
