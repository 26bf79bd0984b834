// A storage backend of your own: the catalog as plain JSON Lines files in a directory, one
// file per generation ("gen-00000000000000000007.jsonl", written with archive's JSON Lines
// writer). A batch writes the next generation's file beside the current one and renames it
// into place, so a crash leaves one whole generation. It passes the same conformance suite
// as the built-in backends (tests/storage/json_files_test.cpp); one process at a time. It
// keeps only the records JSON Lines gives back as they are (holds()): apply() refuses the
// others with invalid_argument.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "archive/io/jsonl.hpp"
#include "archive/storage/storage.hpp"

namespace example {

namespace fs = std::filesystem;
using namespace archive;

class JsonFilesStorage final : public Storage {
  using State = std::map<RecordKey, Record>;

  class Reader final : public StorageReader {
   public:
    Reader(std::shared_ptr<const State> state, std::uint64_t generation)
        : state_(std::move(state)), generation_(generation) {}
    std::uint64_t generation() const noexcept override { return generation_; }
    Result<Record> get(const RecordKey& key) override {
      if (auto it = state_->find(key); it != state_->end()) return it->second;
      return make_error(ErrorCode::not_found,
                        "no " + std::string(to_string(key.kind)) + " '" + key.id + "'");
    }
    Result<void> scan(RecordKind kind, const ScanVisitor& visit) override {
      for (auto it = state_->lower_bound({kind, ""}); it != state_->end(); ++it) {
        if (it->first.kind != kind || !visit(Record(it->second))) break;
      }
      return {};
    }

   private:
    std::shared_ptr<const State> state_;  // immutable: a snapshot for free
    std::uint64_t generation_;
  };

 public:
  /// Opens the store in `dir`, creating the directory and an empty store when missing.
  static Result<std::unique_ptr<Storage>> open(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return make_error(ErrorCode::io_error, dir.string() + ": " + ec.message());
    std::unique_ptr<JsonFilesStorage> store(new JsonFilesStorage(dir));
    std::ifstream id_file(dir / "instance-id");
    if (!std::getline(id_file, store->instance_id_)) {
      store->instance_id_ =
          std::to_string(std::random_device{}()) + "-" + std::to_string(std::random_device{}());
      std::ofstream(dir / "instance-id") << store->instance_id_ << '\n';
    }
    for (const auto& entry : fs::directory_iterator(dir, ec)) {  // the newest whole file wins
      const auto name = entry.path().filename().string();
      std::uint64_t g = 0;
      if (name.starts_with("gen-") && name.ends_with(".jsonl") &&
          std::from_chars(name.data() + 4, name.data() + name.size(), g).ec == std::errc{}) {
        store->generation_ = std::max(store->generation_, g);
      }
    }
    if (store->generation_ > 0) {
      auto state = load(store->file(store->generation_));
      if (!state) return std::move(state).error();
      store->state_ = std::move(*state);
    }
    return std::unique_ptr<Storage>(std::move(store));
  }

  Result<std::uint64_t> apply(const WriteBatch& batch) override {
    std::lock_guard lock(mutex_);
    if (batch.empty()) return generation_;
    auto next = std::make_shared<State>(*state_);  // copy, change, then publish
    std::size_t n = 0;
    for (const auto& op : batch.operations()) {
      auto checked = op.record ? check_record(*op.record) : check_id(op.key.id);
      if (checked && op.record) checked = holds(*op.record);
      if (!checked) {
        return make_error(ErrorCode::invalid_argument, "operation " + std::to_string(n + 1) + " (" +
                                                           op.key.id +
                                                           "): " + checked.error().message);
      }
      ++n;
      if (op.record) {
        next->insert_or_assign(op.key, *op.record);
      } else {
        next->erase(op.key);
      }
    }
    if (auto written = write(*next, generation_ + 1); !written) return std::move(written).error();
    std::error_code ignored;
    fs::remove(file(generation_), ignored);  // the old generation is no longer needed
    state_ = std::move(next);
    return ++generation_;
  }

