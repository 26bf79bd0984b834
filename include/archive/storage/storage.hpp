// Storage: where a catalog's records live. One small abstract interface (Storage and its
// StorageReader), the backends behind open_storage() — memory, SQLite, snapshot file,
// PostgreSQL — and whatever a user plugs in by implementing the same two classes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/model/record.hpp"
#include "archive/model/records.hpp"
#include "archive/storage/store_state.hpp"

namespace archive {

/// Puts and erases that Storage::apply() makes durable together, or not at all. Operations
/// apply in order: a later put of the same key replaces an earlier one, an erase after a put
/// removes it. A plain value; build it, then hand it to apply().
class ARCHIVE_EXPORT WriteBatch {
 public:
  /// A put (record set) or an erase (record empty) of one key.
  struct Operation {
    RecordKey key;
    std::optional<Record> record;
    friend bool operator==(const Operation&, const Operation&) = default;
  };

  /// Stores `record` under its key, replacing a stored record with that key.
  WriteBatch& put(Record record);
  /// Removes the record with `key`; erasing a key that is not stored is not an error.
  WriteBatch& erase(RecordKey key);
  template <class Tag>
  WriteBatch& erase(const Id<Tag>& id) {
    return erase(key_of(id));
  }

  [[nodiscard]] const std::vector<Operation>& operations() const noexcept { return ops_; }
  [[nodiscard]] std::size_t size() const noexcept { return ops_.size(); }
  [[nodiscard]] bool empty() const noexcept { return ops_.empty(); }
  void clear() noexcept { ops_.clear(); }

  friend bool operator==(const WriteBatch&, const WriteBatch&) = default;

 private:
  std::vector<Operation> ops_;
};

/// Called by StorageReader::scan() with each record; return false to stop the scan.
using ScanVisitor = std::function<bool(Record&&)>;

/// A consistent, read-only view of a store as of one generation: every call sees the same
/// committed state, never part of a batch, however many batches commit meanwhile. Use one
/// reader from one thread at a time; destroying it releases the view (it holds a connection
/// or old versions alive, so keep readers short-lived). Must not outlive its Storage.
class ARCHIVE_EXPORT StorageReader {
 public:
  virtual ~StorageReader();
  StorageReader(const StorageReader&) = delete;
  StorageReader& operator=(const StorageReader&) = delete;

  /// The generation this view shows (see Storage).
  [[nodiscard]] virtual std::uint64_t generation() const noexcept = 0;

  /// The id of the commit that made this view's state (see StoreState); the default, for
  /// backends that keep none, is empty.
  [[nodiscard]] virtual std::string commit_id() const;

  /// generation() and commit_id() together.
  [[nodiscard]] StoreState state() const;

  /// The record with `key`; not_found when there is none; io_error, corrupt or unavailable
  /// when the backend cannot read it.
  [[nodiscard]] virtual Result<Record> get(const RecordKey& key) = 0;

  /// Visits every record of `kind` in ascending id order (bytewise) until `visit` returns
  /// false. An error stops the scan and is returned; records visited before it stay visited.
  [[nodiscard]] virtual Result<void> scan(RecordKind kind, const ScanVisitor& visit) = 0;

  /// Typed get: the record of that kind, or not_found.
  [[nodiscard]] Result<Document> document(const DocumentId& id);
  [[nodiscard]] Result<Collection> collection(const CollectionId& id);
  [[nodiscard]] Result<Person> person(const PersonId& id);
  [[nodiscard]] Result<Organization> organization(const OrganizationId& id);

  /// Every record, kind by kind, in id order.
  [[nodiscard]] Result<Records> read_all();

 protected:
  StorageReader() = default;
};

/// A store of records: the seam between a catalog and where it keeps its data.
///
/// Guarantees every backend gives (one conformance suite checks them on each backend):
/// - apply() is atomic and durable: when it returns a value every operation of the batch is
///   committed (and survives a crash of the process); when it returns an error none is.
/// - The generation counts committed batches: 0 for a new store, +1 for each successful
///   non-empty apply(), kept across close and reopen. An index built at generation g is
///   current exactly while the store is still at g.
/// - read() gives a snapshot (StorageReader); a batch committing meanwhile is invisible to it.
/// - Thread-safe: any number of threads may call apply() and read() at once; applies are
///   serialized. Backends that share a file or server with other processes serialize with
///   them too.
/// Nothing throws across this interface: failures of the outside world are Errors.
class ARCHIVE_EXPORT Storage {
 public:
  virtual ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  /// Commits `batch` atomically and returns the new generation (the current one, unchanged,
  /// for an empty batch). invalid_argument, naming the operation, when a record fails
  /// check_record(); io_error / unavailable / corrupt when the backend fails. On any error
  /// the store is as it was before the call.
  [[nodiscard]] virtual Result<std::uint64_t> apply(const WriteBatch& batch) = 0;

  /// A snapshot of the committed state now.
  [[nodiscard]] virtual Result<std::unique_ptr<StorageReader>> read() = 0;

  /// Identifies this store's lineage: made when the store is created, kept across reopen,
  /// different for another store (an index kept beside a store checks it with generation).
  [[nodiscard]] virtual std::string instance_id() const = 0;

  /// The address the store was opened with ("sqlite:/data/archive.db"), for messages. A
  /// PostgreSQL password is shown as "***".
  [[nodiscard]] virtual std::string address() const = 0;

  /// Shorthands for a batch of one operation and for a reader used once.
  [[nodiscard]] Result<std::uint64_t> put(Record record);
  [[nodiscard]] Result<std::uint64_t> erase(RecordKey key);
  [[nodiscard]] Result<Record> get(const RecordKey& key);
  [[nodiscard]] Result<std::uint64_t> generation();
  /// The committed state now (a reader used once).
  [[nodiscard]] Result<StoreState> state();

 protected:
  Storage() = default;
};

/// How open_storage() opens a store.
struct StorageOptions {
  /// Create the file (or, for PostgreSQL, the tables) when missing; else not_found.
  bool create_if_missing = true;
  /// Open for reading only: apply() fails with unsupported; files are not created.
  bool read_only = false;
};

/// Opens the store at `address`:
///   `memory:`               a new empty store in this process
///   `sqlite:PATH` or `PATH` an SQLite database file (the embedded default)
///   `snapshot:PATH`         the whole catalog in one Boost.Serialization file
///   `postgresql://…`, `postgres://…`  a PostgreSQL database (libpq connection URI)
/// invalid_argument for an unknown scheme or a malformed address; unsupported for a backend
/// this build lacks (PostgreSQL without libpq); the backend's error when it cannot open.
[[nodiscard]] ARCHIVE_EXPORT Result<std::unique_ptr<Storage>> open_storage(
    std::string_view address, const StorageOptions& options = {});

}  // namespace archive
