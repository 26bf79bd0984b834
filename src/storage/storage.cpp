// The parts of the storage interface every backend shares: WriteBatch and the check every
// backend runs on a batch (check_batch, declared in backends.hpp), and the non-virtual
// shorthands of Storage and StorageReader.
#include "archive/storage/storage.hpp"

#include <string>
#include <utility>

#include "backends.hpp"

namespace archive {

namespace {

template <class T>
Result<T> typed_get(StorageReader& reader, RecordKey key) {
  auto r = reader.get(key);
  if (!r) return std::move(r).error();
  if (auto* value = std::get_if<T>(&*r)) return std::move(*value);
  return make_error(ErrorCode::corrupt, "the store returned a " + to_string(kind_of(*r)) + " for " +
                                            to_string(key.kind) + " '" + key.id + "'");
}

}  // namespace

WriteBatch& WriteBatch::put(Record record) {
  auto key = key_of(record);
  ops_.push_back({std::move(key), std::move(record)});
  return *this;
}

WriteBatch& WriteBatch::erase(RecordKey key) {
  ops_.push_back({std::move(key), std::nullopt});
  return *this;
}

namespace detail {

namespace {

Error operation_error(std::size_t index, const RecordKey& key, const Error& cause) {
  return make_error(cause.code, "operation " + std::to_string(index + 1) + " (" +
                                    to_string(key.kind) + " '" + key.id + "'): " + cause.message);
}

}  // namespace

Result<void> check_batch(const WriteBatch& batch) {
  const auto& ops = batch.operations();
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const auto& op = ops[i];
    if (op.record) {
      if (key_of(*op.record) != op.key) {
        return operation_error(i, op.key,
                               make_error(ErrorCode::invalid_argument,
                                          "the key does not match the record's kind and id"));
      }
      if (auto r = check_record(*op.record); !r) return operation_error(i, op.key, r.error());
    } else if (auto r = check_id(op.key.id); !r) {
      return operation_error(i, op.key,
                             make_error(ErrorCode::invalid_argument, r.error().describe()));
    }
  }
  return {};
}

}  // namespace detail

StorageReader::~StorageReader() = default;

std::string StorageReader::commit_id() const {
  return {};
}

StoreState StorageReader::state() const {
  return {generation(), commit_id()};
}

Result<Document> StorageReader::document(const DocumentId& id) {
  return typed_get<Document>(*this, key_of(id));
}
Result<Collection> StorageReader::collection(const CollectionId& id) {
  return typed_get<Collection>(*this, key_of(id));
}
Result<Person> StorageReader::person(const PersonId& id) {
  return typed_get<Person>(*this, key_of(id));
}
Result<Organization> StorageReader::organization(const OrganizationId& id) {
  return typed_get<Organization>(*this, key_of(id));
}

Result<Records> StorageReader::read_all() {
  Records out;
  auto collect = [&](RecordKind kind, auto& into) -> Result<void> {
    using T = typename std::decay_t<decltype(into)>::value_type;
    bool wrong_kind = false;
    auto r = scan(kind, [&](Record&& record) {
      auto* value = std::get_if<T>(&record);
      if (value == nullptr) return !(wrong_kind = true);
      into.push_back(std::move(*value));
      return true;
    });
    if (r && wrong_kind) {
      return make_error(ErrorCode::corrupt, "a scan of " + to_string(kind) +
                                                " records returned another kind of record");
    }
    return r;
  };
  if (auto r = collect(RecordKind::document, out.documents); !r) return std::move(r).error();
  if (auto r = collect(RecordKind::collection, out.collections); !r) return std::move(r).error();
  if (auto r = collect(RecordKind::person, out.people); !r) return std::move(r).error();
  if (auto r = collect(RecordKind::organization, out.organizations); !r) {
    return std::move(r).error();
  }
  return out;
}

Storage::~Storage() = default;

Result<std::uint64_t> Storage::put(Record record) {
  WriteBatch batch;
  batch.put(std::move(record));
  return apply(batch);
}

Result<std::uint64_t> Storage::erase(RecordKey key) {
  WriteBatch batch;
  batch.erase(std::move(key));
  return apply(batch);
}

Result<Record> Storage::get(const RecordKey& key) {
  auto reader = read();
  if (!reader) return std::move(reader).error();
  return (*reader)->get(key);
}

Result<std::uint64_t> Storage::generation() {
  auto reader = read();
  if (!reader) return std::move(reader).error();
  return (*reader)->generation();
}

Result<StoreState> Storage::state() {
  auto reader = read();
  if (!reader) return std::move(reader).error();
  return (*reader)->state();
}

}  // namespace archive
