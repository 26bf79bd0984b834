// CSV import of catalogers' spreadsheets (RFC 4180: quoted fields, embedded newlines, a BOM),
// with a documented default column mapping and a mapping option (docs/csv.md).
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/io/import.hpp"

namespace archive {

/// Which column feeds which document field. Keys are header names (matched ignoring case
/// and surrounding spaces), values are document fields: id, title, date, summary, doc_type,
/// languages, agents, places, subjects, collections, repository, reference, classification,
/// rights, views. List fields split on ';'. An agent cell is "name (role)" or "id:role".
struct CsvMapping {
  std::map<std::string, std::string> columns;
  /// The default: each header that names a field maps to it, plus the common catalog
  /// headers (Title, Date, Description → summary, Type → doc_type, Language → languages,
  /// Creator → agents as authors, Subject → subjects, Coverage → places, Identifier → id).
  [[nodiscard]] ARCHIVE_EXPORT static CsvMapping defaults();
};

/// Reads documents from CSV with a header row; issues name the line and column. The Result
/// itself fails only when the stream cannot be read (io_error; e.g. a directory opened as a
/// file).
[[nodiscard]] ARCHIVE_EXPORT Result<ImportResult> read_csv(
    std::istream& in, std::string_view file_name,
    const CsvMapping& mapping = CsvMapping::defaults(), const ImportOptions& options = {});

}  // namespace archive
