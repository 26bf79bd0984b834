// Multi-version records in memory: the state of the memory backend, and of the snapshot
// backend between writes of its file. Each key keeps the versions a live reader may still
// need, so a reader sees the generation it started at while later batches commit.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

#include "archive/storage/storage.hpp"

namespace archive::detail {

class VersionedRecords : public std::enable_shared_from_this<VersionedRecords> {
 public:
  /// Every record after a batch would commit, in kind then id order.
  using State = std::vector<std::shared_ptr<const Record>>;
  /// Makes the state after the batch durable before it becomes visible (the snapshot file) and
  /// returns the new state's commit id (StoreState); an error aborts the batch.
  using Persist = std::function<Result<std::string>(const State& after, std::uint64_t generation)>;

  /// Starts with `records` committed at `generation` with `commit_id` (a loaded file), or
  /// empty at 0.
  explicit VersionedRecords(std::uint64_t generation = 0, Records records = {},
                            std::string commit_id = {});

  /// Checks every operation (check_record), calls `persist` with the state after the batch
  /// when given, then makes the batch visible at generation + 1. One apply at a time.
  Result<std::uint64_t> apply(const WriteBatch& batch, const Persist& persist = {});

  /// A reader of the state as of now. The reader keeps this object alive.
  std::unique_ptr<StorageReader> read();

  /// The current generation.
  std::uint64_t generation() const;

  /// Every record as of now, kind by kind in id order.
  State current_state() const;

 private:
  struct Version {
    std::uint64_t generation;
    std::shared_ptr<const Record> record;  // null: erased at this generation
  };
  using Versions = std::vector<Version>;  // ascending generation
  using Map = std::map<std::string, Versions, std::less<>>;
  class Reader;

  static const Record* visible(const Versions& versions, std::uint64_t generation);
  void release(std::uint64_t generation);
  void prune(Map& map, Map::iterator it);

  std::mutex write_mutex_;  // one apply() at a time
  mutable std::shared_mutex mutex_;
  std::array<Map, 4> maps_;  // by RecordKind
  std::uint64_t generation_ = 0;
  std::string commit_id_;                      // of generation_'s state; empty without a Persist
  std::multiset<std::uint64_t> live_readers_;  // the generations readers still see
};

}  // namespace archive::detail
