// open_storage(): addresses and their errors.
#include <gtest/gtest.h>

#include "archive/storage/storage.hpp"

namespace archive_test {
namespace {

using archive::ErrorCode;
using archive::open_storage;

TEST(OpenStorage, MemoryAddressOpensAnEmptyStore) {
  auto store = open_storage("memory:");
  ASSERT_TRUE(store) << store.error().describe();
  EXPECT_EQ((*store)->address(), "memory:");
  EXPECT_EQ((*store)->generation().value(), 0u);
}

TEST(OpenStorage, UnknownSchemeIsAnErrorNamingIt) {
  auto store = open_storage("mongodb://localhost/archive");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(store.error().message.find("unknown scheme 'mongodb:'"), std::string::npos)
      << store.error().message;
}

TEST(OpenStorage, MalformedAddressesAreErrors) {
  for (std::string_view address :
       {std::string_view(""), std::string_view("sqlite:"), std::string_view("snapshot:"),
        std::string_view("memory:extra"), std::string_view("postgresql:localhost"),
        std::string_view("sqlite:a\0b", 10)}) {
    auto store = open_storage(address);
    ASSERT_FALSE(store) << address;
    EXPECT_EQ(store.error().code, ErrorCode::invalid_argument) << address;
    EXPECT_NE(store.error().message.find("bad storage address"), std::string::npos)
        << store.error().message;
  }
}

TEST(OpenStorage, MemoryCannotBeReadOnly) {
  auto store = open_storage("memory:", {.create_if_missing = true, .read_only = true});
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace archive_test
