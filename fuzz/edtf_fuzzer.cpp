// Fuzz target for parse_edtf: arbitrary bytes as strict EDTF. Checks the properties that must
// hold for every input, not just "does not crash": an error says where (an offset inside the
// input); a value prints as canonical EDTF that parses back to an equal value with the same
// level and bounds, and its bounds and relations are sane.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "archive/date/fuzzy_date.hpp"
#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using archive::DayBound;
  using archive::FuzzyDate;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const auto parsed = archive::parse_edtf(input);
  if (!parsed) {
    const archive::Error& e = parsed.error();
    FUZZ_REQUIRE(e.code == archive::ErrorCode::parse_error);
    FUZZ_REQUIRE(!e.message.empty());
    FUZZ_REQUIRE(e.offset.has_value() && *e.offset <= size);
    return 0;
  }
  const FuzzyDate& value = *parsed;
  FUZZ_REQUIRE(!value.is_undated());
  FUZZ_REQUIRE(value.level() >= 0 && value.level() <= 2);
  FUZZ_REQUIRE(value.provenance() == archive::Provenance{});

  // The canonical form parses back to the same value, level, bounds and text.
  const std::string canonical = value.to_edtf();
  FUZZ_REQUIRE(!canonical.empty());
  const auto again = archive::parse_edtf(canonical);
  FUZZ_REQUIRE(again.has_value());
  FUZZ_REQUIRE(*again == value);
  FUZZ_REQUIRE((*again <=> value) == 0);
  FUZZ_REQUIRE(archive::hash_value(*again) == archive::hash_value(value));
  FUZZ_REQUIRE(again->level() == value.level());
  FUZZ_REQUIRE(again->earliest() == value.earliest());
  FUZZ_REQUIRE(again->latest() == value.latest());
  FUZZ_REQUIRE(again->to_edtf() == canonical);

  // Bounds are ordered; widening never narrows.
  const DayBound earliest = value.earliest();
  const DayBound latest = value.latest();
  if (earliest.is_day() && latest.is_day()) {
    FUZZ_REQUIRE(earliest.day <= latest.day);
    FUZZ_REQUIRE(value.certainly_within(archive::DayRange{earliest.day, latest.day}));
  }
  const DayBound wide_earliest = value.widened_earliest();
  const DayBound wide_latest = value.widened_latest();
  FUZZ_REQUIRE(wide_earliest.kind == earliest.kind && wide_latest.kind == latest.kind);
  if (earliest.is_day()) FUZZ_REQUIRE(wide_earliest.day <= earliest.day);
  if (latest.is_day()) FUZZ_REQUIRE(wide_latest.day >= latest.day);

  // Relations: an unbounded range meets every value; scores stay in [0, 1].
  FUZZ_REQUIRE(value.possibly_overlaps(archive::DayRange{}));
  const archive::DayRange ranges[] = {
      {}, {archive::Day::from_civil(1945, 1, 1), archive::Day::from_civil(1946, 12, 31)}};
  for (const archive::DayRange& range : ranges) {
    const double strength = value.match_strength(range);
    FUZZ_REQUIRE(strength >= 0.0 && strength <= 1.0);
    FUZZ_REQUIRE((strength > 0.0) == value.possibly_overlaps(range));
    if (value.certainly_within(range)) FUZZ_REQUIRE(value.possibly_overlaps(range));
  }
  return 0;
}
