// The snapshot backend (snapshot:PATH): the whole catalog in one file (snapshot_format.hpp),
// held in memory as VersionedRecords and rewritten whole by every batch. See docs/snapshot.md.
//
// A batch is durable before it is visible: VersionedRecords calls persist() under its writer
// lock with the state after the batch, and persist() writes that state to PATH.tmp-<random>
// in the same directory, fsyncs it, renames it over PATH and fsyncs the directory. A crash
// leaves the old file or the new one, never a torn one; a failure leaves the old file and the
// old state. One process writes a store at a time: a writer holds an exclusive flock on
// PATH.lock for its lifetime (the lock file stays: removing it would race with a next writer).
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <string>
#include <system_error>
#include <utility>

#include "backends.hpp"
#include "detail/files.hpp"
#include "snapshot_format.hpp"
#include "versioned_records.hpp"

namespace archive::detail {

namespace {

// The exclusive lock of a writer: PATH.lock, flocked, holding the writer's pid.
Result<FileDescriptor> lock_store(const std::string& path) {
  const auto lock_path = path + ".lock";
  FileDescriptor fd(open_retrying(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666));
  if (!fd) return io_error("cannot open the lock file", lock_path, errno);
  int result;
  do {
    result = ::flock(fd.get(), LOCK_EX | LOCK_NB);
  } while (result != 0 && errno == EINTR);
  if (result != 0) {
    const int error = errno;
    if (error != EWOULDBLOCK) return io_error("cannot lock", lock_path, error);
    char text[32] = {};
    const auto n = ::pread(fd.get(), text, sizeof text - 1, 0);
    long pid = 0;
    const bool known = n > 0 && std::sscanf(text, "%ld", &pid) == 1 && pid > 0;
    std::string who;
    if (known && pid == static_cast<long>(::getpid())) {
      who = "is already open for writing in this process";
    } else {
      who = "is locked by another process" +
            (known ? " (pid " + std::to_string(pid) + ")" : std::string()) +
            ": one process writes a snapshot at a time (open it read-only to read it)";
    }
    return make_error(ErrorCode::unavailable, "snapshot file '" + path + "' " + who);
  }
  // The pid only makes the message above more helpful: failing to record it is no error.
  const auto pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd.get(), 0) == 0 && ::pwrite(fd.get(), pid.data(), pid.size(), 0) < 0) {
    // Nothing to do: the lock is held all the same.
  }
  return fd;
}

class SnapshotStorage final : public Storage {
 public:
  SnapshotStorage(std::string path, bool read_only, FileDescriptor lock,
                  snapshot::Contents contents, std::string commit_id)
      : path_(std::move(path)),
        read_only_(read_only),
        lock_(std::move(lock)),
        instance_id_(std::move(contents.instance_id)),
        records_(std::make_shared<VersionedRecords>(
            contents.generation, std::move(contents.records), std::move(commit_id))) {}

  Result<std::uint64_t> apply(const WriteBatch& batch) override {
    if (read_only_) {
      return make_error(ErrorCode::unsupported,
                        "snapshot file '" + path_ + "' is open read-only: apply() refused");
    }
    bool persisted = false;
    try {
      return records_->apply(batch,
                             [&](const VersionedRecords::State& after,
                                 std::uint64_t generation) -> Result<std::string> {
                               auto r = persist(after, generation);
                               persisted = r.has_value();
                               return r;
                             });
    } catch (const std::exception& e) {
      // Only allocation can throw here. After a successful persist the file is ahead of the
      // memory: refuse further writes until the store is reopened from the file.
      if (persisted) poisoned_ = true;
      return make_error(ErrorCode::internal,
                        "snapshot file '" + path_ + "': " + std::string(e.what()));
    }
  }

  Result<std::unique_ptr<StorageReader>> read() override {
    try {
      return records_->read();
    } catch (const std::exception& e) {
      return make_error(ErrorCode::internal,
                        "snapshot file '" + path_ + "': " + std::string(e.what()));
    }
  }

  std::string instance_id() const override { return instance_id_; }
  std::string address() const override { return "snapshot:" + path_; }

 private:
  // Called under VersionedRecords' writer lock. Returns the new state's commit id: the file's
  // checksum, so two copies of one file that commit different batches tell their states apart.
  Result<std::string> persist(const VersionedRecords::State& after, std::uint64_t generation) {
    if (poisoned_) {
      return make_error(ErrorCode::io_error,
                        "snapshot file '" + path_ +
                            "': an earlier write failed after the file was replaced; reopen "
                            "the store before writing again");
    }
    auto bytes = snapshot::encode(after, generation, instance_id_);
    if (!bytes) return std::move(bytes).error();
    bool renamed = false;
    auto written = replace_file(path_, *bytes, "snapshot file", renamed);
    // The file may now hold the batch while the memory does not: stop writing until reopen.
    if (!written && renamed) poisoned_ = true;
    if (!written) return std::move(written).error();
    return snapshot::commit_id_of(*bytes);
  }

  std::string path_;
  bool read_only_;
  FileDescriptor lock_;                // held for the store's lifetime by a writer
  std::atomic<bool> poisoned_{false};  // the file may be ahead of memory: refuse writes
  std::string instance_id_;
  std::shared_ptr<VersionedRecords> records_;
};

Result<std::unique_ptr<Storage>> open_snapshot(const std::string& path,
                                               const StorageOptions& options) {
  FileDescriptor lock;
  if (!options.read_only) {
    if (!options.create_if_missing) {
      struct stat info {};
      if (::stat(path.c_str(), &info) != 0 && errno == ENOENT) {
        return make_error(ErrorCode::not_found, "snapshot file '" + path + "' does not exist");
      }
    }
    auto locked = lock_store(path);
    if (!locked) return std::move(locked).error();
    lock = std::move(*locked);
    remove_leftover_temps(path);
  }

  auto bytes = read_file(path, "snapshot file");
  if (!bytes && bytes.error().code == ErrorCode::not_found && !options.read_only &&
      options.create_if_missing) {
    snapshot::Contents contents;
    contents.instance_id = new_instance_id();
    auto file = snapshot::encode({}, 0, contents.instance_id);
    if (!file) return std::move(file).error();
    bool renamed = false;
    if (auto r = replace_file(path, *file, "snapshot file", renamed); !r)
      return std::move(r).error();
    return std::unique_ptr<Storage>(std::make_unique<SnapshotStorage>(
        path, false, std::move(lock), std::move(contents), snapshot::commit_id_of(*file)));
  }
  if (!bytes) return std::move(bytes).error();
  auto contents = snapshot::decode(*bytes, path);
  if (!contents) return std::move(contents).error();
  auto commit_id = snapshot::commit_id_of(*bytes);
  bytes->clear();
  bytes->shrink_to_fit();
  return std::unique_ptr<Storage>(std::make_unique<SnapshotStorage>(
      path, options.read_only, std::move(lock), std::move(*contents), std::move(commit_id)));
}

}  // namespace

Result<std::unique_ptr<Storage>> open_snapshot_storage(const std::string& path,
                                                       const StorageOptions& options) {
  try {
    return open_snapshot(path, options);
  } catch (const std::exception& e) {
    return make_error(ErrorCode::internal,
                      "cannot open snapshot file '" + path + "': " + std::string(e.what()));
  }
}

}  // namespace archive::detail
