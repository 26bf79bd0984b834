// The PostgreSQL backend: the relational codec's schema (relational.hpp, docs/storage.md) in
// the connection's current schema, written through libpq (docs/postgresql.md).
//
// - A batch is one transaction that first locks the meta table's generation row
//   (SELECT … FOR UPDATE): writers in every process serialize on it, and the generation
//   counts their batches without gaps. The rows of the batch's records are deleted and
//   inserted a whole table at a time (arrays bound as parameters, unnest()), so a large batch
//   costs a few dozen statements, not one per row.
// - A reader is a REPEATABLE READ READ ONLY transaction on a connection of its own, taken
//   from a small pool and given back when the reader goes: one snapshot for all its calls.
//   A scan opens one cursor per table of the kind, ordered by id COLLATE "C" (bytewise), and
//   merges them (merge_scan).
// - Every SQL text is the codec's or built here from the codec's table and column names;
//   record text only ever travels as a parameter of a prepared statement.
// - PostgreSQL text cannot hold NUL, which record text may: NUL is stored as U+FDD0 "0" and
//   U+FDD0 itself as U+FDD0 "1" (U+FDD0 is a noncharacter, kept for such internal use), so
//   every other text reads the same in plain SQL.
#include <cassert>
#include <charconv>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backends.hpp"
#include "postgresql_connection.hpp"
#include "relational.hpp"

namespace archive::detail {

namespace {

using pg::Connection;
using pg::Params;
using pg::Pool;

const RelationalSchema& schema() {
  static const RelationalSchema s(SqlDialect::postgresql);
  return s;
}

constexpr std::string_view kMetaTable = "meta";
// Idle connections kept for reuse (readers and the writer take one each while they work).
constexpr std::size_t kPoolSize = 4;
// Rows fetched per round trip by a scan's cursors.
constexpr int kFetchRows = 1000;
// Records per bulk statement, and the parameter bytes after which a chunk is sent early.
constexpr std::size_t kChunkRecords = 2000;
constexpr std::size_t kChunkBytes = 8u << 20;

// ---- NUL-free text ----

constexpr std::string_view kEscape = "\xEF\xB7\x90";  // U+FDD0

bool needs_escape(std::string_view s) {
  return s.find('\0') != std::string_view::npos || s.find(kEscape) != std::string_view::npos;
}

// Appends `s` with NUL as U+FDD0 '0' and U+FDD0 as U+FDD0 '1'.
void append_escaped(std::string& out, std::string_view s) {
  if (!needs_escape(s)) {
    out += s;
    return;
  }
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '\0') {
      out += kEscape;
      out += '0';
      ++i;
    } else if (s.substr(i, kEscape.size()) == kEscape) {
      out += kEscape;
      out += '1';
      i += kEscape.size();
    } else {
      out += s[i++];
    }
  }
}

// The stored text back as written; `scratch` holds it when it had to change.
std::string_view unescape(std::string_view s, std::string& scratch) {
  if (s.find(kEscape) == std::string_view::npos) return s;
  scratch.clear();
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i, kEscape.size()) == kEscape && i + kEscape.size() < s.size()) {
      const char code = s[i + kEscape.size()];
      if (code == '0' || code == '1') {
        if (code == '0') {
          scratch += '\0';
        } else {
          scratch += kEscape;
        }
        i += kEscape.size() + 1;
        continue;
      }
    }
    scratch += s[i++];
  }
  return scratch;
}

// ---- rows and parameters ----

Params& bind(Params& params, const SqlValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return params.integer(*i);
  if (const auto* s = std::get_if<std::string>(&value)) {
    std::string text;
    append_escaped(text, *s);
    return params.text(std::move(text));
  }
  return params.null();
}

