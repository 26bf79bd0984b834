// The relational codec shared by the SQL backends (SQLite, PostgreSQL): the normalized schema
// documented in docs/storage.md, the SQL that creates, migrates, writes and reads it in each
// dialect, and the mapping between a Record and its rows.
//
// A record of each kind is stored in "parts": its main table (one row per record, keyed by
// id) and child tables (its lists, one row per element, ordered by a position column). Some
// tables hold parts of two kinds, told apart by a discriminator column with a fixed value
// (names: people and organizations; memberships: the documents' lists of collections and the
// collections' curated lists of documents). A backend:
//   - creates the schema with create_statements() and fills the meta table (kMeta* keys),
//   - writes a record by running each part's delete_sql (when the record may exist; see
//     exists_sql) and then insert_sql for every row flatten() gives,
//   - reads one record by running each part's select_sql and handing the rows to rebuild(),
//   - scans a kind with one scan_sql query per part and merge_scan(), never N+1 queries,
//   - migrates an older file with migration_steps().
// Every SQL text here is fixed by the codec; untrusted text only ever travels as a bound
// parameter. Placeholders are `?` (SQLite) or `$1, $2, …` (PostgreSQL), in column order.
// Thread-safety: a RelationalSchema is immutable after construction and may be shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "archive/error.hpp"
#include "archive/storage/storage.hpp"

namespace archive::detail {

/// The SQL dialects the codec writes.
enum class SqlDialect : std::uint8_t { sqlite, postgresql };

/// The schema version this build writes and reads (meta.schema_version). Older versions are
/// migrated by migration_steps(); newer ones are refused (unsupported).
inline constexpr int kSchemaVersion = 2;

/// The keys of the meta table (meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)).
inline constexpr std::string_view kMetaApplication = "application";  ///< value kApplicationName
inline constexpr std::string_view kMetaSchemaVersion = "schema_version";  ///< decimal integer
inline constexpr std::string_view kMetaGeneration = "generation";         ///< decimal integer
inline constexpr std::string_view kMetaInstanceId = "instance_id";        ///< 32 hex digits
/// The last commit's id (StoreState::commit_id), 32 hex digits drawn at random by each commit;
/// absent until the first commit of a build that keeps it.
inline constexpr std::string_view kMetaCommitId = "commit_id";
/// meta.application of an archive catalog; anything else there is a foreign database.
inline constexpr std::string_view kApplicationName = "archive";

/// A column's storage type: TEXT, or a 64-bit INTEGER (INTEGER in SQLite, BIGINT in PostgreSQL).
enum class SqlType : std::uint8_t { text, integer };

/// A value bound to or read from one column: NULL, a 64-bit integer or text (any bytes, NULs
/// included: bind with an explicit length).
using SqlValue = std::variant<std::monostate, std::int64_t, std::string>;
/// One row: a value per column, in the part's column order.
using SqlRow = std::vector<SqlValue>;

/// One column of a table.
struct SqlColumn {
  std::string_view name;
  SqlType type = SqlType::text;
  bool nullable = false;
};

/// The rows of one record kind in one table, and the SQL to write and read them. All
/// statements list every column of `columns`, in that order.
struct RecordPart {
  std::string_view table;
  std::vector<SqlColumn> columns;
  std::size_t owner_column = 0;  ///< index of the owner record's id ("id" in a main table)
  /// Index of the position column (0, 1, 2, … within one owner); none in a main table.
  std::optional<std::size_t> position_column;
  /// For a shared table: the discriminator column and its value for this part.
  std::optional<std::size_t> discriminator_column;
  std::string_view discriminator_value;

  std::string insert_sql;  ///< INSERT one row; binds every column in order
  std::string delete_sql;  ///< DELETE the owner's rows; binds the owner id
  std::string select_sql;  ///< SELECT the owner's rows by position; binds the owner id
  std::string scan_sql;  ///< SELECT every row of the part, ordered by owner id (bytewise), position
};

/// How one record kind maps onto tables.
struct KindSchema {
  RecordKind kind = RecordKind::document;
  std::vector<RecordPart> parts;  ///< parts[0] is the main table
  std::string exists_sql;         ///< SELECT 1 FROM the main table WHERE id = ?; binds the id
};

/// One migration step: from `from_version` to from_version + 1. A backend runs it in one
/// transaction together with setting meta.schema_version to from_version + 1: first
/// `statements` in order, then, when `rewrite` is set, every row of `select_sql` is given to
/// `rewrite` and the row it returns is bound to `update_sql`. An error rolls the step back.
struct MigrationStep {
  int from_version = 0;
  std::string description;
  std::vector<std::string> statements;
  std::string select_sql;
  std::string update_sql;
  std::function<Result<SqlRow>(const SqlRow&)> rewrite;
};

/// The rows of one record: rows[i] are its rows in parts(kind)[i] (rows[0]: exactly one).
using RecordRows = std::vector<std::vector<SqlRow>>;

/// The whole schema in one dialect, with the SQL of every statement the backends run.
class RelationalSchema {
 public:
  explicit RelationalSchema(SqlDialect dialect);

