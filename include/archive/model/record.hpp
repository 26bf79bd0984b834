// One record of any kind (Record) and how it is named wherever records of all kinds are kept
// together: its kind (RecordKind) and its key (RecordKey). check_record() is what a record must
// be before any store keeps it.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/model/ids.hpp"
#include "archive/model/records.hpp"

namespace archive {

/// The four kinds of record a store holds.
enum class RecordKind : std::uint8_t { document, collection, person, organization };

/// "document", "collection", "person" or "organization" (a string that lives as long as the
/// program).
[[nodiscard]] ARCHIVE_EXPORT const std::string& to_string(RecordKind kind) noexcept;
/// The kind named by to_string(); invalid_argument otherwise.
[[nodiscard]] ARCHIVE_EXPORT Result<RecordKind> parse_record_kind(std::string_view name);

/// One record of any kind.
using Record = std::variant<Document, Collection, Person, Organization>;

/// The kind of a record.
[[nodiscard]] ARCHIVE_EXPORT RecordKind kind_of(const Record& record) noexcept;

/// Appends a record to the list of its kind in `records`.
ARCHIVE_EXPORT void add_to(Records& records, Record record);

/// Names one stored record: its kind and its id text. Ordered by kind, then id bytes.
struct RecordKey {
  RecordKind kind = RecordKind::document;
  std::string id;
  friend bool operator==(const RecordKey&, const RecordKey&) = default;
  friend auto operator<=>(const RecordKey&, const RecordKey&) = default;
};

/// The key of a record, and of each typed id.
[[nodiscard]] ARCHIVE_EXPORT RecordKey key_of(const Record& record);
[[nodiscard]] inline RecordKey key_of(const DocumentId& id) {
  return {RecordKind::document, id.str()};
}
[[nodiscard]] inline RecordKey key_of(const CollectionId& id) {
  return {RecordKind::collection, id.str()};
}
[[nodiscard]] inline RecordKey key_of(const PersonId& id) {
  return {RecordKind::person, id.str()};
}
[[nodiscard]] inline RecordKey key_of(const OrganizationId& id) {
  return {RecordKind::organization, id.str()};
}

/// What every store requires of a record before it keeps it (each Storage backend checks it):
/// a well-formed id (is_valid_id) and well-formed UTF-8 in every text field. invalid_argument
/// naming the field otherwise ("title: not valid UTF-8 (at byte 5)"). References to other
/// records are not checked: a store keeps them as given (see validate() in model/validate.hpp).
[[nodiscard]] ARCHIVE_EXPORT Result<void> check_record(const Record& record);

}  // namespace archive
