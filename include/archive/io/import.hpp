// What the readers of every interchange format share: options, the problems they report
// (file, line, column, field, reason), and what an import gives back.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "archive/export.hpp"
#include "archive/model/records.hpp"
#include "archive/model/validate.hpp"

namespace archive {

/// How a reader treats bad records.
struct ImportOptions {
  /// Strict: stop at the first error (what was read before it is kept and returned).
  /// Lenient: keep every good record and report every bad one.
  bool strict = false;
};

/// A problem found while reading, placed in its file.
struct ImportIssue {
  Severity severity = Severity::error;
  std::string file;        ///< the file name given to the reader ("-" for standard input)
  std::size_t line = 0;    ///< 1-based line of the record (0 when not known)
  std::size_t column = 0;  ///< 1-based column (CSV: the field's column; JSON: the byte), 0 if none
  std::string field;       ///< e.g. "date", "agents[1].role"
  std::string message;
  /// "records.jsonl:12:5: date: cannot read 'Juyl 6, 1945' (…)" — with "warning: " first for
  /// warnings.
  [[nodiscard]] ARCHIVE_EXPORT std::string describe() const;
  friend bool operator==(const ImportIssue&, const ImportIssue&) = default;
};

/// The records read and the problems met. A record with an error is not in `records`.
struct ImportResult {
  Records records;
  std::vector<ImportIssue> issues;
  std::size_t rejected = 0;  ///< records left out because of an error
  bool stopped = false;      ///< strict mode stopped at the first error
};

}  // namespace archive
