// Helpers for the accuracy tests: the tests that measure the library against the optional
// public test data set (ARCHIVE_SHARED_DATA_DIR) — EDTF test vectors, museum catalogs' date
// expressions, Wikidata name pairs. The data set is read in place, never copied into the
// repository. Those tests live in their own programs, carry the ctest label `accuracy`, and
// skip visibly (GTEST_SKIP with the reason) when the data set is absent. Only those programs
// are given ARCHIVE_SHARED_DATA_DIR (tests/CMakeLists.txt), so no other test can come to
// depend on the data set unlabelled.
#pragma once

#include <filesystem>
#include <string>

#include "tsv.hpp"  // split_tabs, for the data set's TSV files

namespace archive_test {

/// A file of the optional public test data set; check missing_shared_data() before reading.
inline std::filesystem::path shared_data_file(const std::filesystem::path& relative) {
  return std::filesystem::path(ARCHIVE_SHARED_DATA_DIR) / relative;
}

/// Why a test that reads `file` cannot run, or empty when `file` is there. Use as
///   if (auto why = missing_shared_data(file); !why.empty()) GTEST_SKIP() << why;
inline std::string missing_shared_data(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) return {};
  return file.string() +
         " is absent: the optional public test data set (ARCHIVE_SHARED_DATA_DIR) is not "
         "here, so this accuracy check did not run";
}

}  // namespace archive_test
