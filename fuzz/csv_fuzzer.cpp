// Fuzz target for the CSV reader: arbitrary bytes never crash it, every issue is placed in
// the input, and records plus rejected never exceed the rows there can be.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "archive/io/csv.hpp"
#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::istringstream in(input);
  for (const bool strict : {false, true}) {
    in.clear();
    in.seekg(0);
    const auto result =
        archive::read_csv(in, "fuzz.csv", archive::CsvMapping::defaults(), {.strict = strict});
    FUZZ_REQUIRE(result.has_value());
    const auto lines = static_cast<std::size_t>(std::count(input.begin(), input.end(), '\n'));
    for (const auto& issue : result->issues)
      FUZZ_REQUIRE(issue.line <= lines + 1);
    FUZZ_REQUIRE(result->records.documents.size() + result->rejected <= lines + 1);
  }
  return 0;
}
