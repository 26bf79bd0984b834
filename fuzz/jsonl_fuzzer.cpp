// Fuzz target for the JSON Lines reader: arbitrary bytes, read leniently and strictly. Checks
// that every input gives a result (never a crash), that the counts agree, and that whatever
// was read writes out and reads back to equal records.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "archive/io/jsonl.hpp"
#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  for (const bool strict : {false, true}) {
    std::istringstream in(input);
    archive::ImportOptions options;
    options.strict = strict;
    auto result = archive::read_jsonl(in, "fuzz.jsonl", options);
    FUZZ_REQUIRE(result.has_value());
    const auto& r = *result;
    FUZZ_REQUIRE(!r.stopped || strict);
    if (r.rejected > 0) FUZZ_REQUIRE(!r.issues.empty());
    for (const auto& issue : r.issues)
      FUZZ_REQUIRE(!issue.describe().empty());
    if (strict) continue;
    // What was read is written and read back unchanged.
    std::ostringstream out;
    if (!archive::write_jsonl(out, r.records)) continue;  // e.g. text that is not UTF-8
    std::istringstream again(out.str());
    auto back = archive::read_jsonl(again, "again.jsonl");
    FUZZ_REQUIRE(back.has_value());
    FUZZ_REQUIRE(back->records == r.records);
  }
  return 0;
}
