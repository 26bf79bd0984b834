// Reading tab-separated lines in tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace archive_test {

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
