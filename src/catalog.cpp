// The Catalog: a Storage and its SearchIndex, kept in step under one writer lock; searches
// share a reader lock on the index.
#include "archive/catalog.hpp"

#include <mutex>
#include <shared_mutex>
#include <unordered_set>

#include "index/search_index.hpp"
#include "storage/backends.hpp"

namespace archive {

namespace {

// Where the index of a file-backed store lives by default: beside it.
std::optional<std::filesystem::path> default_index_path(std::string_view address) {
  auto beside = [](std::string_view path) {
    return std::optional<std::filesystem::path>(std::string(path) + ".index");
  };
  const auto scheme = detail::address_scheme(address);
  if (!scheme) return beside(address);  // a bare path is an SQLite file
  if (*scheme == "sqlite" || *scheme == "snapshot")
    return beside(address.substr(scheme->size() + 1));
  return std::nullopt;
}

void add_all(WriteBatch& batch, const Records& records) {
  for (const auto& r : records.people)
    batch.put(r);
  for (const auto& r : records.organizations)
    batch.put(r);
  for (const auto& r : records.collections)
    batch.put(r);
  for (const auto& r : records.documents)
    batch.put(r);
}

}  // namespace

struct Catalog::Impl {
  std::unique_ptr<Storage> storage;
  std::optional<std::filesystem::path> index_path;
  std::mutex write_mutex;                 // one writer (or catch-up) at a time; before index_mutex
  mutable std::shared_mutex index_mutex;  // searches share, index updates exclude
  detail::SearchIndex index;
  bool loaded = false;
  std::string origin;  // where the index came from, and why it was not loaded
  // Set (under index_mutex) when the store moved without the index following it: another
  // writer committed, or re-indexing after a write could not read the store. The index is then
  // rebuilt before it answers or is saved; until then writes do not update it.
  bool behind = false;
  // The state the index file holds (none: no file written or loaded yet); flush() writes only
  // when the index has moved on from it.
  mutable std::mutex saved_mutex;
  mutable std::optional<StoreState> saved_source;

  // Builds the index from the store: agents and collections first, so documents get their
  // agents' names. Caller holds write_mutex (or is opening the catalog).
  Result<void> rebuild() {
    auto reader = storage->read();
    if (!reader) return std::move(reader).error();
    detail::SearchIndex fresh;
    for (auto kind : {RecordKind::person, RecordKind::organization, RecordKind::collection,
                      RecordKind::document}) {
      auto r = (*reader)->scan(kind, [&](Record&& record) {
        fresh.put(record);
        return true;
      });
      if (!r) return r;
    }
    fresh.set_source((*reader)->state(), storage->instance_id());
    std::unique_lock lock(index_mutex);
    index = std::move(fresh);
    behind = false;
    return {};
  }

  Result<void> load_or_rebuild() {
    auto reader = storage->read();
    if (!reader) return std::move(reader).error();
    const auto state = (*reader)->state();
    reader->reset();
    origin = "built from the store (no index file is kept for it)";
    if (index_path) {
      const auto file = index_path->string();
      std::error_code ec;
      if (!std::filesystem::exists(*index_path, ec)) {
        origin = "built from the store (no saved index at " + file + ")";
      } else if (auto saved = detail::SearchIndex::load(*index_path); !saved) {
        origin = "built from the store (" + saved.error().describe() + ")";
      } else if (saved->instance_id() != storage->instance_id()) {
        origin = "built from the store (" + file + " belongs to another store)";
      } else if (saved->generation() != state.generation) {
        origin = "built from the store (" + file + " is stale: generation " +
                 std::to_string(saved->generation()) + ", the store is at " +
                 std::to_string(state.generation) + ")";
      } else if (saved->source().commit_id != state.commit_id) {
        origin = "built from the store (" + file +
                 " was built from another copy of this store: both are at generation " +
                 std::to_string(state.generation) + " by different commits)";
      } else {
        std::unique_lock lock(index_mutex);
        index = std::move(*saved);
        loaded = true;
        saved_source = state;
        origin = "loaded from " + file;
        return {};
      }
    }
    return rebuild();
  }

