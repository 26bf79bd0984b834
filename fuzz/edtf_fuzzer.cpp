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

namespace {
void require(bool condition) {
  if (!condition) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using archive::DayBound;
  using archive::FuzzyDate;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const auto parsed = archive::parse_edtf(input);
  if (!parsed) {
    const archive::Error& e = parsed.error();
    require(e.code == archive::ErrorCode::parse_error);
    require(!e.message.empty());
    require(e.offset.has_value() && *e.offset <= size);
    return 0;
  }
  const FuzzyDate& value = *parsed;
  require(!value.is_undated());
  require(value.level() >= 0 && value.level() <= 2);
  require(value.provenance() == archive::Provenance{});

  // The canonical form parses back to the same value, level, bounds and text.
  const std::string canonical = value.to_edtf();
  require(!canonical.empty());
  const auto again = archive::parse_edtf(canonical);
  require(again.has_value());
  require(*again == value);
  require((*again <=> value) == 0);
  require(archive::hash_value(*again) == archive::hash_value(value));
  require(again->level() == value.level());
  require(again->earliest() == value.earliest());
  require(again->latest() == value.latest());
  require(again->to_edtf() == canonical);

  // Bounds are ordered; widening never narrows.
  const DayBound earliest = value.earliest();
  const DayBound latest = value.latest();
  if (earliest.is_day() && latest.is_day()) {
    require(earliest.day <= latest.day);
    require(value.certainly_within(archive::DayRange{earliest.day, latest.day}));
  }
  const DayBound wide_earliest = value.widened_earliest();
  const DayBound wide_latest = value.widened_latest();
  require(wide_earliest.kind == earliest.kind && wide_latest.kind == latest.kind);
  if (earliest.is_day()) require(wide_earliest.day <= earliest.day);
  if (latest.is_day()) require(wide_latest.day >= latest.day);

  // Relations: an unbounded range meets every value; scores stay in [0, 1].
  require(value.possibly_overlaps(archive::DayRange{}));
  const archive::DayRange ranges[] = {
      {}, {archive::Day::from_civil(1945, 1, 1), archive::Day::from_civil(1946, 12, 31)}};
  for (const archive::DayRange& range : ranges) {
    const double strength = value.match_strength(range);
    require(strength >= 0.0 && strength <= 1.0);
    require((strength > 0.0) == value.possibly_overlaps(range));
    if (value.certainly_within(range)) require(value.possibly_overlaps(range));
  }
  return 0;
}
