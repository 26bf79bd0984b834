// The Catalog: one store (storage/) plus its search index (index/), kept in step. What a
// digital archive's programs use: add, update and remove records in batches, get them back,
// and search documents with the query language (query/query.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/index/search.hpp"
#include "archive/model/records.hpp"
#include "archive/query/query.hpp"
#include "archive/storage/storage.hpp"

namespace archive {

/// How Catalog::open opens a catalog.
struct CatalogOptions {
  StorageOptions storage;  ///< passed to open_storage
  /// Where the index is kept between runs. Default: beside the store's file (PATH.index) for
  /// sqlite: and snapshot: stores; none (rebuilt on open) for memory: and PostgreSQL.
  std::optional<std::filesystem::path> index_path;
};

/// A store and its index. Thread-safe: any number of threads may search and get while one
/// writes (writes are serialized); a write is visible to searches when its call returns.
/// Move-only. The index is saved beside the store when the catalog is closed or flush()ed;
/// on open a saved index is used only when it matches the store's instance and state
/// (generation and commit id, StoreState) and reads back whole — otherwise the index is
/// rebuilt from the store. Other writers (other processes, other catalogs on the same store)
/// are seen: before every search, count and save the catalog reads the store's state, and
/// when someone else moved it, rebuilds the index first.
class ARCHIVE_EXPORT Catalog {
 public:
  /// Opens the store at `address` (see open_storage) and loads or builds its index.
  [[nodiscard]] static Result<Catalog> open(std::string_view address,
                                            const CatalogOptions& options = {});
  /// Takes an open store (a backend of the caller's own, say) and builds its index.
  [[nodiscard]] static Result<Catalog> open(std::unique_ptr<Storage> storage,
                                            const CatalogOptions& options = {});

  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;
  ~Catalog();  ///< saves the index (errors are ignored here; call flush() to see them)

  /// Adds new records in one batch; already_exists (nothing written) when an id is taken.
  [[nodiscard]] Result<std::uint64_t> add(const Records& records);
  /// Replaces existing records in one batch; not_found (nothing written) when one is missing.
  [[nodiscard]] Result<std::uint64_t> update(const Records& records);
  /// Adds or replaces, in one batch.
  [[nodiscard]] Result<std::uint64_t> put(const Records& records);
  /// Removes records in one batch (absent keys are not an error).
  [[nodiscard]] Result<std::uint64_t> remove(const std::vector<RecordKey>& keys);
  /// Any batch of puts and erases.
  [[nodiscard]] Result<std::uint64_t> apply(const WriteBatch& batch);

  /// A record by id; not_found when absent.
  [[nodiscard]] Result<Record> get(const RecordKey& key) const;
  /// A consistent view of the whole store (for export, listing collections, …). The reader
  /// reads through this catalog's store: it must not outlive the catalog.
  [[nodiscard]] Result<std::unique_ptr<StorageReader>> read() const;

  /// Documents matching `query` (the query language; parse errors carry the offset).
  [[nodiscard]] Result<SearchResults> search(std::string_view query,
                                             const SearchOptions& options = {}) const;
  [[nodiscard]] Result<SearchResults> search(const Query& query,
                                             const SearchOptions& options = {}) const;
  /// How many documents match.
  [[nodiscard]] Result<std::size_t> count(std::string_view query) const;
  [[nodiscard]] Result<std::size_t> count(const Query& query) const;

  /// The index's size and the generation it reflects.
  [[nodiscard]] IndexStats stats() const;
  /// The store's address (as given, password hidden).
  [[nodiscard]] std::string address() const;
  /// Whether open() used a saved index (false: it was built from the store).
  [[nodiscard]] bool index_was_loaded() const noexcept;
  /// Where the index came from, and why a saved one was not used: "loaded from PATH", "built
  /// from the store (PATH is stale: generation 5, the store is at 7)", "… checksum mismatch".
  [[nodiscard]] const std::string& index_origin() const noexcept;

  /// Saves the index beside the store now, when it changed since it was saved or loaded
  /// (no-op without an index path). An index that fell behind the store (another writer, or a
  /// write whose re-indexing could not read the store) is rebuilt first; search, count and
  /// flush return the store's error when that rebuild cannot read it.
  [[nodiscard]] Result<void> flush() const;

 private:
  struct Impl;
  explicit Catalog(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace archive