  // Brings the index up to the store's present state when other writers (or a failed
  // re-index) left it behind: before any answer and before saving. Cheap when current: one
  // read of the store's state.
  Result<void> catch_up() {
    auto current = [&]() -> Result<bool> {
      auto state = storage->state();
      if (!state) return std::move(state).error();
      std::shared_lock lock(index_mutex);
      return !behind && index.source() == *state;
    };
    auto fresh = current();
    if (!fresh) return std::move(fresh).error();
    if (*fresh) return {};
    std::lock_guard writer(write_mutex);
    fresh = current();  // another thread may have caught up meanwhile
    if (!fresh) return std::move(fresh).error();
    if (*fresh) return {};
    return rebuild();
  }

  // Commits the batch, then brings the index up to date. Caller holds write_mutex.
  Result<std::uint64_t> apply_locked(const WriteBatch& batch) {
    const auto before = index.source();  // only writers change it, and this one holds the lock
    auto generation = storage->apply(batch);
    if (!generation) return generation;
    if (batch.empty()) return generation;
    std::unique_lock lock(index_mutex);
    if (behind) return generation;  // the next answer or save rebuilds the index
    if (*generation != before.generation + 1) {
      // Another process committed between the index's state and this batch: indexing this
      // batch alone would label the index with a state it has not seen.
      behind = true;
      return generation;
    }
    std::unordered_set<std::string> changed_agents;
    for (const auto& op : batch.operations()) {
      if (op.key.kind == RecordKind::document) continue;
      if (op.record) {
        index.put(*op.record);
      } else {
        index.erase(op.key);
      }
      if (op.key.kind == RecordKind::person || op.key.kind == RecordKind::organization) {
        changed_agents.insert(op.key.id);
      }
    }
    for (const auto& op : batch.operations()) {
      if (op.key.kind != RecordKind::document) continue;
      if (op.record) {
        index.put(*op.record);
      } else {
        index.erase(op.key);
      }
    }
    // Documents outside the batch that name a changed agent get its new names.
    if (!changed_agents.empty()) {
      std::unordered_set<std::string> in_batch;
      for (const auto& op : batch.operations()) {
        if (op.key.kind == RecordKind::document) in_batch.insert(op.key.id);
      }
      if (auto r = reindex_documents_of(changed_agents, in_batch); !r) {
        behind = true;  // the store has the batch but the index could not follow
        return generation;
      }
    }
    // The state this batch made: its commit id, read back. When another process committed
    // right after it, the state read is a later one the index has not seen.
    auto state = storage->state();
    if (!state || state->generation != *generation) {
      behind = true;
      return generation;
    }
    index.set_source(*state, storage->instance_id());
    return generation;
  }

  Result<void> reindex_documents_of(const std::unordered_set<std::string>& agents,
                                    const std::unordered_set<std::string>& skip) {
    auto reader = storage->read();
    if (!reader) return std::move(reader).error();
    for (const auto& agent : agents) {
      for (const auto& id : index.documents_with_agent(agent)) {
        if (skip.contains(id.str())) continue;
        auto d = (*reader)->document(id);
        if (!d) return std::move(d).error();
        index.put(std::move(*d));
      }
    }
    return {};
  }