// Row `row` of `result`, whose columns are those of `part`.
SqlRow read_row(const RecordPart& part, const PGresult* result, int row, std::string& scratch) {
  SqlRow out;
  const int columns = std::min(PQnfields(result), static_cast<int>(part.columns.size()));
  out.reserve(static_cast<std::size_t>(columns));
  for (int c = 0; c < columns; ++c) {
    if (pg::is_null(result, row, c)) {
      out.emplace_back();  // NULL (emplaced: g++ 12 -O3 warns on moving an empty variant)
    } else {
      out.push_back(sql_value_from_text(part.columns[static_cast<std::size_t>(c)].type,
                                        unescape(pg::field(result, row, c), scratch)));
    }
  }
  return out;
}

// One array parameter in PostgreSQL's text form: {"a","b\"c",NULL,42}.
class ArrayLiteral {
 public:
  // Appends `value`; returns the bytes it took.
  std::size_t add(const SqlValue& value) {
    const auto before = text_.size();
    text_ += text_.empty() ? '{' : ',';
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
      text_ += std::to_string(*i);
    } else if (const auto* s = std::get_if<std::string>(&value)) {
      text_ += '"';
      scratch_.clear();
      append_escaped(scratch_, *s);
      for (char c : scratch_) {
        if (c == '"' || c == '\\') text_ += '\\';
        text_ += c;
      }
      text_ += '"';
    } else {
      text_ += "NULL";
    }
    return text_.size() - before;
  }
  [[nodiscard]] std::size_t bytes() const noexcept { return text_.size(); }
  // The literal; this array starts over empty.
  std::string take() {
    std::string out = text_.empty() ? std::string("{}") : std::move(text_) + '}';
    text_.clear();
    return out;
  }

 private:
  std::string text_;
  std::string scratch_;
};

// Bulk statements of one part, built from the codec's description of its table.
struct BulkSql {
  std::string insert;  // every column, one array per column
  std::string erase;   // the rows of every owner in an array of ids
};

std::string discriminator_filter(const RecordPart& part) {
  if (!part.discriminator_column) return {};
  // The codec's constant ('document', 'person', …), never record text.
  return std::string(part.columns[*part.discriminator_column].name) + " = '" +
         std::string(part.discriminator_value) + "' AND ";
}

BulkSql bulk_sql(const RecordPart& part) {
  BulkSql sql;
  std::string columns;
  std::string arrays;
  for (std::size_t i = 0; i < part.columns.size(); ++i) {
    const auto& column = part.columns[i];
    if (i > 0) {
      columns += ", ";
      arrays += ", ";
    }
    columns += column.name;
    arrays +=
        "$" + std::to_string(i + 1) + (column.type == SqlType::integer ? "::bigint[]" : "::text[]");
  }
  sql.insert = "INSERT INTO " + std::string(part.table) + " (" + columns +
               ") SELECT * FROM unnest(" + arrays + ")";
  sql.erase = "DELETE FROM " + std::string(part.table) + " WHERE " + discriminator_filter(part) +
              std::string(part.columns[part.owner_column].name) + " = ANY ($1::text[])";
  return sql;
}

// bulk_sql() of every part of every kind, made once.
const std::vector<std::vector<BulkSql>>& bulk_statements() {
  static const auto all = [] {
    std::vector<std::vector<BulkSql>> out;
    for (auto kind : {RecordKind::document, RecordKind::collection, RecordKind::person,
                      RecordKind::organization}) {
      std::vector<BulkSql> parts;
      for (const auto& part : schema().kind(kind).parts)
        parts.push_back(bulk_sql(part));
      out.push_back(std::move(parts));
    }
    return out;
  }();
  return all;
}

Result<std::uint64_t> parse_generation(std::string_view text, const std::string& shown) {
  std::uint64_t value = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) {
    return make_error(ErrorCode::corrupt, shown + ": meta.generation is '" + std::string(text) +
                                              "', not a generation number");
  }
  return value;
}

