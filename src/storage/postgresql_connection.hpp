// libpq plumbing for the PostgreSQL backend: a connection that prepares each statement once
// and runs it with its parameters (untrusted text never enters SQL), and a small pool of idle
// connections.
// Every failure becomes an Error carrying the server's or libpq's message and the SQLSTATE.
#pragma once

#include <libpq-fe.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "archive/error.hpp"

namespace archive::detail::pg {

/// "postgresql://user:***@host/db?password=***": `uri` with every password hidden.
std::string mask_password(std::string_view uri);

/// Owns a PGresult.
struct ResultDeleter {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

/// One statement's parameters, sent in text format. Text must not contain NUL bytes (libpq
/// sends text parameters as C strings); the backend's codec sees to that.
class Params {
 public:
  Params& text(std::string value);
  Params& null();
  Params& integer(long long value) { return text(std::to_string(value)); }

  [[nodiscard]] int size() const noexcept { return static_cast<int>(storage_.size()); }
  /// The C strings libpq reads (nullptr for NULL); valid until this object changes.
  [[nodiscard]] const char* const* values() const;
  void clear() noexcept;

 private:
  std::deque<std::string> storage_;  // a deque: pointers into it stay valid as it grows
  std::vector<bool> is_null_;
  mutable std::vector<const char*> values_;
};

/// The text of column `column` of row `row`; empty for NULL.
inline std::string_view field(const PGresult* result, int row, int column) {
  return {PQgetvalue(result, row, column),
          static_cast<std::size_t>(PQgetlength(result, row, column))};
}
inline bool is_null(const PGresult* result, int row, int column) {
  return PQgetisnull(result, row, column) != 0;
}

/// One libpq connection. Not thread-safe: one user at a time (the pool hands it out).
class Connection {
 public:
  /// Connects to `uri` (a libpq URI, taken as given); `shown` is the address for messages.
  /// unavailable with libpq's message when the server cannot be reached or refuses us;
  /// invalid_argument when libpq cannot parse the URI.
  static Result<std::unique_ptr<Connection>> open(const std::string& uri, const std::string& shown);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs constant SQL that has no parameters (BEGIN, COMMIT, CREATE TABLE …). `what` names
  /// the work in an error message (default: the statement's first word).
  Result<ResultPtr> exec(const std::string& sql, std::string_view what = {});
  /// Runs `sql` with `params`, preparing it on this connection the first time.
  Result<ResultPtr> run(const std::string& sql, const Params& params,
                        std::string_view what = "running a statement");

  /// True when the connection is lost (the server closed it, the network failed).
  [[nodiscard]] bool broken() const noexcept;
  /// True when the connection is usable and outside any transaction: fit for the pool.
  /// Reads what the server may have sent meanwhile, so a connection the server closed while
  /// it sat idle counts as broken.
  [[nodiscard]] bool reusable() noexcept;

  /// An Error for a failed result (nullptr: libpq gave none) in the words of the server or
  /// of libpq, with the SQLSTATE; `what` says what was being done.
  [[nodiscard]] Error error(const PGresult* result, std::string_view what) const;

  [[nodiscard]] PGconn* raw() const noexcept { return conn_; }
  [[nodiscard]] const std::string& shown() const noexcept { return shown_; }

 private:
  Connection(PGconn* conn, std::string shown) : conn_(conn), shown_(std::move(shown)) {}
  static void receive_notice(void* self, const PGresult* notice);
  /// The name `sql` is prepared under, preparing it when new.
  Result<const std::string*> prepared(const std::string& sql, std::string_view what);

  PGconn* conn_;
  std::string shown_;
  std::unordered_map<std::string, std::string> statements_;  // SQL text -> statement name
  // The server's last FATAL message that came while no statement ran (libpq hands those to
  // the notice receiver): why the server then closed the connection. With its SQLSTATE.
  std::string fatal_;
  std::string fatal_state_;
};

/// A few idle connections to one server, kept for reuse. Thread-safe.
class Pool {
 public:
  Pool(std::string uri, std::string shown, std::size_t max_idle)
      : uri_(std::move(uri)), shown_(std::move(shown)), max_idle_(max_idle) {}

  /// An idle connection that is still alive, else a new one.
  Result<std::unique_ptr<Connection>> take();
  /// Keeps `connection` for reuse when it is reusable() and the pool has room; else closes it.
  void give_back(std::unique_ptr<Connection> connection) noexcept;

  [[nodiscard]] const std::string& shown() const noexcept { return shown_; }

 private:
  std::string uri_;
  std::string shown_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace archive::detail::pg