  // Fails with `code` when a record's presence is not what `want_present` says.
  Result<void> check_presence(const Records& records, bool want_present) {
    auto reader = storage->read();
    if (!reader) return std::move(reader).error();
    WriteBatch keys;
    add_all(keys, records);
    for (const auto& op : keys.operations()) {
      auto found = (*reader)->get(op.key);
      if (!found && found.error().code != ErrorCode::not_found) return std::move(found).error();
      if (found.has_value() != want_present) {
        const auto what = std::string(to_string(op.key.kind)) + " '" + op.key.id + "'";
        return want_present ? make_error(ErrorCode::not_found, "no " + what + " to update")
                            : make_error(ErrorCode::already_exists, what + " already exists");
      }
    }
    return {};
  }
};

Catalog::Catalog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;
Catalog::~Catalog() {
  if (impl_) (void)flush();
}

Result<Catalog> Catalog::open(std::string_view address, const CatalogOptions& options) {
  auto storage = open_storage(address, options.storage);
  if (!storage) return std::move(storage).error();
  CatalogOptions with_path = options;
  if (!with_path.index_path) with_path.index_path = default_index_path(address);
  return open(std::move(*storage), with_path);
}

Result<Catalog> Catalog::open(std::unique_ptr<Storage> storage, const CatalogOptions& options) {
  assert(storage != nullptr);
  auto impl = std::make_unique<Impl>();
  impl->storage = std::move(storage);
  impl->index_path = options.index_path;
  if (auto r = impl->load_or_rebuild(); !r) return std::move(r).error();
  return Catalog(std::move(impl));
}

Result<std::uint64_t> Catalog::add(const Records& records) {
  std::lock_guard lock(impl_->write_mutex);
  if (auto r = impl_->check_presence(records, false); !r) return std::move(r).error();
  WriteBatch batch;
  add_all(batch, records);
  return impl_->apply_locked(batch);
}

Result<std::uint64_t> Catalog::update(const Records& records) {
  std::lock_guard lock(impl_->write_mutex);
  if (auto r = impl_->check_presence(records, true); !r) return std::move(r).error();
  WriteBatch batch;
  add_all(batch, records);
  return impl_->apply_locked(batch);
}

Result<std::uint64_t> Catalog::put(const Records& records) {
  WriteBatch batch;
  add_all(batch, records);
  return apply(batch);
}

Result<std::uint64_t> Catalog::remove(const std::vector<RecordKey>& keys) {
  WriteBatch batch;
  for (const auto& key : keys)
    batch.erase(key);
  return apply(batch);
}

Result<std::uint64_t> Catalog::apply(const WriteBatch& batch) {
  std::lock_guard lock(impl_->write_mutex);
  return impl_->apply_locked(batch);
}

Result<Record> Catalog::get(const RecordKey& key) const {
  return impl_->storage->get(key);
}

Result<std::unique_ptr<StorageReader>> Catalog::read() const {
  return impl_->storage->read();
}

Result<SearchResults> Catalog::search(std::string_view query, const SearchOptions& options) const {
  auto parsed = parse_query(query);
  if (!parsed) return std::move(parsed).error();
  return search(*parsed, options);
}

Result<SearchResults> Catalog::search(const Query& query, const SearchOptions& options) const {
  if (auto r = impl_->catch_up(); !r) return std::move(r).error();
  std::shared_lock lock(impl_->index_mutex);
  return impl_->index.search(query, options);
}

Result<std::size_t> Catalog::count(std::string_view query) const {
  auto parsed = parse_query(query);
  if (!parsed) return std::move(parsed).error();
  return count(*parsed);
}

Result<std::size_t> Catalog::count(const Query& query) const {
  if (auto r = impl_->catch_up(); !r) return std::move(r).error();
  std::shared_lock lock(impl_->index_mutex);
  return impl_->index.count(query);
}

IndexStats Catalog::stats() const {
  std::shared_lock lock(impl_->index_mutex);
  return impl_->index.stats();
}

std::string Catalog::address() const {
  return impl_->storage->address();
}

bool Catalog::index_was_loaded() const noexcept {
  return impl_->loaded;
}

const std::string& Catalog::index_origin() const noexcept {
  return impl_->origin;
}

Result<void> Catalog::flush() const {
  if (!impl_->index_path) return {};
  // Never save an index labelled with a state it has not seen: catch up first.
  if (auto r = impl_->catch_up(); !r) return std::move(r).error();
  std::lock_guard saving(impl_->saved_mutex);
  std::shared_lock lock(impl_->index_mutex);
  if (impl_->behind) {  // another writer moved the store again meanwhile: save next time
    return {};
  }
  const auto source = impl_->index.source();
  if (impl_->saved_source == source) return {};  // the file is current
  auto saved = impl_->index.save(*impl_->index_path);
  if (saved) impl_->saved_source = source;
  return saved;
}

}  // namespace archive