// The value of meta key `key`; corrupt when the row is missing.
Result<std::string> meta_value(Connection& c, std::string_view key, std::string_view suffix = {}) {
  auto result = c.run(schema().select_meta_sql() + std::string(suffix),
                      Params().text(std::string(key)), "reading meta." + std::string(key));
  if (!result) return std::move(result).error();
  if (PQntuples(result->get()) != 1 || pg::is_null(result->get(), 0, 0)) {
    return make_error(ErrorCode::corrupt,
                      c.shown() + ": the meta table has no '" + std::string(key) + "' row");
  }
  return std::string(pg::field(result->get(), 0, 0));
}

// meta.commit_id: empty when the row is missing (not written since a build that keeps it).
Result<std::string> read_commit_id(Connection& c) {
  auto result = c.run(schema().select_meta_sql(), Params().text(std::string(kMetaCommitId)),
                      "reading meta.commit_id");
  if (!result) return std::move(result).error();
  if (PQntuples(result->get()) != 1 || pg::is_null(result->get(), 0, 0)) return std::string();
  return std::string(pg::field(result->get(), 0, 0));
}

Result<std::uint64_t> read_generation(Connection& c, std::string_view suffix = {}) {
  auto text = meta_value(c, kMetaGeneration, suffix);
  if (!text) return std::move(text).error();
  return parse_generation(*text, c.shown());
}

// Runs `body` in a transaction begun with `begin` on a connection from `pool`. A pooled
// connection that turns out dead at BEGIN (nothing sent yet can have taken effect) is
// replaced by a new one, once. On any error the transaction is rolled back.
template <class Body>
auto in_transaction(Pool& pool, const std::string& begin, Body&& body)
    -> decltype(body(std::declval<Connection&>())) {
  for (int attempt = 0;; ++attempt) {
    auto connection = pool.take();
    if (!connection) return std::move(connection).error();
    auto& c = **connection;
    if (auto begun = c.exec(begin, "beginning a transaction"); !begun) {
      if (attempt == 0 && c.broken()) continue;
      return std::move(begun).error();
    }
    auto result = body(c);
    if (!result && !c.broken()) (void)c.exec("ROLLBACK");
    pool.give_back(std::move(*connection));
    return result;
  }
}

// ---- the reader ----

class PostgresReader final : public StorageReader {
 public:
  PostgresReader(std::shared_ptr<Pool> pool, std::unique_ptr<Connection> connection,
                 std::uint64_t generation, std::string commit_id)
      : pool_(std::move(pool)),
        c_(std::move(connection)),
        generation_(generation),
        commit_id_(std::move(commit_id)) {}

  ~PostgresReader() override {
    if (!c_->broken()) (void)c_->exec("ROLLBACK");  // read only: nothing to keep
    pool_->give_back(std::move(c_));
  }

  std::uint64_t generation() const noexcept override { return generation_; }
  std::string commit_id() const override { return commit_id_; }

