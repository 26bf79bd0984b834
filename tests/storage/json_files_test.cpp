// The user-defined backend of examples/json_files_storage.hpp runs the same conformance suite
// as the built-in ones: the interface is enough to write a correct backend.
#include <gtest/gtest.h>

#include "json_files_storage.hpp"
#include "storage/conformance.hpp"
#include "storage/temp_dir.hpp"

namespace archive_test {
namespace {

struct JsonFilesBackend {
  static constexpr bool kPersistent = true;
  static std::string skip_reason() { return {}; }
  archive::Result<std::unique_ptr<archive::Storage>> open() {
    return example::JsonFilesStorage::open(dir.path() / "store");
  }
  TempDir dir;
};

INSTANTIATE_TYPED_TEST_SUITE_P(JsonFiles, StorageConformance, JsonFilesBackend);

}  // namespace
}  // namespace archive_test
