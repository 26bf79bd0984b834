// SQLite connections and statements of the SQLite backend.
#include "sqlite_connection.hpp"

#include <sqlite3.h>

#include <cstring>
#include <utility>

namespace archive::detail {

namespace {

ErrorCode code_of(int rc) {
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::corrupt;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
    case SQLITE_AUTH:
      return ErrorCode::io_error;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorCode::unavailable;
    default:
      return ErrorCode::internal;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : connection_(other.connection_), stmt_(other.stmt_), in_use_(other.in_use_) {
  other.stmt_ = nullptr;
  other.in_use_ = nullptr;
}

SqliteStatement::~SqliteStatement() {
  if (stmt_ == nullptr) return;
  if (in_use_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(stmt_);
  }
}

Result<void> SqliteStatement::bind(int index, const SqlValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return bind_text(index, *text);
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return bind_int(index, *integer);
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) return connection_->error(rc, "binding a parameter");
  return {};
}

Result<void> SqliteStatement::bind_text(int index, std::string_view text) {
  // A non-null pointer even for empty text: NULL would bind SQL NULL.
  const char* data = text.empty() ? "" : text.data();
  const int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK) return connection_->error(rc, "binding a parameter");
  return {};
}

Result<void> SqliteStatement::bind_int(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) return connection_->error(rc, "binding a parameter");
  return {};
}

Result<bool> SqliteStatement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  auto error = connection_->error(rc, "running a statement");
  sqlite3_reset(stmt_);
  return error;
}

Result<void> SqliteStatement::run() {
  for (;;) {
    auto more = step();
    if (!more) return std::move(more).error();
    if (!*more) {
      sqlite3_reset(stmt_);  // ready to bind and run again
      return {};
    }
  }
}

SqlValue SqliteStatement::column(int index, SqlType type) const {
  const int stored = sqlite3_column_type(stmt_, index);
  if (stored == SQLITE_NULL) return SqlValue();
  if (type == SqlType::integer && stored == SQLITE_INTEGER) {
    return SqlValue(static_cast<std::int64_t>(sqlite3_column_int64(stmt_, index)));
  }
  return SqlValue(column_text(index));
}

std::string SqliteStatement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  const int size = sqlite3_column_bytes(stmt_, index);
  if (text == nullptr || size <= 0) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

bool SqliteStatement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

std::int64_t SqliteStatement::column_int(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

int SqliteStatement::column_count() const {
  return sqlite3_column_count(stmt_);
}

// ---------------------------------------------------------------------------------------------

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& file,
                                                                 const std::string& address,
                                                                 int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        address + ": cannot open: " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (db != nullptr) {
      if (const int e = sqlite3_system_errno(db); e != 0) {
        message += std::string(" (") + std::strerror(e) + ")";
      }
    }
    sqlite3_close_v2(db);
    return make_error(code_of(rc), std::move(message));
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<SqliteConnection>(new SqliteConnection(db, address));
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, cached] : cache_)
    sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

Result<SqliteStatement> SqliteConnection::statement(const std::string& sql) {
  auto [it, inserted] = cache_.try_emplace(&sql);
  auto& cached = it->second;
  if (cached.stmt == nullptr) {
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &cached.stmt, nullptr);
    if (rc != SQLITE_OK) {
      auto e = error(rc, "preparing '" + sql.substr(0, 60) + "'");
      cache_.erase(it);
      return e;
    }
  }
  if (cached.in_use) return prepare_once(sql);  // e.g. a scan nested in a scan's visitor
  cached.in_use = true;
  return SqliteStatement(*this, cached.stmt, &cached.in_use);
}

Result<SqliteStatement> SqliteConnection::prepare_once(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return error(rc, "preparing '" + std::string(sql.substr(0, 60)) + "'");
  }
  return SqliteStatement(*this, stmt, nullptr);
}

Result<void> SqliteConnection::exec(const std::string& sql, std::string_view what) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return error(rc, what);
  return {};
}

void SqliteConnection::rollback() noexcept {
  // SQLite may have rolled back already (disk full, I/O error): then there is nothing to do.
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool SqliteConnection::in_transaction() const noexcept {
  return sqlite3_get_autocommit(db_) == 0;
}

Error SqliteConnection::error(int rc, std::string_view what) const {
  std::string message = address_ + ": " + std::string(what) + ": ";
  // sqlite3_errmsg describes the most recent failure on this handle, which is rc's.
  message += (sqlite3_errcode(db_) == rc || sqlite3_extended_errcode(db_) == rc)
                 ? sqlite3_errmsg(db_)
                 : sqlite3_errstr(rc);
  const auto code = code_of(rc);
  if (code == ErrorCode::io_error) {
    if (const int e = sqlite3_system_errno(db_); e != 0) {
      message += std::string(" (") + std::strerror(e) + ")";
    }
  }
  return make_error(code, std::move(message));
}

}  // namespace archive::detail
