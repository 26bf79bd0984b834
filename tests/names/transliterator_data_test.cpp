// Transliterator measured on the Wikidata Latin/Cyrillic name-token pairs of the optional
// public test data set (ARCHIVE_SHARED_DATA_DIR: names/names_ru.tsv). An accuracy test:
// skipped, saying so, when the data set is absent.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "archive/names/transliterator.hpp"
#include "archive/text/normalize.hpp"
#include "shared_data.hpp"

namespace archive {
namespace {

const Transliterator& tr() {
  return Transliterator::shared();
}

std::string fold(std::string_view text) {
  return text::fold(text).value();
}

// The share of Latin↔Cyrillic pairs in names_ru.tsv where some scheme's romanization of the
// Cyrillic, folded, equals the (folded) Latin. Most pairs are foreign names written in Russian
// (Japanese, German, Polish…), which no Russian romanization gives back, so the share is
// well below one half; the test keeps it from dropping (a regression guard).
TEST(TransliteratorSharedData, ExactMatchShareOnNamesRu) {
  const std::filesystem::path path = archive_test::shared_data_file("names/names_ru.tsv");
  if (auto why = archive_test::missing_shared_data(path); !why.empty()) GTEST_SKIP() << why;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << path;
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  ASSERT_EQ(line.substr(0, 13), "latin\tnative\t");

  struct Variant {
    const char* name;
    RomanizeOptions options;
    std::size_t hits = 0;
  };
  std::vector<Variant> variants;
  for (Scheme s : {Scheme::popular, Scheme::bgn_pcgn, Scheme::ala_lc, Scheme::iso9}) {
    RomanizeOptions o;
    o.scheme = s;
    variants.push_back(Variant{to_string(s).data(), o});
  }
  std::size_t pairs = 0;
  std::size_t any = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    ASSERT_NE(tab2, std::string::npos) << line;
    const std::string latin = fold(line.substr(0, tab1));
    const std::string native = line.substr(tab1 + 1, tab2 - tab1 - 1);
    ++pairs;
    bool hit = false;
    for (Variant& v : variants) {
      Result<std::string> r = tr().romanize(native, v.options);
      ASSERT_TRUE(r.has_value()) << native;
      if (fold(*r) == latin) {
        ++v.hits;
        hit = true;
      }
    }
    if (hit) ++any;
  }
  ASSERT_GT(pairs, 30000u);
  const auto share = [&](std::size_t n) {
    return static_cast<double>(n) / static_cast<double>(pairs);
  };
  std::cout << "names_ru.tsv: " << pairs
            << " pairs; folded romanization equals the folded Latin:\n";
  for (const Variant& v : variants) {
    std::cout << "  " << v.name << ": " << v.hits << " (" << share(v.hits) * 100 << "%)\n";
  }
  std::cout << "  any scheme: " << any << " (" << share(any) * 100 << "%)\n";
  // Measured: popular 32.5%, bgn-pcgn 28.3%, ala-lc 29.1%, iso9 31.2%, any 40.5%.
  EXPECT_GE(share(any), 0.40);
  EXPECT_GE(share(variants[0].hits), 0.32);
}

}  // namespace
}  // namespace archive
