// Runs part of a test in a child process with a deadline, so that a hang fails the test instead
// of stopping the whole run, and a runaway allocation ends in the child rather than in the
// machine's memory. The child writes what it found as text; the test checks that text.
#pragma once

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define ARCHIVE_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define ARCHIVE_TEST_SANITIZED 1
#endif
#endif

namespace archive_test {

/// How a child run ended.
struct ChildRun {
  bool finished = false;  ///< it ended before the deadline (else it was killed)
  int status = 0;         ///< its waitpid() status when it finished
  std::string output;     ///< what it wrote

  /// Exited with status 0 before the deadline.
  [[nodiscard]] bool ok() const {
    return finished && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  /// "exited with status 3", "killed by signal 6", "still running after the deadline: killed".
  [[nodiscard]] std::string describe() const {
    if (!finished) return "still running after the deadline: killed";
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
    return "ended with wait status " + std::to_string(status);
  }
};

/// Runs `body` in a forked child and returns what it wrote to the string it is given. The child
/// is killed when it has not finished after `deadline`. Its address space is capped at what it
/// uses now plus `extra_memory`, so an unbounded allocation ends in bad_alloc — except under
/// sanitizers, whose shadow memory such a cap breaks. An exception escaping `body` makes the
/// child exit with status 3.
inline ChildRun run_in_child(const std::function<void(std::string&)>& body,
                             std::chrono::seconds deadline = std::chrono::seconds(20),
                             std::size_t extra_memory = std::size_t{1} << 30) {
  ChildRun run;
  int fds[2];
  if (::pipe(fds) != 0) {
    run.output = "pipe() failed";
    return run;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    run.output = "fork() failed";
    return run;
  }
  if (pid == 0) {
    ::close(fds[0]);
#ifndef ARCHIVE_TEST_SANITIZED
    unsigned long pages = 0;
    if (std::FILE* statm = std::fopen("/proc/self/statm", "r")) {
      if (std::fscanf(statm, "%lu", &pages) != 1) pages = 0;
      std::fclose(statm);
    }
    if (pages > 0) {
      const auto limit =
          static_cast<rlim_t>(pages * static_cast<unsigned long>(::getpagesize()) + extra_memory);
      const rlimit rl{limit, limit};
      ::setrlimit(RLIMIT_AS, &rl);
    }
#else
    static_cast<void>(extra_memory);
#endif
    std::string out;
    int code = 0;
    try {
      body(out);
    } catch (const std::exception& e) {
      out += std::string("\nexception: ") + e.what();
      code = 3;
    } catch (...) {
      out += "\nexception";
      code = 3;
    }
    const char* p = out.data();
    std::size_t left = out.size();
    while (left > 0) {
      const auto n = ::write(fds[1], p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    ::_exit(code);
  }
  ::close(fds[1]);
  const auto end = std::chrono::steady_clock::now() + deadline;
  bool eof = false;
  char buffer[4096];
  while (!eof) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          end - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) break;
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    const auto n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      eof = true;
    } else {
      run.output.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ::close(fds[0]);
  if (!eof) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.finished = eof;
  run.status = status;
  return run;
}

}  // namespace archive_test
