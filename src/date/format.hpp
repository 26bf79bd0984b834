// Internal: ISO 8601 formatting of years and dates shared by the date part.
#pragma once

#include <cstdint>
#include <string>

namespace archive::detail {

// Appends a year as ISO 8601 writes it: four digits for 0000..9999, else a sign and at least
// four digits ("-0044", "+12000").
inline void append_year(std::string& out, std::int64_t year) {
  if (year < 0) {
    out += '-';
  } else if (year > 9999) {
    out += '+';
  }
  // Magnitude without overflow for INT64_MIN (never produced, but be safe).
  const std::uint64_t magnitude =
      year < 0 ? static_cast<std::uint64_t>(-(year + 1)) + 1 : static_cast<std::uint64_t>(year);
  const std::string digits = std::to_string(magnitude);
  if (digits.size() < 4) out.append(4 - digits.size(), '0');
  out += digits;
}

inline void append_two(std::string& out, unsigned value) {
  out += static_cast<char>('0' + value / 10 % 10);
  out += static_cast<char>('0' + value % 10);
}

inline std::string format_ymd(std::int64_t year, unsigned month, unsigned day) {
  std::string out;
  out.reserve(12);
  append_year(out, year);
  out += '-';
  append_two(out, month);
  out += '-';
  append_two(out, day);
  return out;
}

}  // namespace archive::detail
