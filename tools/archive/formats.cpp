#include "formats.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "archive/io/csv.hpp"
#include "archive/io/dublin_core.hpp"
#include "archive/io/jsonl.hpp"

namespace archive::cli {

std::string format_of(const std::string& path) {
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  if (ext == "csv") return "csv";
  if (ext == "xml") return "oai_dc";
  return "jsonl";
}

Result<void> check_input(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    return make_error(ErrorCode::io_error, path + " is a directory");
  }
  errno = 0;
  const std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    return make_error(ErrorCode::io_error,
                      "cannot open " + path +
                          (error != 0 ? ": " + std::string(std::strerror(error)) : std::string()));
  }
  return {};
}

bool has_errors(const ImportResult& result) {
  return result.rejected > 0 ||
         std::any_of(result.issues.begin(), result.issues.end(),
                     [](const ImportIssue& issue) { return issue.severity == Severity::error; });
}

Result<ImportResult> read_records(std::istream& in, const std::string& name,
                                  const std::string& format, const ImportOptions& options) {
  if (format == "csv") return read_csv(in, name, CsvMapping::defaults(), options);
  if (format == "oai_dc") return read_oai_dc(in, name, options);
  return read_jsonl(in, name, options);
}

}  // namespace archive::cli