  Result<Record> get(const RecordKey& key) override {
    const auto& parts = schema().kind(key.kind).parts;
    if (!is_valid_id(key.id)) {  // no record has it (and a NUL would cut the parameter short)
      return make_error(ErrorCode::not_found,
                        "no " + std::string(to_string(key.kind)) + " '" + key.id + "'");
    }
    RecordRows rows(parts.size());
    Params params;
    params.text(key.id);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      auto result = c_->run(parts[i].select_sql, params,
                            "reading " + std::string(to_string(key.kind)) + " '" + key.id + "'");
      if (!result) return std::move(result).error();
      const int n = PQntuples(result->get());
      if (i == 0 && n == 0) {
        return make_error(ErrorCode::not_found,
                          "no " + std::string(to_string(key.kind)) + " '" + key.id + "'");
      }
      for (int r = 0; r < n; ++r)
        rows[i].push_back(read_row(parts[i], result->get(), r, scratch_));
    }
    return rebuild(key.kind, std::move(rows));
  }

  Result<void> scan(RecordKind kind, const ScanVisitor& visit) override {
    const auto& parts = schema().kind(kind).parts;
    std::vector<std::unique_ptr<Cursor>> cursors;
    std::vector<RowCursor*> pointers;
    for (const auto& part : parts) {
      auto name = "archive_scan_" + std::to_string(++cursor_count_);
      // Constant SQL: the codec's scan query under a name made here.
      if (auto declared = c_->exec("DECLARE " + name + " NO SCROLL CURSOR FOR " + part.scan_sql,
                                   "scanning " + std::string(part.table));
          !declared) {
        return std::move(declared).error();
      }
      cursors.push_back(std::make_unique<Cursor>(*c_, part, std::move(name)));
      pointers.push_back(cursors.back().get());
    }
    return merge_scan(kind, pointers, visit);
  }

 private:
  // Rows of one part's scan query, fetched kFetchRows at a time from a server-side cursor.
  class Cursor final : public RowCursor {
   public:
    Cursor(Connection& c, const RecordPart& part, std::string name)
        : c_(c), part_(part), name_(std::move(name)) {}
    ~Cursor() override {
      if (!c_.broken()) (void)c_.exec("CLOSE " + name_);
    }

    Result<bool> next(SqlRow& row) override {
      if (!result_ || at_ >= PQntuples(result_.get())) {
        if (done_) return false;
        auto fetched = c_.exec("FETCH FORWARD " + std::to_string(kFetchRows) + " FROM " + name_,
                               "scanning " + std::string(part_.table));
        if (!fetched) return std::move(fetched).error();
        result_ = std::move(*fetched);
        at_ = 0;
        done_ = PQntuples(result_.get()) < kFetchRows;
        if (PQntuples(result_.get()) == 0) return false;
      }
      row = read_row(part_, result_.get(), at_++, scratch_);
      return true;
    }

   private:
    Connection& c_;
    const RecordPart& part_;
    std::string name_;
    pg::ResultPtr result_;
    int at_ = 0;
    bool done_ = false;
    std::string scratch_;
  };

  std::shared_ptr<Pool> pool_;
  std::unique_ptr<Connection> c_;
  std::uint64_t generation_;
  std::string commit_id_;
  std::uint64_t cursor_count_ = 0;
  std::string scratch_;
};

// ---- the store ----

class PostgresStorage final : public Storage {
 public:
  PostgresStorage(std::shared_ptr<Pool> pool, std::string instance_id, bool read_only)
      : pool_(std::move(pool)), instance_id_(std::move(instance_id)), read_only_(read_only) {}

  Result<std::uint64_t> apply(const WriteBatch& batch) override {
    if (read_only_) {
      return make_error(ErrorCode::unsupported, pool_->shown() + ": the store is open read-only");
    }
    if (batch.empty()) return generation();
    if (auto r = check_batch(batch); !r) return std::move(r).error();

    // The batch's net effect per key: later operations win.
    std::map<RecordKey, const Record*> changes;
    for (const auto& op : batch.operations()) {
      changes[op.key] = op.record ? &*op.record : nullptr;
    }
    std::lock_guard lock(write_mutex_);
    return in_transaction(*pool_, "BEGIN", [&](Connection& c) -> Result<std::uint64_t> {
      // Writers of every process wait here for each other.
      auto generation = read_generation(c, " FOR UPDATE");
      if (!generation) return std::move(generation).error();
      if (auto r = write(c, changes); !r) return std::move(r).error();
      const auto next = *generation + 1;
      auto updated = c.run(schema().update_meta_sql(),
                           Params().text(std::to_string(next)).text(std::string(kMetaGeneration)),
                           "updating meta.generation");
      if (!updated) return std::move(updated).error();
      // A fresh random id names this commit (StoreState::commit_id).
      auto named = c.run(schema().upsert_meta_sql(),
                         Params().text(std::string(kMetaCommitId)).text(new_instance_id()),
                         "updating meta.commit_id");
      if (!named) return std::move(named).error();
      if (auto committed = c.exec("COMMIT", "committing the batch"); !committed) {
        auto error = std::move(committed).error();
        if (c.broken()) {
          error.message += "; whether the batch was committed is unknown (check generation())";
        }
        return error;
      }
      return next;
    });
  }

