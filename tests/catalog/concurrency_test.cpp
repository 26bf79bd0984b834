// Many searches while one writer adds, updates and removes: every search succeeds and sees a
// whole batch or none of it. Run it under ThreadSanitizer too (the tsan preset, by hand).
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "archive/catalog.hpp"

namespace archive {
namespace {

Document telegram(int batch, int n) {
  Document d;
  d.id = DocumentId("doc-" + std::to_string(batch) + "-" + std::to_string(n));
  d.title = "Telegram " + std::to_string(n) + " from Baku to Moscow, batch b" +
            std::to_string(batch) + " — телеграмма Багирову";
  d.date = FuzzyDate::from_day(Day::from_civil(1945 + batch % 10, 1 + n % 12, 1));
  d.doc_type = "telegram";
  return d;
}

TEST(CatalogConcurrency, SearchesSeeWholeBatchesWhileOneWriterWrites) {
  auto catalog = Catalog::open("memory:").value();
  constexpr int kBatches = 30;
  constexpr int kPerBatch = 20;
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::atomic<long> searches{0};

  auto reader = [&] {
    while (!done.load()) {
      // Batch b adds kPerBatch documents, all carrying "bb": a search sees all or none.
      for (int b = 0; b < kBatches && !done.load(); b += 7) {
        auto n = catalog.count("b" + std::to_string(b));
        if (!n || (*n != 0 && *n != kPerBatch)) ++failures;
        auto r = catalog.search("Багиров date:1945..1950 sort:date",
                                {.limit = 5, .offset = 0, .facets = true, .facet_limit = 3});
        if (!r) ++failures;
        ++searches;
      }
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i)
    readers.emplace_back(reader);

  for (int b = 0; b < kBatches; ++b) {
    Records batch;
    for (int n = 0; n < kPerBatch; ++n)
      batch.documents.push_back(telegram(b, n));
    if (!catalog.put(batch)) ++failures;
    if (b % 5 == 4) {  // remove an older batch whole
      std::vector<RecordKey> keys;
      for (int n = 0; n < kPerBatch; ++n)
        keys.push_back(key_of(telegram(b - 4, n).id));
      if (!catalog.remove(keys)) ++failures;
    }
  }
  done = true;
  for (auto& t : readers)
    t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(searches.load(), 0);
  EXPECT_EQ(catalog.count("b0").value(), 0u);
  EXPECT_EQ(catalog.count("b1").value(), static_cast<std::size_t>(kPerBatch));
}

}  // namespace
}  // namespace archive
