// Dublin Core: documents as oai_dc XML records (the OAI-PMH metadata format), both ways. The
// mapping is documented in docs/dublin_core.md.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/io/import.hpp"

namespace archive {

/// One document as an <oai_dc:dc> element (UTF-8 XML, with the oai_dc and dc namespaces).
[[nodiscard]] ARCHIVE_EXPORT std::string to_oai_dc(const Document& document);

/// Writes the documents of `records` as an OAI-PMH ListRecords response.
ARCHIVE_EXPORT Result<void> write_oai_dc(std::ostream& out, const Records& records);

/// Reads documents from oai_dc XML: a single <oai_dc:dc>, or an OAI-PMH response holding many.
/// Malformed XML gives the parser's message and byte offset as an issue (line and column).
[[nodiscard]] ARCHIVE_EXPORT Result<ImportResult> read_oai_dc(std::istream& in,
                                                              std::string_view file_name,
                                                              const ImportOptions& options = {});

}  // namespace archive