  /// Whether this store can keep `record`: JSON Lines, an interchange format, validates what
  /// it reads (a title or name is required, a person dies after birth, a record is modified
  /// after it is created, …) and keeps a date's provenance only with its written form. A
  /// record it would not give back as it is gets invalid_argument, so that apply() refuses it
  /// rather than write a file that will not open, or open changed.
  static Result<void> holds(const Record& record) {
    Records one;
    add_to(one, record);
    std::ostringstream out;
    if (auto written = write_jsonl(out, one); !written) return written;
    std::istringstream in(out.str());
    auto read = read_jsonl(in, "record", {.strict = true});
    if (!read) return std::move(read).error();
    if (read->stopped || read->records.size() != 1) {
      return make_error(ErrorCode::invalid_argument,
                        "JSON Lines cannot hold this record: " +
                            (read->issues.empty() ? std::string("it does not read back")
                                                  : read->issues[0].message));
    }
    if (!(read->records == one) || !same_dates(read->records, one)) {
      return make_error(ErrorCode::invalid_argument,
                        "JSON Lines would not give this record back as it is");
    }
    return {};
  }

  Result<std::unique_ptr<StorageReader>> read() override {
    std::lock_guard lock(mutex_);
    return std::unique_ptr<StorageReader>(std::make_unique<Reader>(state_, generation_));
  }
  std::string instance_id() const override { return instance_id_; }
  std::string address() const override { return "json-files:" + dir_.string(); }

 private:
  explicit JsonFilesStorage(fs::path dir) : dir_(std::move(dir)) {}

  fs::path file(std::uint64_t generation) const {
    char name[48];
    std::snprintf(name, sizeof name, "gen-%020llu.jsonl",
                  static_cast<unsigned long long>(generation));
    return dir_ / name;
  }

  // Whether the dates of equal records are identical too: == leaves out their provenance.
  static bool same_dates(const Records& a, const Records& b) {
    auto dates = [](const Records& records) {
      std::vector<const FuzzyDate*> out;
      for (const auto& d : records.documents)
        out.push_back(&d.date);
      for (const auto& p : records.people) {
        out.push_back(&p.born);
        out.push_back(&p.died);
        for (const auto& position : p.positions)
          out.push_back(&position.date);
      }
      for (const auto& o : records.organizations)
        out.push_back(&o.existed);
      return out;
    };
    const auto x = dates(a), y = dates(b);
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!x[i]->identical(*y[i])) return false;
    }
    return x.size() == y.size();
  }

  // Reads a generation's file. Each line is read as a batch of its own: the file is a list of
  // records, not one import, and read as one import it could not hold every state a store
  // may be in — an import refuses a person and an organization with the same id and resolves
  // an agent written without a kind against the people and organizations around it, while a
  // store keeps the kinds apart.
  static Result<std::shared_ptr<const State>> load(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::io_error, "cannot read " + path.string());
    auto state = std::make_shared<State>();
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
      if (line.empty()) continue;
      std::istringstream one(line);
      auto read = read_jsonl(one, path.string(), {.strict = true});
      if (!read) return std::move(read).error();
      if (read->stopped) {
        return make_error(ErrorCode::corrupt,
                          "line " + std::to_string(number) + ": " + read->issues[0].describe());
      }
      Records& records = read->records;
      if (records.size() != 1) {
        return make_error(ErrorCode::corrupt,
                          path.string() + ":" + std::to_string(number) + ": not one record");
      }
      auto add = [&](auto& list) {
        for (auto& r : list)
          state->insert_or_assign(key_of(r.id), std::move(r));
      };
      add(records.documents), add(records.collections);
      add(records.people), add(records.organizations);
    }
    if (in.bad()) return make_error(ErrorCode::io_error, "cannot read " + path.string());
    return std::shared_ptr<const State>(std::move(state));
  }

  // Writes the whole state to a temporary file, flushes it to disk, renames it into place.
  Result<void> write(const State& state, std::uint64_t generation) const {
    Records records;
    for (const auto& [key, record] : state)
      add_to(records, record);
    const auto tmp = file(generation).string() + ".tmp";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (auto r = write_jsonl(out, records); !r) return r;
    out.close();
    const int fd = ::open(tmp.c_str(), O_RDONLY);
    const bool synced = out && fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    std::error_code ec;
    if (synced) fs::rename(tmp, file(generation), ec);
    if (!synced || ec) {
      fs::remove(tmp, ec);
      return make_error(ErrorCode::io_error, "cannot write " + file(generation).string());
    }
    return {};
  }

  fs::path dir_;
  std::mutex mutex_;
  std::shared_ptr<const State> state_ = std::make_shared<const State>();
  std::uint64_t generation_ = 0;
  std::string instance_id_;
};

}  // namespace example
