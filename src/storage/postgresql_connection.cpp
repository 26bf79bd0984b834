#include "postgresql_connection.hpp"

#include <cctype>
#include <utility>

namespace archive::detail::pg {

namespace {

// libpq's messages span lines ("…failed: Connection refused\n\tIs the server running…")
// and the server's start with "ERROR:  ": one line with single spaces.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// The SQLSTATEs of failures that are the server's condition, not ours: try again later.
bool transient(std::string_view state) {
  return state.starts_with("08") ||  // connection exception
         state.starts_with("53") ||  // insufficient resources
         state.starts_with("57") ||  // operator intervention: shutdown, terminated, canceled
         state == "40001" ||         // serialization failure
         state == "40P01" ||         // deadlock detected
         state == "55P03";           // lock not available
}

ErrorCode code_for(std::string_view state, bool broken) {
  if (broken || transient(state)) return ErrorCode::unavailable;
  if (state == "3F000") return ErrorCode::not_found;  // no such schema / none selected
  if (state == "42P01" || state == "42703") return ErrorCode::corrupt;  // a table or column gone
  return ErrorCode::io_error;
}

}  // namespace

std::string mask_password(std::string_view uri) {
  std::string out(uri);
  // userinfo: scheme://user:password@host… — libpq reads it up to an '@' before the first
  // '/' (so a '?' or '#' may be part of the password); hide up to the last such '@'.
  if (const auto scheme_end = out.find("://"); scheme_end != std::string::npos) {
    const auto start = scheme_end + 3;
    const auto end = out.find('/', start);
    const auto authority_end = end == std::string::npos ? out.size() : end;
    const auto at = out.rfind('@', authority_end - (authority_end > start ? 1 : 0));
    if (at != std::string::npos && at >= start && at < authority_end) {
      if (const auto colon = out.find(':', start); colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // query parameters: …?password=secret&…
  if (const auto query = out.find('?'); query != std::string::npos) {
    std::size_t pos = query + 1;
    while (pos < out.size()) {
      auto end = out.find('&', pos);
      if (end == std::string::npos) end = out.size();
      constexpr std::string_view kKey = "password=";
      if (std::string_view(out).substr(pos, end - pos).starts_with(kKey)) {
        out.replace(pos + kKey.size(), end - pos - kKey.size(), "***");
        end = pos + kKey.size() + 3;
      }
      pos = end + 1;
    }
  }
  return out;
}

// ---- Params ----

Params& Params::text(std::string value) {
  storage_.push_back(std::move(value));
  is_null_.push_back(false);
  values_.clear();
  return *this;
}

Params& Params::null() {
  storage_.emplace_back();
  is_null_.push_back(true);
  values_.clear();
  return *this;
}

const char* const* Params::values() const {
  if (values_.size() != storage_.size()) {
    values_.clear();
    for (std::size_t i = 0; i < storage_.size(); ++i) {
      values_.push_back(is_null_[i] ? nullptr : storage_[i].c_str());
    }
  }
  return values_.data();
}

void Params::clear() noexcept {
  storage_.clear();
  is_null_.clear();
  values_.clear();
}

// ---- Connection ----

Result<std::unique_ptr<Connection>> Connection::open(const std::string& uri,
                                                     const std::string& shown) {
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(uri.c_str(), &parse_error);
  if (parsed == nullptr) {
    std::string why = parse_error != nullptr ? one_line(parse_error) : "out of memory";
    PQfreemem(parse_error);
    return make_error(ErrorCode::invalid_argument,
                      "bad PostgreSQL address '" + shown + "': " + why);
  }
  PQconninfoFree(parsed);

  // Earlier keywords are defaults the URI may override; later ones override the URI.
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", "client_encoding",
                        nullptr};
  const char* values[] = {"10", "archive", uri.c_str(), "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr) {
    return make_error(ErrorCode::internal, "cannot connect to " + shown + ": out of memory");
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    auto error = make_error(ErrorCode::unavailable,
                            "cannot connect to " + shown + ": " + one_line(PQerrorMessage(conn)));
    PQfinish(conn);
    return error;
  }
  std::unique_ptr<Connection> connection(new Connection(conn, shown));
  PQsetNoticeReceiver(conn, receive_notice, connection.get());
  return connection;
}

// Notices ("relation already exists, skipping") are dropped; a FATAL that came outside a
// statement is kept for the error that follows when the connection turns out closed.
void Connection::receive_notice(void* self, const PGresult* notice) {
  auto* c = static_cast<Connection*>(self);
  const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (severity == nullptr ||
      (std::string_view(severity) != "FATAL" && std::string_view(severity) != "PANIC")) {
    return;
  }
  const char* primary = PQresultErrorField(notice, PG_DIAG_MESSAGE_PRIMARY);
  const char* state = PQresultErrorField(notice, PG_DIAG_SQLSTATE);
  c->fatal_ = primary != nullptr ? one_line(primary) : one_line(PQresultErrorMessage(notice));
  c->fatal_state_ = state != nullptr ? state : "";
}

Connection::~Connection() {
  PQfinish(conn_);
}

bool Connection::broken() const noexcept {
  return PQstatus(conn_) != CONNECTION_OK;
}

bool Connection::reusable() noexcept {
  if (broken()) return false;
  if (PQconsumeInput(conn_) == 0 || broken()) return false;
  return PQtransactionStatus(conn_) == PQTRANS_IDLE && PQisBusy(conn_) == 0;
}

Error Connection::error(const PGresult* result, std::string_view what) const {
  std::string message;
  std::string state;
  if (result != nullptr) {
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
    if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) {
      message = one_line(primary);
      if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) {
        message += " (" + one_line(detail) + ")";
      }
    } else {
      message = one_line(PQresultErrorMessage(result));
    }
  }
  const bool lost = broken();
  if (lost && state.empty()) {
    // libpq's own result for a closed connection. The server's reason, when it gave one, is
    // in the connection's error text (it came as the statement's answer) or in fatal_ (it
    // came while the connection sat idle).
    message = one_line(PQerrorMessage(conn_));
    if (!fatal_.empty() && message.find(fatal_) == std::string::npos) {
      message = "FATAL: " + fatal_ + "; " + message;
    }
    state = fatal_state_;
    message += " (the connection is lost)";
  }
  if (message.empty()) message = one_line(PQerrorMessage(conn_));
  if (message.empty()) message = "no answer from the server";
  if (!state.empty()) message += " [SQLSTATE " + state + "]";
  return make_error(code_for(state, lost), shown_ + ": " + std::string(what) + ": " + message);
}

Result<ResultPtr> Connection::exec(const std::string& sql, std::string_view what) {
  // PQexecParams, not PQexec: one statement only, even in constant text.
  ResultPtr result(PQexecParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0));
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    // By default the first word says what ran: "BEGIN", "COMMIT", "CREATE".
    if (what.empty()) what = std::string_view(sql).substr(0, sql.find_first_of(" (\n"));
    return error(result.get(), what);
  }
  return result;
}

Result<const std::string*> Connection::prepared(const std::string& sql, std::string_view what) {
  if (auto it = statements_.find(sql); it != statements_.end()) return &it->second;
  std::string name = "archive_" + std::to_string(statements_.size() + 1);
  ResultPtr result(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    return error(result.get(), what);
  }
  return &statements_.emplace(sql, std::move(name)).first->second;
}

Result<ResultPtr> Connection::run(const std::string& sql, const Params& params,
                                  std::string_view what) {
  auto name = prepared(sql, what);
  if (!name) return std::move(name).error();
  ResultPtr result(
      PQexecPrepared(conn_, (*name)->c_str(), params.size(), params.values(), nullptr, nullptr, 0));
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return error(result.get(), what);
  }
  return result;
}

// ---- Pool ----

Result<std::unique_ptr<Connection>> Pool::take() {
  {
    std::lock_guard lock(mutex_);
    while (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      if (connection->reusable()) return connection;
      // The server closed it while it sat idle: drop it and try the next (or a new one).
    }
  }
  return Connection::open(uri_, shown_);
}

void Pool::give_back(std::unique_ptr<Connection> connection) noexcept {
  if (!connection || !connection->reusable()) return;
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(connection));
}

}  // namespace archive::detail::pg
