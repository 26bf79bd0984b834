// Fuzz target for the text part: validation, repair, normalization, folding, script
// detection and segmentation on arbitrary bytes. Checks the properties that must hold for
// every input, not just "does not crash".
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "archive/text.hpp"
#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace text = archive::text;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const bool valid = text::is_valid_utf8(input);
  const auto validated = text::validate_utf8(input);
  FUZZ_REQUIRE(valid == validated.has_value());
  if (!valid) {
    // The error points inside the input, and every entry point refuses the input.
    FUZZ_REQUIRE(validated.error().offset.has_value() && *validated.error().offset < size);
    FUZZ_REQUIRE(!text::fold(input) && !text::to_nfc(input) && !text::detect_script(input));
  }

  const std::string repaired = text::repair_utf8(input);
  FUZZ_REQUIRE(text::is_valid_utf8(repaired));
  if (valid) FUZZ_REQUIRE(repaired == input);

  const auto nfc = text::to_nfc(repaired);
  FUZZ_REQUIRE(nfc.has_value() && text::is_valid_utf8(*nfc));
  FUZZ_REQUIRE(text::to_nfc(*nfc) == nfc);  // NFC is stable
  FUZZ_REQUIRE(text::to_nfkc(repaired).has_value());
  FUZZ_REQUIRE(text::unify_persian(repaired).has_value());

  const auto folded = text::fold(repaired);
  FUZZ_REQUIRE(folded.has_value() && text::is_valid_utf8(*folded));
  FUZZ_REQUIRE(text::fold(*folded) == folded);  // fold is idempotent

  FUZZ_REQUIRE(text::detect_script(repaired).has_value());

  static text::Segmenter segmenter;
  const auto tokens = segmenter.segment(repaired);
  FUZZ_REQUIRE(tokens.has_value());
  std::size_t previous_end = 0;
  for (const text::Token& t : *tokens) {
    FUZZ_REQUIRE(!t.text.empty());
    FUZZ_REQUIRE(t.offset >= previous_end && t.offset + t.text.size() <= repaired.size());
    FUZZ_REQUIRE(t.text.data() == repaired.data() + t.offset);
    previous_end = t.offset + t.text.size();
  }
  return 0;
}
