// One SQLite connection of the SQLite backend: the handle, its cache of prepared statements,
// and errors that name the store's address and carry sqlite3_errmsg. Internal.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "archive/error.hpp"
#include "relational.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace archive::detail {

class SqliteConnection;

/// A prepared statement borrowed from a connection's cache (or, when the cached one is busy,
/// prepared for this use only). Reset and unbound when destroyed. Move-only.
class SqliteStatement {
 public:
  SqliteStatement(SqliteConnection& connection, sqlite3_stmt* stmt, bool* in_use) noexcept
      : connection_(&connection), stmt_(stmt), in_use_(in_use) {}
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  /// Binds parameter `index` (1-based). Text is bound without a copy: it must stay alive
  /// until the statement is reset (destroyed or stepped to the end).
  [[nodiscard]] Result<void> bind(int index, const SqlValue& value);
  [[nodiscard]] Result<void> bind_text(int index, std::string_view text);
  [[nodiscard]] Result<void> bind_int(int index, std::int64_t value);

  /// Steps once: true when a row is ready, false when done.
  [[nodiscard]] Result<bool> step();
  /// Steps to the end (a statement that returns no rows), then resets the statement so it
  /// can be bound and run again.
  [[nodiscard]] Result<void> run();

  /// Column `index` (0-based) of the current row, read as `type` (a value of another type is
  /// returned as its text, so the codec reports it).
  [[nodiscard]] SqlValue column(int index, SqlType type) const;
  [[nodiscard]] std::string column_text(int index) const;
  [[nodiscard]] bool column_is_null(int index) const;
  [[nodiscard]] std::int64_t column_int(int index) const;
  [[nodiscard]] int column_count() const;

 private:
  SqliteConnection* connection_;
  sqlite3_stmt* stmt_;
  bool* in_use_;  // the cache entry's flag; null for a statement prepared for one use
};

/// An open database handle, used by one thread at a time.
class SqliteConnection {
 public:
  /// Opens `file` with sqlite3_open_v2 `flags` (SQLITE_OPEN_NOMUTEX is added); `address`
  /// names the store in messages.
  [[nodiscard]] static Result<std::unique_ptr<SqliteConnection>> open(const std::string& file,
                                                                      const std::string& address,
                                                                      int flags);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  [[nodiscard]] sqlite3* handle() const noexcept { return db_; }
  [[nodiscard]] const std::string& address() const noexcept { return address_; }

  /// The statement for `sql`, prepared once per connection and cached by the address of
  /// `sql`: pass strings that outlive the connection (the codec's, or static ones).
  [[nodiscard]] Result<SqliteStatement> statement(const std::string& sql);
  /// A statement prepared for this use only (SQL that runs once).
  [[nodiscard]] Result<SqliteStatement> prepare_once(std::string_view sql);

  /// Runs fixed SQL without parameters (BEGIN, PRAGMA, DDL). `what` says what for messages.
  [[nodiscard]] Result<void> exec(const std::string& sql, std::string_view what);

  /// Rolls back the open transaction, if any (after a failure; never fails).
  void rollback() noexcept;
  /// True inside an explicit transaction.
  [[nodiscard]] bool in_transaction() const noexcept;

  /// An Error for result code `rc`: "sqlite:PATH: what: sqlite3_errmsg (cause)". The code
  /// follows the failure: corrupt, io_error (disk full, I/O, permissions), unavailable
  /// (busy, locked), internal otherwise.
  [[nodiscard]] Error error(int rc, std::string_view what) const;

 private:
  SqliteConnection(sqlite3* db, std::string address) : db_(db), address_(std::move(address)) {}
  friend class SqliteStatement;

  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  sqlite3* db_;
  std::string address_;
  std::unordered_map<const std::string*, Cached> cache_;
};

}  // namespace archive::detail