  Result<std::unique_ptr<StorageReader>> read() override {
    for (int attempt = 0;; ++attempt) {
      auto connection = pool_->take();
      if (!connection) return std::move(connection).error();
      auto& c = **connection;
      if (auto begun = c.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                              "beginning a read-only transaction");
          !begun) {
        if (attempt == 0 && c.broken()) continue;  // died in the pool: take a new one
        return std::move(begun).error();
      }
      // The first query fixes the snapshot: the generation and every later read agree.
      auto generation = read_generation(c);
      if (!generation) {
        if (!c.broken()) (void)c.exec("ROLLBACK");
        pool_->give_back(std::move(*connection));
        return std::move(generation).error();
      }
      auto commit_id = read_commit_id(c);
      if (!commit_id) {
        if (!c.broken()) (void)c.exec("ROLLBACK");
        pool_->give_back(std::move(*connection));
        return std::move(commit_id).error();
      }
      return std::unique_ptr<StorageReader>(std::make_unique<PostgresReader>(
          pool_, std::move(*connection), *generation, std::move(*commit_id)));
    }
  }

  std::string instance_id() const override { return instance_id_; }
  std::string address() const override { return pool_->shown(); }

 private:
  // Deletes the rows of every changed key, then inserts the rows of every put: per chunk of
  // keys of one kind, one DELETE and one INSERT per table.
  static Result<void> write(Connection& c, const std::map<RecordKey, const Record*>& changes) {
    RecordRows rows;
    auto it = changes.begin();
    while (it != changes.end()) {
      const auto kind = it->first.kind;
      const auto& parts = schema().kind(kind).parts;
      const auto& sql = bulk_statements()[static_cast<std::size_t>(kind)];
      std::vector<std::vector<ArrayLiteral>> columns(parts.size());
      for (std::size_t p = 0; p < parts.size(); ++p)
        columns[p].resize(parts[p].columns.size());
      std::vector<std::size_t> row_count(parts.size());
      ArrayLiteral ids;
      std::size_t records = 0;
      std::size_t bytes = 0;
      for (; it != changes.end() && it->first.kind == kind && records < kChunkRecords &&
             bytes < kChunkBytes;
           ++it, ++records) {
        ids.add(SqlValue(it->first.id));
        if (it->second == nullptr) continue;  // an erase
        flatten(*it->second, rows);
        for (std::size_t p = 0; p < parts.size(); ++p) {
          for (const auto& row : rows[p]) {
            assert(row.size() == columns[p].size());
            for (std::size_t col = 0; col < row.size(); ++col)
              bytes += columns[p][col].add(row[col]);
            ++row_count[p];
          }
        }
      }
      Params id_array;
      id_array.text(ids.take());
      for (std::size_t p = 0; p < parts.size(); ++p) {
        if (auto erased =
                c.run(sql[p].erase, id_array, "deleting from " + std::string(parts[p].table));
            !erased) {
          return std::move(erased).error();
        }
      }
      for (std::size_t p = 0; p < parts.size(); ++p) {
        if (row_count[p] == 0) continue;
        Params params;
        for (auto& column : columns[p])
          params.text(column.take());
        if (auto inserted =
                c.run(sql[p].insert, params, "inserting into " + std::string(parts[p].table));
            !inserted) {
          return std::move(inserted).error();
        }
      }
    }
    return {};
  }

  std::shared_ptr<Pool> pool_;
  std::string instance_id_;
  bool read_only_;
  std::mutex write_mutex_;  // applies of this object wait here; other processes at the lock
};

