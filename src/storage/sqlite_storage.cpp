// The SQLite backend (sqlite:PATH): the relational schema of docs/storage.md in one database
// file in WAL mode. One writer connection (BEGIN IMMEDIATE, serialized in this process by a
// mutex and across processes by SQLite's lock with a busy timeout) and a small pool of reader
// connections, each StorageReader holding one read transaction: its snapshot.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "backends.hpp"
#include "relational.hpp"
#include "sqlite_connection.hpp"

namespace archive::detail {

namespace {

/// PRAGMA application_id of an archive catalog: "ARCH".
constexpr std::int32_t kApplicationId = 0x41524348;
/// How long a writer waits for another writer (this or another process) before unavailable.
constexpr int kBusyTimeoutMs = 60'000;
/// Reader connections kept open between reads.
constexpr std::size_t kIdleReaders = 4;
/// The WAL file is truncated back to this size after a checkpoint (a big import grows it).
constexpr const char* kJournalSizeLimit = "PRAGMA journal_size_limit = 67108864";

/// How the backend trades speed for durability (see docs/storage.md, "Durability").
struct SqliteTuning {
  /// false: synchronous=NORMAL (a commit survives a process crash; the last commits may be
  /// lost on power loss). true: synchronous=FULL (every commit is fsynced).
  bool full_sync = false;
};

const std::string kBeginRead = "BEGIN";
const std::string kBeginWrite = "BEGIN IMMEDIATE";
const std::string kCommit = "COMMIT";

std::string kind_name(RecordKind kind) {
  return std::string(to_string(kind));
}

// "abc" → 123, for meta values.
std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t v = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

std::string errno_text(int e) {
  return std::strerror(e);
}

// ---------------------------------------------------------------------------------------------
// Checks of an existing file before SQLite opens it.

std::uint32_t be(const unsigned char* p, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i)
    v = (v << 8) | p[i];
  return v;
}

// An existing file: garbage, or a database cut short, is corrupt before SQLite sees it.
Result<void> check_file_header(const std::string& path, const std::string& address,
                               std::uintmax_t size) {
  if (size == 0) return {};  // an empty file: SQLite reads it as an empty database
  std::ifstream in(path, std::ios::binary);
  std::array<unsigned char, 100> header{};
  if (!in) {
    return make_error(ErrorCode::io_error,
                      address + ": cannot read the file: " + errno_text(errno));
  }
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  static constexpr char kMagic[] = "SQLite format 3";  // and its NUL: 16 bytes
  if (static_cast<std::size_t>(in.gcount()) < header.size() ||
      std::memcmp(header.data(), kMagic, sizeof kMagic) != 0) {
    return make_error(ErrorCode::corrupt,
                      address + ": not an SQLite database (the file starts with " +
                          (size < 100 ? std::string("a truncated header") : "other bytes") +
                          "): it is corrupt or not a catalog");
  }
  std::uint32_t page_size = be(&header[16], 2);
  if (page_size == 1) page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0) {
    return make_error(ErrorCode::corrupt, address + ": a damaged SQLite header (page size " +
                                              std::to_string(page_size) + ")");
  }
  // The page count in the header is valid when its change counter matches
  // version-valid-for (every SQLite since 3.7.0 keeps it so). A WAL with frames may hold
  // pages beyond the file's end, so only a file without one is checked.
  const auto change_counter = be(&header[24], 4);
  const auto page_count = be(&header[28], 4);
  const auto valid_for = be(&header[92], 4);
  std::error_code ec;
  const auto wal_size = std::filesystem::file_size(path + "-wal", ec);
  const bool wal_has_frames = !ec && wal_size > 32;
  const auto expected = static_cast<std::uintmax_t>(page_count) * page_size;
  if (!wal_has_frames && page_count != 0 && change_counter == valid_for && size < expected) {
    return make_error(ErrorCode::corrupt,
                      address + ": the database is truncated: its header says " +
                          std::to_string(page_count) + " pages of " + std::to_string(page_size) +
                          " bytes (" + std::to_string(expected) + " bytes), the file has " +
                          std::to_string(size));
  }
  return {};
}

