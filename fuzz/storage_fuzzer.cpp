// Fuzz target for what the storage and the catalog read from files and addresses: arbitrary
// bytes as a snapshot file, as a saved index file, and as a storage address. Checks that
// every input gives a value or a clear Error — no crash, no hang, no leak — and that a
// snapshot that opens reads back whole.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "archive/catalog.hpp"
#include "archive/storage/storage.hpp"
#include "require.hpp"

namespace {

// A scratch folder for the whole run, removed at exit (never destroyed before that: the
// exit handler still uses it).
const std::filesystem::path& scratch() {
  static const auto* dir = [] {
    auto pattern = (std::filesystem::temp_directory_path() / "archive-fuzz-XXXXXX").string();
    FUZZ_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    auto* path = new std::filesystem::path(pattern);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(scratch(), ignored);
    });
    return path;
  }();
  return *dir;
}

void write(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  archive::StorageOptions read_only{.create_if_missing = false, .read_only = true};
  switch (data[0] % 3) {
    case 0: {  // a snapshot file
      const auto file = scratch() / "store.snapshot";
      write(file, bytes);
      auto store = archive::open_storage("snapshot:" + file.string(), read_only);
      if (!store) {
        FUZZ_REQUIRE(!store.error().message.empty());
        return 0;
      }
      auto reader = (*store)->read();
      FUZZ_REQUIRE(reader.has_value());
      FUZZ_REQUIRE((*reader)->read_all().has_value());
      return 0;
    }
    case 1: {  // a saved index beside a store: loaded and checked, else rebuilt
      const auto file = scratch() / "catalog.index";
      write(file, bytes);
      auto catalog = archive::Catalog::open("memory:", {.storage = {}, .index_path = file});
      FUZZ_REQUIRE(catalog.has_value());
      FUZZ_REQUIRE(!catalog->index_was_loaded());  // another store's index is never used
      FUZZ_REQUIRE(catalog->count("stalin").has_value());
      std::filesystem::remove(file);
      return 0;
    }
    default: {  // an address (no servers: PostgreSQL addresses are left out)
      if (bytes.starts_with("postgres")) return 0;
      const auto cwd = std::filesystem::current_path();
      std::filesystem::current_path(scratch());  // relative paths land in the scratch folder
      auto store = archive::open_storage(bytes, read_only);
      std::filesystem::current_path(cwd);
      if (!store) FUZZ_REQUIRE(!store.error().message.empty());
      return 0;
    }
  }
}
