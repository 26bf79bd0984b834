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

std::size_t run_batch(std::istream& in, std::ostream& out, const LineTransform& transform) {
  std::size_t errors = 0;
  std::string line;
  std::string record;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    record.clear();
    append_tsv_field(record, line);
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

}  // namespace archive::cli
