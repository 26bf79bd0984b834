// Runs the built `archive` program for the command-line tests: arguments, standard input,
// and what it printed and returned.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace archive_test {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(std::string_view arg) {
  std::string quoted = "'";
  for (const char c : arg) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  quoted += '\'';
  return quoted;
}

// A file in the test's temporary directory, removed when it goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = testing::TempDir() + "archive_cli_test_XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) {
      ADD_FAILURE() << "mkstemp failed for " << pattern;
      return;
    }
    close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }

  void write(std::string_view content) const {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  [[nodiscard]] std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }

 private:
  std::string path_;
};

// Runs `archive ARGS < input`, capturing standard output, standard error and the exit status.
inline Outcome run_archive(const std::vector<std::string>& args, std::string_view input = "") {
  TempFile in;
  TempFile err;
  in.write(input);
  std::string command = shell_quote(ARCHIVE_CLI_PATH);
  for (const std::string& arg : args)
    command += ' ' + shell_quote(arg);
  command += " < " + shell_quote(in.path()) + " 2> " + shell_quote(err.path());

  Outcome run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "popen failed: " << command;
    return run;
  }
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = err.read();
  return run;
}

inline std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace archive_test
