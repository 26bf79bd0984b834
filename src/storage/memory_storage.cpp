// The memory backend: records in this process only, gone when the Storage is destroyed.
#include "backends.hpp"
#include "versioned_records.hpp"

namespace archive::detail {

namespace {

class MemoryStorage final : public Storage {
 public:
  MemoryStorage() : records_(std::make_shared<VersionedRecords>()), id_(new_instance_id()) {}

  Result<std::uint64_t> apply(const WriteBatch& batch) override { return records_->apply(batch); }
  Result<std::unique_ptr<StorageReader>> read() override { return records_->read(); }
  std::string instance_id() const override { return id_; }
  std::string address() const override { return "memory:"; }

 private:
  std::shared_ptr<VersionedRecords> records_;
  std::string id_;
};

}  // namespace

Result<std::unique_ptr<Storage>> open_memory_storage() {
  return std::unique_ptr<Storage>(std::make_unique<MemoryStorage>());
}

}  // namespace archive::detail
