// ImportIssue: where a reader's problem is, as one line a person can read.
#include "archive/io/import.hpp"

#include <string>

namespace archive {

std::string ImportIssue::describe() const {
  std::string out;
  if (severity == Severity::warning) out += "warning: ";
  out += file.empty() ? std::string("-") : file;
  if (line != 0) {
    out += ':';
    out += std::to_string(line);
    if (column != 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  out += ": ";
  if (!field.empty()) {
    out += field;
    out += ": ";
  }
  out += message;
  return out;
}

}  // namespace archive
