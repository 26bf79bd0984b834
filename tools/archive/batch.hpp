// Batch mode shared by every transforming subcommand (see DESIGN.md): one value per input
// line, one TSV line per input line, in order; a value that cannot be handled gives a line
// whose second field starts with "error:", and the run goes on.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "archive/error.hpp"

namespace archive::cli {

/// Turns one input value into the TSV fields that follow the echoed input (joined by tabs),
/// or an Error, printed as "error: <describe()>".
using LineTransform = std::function<Result<std::string>(std::string_view value)>;

/// Reads `in` line by line (LF or CRLF endings; the last line may lack one) and writes
/// `input<TAB>fields` per line to `out`. The echoed input is made TSV-safe: invalid UTF-8 is
/// replaced by U+FFFD and tabs by spaces. Returns the number of lines that gave an error.
std::size_t run_batch(std::istream& in, std::ostream& out, const LineTransform& transform);

/// The echo of an input value in the first column (see run_batch).
std::string tsv_field(std::string_view value);

}  // namespace archive::cli
