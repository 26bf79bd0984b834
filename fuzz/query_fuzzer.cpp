// Fuzz target for parse_query: arbitrary bytes as a query. Checks what must hold for every
// input: an error is a parse_error or invalid_utf8 with an offset inside the input; a query
// writes (to_string) as text that parses back to an equal query.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "archive/query/query.hpp"
#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto parsed = archive::parse_query(input);
  if (!parsed) {
    const auto& e = parsed.error();
    FUZZ_REQUIRE(e.code == archive::ErrorCode::parse_error ||
                 e.code == archive::ErrorCode::invalid_utf8);
    FUZZ_REQUIRE(!e.message.empty());
    FUZZ_REQUIRE(e.offset.has_value() && *e.offset <= size);
    return 0;
  }
  const auto text = parsed->to_string();
  const auto again = archive::parse_query(text);
  FUZZ_REQUIRE(again.has_value());
  FUZZ_REQUIRE(*again == *parsed);
  return 0;
}