std::filesystem::path directory_of(const std::string& path) {
  auto dir = std::filesystem::path(path).parent_path();
  return dir.empty() ? std::filesystem::path(".") : dir;
}

bool directory_writable(const std::string& path) {
  return ::access(directory_of(path).c_str(), W_OK) == 0;
}

// A WAL-mode database (header bytes 18 and 19 are 2) with no WAL file beside it, or an empty one.
bool is_wal_without_wal_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 20> header{};
  in.read(header.data(), header.size());
  if (in.gcount() != static_cast<std::streamsize>(header.size())) return false;
  if (header[18] != 2 || header[19] != 2) return false;
  std::error_code ec;
  const auto wal = std::filesystem::file_size(path + "-wal", ec);
  return ec || wal == 0;
}

// "file:///abs/path?mode=ro&immutable=1", the path percent-encoded.
std::string immutable_uri(const std::string& path) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  const std::string p = ec ? path : absolute.string();
  std::string uri = "file://";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const unsigned char c : p) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '/' || c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + "?mode=ro&immutable=1";
}

// ---------------------------------------------------------------------------------------------
// What a database holds, before the backend uses it.

struct Inspection {
  bool empty = false;  // no table at all: a new database to initialize
  int schema_version = 0;
  std::string instance_id;
  std::uint64_t generation = 0;
};

Error foreign(const std::string& address, const std::string& why) {
  return make_error(ErrorCode::corrupt,
                    address + ": not an archive catalog: a foreign SQLite database (" + why + ")");
}

