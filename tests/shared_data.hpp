// Helpers for tests that read ../shared/data in place (never copied into the project).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace archive_test {

/// A file of the shared public test material; check exists() and GTEST_SKIP when absent.
inline std::filesystem::path shared_data_file(const std::filesystem::path& relative) {
  return std::filesystem::path(ARCHIVE_SHARED_DATA_DIR) / relative;
}

/// The tab-separated fields of one line (an empty line has one empty field).
inline std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace archive_test
