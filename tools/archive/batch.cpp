#include "batch.hpp"

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
    // The input as up to `echo_columns` columns (tabs inside the last become spaces).
    std::string_view rest = line;
    for (std::size_t c = 1; c < echo_columns; ++c) {
      const std::size_t tab = rest.find('\t');
      if (tab == std::string_view::npos) break;
      append_tsv_field(record, rest.substr(0, tab));
      record += '\t';
      rest.remove_prefix(tab + 1);
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
        while (values.size() + 1 < columns) {
          const std::size_t tab = line.find('\t', start);
          if (tab == std::string_view::npos) break;
          values.push_back(line.substr(start, tab - start));
          start = tab + 1;
        }
        values.push_back(line.substr(start));
        if (values.size() < columns) {
          return make_error(ErrorCode::parse_error, "expected " + std::to_string(columns) +
                                                        " tab-separated values, found " +
                                                        std::to_string(values.size()));
        }
        return transform(values);
      },
      columns);
}

}  // namespace archive::cli