// Reads the application id, the tables and the meta rows. Never writes.
Result<Inspection> inspect(SqliteConnection& db, const RelationalSchema& schema) {
  const auto& address = db.address();
  auto damaged = [&](Error e) {
    if (e.code == ErrorCode::corrupt || e.code == ErrorCode::internal) {
      e.code = ErrorCode::corrupt;
      e.message += " (the file is damaged or not an SQLite database)";
    }
    return e;
  };
  std::int64_t application_id = 0;
  {
    auto st = db.prepare_once("PRAGMA application_id");
    if (!st) return damaged(std::move(st).error());
    auto row = st->step();
    if (!row) return damaged(std::move(row).error());
    if (*row) application_id = st->column_int(0);
  }
  std::set<std::string> tables;
  {
    auto st = db.prepare_once("SELECT name FROM sqlite_master WHERE type = 'table'");
    if (!st) return damaged(std::move(st).error());
    for (;;) {
      auto row = st->step();
      if (!row) return damaged(std::move(row).error());
      if (!*row) break;
      tables.insert(st->column_text(0));
    }
  }
  Inspection out;
  if (tables.empty() && application_id == 0) {
    out.empty = true;
    return out;
  }
  if (tables.count("meta") == 0) {
    std::string names;
    for (const auto& t : tables) {
      if (names.size() > 80) {
        names += ", …";
        break;
      }
      names += (names.empty() ? "" : ", ") + t;
    }
    return foreign(address,
                   "it has no meta table" + (names.empty() ? "" : "; its tables: " + names));
  }
  if (application_id != kApplicationId) {
    return foreign(address, "its application_id is " + std::to_string(application_id) +
                                ", an archive catalog's is " + std::to_string(kApplicationId));
  }
  std::map<std::string, std::string, std::less<>> meta;
  {
    auto st = db.prepare_once("SELECT key, value FROM meta");
    if (!st) return damaged(std::move(st).error());
    for (;;) {
      auto row = st->step();
      if (!row) return damaged(std::move(row).error());
      if (!*row) break;
      meta[st->column_text(0)] = st->column_text(1);
    }
  }
  auto value = [&](std::string_view key) -> const std::string* {
    auto it = meta.find(key);
    return it == meta.end() ? nullptr : &it->second;
  };
  if (const auto* app = value(kMetaApplication); app == nullptr || *app != kApplicationName) {
    return foreign(address, "meta.application is not 'archive'");
  }
  const auto* version_text = value(kMetaSchemaVersion);
  const auto version = version_text ? parse_int(*version_text) : std::nullopt;
  if (!version || *version < 1) {
    return make_error(ErrorCode::corrupt,
                      address + ": the catalog is damaged: meta.schema_version is " +
                          (version_text ? "'" + *version_text + "'" : "missing"));
  }
  if (*version > kSchemaVersion) {
    return make_error(ErrorCode::unsupported,
                      address + ": the catalog has schema version " + std::to_string(*version) +
                          ", newer than this build of archive reads (" +
                          std::to_string(kSchemaVersion) + "); use a newer archive");
  }
  out.schema_version = static_cast<int>(*version);
  const auto* instance = value(kMetaInstanceId);
  const auto* generation_text = value(kMetaGeneration);
  // A plain integer, not an optional: g++ 12 -O3 warns falsely about the optional's value.
  std::int64_t generation = -1;
  if (generation_text) {
    if (auto parsed = parse_int(*generation_text)) generation = *parsed;
  }
  if (instance == nullptr || instance->empty() || generation < 0) {
    return make_error(ErrorCode::corrupt,
                      address +
                          ": the catalog is damaged: meta.instance_id or meta.generation is "
                          "missing or invalid");
  }
  out.instance_id = *instance;
  out.generation = static_cast<std::uint64_t>(generation);
  for (auto name : schema.table_names()) {
    if (tables.count(std::string(name)) == 0) {
      return make_error(ErrorCode::corrupt, address + ": the catalog is damaged: table " +
                                                std::string(name) + " is missing");
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

// What the storage, its readers and its connections share.
struct Shared {
  std::string path;  // as given
  std::string file;  // as passed to SQLite (never read as a URI)
  // How readers open the file: `file`, or an immutable URI in a directory nobody can write.
  std::string reader_file;
  int reader_flags = SQLITE_OPEN_READWRITE;
  std::string address;
  RelationalSchema schema{SqlDialect::sqlite};  // before the connections: outlives them
  SqliteTuning tuning;
  bool read_only = false;
  std::string read_only_reason;
  std::string instance_id;

  std::mutex writer_mutex;
  std::unique_ptr<SqliteConnection> writer;  // null when read-only
  RecordRows rows;                           // the writer's buffer, under writer_mutex

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<SqliteConnection>> idle;

  Result<std::unique_ptr<SqliteConnection>> acquire() {
    {
      std::lock_guard lock(pool_mutex);
      if (!idle.empty()) {
        auto c = std::move(idle.back());
        idle.pop_back();
        return c;
      }
    }
    auto c = SqliteConnection::open(reader_file, address, reader_flags);
    if (!c) return std::move(c).error();
    sqlite3_busy_timeout((*c)->handle(), kBusyTimeoutMs);
    return c;
  }

  void release(std::unique_ptr<SqliteConnection> c) {
    if (c->in_transaction()) return;  // could not end its transaction: drop it
    std::lock_guard lock(pool_mutex);
    if (idle.size() < kIdleReaders) idle.push_back(std::move(c));
  }
};

// meta.commit_id: empty when the row is missing (a catalog not written since it was made, or
// last written by a build that did not keep it).
Result<std::string> read_commit_id(SqliteConnection& db, const RelationalSchema& schema) {
  auto st = db.statement(schema.select_meta_sql());
  if (!st) return std::move(st).error();
  if (auto r = st->bind_text(1, kMetaCommitId); !r) return std::move(r).error();
  auto row = st->step();
  if (!row) return std::move(row).error();
  if (!*row) return std::string();
  auto id = st->column_text(0);
  return id;
}

Result<std::uint64_t> read_generation(SqliteConnection& db, const RelationalSchema& schema) {
  auto st = db.statement(schema.select_meta_sql());
  if (!st) return std::move(st).error();
  if (auto r = st->bind_text(1, kMetaGeneration); !r) return std::move(r).error();
  auto row = st->step();
  if (!row) return std::move(row).error();
  const auto value = *row ? parse_int(st->column_text(0)) : std::nullopt;
  if (!value || *value < 0) {
    return make_error(
        ErrorCode::corrupt,
        db.address() + ": the catalog is damaged: meta.generation is missing or invalid");
  }
  return static_cast<std::uint64_t>(*value);
}

// A cursor over one part's scan query.
class SqliteCursor final : public RowCursor {
 public:
  SqliteCursor(SqliteStatement statement, const RecordPart& part)
      : statement_(std::move(statement)), part_(part) {}

  Result<bool> next(SqlRow& row) override {
    auto more = statement_.step();
    if (!more) return std::move(more).error();
    if (!*more) return false;
    row.clear();
    row.reserve(part_.columns.size());
    for (std::size_t i = 0; i < part_.columns.size(); ++i) {
      row.push_back(statement_.column(static_cast<int>(i), part_.columns[i].type));
    }
    return true;
  }

 private:
  SqliteStatement statement_;
  const RecordPart& part_;
};

class SqliteReader final : public StorageReader {
 public:
  SqliteReader(std::shared_ptr<Shared> shared, std::unique_ptr<SqliteConnection> db,
               std::uint64_t generation, std::string commit_id)
      : shared_(std::move(shared)),
        db_(std::move(db)),
        generation_(generation),
        commit_id_(std::move(commit_id)) {}

  ~SqliteReader() override {
    if (!db_->exec(kCommit, "ending a read")) db_->rollback();
    shared_->release(std::move(db_));
  }

  std::uint64_t generation() const noexcept override { return generation_; }
  std::string commit_id() const override { return commit_id_; }

  Result<Record> get(const RecordKey& key) override {
    const auto& kind = shared_->schema.kind(key.kind);
    RecordRows rows(kind.parts.size());
    for (std::size_t p = 0; p < kind.parts.size(); ++p) {
      const auto& part = kind.parts[p];
      auto st = db_->statement(part.select_sql);
      if (!st) return std::move(st).error();
      if (auto r = st->bind_text(1, key.id); !r) return std::move(r).error();
      for (;;) {
        auto more = st->step();
        if (!more) return std::move(more).error();
        if (!*more) break;
        SqlRow row;
        row.reserve(part.columns.size());
        for (std::size_t i = 0; i < part.columns.size(); ++i) {
          row.push_back(st->column(static_cast<int>(i), part.columns[i].type));
        }
        rows[p].push_back(std::move(row));
      }
      if (p == 0 && rows[0].empty()) {
        return make_error(ErrorCode::not_found, "no " + kind_name(key.kind) + " '" + key.id + "'");
      }
    }
    auto record = rebuild(key.kind, std::move(rows));
    if (!record) return with_address(std::move(record).error());
    return record;
  }

  Result<void> scan(RecordKind kind, const ScanVisitor& visit) override {
    const auto& parts = shared_->schema.kind(kind).parts;
    std::vector<std::unique_ptr<SqliteCursor>> cursors;
    std::vector<RowCursor*> pointers;
    for (const auto& part : parts) {
      auto st = db_->statement(part.scan_sql);
      if (!st) return std::move(st).error();
      cursors.push_back(std::make_unique<SqliteCursor>(std::move(*st), part));
      pointers.push_back(cursors.back().get());
    }
    auto r = merge_scan(kind, pointers, visit);
    if (!r) return with_address(std::move(r).error());
    return r;
  }

 private:
  Error with_address(Error e) const {
    if (!e.message.starts_with(shared_->address)) e.message = shared_->address + ": " + e.message;
    return e;
  }

  std::shared_ptr<Shared> shared_;
  std::unique_ptr<SqliteConnection> db_;
  std::uint64_t generation_;
  std::string commit_id_;
};

class SqliteStorage final : public Storage {
 public:
  explicit SqliteStorage(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}

  Result<std::uint64_t> apply(const WriteBatch& batch) override {
    auto& s = *shared_;
    if (s.read_only) {
      return make_error(
          ErrorCode::unsupported,
          s.address + ": cannot write: the store is read-only (" + s.read_only_reason + ")");
    }
    std::lock_guard lock(s.writer_mutex);
    auto& db = *s.writer;
    if (batch.empty()) return read_generation(db, s.schema);
    if (auto r = check_batch(batch); !r) return std::move(r).error();

    // The batch's net effect per key (later operations win), in key order: inserts in id
    // order keep the b-trees' pages local.
    std::map<std::pair<RecordKind, std::string_view>, const Record*> changes;
    for (const auto& op : batch.operations()) {
      changes[{op.key.kind, op.key.id}] = op.record ? &*op.record : nullptr;
    }

    if (auto r = db.exec(kBeginWrite, "starting a write transaction"); !r) {
      return std::move(r).error();
    }
    auto result = write(db, changes);
    if (!result) {
      db.rollback();
      return result;
    }
    if (auto r = db.exec(kCommit, "committing"); !r) {
      db.rollback();
      return std::move(r).error();
    }
    return result;
  }

  Result<std::unique_ptr<StorageReader>> read() override {
    auto db = shared_->acquire();
    if (!db) return std::move(db).error();
    auto& c = **db;
    if (auto r = c.exec(kBeginRead, "starting a read"); !r) return std::move(r).error();
    // The first read of the transaction pins its snapshot.
    auto generation = read_generation(c, shared_->schema);
    if (!generation) {
      c.rollback();
      return std::move(generation).error();
    }
    auto commit_id = read_commit_id(c, shared_->schema);
    if (!commit_id) {
      c.rollback();
      return std::move(commit_id).error();
    }
    return std::unique_ptr<StorageReader>(std::make_unique<SqliteReader>(
        shared_, std::move(*db), *generation, std::move(*commit_id)));
  }

  std::string instance_id() const override { return shared_->instance_id; }
  std::string address() const override { return shared_->address; }

 private:
  using Changes = std::map<std::pair<RecordKind, std::string_view>, const Record*>;

  Result<std::uint64_t> write(SqliteConnection& db, const Changes& changes) {
    auto& s = *shared_;
    auto generation = read_generation(db, s.schema);
    if (!generation) return generation;
    for (const auto& [key, record] : changes) {
      const auto& kind = s.schema.kind(key.first);
      // Delete the old rows only of a record that exists: a new one has none.
      bool exists = false;
      {
        auto st = db.statement(kind.exists_sql);
        if (!st) return std::move(st).error();
        if (auto r = st->bind_text(1, key.second); !r) return std::move(r).error();
        auto row = st->step();
        if (!row) return std::move(row).error();
        exists = *row;
      }
      if (exists) {
        for (const auto& part : kind.parts) {
          auto st = db.statement(part.delete_sql);
          if (!st) return std::move(st).error();
          if (auto r = st->bind_text(1, key.second); !r) return std::move(r).error();
          if (auto r = st->run(); !r) return std::move(r).error();
        }
      }
      if (record == nullptr) continue;
      flatten(*record, s.rows);
      for (std::size_t p = 0; p < kind.parts.size(); ++p) {
        const auto& part = kind.parts[p];
        if (s.rows[p].empty()) continue;
        auto st = db.statement(part.insert_sql);
        if (!st) return std::move(st).error();
        for (const auto& row : s.rows[p]) {
          for (std::size_t i = 0; i < row.size(); ++i) {
            if (auto r = st->bind(static_cast<int>(i + 1), row[i]); !r) return std::move(r).error();
          }
          if (auto r = st->run(); !r) {
            auto e = std::move(r).error();
            e.message += " (writing " + kind_name(key.first) + " '" + std::string(key.second) +
                         "' into " + std::string(part.table) + ")";
            return e;
          }
        }
      }
    }
    const auto next = *generation + 1;
    auto st = db.statement(s.schema.update_meta_sql());
    if (!st) return std::move(st).error();
    const auto text = std::to_string(next);
    if (auto r = st->bind_text(1, text); !r) return std::move(r).error();
    if (auto r = st->bind_text(2, kMetaGeneration); !r) return std::move(r).error();
    if (auto r = st->run(); !r) return std::move(r).error();
    auto commit = db.statement(s.schema.upsert_meta_sql());
    if (!commit) return std::move(commit).error();
    const auto commit_id = new_instance_id();  // a fresh random id names this commit
    if (auto r = commit->bind_text(1, kMetaCommitId); !r) return std::move(r).error();
    if (auto r = commit->bind_text(2, commit_id); !r) return std::move(r).error();
    if (auto r = commit->run(); !r) return std::move(r).error();
    return next;
  }

  std::shared_ptr<Shared> shared_;
};

// ---------------------------------------------------------------------------------------------
// Opening: create, check, migrate.

// Creates the schema in an empty database (inside BEGIN IMMEDIATE: another process may be
// doing the same; the one that comes second finds the tables and leaves them).
Result<void> initialize(SqliteConnection& db, const RelationalSchema& schema) {
  if (auto r = db.exec(kBeginWrite, "creating the catalog"); !r) return r;
  auto fail = [&](Error e) {
    db.rollback();
    return e;
  };
  auto again = inspect(db, schema);
  if (!again) return fail(std::move(again).error());
  if (!again->empty) return db.exec(kCommit, "creating the catalog");
  if (auto r = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId),
                       "creating the catalog");
      !r) {
    return fail(std::move(r).error());
  }
  for (const auto& sql : schema.create_statements()) {
    if (auto r = db.exec(sql, "creating the catalog"); !r) return fail(std::move(r).error());
  }
  const auto version = std::to_string(kSchemaVersion);
  const auto instance = new_instance_id();
  const std::array<std::pair<std::string_view, std::string_view>, 4> rows{{
      {kMetaApplication, kApplicationName},
      {kMetaSchemaVersion, version},
      {kMetaGeneration, "0"},
      {kMetaInstanceId, instance},
  }};
  for (const auto& [key, value] : rows) {
    auto st = db.statement(schema.insert_meta_sql());
    if (!st) return fail(std::move(st).error());
    if (auto r = st->bind_text(1, key); !r) return fail(std::move(r).error());
    if (auto r = st->bind_text(2, value); !r) return fail(std::move(r).error());
    if (auto r = st->run(); !r) return fail(std::move(r).error());
  }
  if (auto r = db.exec(kCommit, "creating the catalog"); !r) return fail(std::move(r).error());
  return {};
}

// Runs the migration steps from the file's version to the current one, each step in its own
// transaction together with the new meta.schema_version (a failed step leaves the file at the
// version before it). Another process may migrate meanwhile: each step re-reads the version.
Result<void> migrate(SqliteConnection& db, const RelationalSchema& schema) {
  for (;;) {
    if (auto r = db.exec(kBeginWrite, "migrating the catalog"); !r) return r;
    std::string doing = "migrating the catalog's schema";
    auto fail = [&](Error e) {
      db.rollback();
      e.message += " (" + doing + "; the file is left as it was before this step)";
      return e;
    };
    auto state = inspect(db, schema);  // version 1 has the same tables as the current one
    if (!state) return fail(std::move(state).error());
    if (state->schema_version >= kSchemaVersion) return db.exec(kCommit, "migrating the catalog");
    const auto steps = schema.migration_steps(state->schema_version);
    const auto& step = steps.front();
    doing = "migrating from schema version " + std::to_string(step.from_version) + " to " +
            std::to_string(step.from_version + 1) + ": " + step.description;
    for (const auto& sql : step.statements) {
      if (auto r = db.exec(sql, "migrating"); !r) return fail(std::move(r).error());
    }
    if (step.rewrite) {
      // Read every row first, then update: no statement reads a table while it changes.
      std::vector<SqlRow> rows;
      {
        auto st = db.prepare_once(step.select_sql);
        if (!st) return fail(std::move(st).error());
        for (;;) {
          auto more = st->step();
          if (!more) return fail(std::move(more).error());
          if (!*more) break;
          SqlRow row;
          for (int i = 0; i < st->column_count(); ++i)
            row.push_back(st->column(i, SqlType::text));
          rows.push_back(std::move(row));
        }
      }
      auto st = db.prepare_once(step.update_sql);
      if (!st) return fail(std::move(st).error());
      for (const auto& row : rows) {
        auto values = step.rewrite(row);
        if (!values) {
          auto e = std::move(values).error();
          e.message = db.address() + ": " + e.message;
          return fail(std::move(e));
        }
        for (std::size_t i = 0; i < values->size(); ++i) {
          if (auto r = st->bind(static_cast<int>(i + 1), (*values)[i]); !r) {
            return fail(std::move(r).error());
          }
        }
        if (auto r = st->run(); !r) return fail(std::move(r).error());
      }
    }
    {
      auto st = db.statement(schema.update_meta_sql());
      if (!st) return fail(std::move(st).error());
      const auto version = std::to_string(step.from_version + 1);
      if (auto r = st->bind_text(1, version); !r) return fail(std::move(r).error());
      if (auto r = st->bind_text(2, kMetaSchemaVersion); !r) return fail(std::move(r).error());
      if (auto r = st->run(); !r) return fail(std::move(r).error());
    }
    if (auto r = db.exec(kCommit, "migrating"); !r) return fail(std::move(r).error());
  }
}

// Runs a PRAGMA that returns one value and returns it as text.
Result<std::string> pragma_value(SqliteConnection& db, const std::string& sql) {
  auto st = db.prepare_once(sql);
  if (!st) return std::move(st).error();
  auto row = st->step();
  if (!row) return std::move(row).error();
  return *row ? st->column_text(0) : std::string();
}

// Sets up the writer connection: WAL, durability, cache.
Result<void> configure_writer(SqliteConnection& db, const SqliteTuning& tuning) {
  auto mode = pragma_value(db, "PRAGMA journal_mode = WAL");
  if (!mode) return std::move(mode).error();
  if (*mode != "wal") {
    return make_error(ErrorCode::io_error, db.address() +
                                               ": cannot switch the database to WAL mode "
                                               "(journal mode stays '" +
                                               *mode + "')");
  }
  const std::string sync =
      tuning.full_sync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
  for (const std::string& sql :
       {sync, std::string(kJournalSizeLimit), std::string("PRAGMA cache_size = -32768")}) {
    auto r = pragma_value(db, sql);
    if (!r) return std::move(r).error();
  }
  return {};
}

Result<std::unique_ptr<Storage>> open_sqlite(const std::string& path, const StorageOptions& options,
                                             const SqliteTuning& tuning) {
  namespace fs = std::filesystem;
  auto shared = std::make_shared<Shared>();
  shared->path = path;
  shared->address = "sqlite:" + path;
  shared->tuning = tuning;
  // SQLite reads "file:…" as a URI (when built with SQLITE_USE_URI, as Debian's is): a
  // relative path that starts so is passed as "./file:…".
  shared->file = path.starts_with("file:") ? "./" + path : path;
  const auto& address = shared->address;
  const auto& schema = shared->schema;

  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec && status.type() != fs::file_type::not_found) {
    return make_error(ErrorCode::io_error, address + ": cannot examine the file: " + ec.message());
  }
  const bool exists = status.type() != fs::file_type::not_found;
  if (exists && status.type() == fs::file_type::directory) {
    return make_error(ErrorCode::io_error, address + ": is a directory, not a database file");
  }
  if (!exists && options.read_only) {
    return make_error(ErrorCode::not_found,
                      address + ": no such file (a store opened read-only is never created)");
  }
  if (!exists && !options.create_if_missing) {
    return make_error(ErrorCode::not_found, address + ": no such file (create_if_missing is off)");
  }

  // Can this process write here? SQLite needs the file and, for its WAL and shared-memory
  // files, the directory.
  bool writable = !options.read_only;
  std::string reason = "opened with read_only";
  if (writable) {
    const auto dir = directory_of(path);
    if (exists && ::access(path.c_str(), W_OK) != 0) {
      const int e = errno;
      writable = false;
      reason = "the file is not writable: " + errno_text(e);
    } else if (::access(dir.c_str(), W_OK) != 0) {
      const int e = errno;
      writable = false;
      reason = "its directory " + dir.string() + " is not writable: " + errno_text(e);
    }
    if (!exists && !writable) {
      return make_error(ErrorCode::io_error, address + ": cannot create the database: " + reason);
    }
  }
  shared->read_only = !writable;
  shared->read_only_reason = reason;
  shared->reader_file = shared->file;
  shared->reader_flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  if (!writable && exists && !directory_writable(path) && is_wal_without_wal_file(path)) {
    // SQLite cannot read a WAL-mode file whose directory it cannot create the WAL index in
    // (SQLITE_READONLY_DIRECTORY), unless it is told the file is immutable: true here, as
    // nobody can write it in WAL mode without creating that WAL file first.
    shared->reader_file = immutable_uri(path);
    shared->reader_flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
  }

  // An existing file is checked before anything is written to it: garbage, truncated,
  // foreign, newer. (A read-write connection that only reads leaves the file as it was, and
  // unlike a read-only one it removes the WAL file it opened when it closes.)
  Inspection state;
  state.empty = true;
  std::unique_ptr<SqliteConnection> writer;
  if (exists) {
    const auto size = fs::file_size(path, ec);
    if (ec) {
      return make_error(ErrorCode::io_error, address + ": cannot read the file: " + ec.message());
    }
    if (auto r = check_file_header(path, address, size); !r) return std::move(r).error();
    // An empty file may still be a catalog whose first commits are all in the WAL file.
    const auto wal_size = fs::file_size(path + "-wal", ec);
    if (size > 0 || (!ec && wal_size > 0)) {
      auto probe = SqliteConnection::open(shared->reader_file, address, shared->reader_flags);
      if (!probe) return std::move(probe).error();
      sqlite3_busy_timeout((*probe)->handle(), kBusyTimeoutMs);
      auto inspected = inspect(**probe, schema);
      if (!inspected) return std::move(inspected).error();
      state = std::move(*inspected);
      if (writable) writer = std::move(*probe);
    }
    if (state.empty && !options.create_if_missing) {
      return make_error(ErrorCode::not_found,
                        address +
                            ": the file holds no catalog yet (an empty database) and "
                            "create_if_missing is off");
    }
    if (state.empty && !writable) {
      return make_error(ErrorCode::corrupt, address +
                                                ": not an archive catalog (an empty database), "
                                                "and it cannot be created here: " +
                                                reason);
    }
    if (!state.empty && state.schema_version < kSchemaVersion && !writable) {
      return make_error(ErrorCode::unsupported,
                        address + ": the catalog has schema version " +
                            std::to_string(state.schema_version) + " and must be migrated to " +
                            std::to_string(kSchemaVersion) + ", which needs write access (" +
                            reason + "): open it once for writing");
    }
  }

  if (writable) {
    if (!writer) {
      auto created = SqliteConnection::open(
          shared->file, address, SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE));
      if (!created) return std::move(created).error();
      writer = std::move(*created);
      sqlite3_busy_timeout(writer->handle(), kBusyTimeoutMs);
    }
    auto& db = *writer;
    if (auto r = configure_writer(db, tuning); !r) return std::move(r).error();
    if (state.empty) {
      if (auto r = initialize(db, schema); !r) return std::move(r).error();
    } else if (state.schema_version < kSchemaVersion) {
      if (auto r = migrate(db, schema); !r) return std::move(r).error();
    }
    if (state.empty || state.schema_version < kSchemaVersion) {
      auto now = inspect(db, schema);
      if (!now) return std::move(now).error();
      state = std::move(*now);
    }
    shared->writer = std::move(writer);
  }
  shared->instance_id = state.instance_id;
  return std::unique_ptr<Storage>(std::make_unique<SqliteStorage>(std::move(shared)));
}

}  // namespace

Result<std::unique_ptr<Storage>> open_sqlite_storage(const std::string& path,
                                                     const StorageOptions& options) {
  return open_sqlite(path, options, SqliteTuning{});
}

}  // namespace archive::detail
