// Record file formats the commands read: chosen by extension, read with one call.
#pragma once

#include <iosfwd>
#include <string>

#include "archive/io/import.hpp"

namespace archive::cli {

/// The format of a file by its extension: "csv" (.csv), "oai_dc" (.xml), else "jsonl".
std::string format_of(const std::string& path);

/// Reads records in `format` ("jsonl", "csv" with the default mapping, or "oai_dc").
Result<ImportResult> read_records(std::istream& in, const std::string& name,
                                  const std::string& format, const ImportOptions& options);

}  // namespace archive::cli
