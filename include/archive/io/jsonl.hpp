// JSON Lines interchange: one record per line, "type" one of document, collection, person,
// organization; field names in snake_case (the fixed fields and ours: docs/jsonl.md).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/io/import.hpp"

namespace archive {

/// Reads JSON Lines. Blank lines are skipped. Dates go through parse_date (an unreadable
/// expression is kept as written with Document::date_error set, a warning — an error when
/// strict). Agents given by "name" are resolved to a Person of the batch by name matching, or a
/// new Person is created. The records are validated (unknown references are warnings).
/// Errors in the result's issues; the Result itself fails only for I/O errors.
[[nodiscard]] ARCHIVE_EXPORT Result<ImportResult> read_jsonl(std::istream& in,
                                                             std::string_view file_name,
                                                             const ImportOptions& options = {});
[[nodiscard]] ARCHIVE_EXPORT Result<ImportResult> read_jsonl_file(
    const std::filesystem::path& path, const ImportOptions& options = {});

/// Writes every record as one JSON line (documents, collections, people, organizations, each
/// in order). read_jsonl of the output gives equal records.
ARCHIVE_EXPORT Result<void> write_jsonl(std::ostream& out, const Records& records);

}  // namespace archive
