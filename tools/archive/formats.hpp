// Record file formats the commands read: chosen by extension, read with one call.
#pragma once

#include <iosfwd>
#include <string>

#include "archive/io/import.hpp"

namespace archive::cli {

/// The format of a file by its extension: "csv" (.csv), "oai_dc" (.xml), else "jsonl".
std::string format_of(const std::string& path);

/// Whether `path` can be opened as a file of records: an io_error naming it when it is
/// missing, unreadable or a directory (which would open, then fail on the first read).
Result<void> check_input(const std::string& path);

/// True when reading reported an error: a rejected record, or a file that could not be read
/// as a whole (malformed XML, say), which rejects no record.
bool has_errors(const ImportResult& result);

/// Reads records in `format` ("jsonl", "csv" with the default mapping, or "oai_dc").
Result<ImportResult> read_records(std::istream& in, const std::string& name,
                                  const std::string& format, const ImportOptions& options);

}  // namespace archive::cli