  [[nodiscard]] SqlDialect dialect() const noexcept { return dialect_; }

  /// CREATE TABLE and CREATE INDEX statements of the current schema version, meta included
  /// (IF NOT EXISTS, so running them twice is harmless). The meta rows are the backend's.
  [[nodiscard]] const std::vector<std::string>& create_statements() const noexcept {
    return create_;
  }
  /// Every table name of the current schema (meta included), in creation order.
  [[nodiscard]] const std::vector<std::string_view>& table_names() const noexcept {
    return tables_;
  }

  /// The parts of a kind of record.
  [[nodiscard]] const KindSchema& kind(RecordKind kind) const noexcept;

  /// SELECT value FROM meta WHERE key = ?1.
  [[nodiscard]] const std::string& select_meta_sql() const noexcept { return select_meta_; }
  /// INSERT INTO meta (key, value) VALUES (?1, ?2).
  [[nodiscard]] const std::string& insert_meta_sql() const noexcept { return insert_meta_; }
  /// UPDATE meta SET value = ?1 WHERE key = ?2.
  [[nodiscard]] const std::string& update_meta_sql() const noexcept { return update_meta_; }
  /// INSERT INTO meta (key, value) VALUES (?1, ?2), replacing the value of an existing key.
  [[nodiscard]] const std::string& upsert_meta_sql() const noexcept { return upsert_meta_; }

  /// The steps from `version` up to kSchemaVersion, in order (empty when current).
  /// Precondition: 1 <= version <= kSchemaVersion.
  [[nodiscard]] std::vector<MigrationStep> migration_steps(int version) const;

 private:
  SqlDialect dialect_;
  std::vector<std::string> create_;
  std::vector<std::string_view> tables_;
  std::vector<KindSchema> kinds_;  // by RecordKind
  std::string select_meta_, insert_meta_, update_meta_, upsert_meta_;
};

/// The rows of `record`, one vector per part of its kind (owner ids, discriminators and
/// positions filled in). `rows` is cleared first; pass the same object again to reuse it.
void flatten(const Record& record, RecordRows& rows);
[[nodiscard]] RecordRows flatten(const Record& record);

/// The record of `kind` whose rows are `rows` (rows[i] from parts[i], each in position order;
/// rows[0] holds exactly one row). corrupt, naming the table, the column and the record id,
/// when a value cannot be read back (bad EDTF, an unknown enum name, a wrong type or NULL).
[[nodiscard]] Result<Record> rebuild(RecordKind kind, RecordRows&& rows);

/// A backend's cursor over the rows of one part's scan_sql query.
class RowCursor {
 public:
  virtual ~RowCursor() = default;
  /// Reads the next row into `row` and returns true, or returns false at the end.
  [[nodiscard]] virtual Result<bool> next(SqlRow& row) = 0;
};

/// Merges the cursors of every part of `kind` (cursors[i] over parts[i].scan_sql) into
/// records in id order and visits each until `visit` returns false. Rows of a child part
/// whose owner has no main row are skipped. The first error (a cursor's, or rebuild()'s
/// corrupt) stops the scan and is returned. Precondition: cursors.size() == parts.size().
[[nodiscard]] Result<void> merge_scan(RecordKind kind, std::span<RowCursor* const> cursors,
                                      const ScanVisitor& visit);

/// A value read as text from a column of `type` (PostgreSQL's text results): an integer
/// column's decimal text becomes an int64 (kept as text when it is not one, so rebuild()
/// reports it); NULL is `std::nullopt` text.
[[nodiscard]] SqlValue sql_value_from_text(SqlType type, std::optional<std::string_view> text);

/// ISO "YYYY-MM-DD" of a date's strict earliest / latest day, or NULL when that end is open,
/// unknown or the value undated: documents.date_earliest and date_latest.
[[nodiscard]] SqlValue earliest_day_value(const FuzzyDate& date);
[[nodiscard]] SqlValue latest_day_value(const FuzzyDate& date);

}  // namespace archive::detail
