// Batch mode shared by every transforming subcommand (see docs/design.md): one value per input
// line, one TSV line per input line, in order; a value that cannot be handled gives a line
// whose second field starts with "error:", and the run goes on.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "archive/error.hpp"

namespace archive::cli {

/// The result columns of one input line (they follow the echoed input).
using Fields = std::vector<std::string>;

/// Turns one input value into its result columns, or an Error, printed as
/// "error: <describe()>".
using LineTransform = std::function<Result<Fields>(std::string_view value)>;

/// Reads `in` line by line (LF or CRLF endings; the last line may lack one) and writes
/// `input<TAB>field<TAB>field…` per line to `out`. The input is echoed as `echo_columns`
/// columns when it has exactly that many tab-separated values, else as one column. Every column
/// is made TSV-safe (tsv_field), so a line always has the columns the command fixes. Returns
/// the number of lines that gave an error.
std::size_t run_batch(std::istream& in, std::ostream& out, const LineTransform& transform,
                      std::size_t echo_columns = 1);

/// Turns the tab-separated columns of one input line into result columns.
using ColumnsTransform =
    std::function<Result<Fields>(const std::vector<std::string_view>& columns)>;

/// As run_batch, for commands whose input lines hold `columns` tab-separated values (`a<TAB>b`
/// for `names match`): each is echoed as its own column. A line with fewer or more values is
/// echoed whole as one column (tabs made spaces) followed by an `error:` column, and the run
/// goes on.
std::size_t run_batch_columns(std::istream& in, std::ostream& out, std::size_t columns,
                              const ColumnsTransform& transform);

/// A value made safe for one TSV column: invalid UTF-8 replaced by U+FFFD, tabs and line
/// breaks by spaces.
std::string tsv_field(std::string_view value);

/// Appends tsv_field(value) to `out` without a temporary.
void append_tsv_field(std::string& out, std::string_view value);

}  // namespace archive::cli
