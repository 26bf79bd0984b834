// Fuzz target for the JSON Lines reader: arbitrary bytes, read leniently and strictly. Checks
// that every input gives a result (never a crash), that the counts agree, and that whatever
// was read writes out and reads back to equal records.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "archive/io/jsonl.hpp"

namespace {
void require(bool condition) {
  if (!condition) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  for (const bool strict : {false, true}) {
    std::istringstream in(input);
    archive::ImportOptions options;
    options.strict = strict;
    auto result = archive::read_jsonl(in, "fuzz.jsonl", options);
    require(result.has_value());
    const auto& r = *result;
    require(!r.stopped || strict);
    if (r.rejected > 0) require(!r.issues.empty());
    for (const auto& issue : r.issues)
      require(!issue.describe().empty());
    if (strict) continue;
    // What was read is written and read back unchanged.
    std::ostringstream out;
    if (!archive::write_jsonl(out, r.records)) continue;  // e.g. text that is not UTF-8
    std::istringstream again(out.str());
    auto back = archive::read_jsonl(again, "again.jsonl");
    require(back.has_value());
    require(back->records == r.records);
  }
  return 0;
}
