#include "batch.hpp"

#include <istream>
#include <ostream>

#include "archive/text/utf8.hpp"

namespace archive::cli {

std::string tsv_field(std::string_view value) {
  std::string field = text::repair_utf8(value);
  for (char& c : field) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return field;
}

std::size_t run_batch(std::istream& in, std::ostream& out, const LineTransform& transform) {
  std::size_t errors = 0;
  std::string line;
  std::string record;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    record = tsv_field(line);
    record += '\t';
    Result<Fields> result = transform(line);
    if (result) {
      for (std::size_t i = 0; i < result->size(); ++i) {
        if (i > 0) record += '\t';
        record += tsv_field((*result)[i]);
      }
    } else {
      ++errors;
      record += "error: ";
      record += tsv_field(result.error().describe());
    }
    record += '\n';
    out << record;
  }
  out.flush();
  return errors;
}

}  // namespace archive::cli
