#include "archive/version.hpp"

#include <gtest/gtest.h>

TEST(Version, HeaderAndLibraryAgree) {
  EXPECT_EQ(archive::kVersion, archive::library_version());
  EXPECT_EQ(archive::kVersion, ARCHIVE_VERSION_STRING);
}

TEST(Version, ComponentsFormTheString) {
  const std::string expected = std::to_string(ARCHIVE_VERSION_MAJOR) + "." +
                               std::to_string(ARCHIVE_VERSION_MINOR) + "." +
                               std::to_string(ARCHIVE_VERSION_PATCH);
  EXPECT_EQ(archive::kVersion, expected);
}
