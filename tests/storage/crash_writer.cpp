// crash_writer ADDRESS SEED: imports the crash test's batch stream (crash_batches.hpp) into the
// store at ADDRESS, continuing after the batches the store already holds, and writes each
// committed generation to standard output, one line each, as soon as apply() returns. It runs
// until it is killed (crash_test kills it with SIGKILL at random moments) or a batch fails
// (exit status 1, the error on standard error).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "archive/storage/storage.hpp"
#include "storage/crash_batches.hpp"

namespace {

bool report(std::uint64_t generation) {
  const auto line = std::to_string(generation) + "\n";
  std::string_view rest = line;
  while (!rest.empty()) {
    const auto n = ::write(STDOUT_FILENO, rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: crash_writer ADDRESS SEED\n");
    return 2;
  }
  char* end = nullptr;
  const auto seed = std::strtoull(argv[2], &end, 10);
  if (end == argv[2] || *end != '\0') {
    std::fprintf(stderr, "crash_writer: SEED must be a number, not '%s'\n", argv[2]);
    return 2;
  }
  auto store = archive::open_storage(argv[1]);
  if (!store) {
    std::fprintf(stderr, "crash_writer: %s\n", store.error().describe().c_str());
    return 1;
  }
  auto start = (*store)->generation();
  if (!start) {
    std::fprintf(stderr, "crash_writer: %s\n", start.error().describe().c_str());
    return 1;
  }
  for (std::uint64_t number = *start + 1;; ++number) {
    auto generation = (*store)->apply(archive_test::crash_batch(seed, number));
    if (!generation) {
      std::fprintf(stderr, "crash_writer: batch %llu: %s\n",
                   static_cast<unsigned long long>(number), generation.error().describe().c_str());
      return 1;
    }
    if (*generation != number) {
      std::fprintf(stderr, "crash_writer: batch %llu committed generation %llu\n",
                   static_cast<unsigned long long>(number),
                   static_cast<unsigned long long>(*generation));
      return 1;
    }
    if (!report(*generation)) {
      std::fprintf(stderr, "crash_writer: cannot write to standard output\n");
      return 1;
    }
  }
}
