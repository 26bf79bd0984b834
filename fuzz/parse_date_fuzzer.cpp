// Fuzz target for the natural-language date parser: parse_date on arbitrary bytes, under each
// language and default calendar. Checks the properties that must hold for every input, not
// just "does not crash": refusals say where, values keep the original text, their bounds are
// ordered and their canonical EDTF reads back to an equal value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "archive/date.hpp"
#include "archive/text/utf8.hpp"
#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using archive::Calendar;
  using archive::DateLanguage;
  if (size > 4096) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // The first byte picks the options so every language and calendar gets explored; the whole
  // input (first byte included) is parsed.
  archive::DateParseOptions options;
  const unsigned choice = size > 0 ? data[0] : 0u;
  options.language = static_cast<DateLanguage>(choice % 4);
  options.calendar = static_cast<Calendar>((choice / 4) % 4);

  for (const archive::DateParseOptions& o : {archive::DateParseOptions{}, options}) {
    const auto parsed = archive::parse_date(input, o);
    if (!parsed) {
      const archive::Error& e = parsed.error();
      FUZZ_REQUIRE(e.offset.has_value() && *e.offset <= size);
      FUZZ_REQUIRE(!e.message.empty());
      FUZZ_REQUIRE(e.code == archive::ErrorCode::parse_error ||
                   e.code == archive::ErrorCode::invalid_utf8);
      FUZZ_REQUIRE((e.code == archive::ErrorCode::invalid_utf8) ==
                   !archive::text::is_valid_utf8(input));
      continue;
    }
    const archive::FuzzyDate& value = *parsed;
    FUZZ_REQUIRE(value.provenance().original == input);
    if (value.is_undated()) {
      FUZZ_REQUIRE(value.to_edtf().empty());
      continue;
    }
    const archive::DayBound lo = value.earliest();
    const archive::DayBound hi = value.latest();
    if (lo.is_day() && hi.is_day()) FUZZ_REQUIRE(lo.day <= hi.day);
    const std::string edtf = value.to_edtf();
    const auto again = archive::parse_edtf(edtf);
    FUZZ_REQUIRE(again.has_value() && *again == value);
  }
  return 0;
}
