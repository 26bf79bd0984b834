// The text part against real name data: the Wikidata Latin↔Cyrillic and Latin↔Arabic-script
// name-token pairs of the optional public test data set (ARCHIVE_SHARED_DATA_DIR: names/), read
// in place. An accuracy test: skipped, saying so, when the data set is absent.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "archive/text.hpp"
#include "shared_data.hpp"

namespace archive::text {
namespace {

const std::filesystem::path kNamesDir = archive_test::shared_data_file("names");

// One row of names_ru.tsv / names_ar.tsv: latin, native, script, source, count.
struct NamePair {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

using archive_test::split_tabs;

// Reads the file; fails the test (and returns no rows) when it cannot be read or its header
// is not the documented one.
std::vector<NamePair> read_pairs(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<NamePair> rows;
  std::string line;
  if (!std::getline(in, line)) return rows;
  EXPECT_EQ(split_tabs(line),
            (std::vector<std::string>{"latin", "native", "script", "source", "count"}))
      << path;
  std::size_t number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    rows.push_back(NamePair{split_tabs(line), number});
  }
  return rows;
}

struct Counts {
  std::size_t rows = 0;
  std::size_t latin_is_latin = 0;
  std::size_t native_is_expected = 0;
  std::size_t fold_keeps_latin = 0;
  std::size_t fold_keeps_native = 0;
  std::size_t tokens = 0;
};

// Runs every check over one file and adds up what it saw in `counts`. `native_script` is the
// script the native column is in.
void check_name_file(const std::string& file, std::string_view script_code, Script native_script,
                     Counts& counts) {
  const std::vector<NamePair> rows = read_pairs(kNamesDir / file);
  Segmenter segmenter;
  std::vector<Token> tokens;
  std::string once;
  std::string twice;
  for (const NamePair& row : rows) {
    SCOPED_TRACE(file + ":" + std::to_string(row.line));
    ASSERT_EQ(row.fields.size(), 5u);
    ++counts.rows;
    for (const std::string& field : row.fields) {
      ASSERT_TRUE(is_valid_utf8(field)) << field;
    }
    const std::string& latin = row.fields[0];
    const std::string& native = row.fields[1];
    EXPECT_EQ(row.fields[2], script_code);

    // fold never fails on valid text and is idempotent.
    for (const std::string* name : {&latin, &native}) {
      const Result<void> first = fold_into(*name, once);
      ASSERT_TRUE(first.has_value()) << *name << ": " << first.error().describe();
      const Result<void> second = fold_into(once, twice);
      ASSERT_TRUE(second.has_value()) << once << ": " << second.error().describe();
      EXPECT_EQ(twice, once) << *name;
    }

    // Scripts of the two columns, and of their folds.
    const Result<Script> latin_script = detect_script(latin);
    const Result<Script> native_detected = detect_script(native);
    ASSERT_TRUE(latin_script.has_value() && native_detected.has_value());
    if (*latin_script == Script::latin) {
      ++counts.latin_is_latin;
    } else {
      ADD_FAILURE() << "latin column " << latin << " is " << to_string(*latin_script);
    }
    if (*native_detected == native_script) {
      ++counts.native_is_expected;
    } else {
      ADD_FAILURE() << "native column " << native << " is " << to_string(*native_detected);
    }
    if (detect_script(fold(latin).value()).value() == Script::latin) ++counts.fold_keeps_latin;
    if (detect_script(fold(native).value()).value() == native_script) ++counts.fold_keeps_native;

    // Segmenting every field gives tokens that are views at their offsets.
    for (const std::string& field : row.fields) {
      const Result<void> r = segmenter.segment_into(field, tokens);
      ASSERT_TRUE(r.has_value()) << field << ": " << r.error().describe();
      std::size_t previous_end = 0;
      for (const Token& t : tokens) {
        ASSERT_LE(t.offset + t.text.size(), field.size()) << field;
        ASSERT_EQ(t.text.data(), field.data() + t.offset) << field;
        ASSERT_GE(t.offset, previous_end) << field;
        ASSERT_FALSE(t.text.empty()) << field;
        previous_end = t.offset + t.text.size();
      }
      counts.tokens += tokens.size();
    }
  }
}

void report(const std::string& name, const Counts& c) {
  std::cout << "[ names    ] " << name << ": " << c.rows << " rows, latin column latin "
            << c.latin_is_latin << ", native column as expected " << c.native_is_expected
            << ", script kept by fold " << c.fold_keeps_latin << "/" << c.fold_keeps_native << ", "
            << c.tokens << " tokens\n";
  testing::Test::RecordProperty(name + "_rows", std::to_string(c.rows));
  testing::Test::RecordProperty(name + "_latin_is_latin", std::to_string(c.latin_is_latin));
  testing::Test::RecordProperty(name + "_native_is_expected", std::to_string(c.native_is_expected));
  testing::Test::RecordProperty(name + "_tokens", std::to_string(c.tokens));
}

class SharedNameData : public testing::Test {
 protected:
  void SetUp() override {
    if (auto why = archive_test::missing_shared_data(kNamesDir); !why.empty()) GTEST_SKIP() << why;
  }
};

// The data has no mixed rows (every Latin field is Latin-only, every native field is in its
// script), so no tolerance is allowed: each row must be detected as documented.
TEST_F(SharedNameData, RussianPairsAreValidFoldStablyAndAreLatinAndCyrillic) {
  Counts c;
  check_name_file("names_ru.tsv", "ru", Script::cyrillic, c);
  report("names_ru", c);
  EXPECT_EQ(c.rows, 32927u);  // as the data set describes it: 32,927 Latin↔Cyrillic pairs
  EXPECT_EQ(c.latin_is_latin, c.rows);
  EXPECT_EQ(c.native_is_expected, c.rows);
  EXPECT_EQ(c.fold_keeps_latin, c.rows);
  EXPECT_EQ(c.fold_keeps_native, c.rows);
}

TEST_F(SharedNameData, ArabicScriptPairsAreValidFoldStablyAndAreLatinAndArabic) {
  Counts c;
  check_name_file("names_ar.tsv", "ar", Script::arabic, c);
  report("names_ar", c);
  EXPECT_EQ(c.rows, 12994u);  // as the data set describes it: 12,994 Latin↔Arabic-script pairs
  EXPECT_EQ(c.latin_is_latin, c.rows);
  EXPECT_EQ(c.native_is_expected, c.rows);
  EXPECT_EQ(c.fold_keeps_latin, c.rows);
  EXPECT_EQ(c.fold_keeps_native, c.rows);
}

TEST_F(SharedNameData, FoldMatchesRussianPairsThatDifferOnlyInYo) {
  // Pairs like хрущёв/хрущев must give one key: count the Cyrillic tokens with ё and check
  // that each folds to its е spelling.
  const std::vector<NamePair> rows = read_pairs(kNamesDir / "names_ru.tsv");
  std::size_t with_yo = 0;
  for (const NamePair& row : rows) {
    ASSERT_GE(row.fields.size(), 2u);
    const std::string& native = row.fields[1];
    if (native.find("ё") == std::string::npos) continue;
    ++with_yo;
    std::string plain = native;
    for (std::size_t at = plain.find("ё"); at != std::string::npos; at = plain.find("ё", at)) {
      plain.replace(at, std::string_view("ё").size(), "е");
    }
    EXPECT_EQ(fold(native).value(), fold(plain).value()) << native;
  }
  std::cout << "[ names    ] names_ru: " << with_yo << " Cyrillic tokens with ё\n";
  EXPECT_GT(with_yo, 0u);
}

}  // namespace
}  // namespace archive::text
