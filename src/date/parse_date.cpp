// Placeholder until the natural-language parser lands.
#include "archive/date/parse_date.hpp"

namespace archive {

Result<FuzzyDate> parse_date(std::string_view text, const DateParseOptions&) {
  return parse_edtf(text);
}

}  // namespace archive