// ---- opening ----

// The names of the codec's tables that exist in the connection's current schema.
Result<std::vector<std::string>> existing_tables(Connection& c, std::string& current_schema) {
  auto where = c.run("SELECT current_schema()", Params());
  if (!where) return std::move(where).error();
  if (pg::is_null(where->get(), 0, 0)) {
    return make_error(ErrorCode::not_found,
                      c.shown() +
                          ": no schema to use: none of the schemas on the search_path exists "
                          "(create one, or set search_path with options=-csearch_path%3DNAME)");
  }
  current_schema = std::string(pg::field(where->get(), 0, 0));
  auto tables =
      c.run("SELECT tablename::text FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
            Params());
  if (!tables) return std::move(tables).error();
  std::vector<std::string> found;
  for (int r = 0; r < PQntuples(tables->get()); ++r) {
    const auto name = pg::field(tables->get(), r, 0);
    for (auto ours : schema().table_names()) {
      if (ours == name) found.emplace_back(name);
    }
  }
  return found;
}

bool has(const std::vector<std::string>& names, std::string_view name) {
  for (const auto& n : names) {
    if (n == name) return true;
  }
  return false;
}

// Creates the tables and the meta rows of a new store, unless another process just did.
Result<void> create_store(Pool& pool) {
  return in_transaction(pool, "BEGIN", [&](Connection& c) -> Result<void> {
    // One creator at a time in this database (a constant advisory key: "arch").
    if (auto locked = c.run("SELECT pg_advisory_xact_lock(1634886504)", Params()); !locked) {
      return std::move(locked).error();
    }
    std::string where;
    auto tables = existing_tables(c, where);
    if (!tables) return std::move(tables).error();
    if (has(*tables, kMetaTable)) return {};  // created meanwhile
    for (const auto& statement : schema().create_statements()) {
      if (auto created = c.exec(statement); !created) return std::move(created).error();
    }
    const std::pair<std::string_view, std::string> rows[] = {
        {kMetaApplication, std::string(kApplicationName)},
        {kMetaSchemaVersion, std::to_string(kSchemaVersion)},
        {kMetaGeneration, "0"},
        {kMetaInstanceId, new_instance_id()}};
    for (const auto& [key, value] : rows) {
      auto inserted =
          c.run(schema().insert_meta_sql(), Params().text(std::string(key)).text(value));
      if (!inserted) return std::move(inserted).error();
    }
    if (auto committed = c.exec("COMMIT"); !committed) return std::move(committed).error();
    return {};
  });
}

