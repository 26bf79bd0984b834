// Validation of records: required fields, id syntax, references, duplicates, date order and
// UTF-8, with messages that name the record, the field and the reason.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "archive/export.hpp"
#include "archive/model/records.hpp"

namespace archive {

/// How serious a problem is.
enum class Severity : std::uint8_t { warning, error };

/// One problem found in a record.
struct Problem {
  Severity severity = Severity::error;
  std::string record;   ///< the record's id ("" when it has none)
  std::string field;    ///< the field, e.g. "agents[1].id"
  std::string message;  ///< what is wrong, in a sentence
  /// "error: person-bagirov: died: ends before born (1894 > 1890)".
  [[nodiscard]] ARCHIVE_EXPORT std::string describe() const;
  friend bool operator==(const Problem&, const Problem&) = default;
};

/// What validate() treats as errors.
struct ValidationOptions {
  /// A reference to an id not in the batch: an error (true) or a warning (false, when the
  /// batch will join records stored elsewhere).
  bool unknown_references_are_errors = true;
};

/// Every problem of a single record, on its own: required fields (id, title / name), id
/// syntax, invalid UTF-8 in any text, dates that end before they begin (died before born, a
/// position or existence ending before it starts), empty agent ids, negative nothing.
[[nodiscard]] ARCHIVE_EXPORT std::vector<Problem> validate(const Document& document);
[[nodiscard]] ARCHIVE_EXPORT std::vector<Problem> validate(const Collection& collection);
[[nodiscard]] ARCHIVE_EXPORT std::vector<Problem> validate(const Person& person);
[[nodiscard]] ARCHIVE_EXPORT std::vector<Problem> validate(const Organization& organization);

/// Every problem of a batch: each record's own, plus duplicate ids (within a kind, and a
/// person and an organization sharing one, since agents refer to either), and references to
/// ids not in the batch (agents, collections, related, parent, affiliations, positions,
/// members), as errors or warnings per `options`. Problems come in record order.
[[nodiscard]] ARCHIVE_EXPORT std::vector<Problem> validate(const Records& records,
                                                           const ValidationOptions& options = {});

/// True when `problems` holds an error (warnings alone are not).
[[nodiscard]] ARCHIVE_EXPORT bool has_errors(const std::vector<Problem>& problems) noexcept;

}  // namespace archive
