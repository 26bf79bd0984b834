#include "versioned_records.hpp"

#include <algorithm>
#include <utility>

#include "backends.hpp"

namespace archive::detail {

namespace {

std::size_t slot(RecordKind kind) {
  return static_cast<std::size_t>(kind);
}

}  // namespace

class VersionedRecords::Reader final : public StorageReader {
 public:
  Reader(std::shared_ptr<VersionedRecords> owner, std::uint64_t generation, std::string commit_id)
      : owner_(std::move(owner)), generation_(generation), commit_id_(std::move(commit_id)) {}
  ~Reader() override { owner_->release(generation_); }

  std::uint64_t generation() const noexcept override { return generation_; }
  std::string commit_id() const override { return commit_id_; }

  Result<Record> get(const RecordKey& key) override {
    std::shared_lock lock(owner_->mutex_);
    const auto& map = owner_->maps_[slot(key.kind)];
    if (auto it = map.find(key.id); it != map.end()) {
      if (const auto* record = visible(it->second, generation_)) return *record;
    }
    return make_error(ErrorCode::not_found, "no " + to_string(key.kind) + " '" + key.id + "'");
  }

  Result<void> scan(RecordKind kind, const ScanVisitor& visit) override {
    // Collect under the lock, visit outside it, so a visitor may use the store.
    std::vector<std::shared_ptr<const Record>> records;
    {
      std::shared_lock lock(owner_->mutex_);
      for (const auto& [id, versions] : owner_->maps_[slot(kind)]) {
        for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
          if (it->generation <= generation_) {
            if (it->record) records.push_back(it->record);
            break;
          }
        }
      }
    }
    for (auto& record : records) {
      if (!visit(Record(*record))) break;
    }
    return {};
  }

 private:
  std::shared_ptr<VersionedRecords> owner_;
  std::uint64_t generation_;
  std::string commit_id_;
};

VersionedRecords::VersionedRecords(std::uint64_t generation, Records records, std::string commit_id)
    : generation_(generation), commit_id_(std::move(commit_id)) {
  auto add = [&](auto& list) {
    for (auto& r : list) {
      Record record(std::move(r));
      auto key = key_of(record);
      maps_[slot(key.kind)][key.id] = {
          Version{generation, std::make_shared<const Record>(std::move(record))}};
    }
  };
  add(records.documents);
  add(records.collections);
  add(records.people);
  add(records.organizations);
}

const Record* VersionedRecords::visible(const Versions& versions, std::uint64_t generation) {
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    if (it->generation <= generation) return it->record.get();
  }
  return nullptr;
}

std::uint64_t VersionedRecords::generation() const {
  std::shared_lock lock(mutex_);
  return generation_;
}

std::unique_ptr<StorageReader> VersionedRecords::read() {
  std::unique_lock lock(mutex_);
  live_readers_.insert(generation_);
  return std::make_unique<Reader>(shared_from_this(), generation_, commit_id_);
}

void VersionedRecords::release(std::uint64_t generation) {
  std::unique_lock lock(mutex_);
  live_readers_.erase(live_readers_.find(generation));
}

// Drops the versions of one key that neither the present nor a live reader can see.
void VersionedRecords::prune(Map& map, Map::iterator it) {
  const auto oldest = live_readers_.empty() ? generation_ : *live_readers_.begin();
  auto& versions = it->second;
  // Keep the newest version at or below `oldest`, and every newer one.
  std::size_t keep_from = 0;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    if (versions[i].generation <= oldest) keep_from = i;
  }
  versions.erase(versions.begin(), versions.begin() + static_cast<std::ptrdiff_t>(keep_from));
  if (versions.size() == 1 && !versions.front().record && versions.front().generation <= oldest) {
    map.erase(it);
  }
}

VersionedRecords::State VersionedRecords::current_state() const {
  std::shared_lock lock(mutex_);
  State state;
  for (const auto& map : maps_) {
    for (const auto& [id, versions] : map) {
      if (!versions.empty() && versions.back().record) state.push_back(versions.back().record);
    }
  }
  return state;
}

Result<std::uint64_t> VersionedRecords::apply(const WriteBatch& batch, const Persist& persist) {
  std::lock_guard writer(write_mutex_);
  if (batch.empty()) return generation();
  if (auto r = check_batch(batch); !r) return std::move(r).error();

  // The batch's net effect per key (later operations win), records shared, not copied again.
  std::map<RecordKey, std::shared_ptr<const Record>> changes;
  for (const auto& op : batch.operations()) {
    changes[op.key] = op.record ? std::make_shared<const Record>(*op.record) : nullptr;
  }
  const auto next = generation_ + 1;  // only this thread writes generation_
  std::string commit_id;

  if (persist) {
    // The state after the batch: the current records merged with the changes, in key order.
    State after;
    auto change = changes.begin();
    for (std::size_t k = 0; k < maps_.size(); ++k) {
      const auto kind = static_cast<RecordKind>(k);
      auto emit_changes_before = [&](const std::string* id) {
        while (change != changes.end() && change->first.kind == kind &&
               (id == nullptr || change->first.id < *id)) {
          if (change->second) after.push_back(change->second);
          ++change;
        }
      };
      for (const auto& [id, versions] : maps_[k]) {
        emit_changes_before(&id);
        if (change != changes.end() && change->first.kind == kind && change->first.id == id) {
          if (change->second) after.push_back(change->second);
          ++change;
        } else if (!versions.empty() && versions.back().record) {
          after.push_back(versions.back().record);
        }
      }
      emit_changes_before(nullptr);
    }
    auto persisted = persist(after, next);
    if (!persisted) return std::move(persisted).error();
    commit_id = std::move(*persisted);
  }

  std::unique_lock lock(mutex_);
  // One lookup per key; the keys that may hold versions no reader needs are pruned after.
  std::vector<std::pair<Map*, Map::iterator>> touched;
  touched.reserve(changes.size());
  for (auto& [key, record] : changes) {
    auto& map = maps_[slot(key.kind)];
    Map::iterator it;
    if (record) {
      it = map.try_emplace(key.id).first;
    } else {
      it = map.find(key.id);
      if (it == map.end()) continue;  // erasing what is not there
    }
    it->second.push_back(Version{next, std::move(record)});
    if (it->second.size() > 1 || !it->second.back().record) touched.emplace_back(&map, it);
  }
  generation_ = next;
  commit_id_ = std::move(commit_id);
  for (auto& [map, it] : touched)
    prune(*map, it);
  return next;
}

}  // namespace archive::detail
