#include "batch.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

#include "archive/text/utf8.hpp"

namespace archive::cli {

void append_tsv_field(std::string& out, std::string_view value) {
  const std::size_t start = out.size();
  if (text::is_valid_utf8(value)) {
    out.append(value);
  } else {
    out += text::repair_utf8(value);
  }
  for (std::size_t i = start; i < out.size(); ++i) {
    if (out[i] == '\t' || out[i] == '\n' || out[i] == '\r') out[i] = ' ';
  }
}

std::string tsv_field(std::string_view value) {
  std::string field;
  append_tsv_field(field, value);
  return field;
}

std::size_t run_batch(std::istream& in, std::ostream& out, const LineTransform& transform,
                      std::size_t echo_columns) {
  std::size_t errors = 0;
  std::string line;
  std::string record;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    record.clear();
    // The input as `echo_columns` columns when it has that many, else as one (its tabs become
    // spaces): a line of the wrong shape is one input whose second column says why.
    std::string_view rest = line;
    const auto tabs = static_cast<std::size_t>(std::count(line.begin(), line.end(), '\t'));
    if (tabs + 1 == echo_columns) {
      for (std::size_t tab; (tab = rest.find('\t')) != std::string_view::npos;) {
        append_tsv_field(record, rest.substr(0, tab));
        record += '\t';
        rest.remove_prefix(tab + 1);
      }
    }
    append_tsv_field(record, rest);
    record += '\t';
    Result<Fields> result = transform(line);
    if (result) {
      for (std::size_t i = 0; i < result->size(); ++i) {
        if (i > 0) record += '\t';
        append_tsv_field(record, (*result)[i]);
      }
    } else {
      ++errors;
      record += "error: ";
      append_tsv_field(record, result.error().describe());
    }
    record += '\n';
    out << record;
  }
  out.flush();
  return errors;
}

std::size_t run_batch_columns(std::istream& in, std::ostream& out, std::size_t columns,
                              const ColumnsTransform& transform) {
  std::vector<std::string_view> values;
  return run_batch(
      in, out,
      [&](std::string_view line) -> Result<Fields> {
        values.clear();
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string_view::npos;) {
          values.push_back(line.substr(start, tab - start));
          start = tab + 1;
        }
        values.push_back(line.substr(start));
        if (values.size() != columns) {
          return make_error(ErrorCode::parse_error, "expected " + std::to_string(columns) +
                                                        " tab-separated values, found " +
                                                        std::to_string(values.size()));
        }
        return transform(values);
      },
      columns);
}

}  // namespace archive::cli
