// A PostgreSQL server for tests: ARCHIVE_TEST_POSTGRESQL holds a libpq URI for a database the
// tests may create schemas in (scripts/with-postgresql.sh starts a throwaway server and sets
// it). Unset, the tests skip visibly; with ARCHIVE_REQUIRE_POSTGRESQL=1 a missing or
// unreachable server fails them instead. Schema gives each test a schema of its own.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace archive_test {

inline std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

inline std::string server_uri() {
  return env("ARCHIVE_TEST_POSTGRESQL");
}

inline bool server_required() {
  return env("ARCHIVE_REQUIRE_POSTGRESQL") == "1";
}

// A plain libpq connection for setting up and inspecting, outside the library.
class Sql {
 public:
  explicit Sql(const std::string& uri) : conn_(PQconnectdb(uri.c_str())) {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);  // "drop cascades to …"
  }
  ~Sql() { PQfinish(conn_); }
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;

  [[nodiscard]] bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  [[nodiscard]] std::string error() const { return PQerrorMessage(conn_); }

  // Runs `sql` with text parameters; the rows as text (empty on error, with a failure added).
  std::vector<std::vector<std::string>> query(const std::string& sql,
                                              const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const auto& p : params)
      values.push_back(p.c_str());
    PGresult* result = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    std::vector<std::vector<std::string>> rows;
    const auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      ADD_FAILURE() << sql << ": " << PQresultErrorMessage(result);
    } else {
      for (int r = 0; r < PQntuples(result); ++r) {
        rows.emplace_back();
        for (int c = 0; c < PQnfields(result); ++c)
          rows.back().emplace_back(PQgetvalue(result, r, c));
      }
    }
    PQclear(result);
    return rows;
  }

  std::string one(const std::string& sql, const std::vector<std::string>& params = {}) {
    auto rows = query(sql, params);
    return rows.empty() || rows[0].empty() ? std::string("<no row>") : rows[0][0];
  }

 private:
  PGconn* conn_;
};

// Why the tests cannot run: "" when the server answers (checked once per process).
inline std::string unreachable_reason() {
  static const std::string reason = [] {
    const auto uri = server_uri();
    if (uri.empty()) {
      return std::string(
          "ARCHIVE_TEST_POSTGRESQL is not set (run the tests under scripts/with-postgresql.sh "
          "for a throwaway server)");
    }
    Sql probe(uri);
    if (!probe.ok()) return "cannot reach ARCHIVE_TEST_POSTGRESQL: " + probe.error();
    return std::string();
  }();
  return reason;
}

// A fatal failure of the running test: SetUp's caller then skips the test body.
inline void fail_fatally(const std::string& why) {
  FAIL() << why;
}

// Non-empty: skip with this reason. When the server is required, also a fatal failure, so
// the test counts as failed (and its body, which needs the server, does not run).
inline std::string skip_or_fail_reason() {
  auto reason = unreachable_reason();
  if (!reason.empty() && server_required())
    fail_fatally("ARCHIVE_REQUIRE_POSTGRESQL=1 but " + reason);
  return reason;
}

// `uri` with a query parameter added.
inline std::string with_parameter(const std::string& uri, const std::string& parameter) {
  return uri + (uri.find('?') == std::string::npos ? "?" : "&") + parameter;
}

// One parameter of the server URI as libpq reads it ("host", "port", "user", "dbname").
inline std::string uri_part(const std::string& keyword) {
  std::string value;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(server_uri().c_str(), &error);
  PQfreemem(error);
  for (auto* o = options; o != nullptr && o->keyword != nullptr; ++o) {
    if (keyword == o->keyword && o->val != nullptr) value = o->val;
  }
  PQconninfoFree(options);
  return value;
}

// A schema of its own, made for one test and dropped after it.
class Schema {
 public:
  Schema() {
    static std::atomic<int> counter{0};
    name_ = "archive_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 100000);
    Sql admin(server_uri());
    EXPECT_TRUE(admin.ok()) << admin.error();
    admin.query("CREATE SCHEMA " + name_);
  }
  ~Schema() {
    Sql admin(server_uri());
    admin.query("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
  }
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  [[nodiscard]] const std::string& name() const { return name_; }
  // The server URI with this schema first on the search_path.
  [[nodiscard]] std::string uri() const {
    return with_parameter(server_uri(), "options=-csearch_path%3D" + name_);
  }
  // A plain connection that sees this schema's tables.
  [[nodiscard]] std::unique_ptr<Sql> sql() const { return std::make_unique<Sql>(uri()); }

 private:
  std::string name_;
};

}  // namespace archive_test
