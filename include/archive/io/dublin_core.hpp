// Dublin Core: documents as oai_dc XML records (the OAI-PMH metadata format), both ways. The
// mapping is documented in docs/dublin_core.md.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/io/import.hpp"

namespace archive {

/// How deep the reader lets elements nest: a file with an element deeper than this (the
/// document element being at depth 1) gives one error and nothing is read from it. oai_dc
/// itself needs six levels in an OAI-PMH response.
inline constexpr std::size_t kOaiDcMaxDepth = 256;

/// One document as an <oai_dc:dc> element (UTF-8 XML, with the oai_dc and dc namespaces).
/// Fails when a field is not text XML 1.0 can hold: invalid_utf8 when it is not UTF-8,
/// invalid_argument when it holds a character XML 1.0 does not allow (a C0 control other than
/// TAB, LF and CR, such as NUL; U+FFFE; U+FFFF). The message names the document and the field,
/// the offset is the byte in that field.
[[nodiscard]] ARCHIVE_EXPORT Result<std::string> to_oai_dc(const Document& document);

/// Writes the documents of `records` as an OAI-PMH ListRecords response. Fails as to_oai_dc
/// does on the first document that cannot be written, before anything is written to `out`.
ARCHIVE_EXPORT Result<void> write_oai_dc(std::ostream& out, const Records& records);

/// Reads documents from oai_dc XML: a single <oai_dc:dc>, or an OAI-PMH response holding many.
/// The input is UTF-8, or UTF-16 with a byte order mark. A file that cannot be read as a whole
/// gives one error issue naming the line and column (bytes of the text as UTF-8) and no
/// records: not well-formed XML (with the parser's message), a character or character
/// reference XML 1.0 does not allow (&#0;, &#1;, a raw control character), elements nested
/// deeper than kOaiDcMaxDepth, UTF-32 or UTF-16 without a byte order mark. The Result itself
/// fails only when the stream cannot be read (io_error).
[[nodiscard]] ARCHIVE_EXPORT Result<ImportResult> read_oai_dc(std::istream& in,
                                                              std::string_view file_name,
                                                              const ImportOptions& options = {});

}  // namespace archive