// Brings an older schema up to kSchemaVersion, one step per transaction.
Result<void> migrate(Pool& pool, int from_version) {
  for (const auto& step : schema().migration_steps(from_version)) {
    auto done = in_transaction(pool, "BEGIN", [&](Connection& c) -> Result<void> {
      auto version = meta_value(c, kMetaSchemaVersion, " FOR UPDATE");
      if (!version) return std::move(version).error();
      if (*version != std::to_string(step.from_version)) {
        (void)c.exec("ROLLBACK");  // another process migrated meanwhile
        return {};
      }
      auto failed = [&](Error e) {
        e.message = c.shown() + ": migrating (" + step.description + "): " + e.message;
        return e;
      };
      for (const auto& statement : step.statements) {
        if (auto r = c.exec(statement); !r) return failed(std::move(r).error());
      }
      if (step.rewrite) {
        auto selected = c.run(step.select_sql, Params());
        if (!selected) return failed(std::move(selected).error());
        const auto* result = selected->get();
        std::string scratch;
        for (int r = 0; r < PQntuples(result); ++r) {
          SqlRow row;
          for (int col = 0; col < PQnfields(result); ++col) {
            if (pg::is_null(result, r, col)) {
              row.emplace_back();
            } else {
              row.emplace_back(std::in_place_type<std::string>,
                               unescape(pg::field(result, r, col), scratch));
            }
          }
          auto rewritten = step.rewrite(row);
          if (!rewritten) return failed(std::move(rewritten).error());
          Params params;
          for (const auto& value : *rewritten)
            bind(params, value);
          if (auto u = c.run(step.update_sql, params); !u) return failed(std::move(u).error());
        }
      }
      auto updated =
          c.run(schema().update_meta_sql(), Params()
                                                .text(std::to_string(step.from_version + 1))
                                                .text(std::string(kMetaSchemaVersion)));
      if (!updated) return failed(std::move(updated).error());
      if (auto committed = c.exec("COMMIT"); !committed) return std::move(committed).error();
      return {};
    });
    if (!done) return done;
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<Storage>> open_postgresql_storage(const std::string& uri,
                                                         const StorageOptions& options) {
  auto pool = std::make_shared<Pool>(uri, pg::mask_password(uri), kPoolSize);
  const auto& shown = pool->shown();

  // Does the store exist?
  std::string where;
  std::vector<std::string> tables;
  {
    auto connection = pool->take();
    if (!connection) return std::move(connection).error();
    auto found = existing_tables(**connection, where);
    if (!found) return std::move(found).error();
    tables = std::move(*found);
    pool->give_back(std::move(*connection));
  }
  if (!has(tables, kMetaTable)) {
    if (!tables.empty()) {
      return make_error(ErrorCode::corrupt, shown + ": schema \"" + where +
                                                "\" has tables named like archive's (" +
                                                tables.front() +
                                                ") but no meta table: not an archive store (give "
                                                "archive a schema of its own with "
                                                "options=-csearch_path%3DNAME)");
    }
    if (!options.create_if_missing || options.read_only) {
      return make_error(ErrorCode::not_found, shown + ": no archive store in schema \"" + where +
                                                  "\" (open with create_if_missing to create one)");
    }
    if (auto created = create_store(*pool); !created) return std::move(created).error();
  }

  // What is it?
  std::string instance_id;
  int version = 0;
  {
    auto connection = pool->take();
    if (!connection) return std::move(connection).error();
    auto& c = **connection;
    auto application = meta_value(c, kMetaApplication);
    if (!application) return std::move(application).error();
    if (*application != kApplicationName) {
      return make_error(ErrorCode::corrupt, shown + ": schema \"" + where +
                                                "\" holds a meta table of another application ('" +
                                                *application + "')");
    }
    auto version_text = meta_value(c, kMetaSchemaVersion);
    if (!version_text) return std::move(version_text).error();
    const auto* end = version_text->data() + version_text->size();
    auto [ptr, ec] = std::from_chars(version_text->data(), end, version);
    if (ec != std::errc() || ptr != end || version < 1) {
      return make_error(ErrorCode::corrupt,
                        shown + ": meta.schema_version is '" + *version_text + "'");
    }
    if (version > kSchemaVersion) {
      return make_error(ErrorCode::unsupported,
                        shown + ": the store has schema version " + std::to_string(version) +
                            ", newer than this build of archive reads (" +
                            std::to_string(kSchemaVersion) + "); upgrade archive");
    }
    auto id = meta_value(c, kMetaInstanceId);
    if (!id) return std::move(id).error();
    instance_id = std::move(*id);
    if (auto generation = read_generation(c); !generation) return std::move(generation).error();
    pool->give_back(std::move(*connection));
  }
  if (version < kSchemaVersion) {
    if (options.read_only) {
      return make_error(ErrorCode::unsupported,
                        shown + ": the store has the older schema version " +
                            std::to_string(version) + "; open it writable once to migrate it");
    }
    if (auto migrated = migrate(*pool, version); !migrated) return std::move(migrated).error();
  }
  return std::unique_ptr<Storage>(std::make_unique<PostgresStorage>(
      std::move(pool), std::move(instance_id), options.read_only));
}

}  // namespace archive::detail
