#include "formats.hpp"

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

Result<ImportResult> read_records(std::istream& in, const std::string& name,
                                  const std::string& format, const ImportOptions& options) {
  if (format == "csv") return read_csv(in, name, CsvMapping::defaults(), options);
  if (format == "oai_dc") return read_oai_dc(in, name, options);
  return read_jsonl(in, name, options);
}

}  // namespace archive::cli
