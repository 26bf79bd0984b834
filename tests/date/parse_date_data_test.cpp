// parse_date against the date expressions of the optional public test data set
// (ARCHIVE_SHARED_DATA_DIR: dates_natural/dates_natural.tsv, 5,370 expressions as museum
// catalogers wrote them, with the years their catalogs give, and python-edtf's natural-language
// cases with their EDTF). An accuracy test: skipped, saying so, when the data set is absent.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "archive/date/fuzzy_date.hpp"
#include "archive/date/parse_date.hpp"
#include "shared_data.hpp"

namespace archive {
namespace {

using archive_test::split_tabs;

std::optional<long> year_of(const DayBound& bound) {
  if (!bound.is_day()) return std::nullopt;
  return static_cast<long>(bound.day.civil().year);
}

// The museum catalogs' own begin/end years (Tate, Colby) and python-edtf's expected EDTF,
// measured as the data set's reference scorer does (English; the catalogs' years compared with
// the bounds' years). A regression guard: the floors sit just below what the parser reached
// when they were set.
TEST(ParseDateSharedData, ReadsCatalogExpressionsAsTheCatalogsDo) {
  const std::filesystem::path path =
      archive_test::shared_data_file("dates_natural/dates_natural.tsv");
  if (auto why = archive_test::missing_shared_data(path); !why.empty()) GTEST_SKIP() << why;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << path;
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(split_tabs(line),
            (std::vector<std::string>{"expression", "begin", "end", "source", "normalized_edtf"}));
  DateParseOptions english;
  english.language = DateLanguage::english;  // as the scorer runs it
  std::size_t catalog_rows = 0, catalog_ok = 0, edtf_rows = 0, edtf_ok = 0, all_rows = 0,
              all_read = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto f = split_tabs(line);
    f.resize(5);
    const auto parsed = parse_date(f[0], english);
    ++all_rows;
    if (parsed) {
      ++all_read;
    } else {
      // Every refusal says where.
      ASSERT_TRUE(parsed.error().offset.has_value()) << f[0];
      EXPECT_LE(*parsed.error().offset, f[0].size()) << f[0];
    }
    const bool catalog = f[3].starts_with("tate:artwork") || f[3].starts_with("colby");
    if (catalog && !f[1].empty() && !f[2].empty()) {
      ++catalog_rows;
      if (parsed && year_of(parsed->earliest()) == std::stol(f[1]) &&
          year_of(parsed->latest()) == std::stol(f[2])) {
        ++catalog_ok;
      }
    } else if (f[3].starts_with("python-edtf") && !f[4].empty() && f[4] != "UNPARSEABLE") {
      ++edtf_rows;
      // A few expectations are not valid EDTF ("1849-21-XX"): the scorer counts them as
      // misses too.
      const auto expected = parse_edtf(f[4]);
      if (expected && parsed && parsed->earliest() == expected->earliest() &&
          parsed->latest() == expected->latest()) {
        ++edtf_ok;
      }
    }
  }
  const double catalog_share = static_cast<double>(catalog_ok) / static_cast<double>(catalog_rows);
  const double edtf_share = static_cast<double>(edtf_ok) / static_cast<double>(edtf_rows);
  std::cout << "[ dates_natural ] Tate/Colby years " << catalog_ok << "/" << catalog_rows << " ("
            << catalog_share * 100 << "%), python-edtf bounds " << edtf_ok << "/" << edtf_rows
            << " (" << edtf_share * 100 << "%), read " << all_read << "/" << all_rows << "\n";
  EXPECT_GT(catalog_rows, 2800u);
  EXPECT_GT(edtf_rows, 120u);
  EXPECT_GE(catalog_share, 0.955);
  EXPECT_GE(edtf_share, 0.77);
  EXPECT_GE(all_read, all_rows - 25);
}

}  // namespace
}  // namespace archive
