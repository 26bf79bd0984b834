// What the backends behind open_storage() share: their factories, the batch check every
// backend runs before it writes, and instance ids.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "archive/storage/storage.hpp"
#include "detail/random_id.hpp"

namespace archive::detail {

/// check_record() on every put and check_id() on every erase of `batch`; the error names the
/// operation: "operation 3 (document 'doc-1'): title: not valid UTF-8 (at byte 5)". Defined in
/// storage.cpp, beside WriteBatch.
Result<void> check_batch(const WriteBatch& batch);

/// The scheme of a storage address ("sqlite" of "sqlite:a.db"), or none for a bare path.
std::optional<std::string_view> address_scheme(std::string_view address);

/// 32 lowercase hex digits from std::random_device: a new store's instance id, and the id of a
/// commit (StoreState) in the backends that draw one.
inline std::string new_instance_id() {
  return random_hex_id(16);
}

Result<std::unique_ptr<Storage>> open_memory_storage();
Result<std::unique_ptr<Storage>> open_sqlite_storage(const std::string& path,
                                                     const StorageOptions& options);
Result<std::unique_ptr<Storage>> open_snapshot_storage(const std::string& path,
                                                       const StorageOptions& options);
/// `uri` is the libpq connection URI as given (postgresql://…).
Result<std::unique_ptr<Storage>> open_postgresql_storage(const std::string& uri,
                                                         const StorageOptions& options);

}  // namespace archive::detail
