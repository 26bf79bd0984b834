// The memory backend: the conformance suite, plus what only it does.
#include <gtest/gtest.h>

#include "storage/conformance.hpp"

namespace archive_test {
namespace {

struct MemoryBackend {
  static constexpr bool kPersistent = false;
  static std::string skip_reason() { return {}; }
  archive::Result<std::unique_ptr<archive::Storage>> open() {
    return archive::open_storage("memory:");
  }
};

INSTANTIATE_TYPED_TEST_SUITE_P(Memory, StorageConformance, MemoryBackend);

TEST(MemoryStorage, ReadersOfOldGenerationsDoNotKeepRecordsForever) {
  auto store = archive::open_storage("memory:").value();
  for (int round = 0; round < 3; ++round) {
    auto view = store->read().value();
    for (int n = 0; n < 50; ++n)
      ASSERT_TRUE(store->put(generated_document(n)));
    EXPECT_EQ(view->generation(), static_cast<std::uint64_t>(round * 50));
  }
  // Each reader saw its own generation; the store still holds just the newest versions.
  auto view = store->read().value();
  EXPECT_EQ(view->generation(), 150u);
  EXPECT_EQ(view->read_all().value().documents.size(), 50u);
}

}  // namespace
}  // namespace archive_test
