// The mix of EDTF strings of the edtf.js comparison, shared by edtf_generate (which prints it
// for run.sh) and bench_date (which parses it in-process). The mix covers levels 0–2 in forms
// edtf.js also parses: dates, date-times, intervals with known, open ("..") and unknown ("")
// ends, qualifiers ? ~ % on the whole date and on components, unspecified X digits, seasons
// 21–24, Y years, significant digits, sets [..] and {..}.
//
// A seed gives the same output with every compiler: the PRNG and its mapping to ranges are our
// own (<random>'s distributions differ between libraries), and every draw is sequenced (no two
// draws in one function call's arguments or one chain of +, whose order is unspecified).
#pragma once

#include <archive/date/day.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace edtf_mix {

inline constexpr std::uint64_t kSeed = 20261127;

// SplitMix64: small, fast and the same everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool chance(int percent) { return below(100) < percent; }

 private:
  std::uint64_t state_;
};

inline std::string digits(int value, int width) {
  std::string s = std::to_string(value);
  return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0, '0') + s;
}

inline char qualifier(Rng& r) {
  return "?~%"[r.below(3)];
}

// A year, mostly in the archives' centuries.
inline int year(Rng& r) {
  const int pick = r.below(10);
  return pick < 7 ? r.between(1800, 2030) : pick < 9 ? r.between(1000, 1799) : r.between(0, 999);
}

// A plain date: year, year-month or year-month-day (level 0), of year `y`.
inline std::string plain(Rng& r, int y, int precision) {
  std::string s = digits(y, 4);
  if (precision >= 1) {
    const int m = r.between(1, 12);
    s += '-' + digits(m, 2);
    if (precision >= 2) {
      s += '-' + digits(r.between(1, archive::days_in_month(y, static_cast<unsigned>(m))), 2);
    }
  }
  return s;
}
inline std::string plain(Rng& r) {
  const int y = year(r);
  return plain(r, y, r.below(3));
}

inline std::string date_time(Rng& r) {
  const int y = year(r);
  std::string s = plain(r, y, 2);
  s += 'T' + digits(r.below(24), 2);
  s += ':' + digits(r.below(60), 2);
  s += ':' + digits(r.below(60), 2);
  switch (r.below(3)) {
    case 0:
      return s;
    case 1:
      return s + 'Z';
    default: {
      const int hours = r.below(12), minutes = r.below(4) * 15;
      const bool east = hours + minutes == 0 || r.chance(50);  // ISO 8601 forbids "-00:00"
      return s + (east ? '+' : '-') + digits(hours, 2) + ':' + digits(minutes, 2);
    }
  }
}

// Level 1: a date with X digits at the end of the year, or X month / day.
inline std::string unspecified(Rng& r) {
  const int y = year(r);
  switch (r.below(5)) {
    case 0:
      return digits(y / 10, 3) + "X";
    case 1:
      return digits(y / 100, 2) + "XX";
    case 2:
      return digits(y, 4) + "-XX";
    case 3:
      return plain(r, y, 1) + "-XX";
    default:
      return digits(y, 4) + "-XX-XX";
  }
}

// Level 2: X in any digit of the year, month or day, with a valid calendar reading.
inline std::string unspecified_digits(Rng& r) {
  const int y = year(r);
  std::string s = plain(r, y, 1 + r.below(2));
  for (std::size_t i = 0; i < s.size(); ++i) {
    // edtf.js rejects some forms that have a valid reading: an X month tens digit ("2004-X5")
    // and an X day units digit after a 3 ("2003-11-3X"); they are left out.
    const bool skip = s[i] == '-' || i == 5 || (i == 9 && s[8] == '3');
    if (!skip && r.chance(25)) s[i] = 'X';
  }
  return s;
}

// Level 2: qualifiers on components, as prefixes ("2004-~06") or group suffixes ("2004?-06").
inline std::string component_qualifiers(Rng& r) {
  const int y = year(r);
  const std::string date = plain(r, y, 1 + r.below(2));
  std::string s;
  bool any = false;
  for (std::size_t start = 0; start < date.size();) {
    std::size_t end = date.find('-', start);
    if (end == std::string::npos) end = date.size();
    const std::string part = date.substr(start, end - start);
    if (start > 0) s += '-';
    const int how = r.below(4);  // 0 prefix, 1 suffix, 2–3 none
    if (how == 0) s += qualifier(r);
    s += part;
    if (how == 1 && end < date.size()) s += qualifier(r);
    any = any || how == 0 || (how == 1 && end < date.size());
    start = end + 1;
  }
  return any ? s : "?" + s;
}

// A date for an interval end or a set element (levels 0 and 1).
inline std::string simple(Rng& r, int y) {
  std::string s = plain(r, y, r.below(3));
  if (r.chance(15)) s += qualifier(r);
  return s;
}

inline std::string interval(Rng& r) {
  const int y = year(r);
  const std::string start = simple(r, y), end = simple(r, y + r.between(1, 60));
  switch (r.below(10)) {
    case 0:
      return start + "/..";
    case 1:
      return "../" + end;
    case 2:
      return start + "/";
    case 3:
      return "/" + end;
    default:
      return start + "/" + end;
  }
}

inline std::string set(Rng& r) {
  const bool one_of = r.chance(60);
  const int count = r.between(1, 4);
  std::string s(1, one_of ? '[' : '{');
  int y = r.between(1500, 1990);
  for (int i = 0; i < count; ++i) {
    if (i > 0) s += ", ";
    const int precision = r.below(3);  // both ends of a range alike, as edtf.js requires
    const std::string element = plain(r, y, precision);
    y += r.between(1, 10);
    const int kind = r.below(10);
    if (kind == 0 && i == 0) {
      s += ".." + element;
    } else if (kind == 1 && i == count - 1) {
      s += element + "..";
    } else if (kind < 4) {
      s += element + ".." + plain(r, y, precision);
      y += r.between(1, 10);
    } else {
      s += element;
    }
  }
  return s + (one_of ? ']' : '}');
}

/// One string of the mix.
inline std::string one(Rng& r) {
  const int pick = r.below(100);
  if (pick < 20) return plain(r);      // level 0
  if (pick < 25) return date_time(r);  // level 0
  if (pick < 35) {                     // level 1
    const std::string s = plain(r);
    return s + qualifier(r);
  }
  if (pick < 45) return unspecified(r);  // level 1
  if (pick < 50) {                       // level 1: a season
    const int y = year(r);
    return digits(y, 4) + '-' + std::to_string(r.between(21, 24));
  }
  if (pick < 52) {  // level 1: a year beyond four digits
    const char* prefix = r.chance(30) ? "Y-" : "Y";
    return prefix + std::to_string(r.between(10000, 250000));
  }
  if (pick < 54) {  // level 1: a negative year
    const int y = r.between(1, 3000);
    return '-' + plain(r, y, r.below(3));
  }
  if (pick < 70) return interval(r);              // levels 0 and 1
  if (pick < 77) return unspecified_digits(r);    // level 2
  if (pick < 84) return component_qualifiers(r);  // level 2
  if (pick < 89) {                                // level 2: significant digits
    // Four-digit years only: what S counts in "0050S2" (the digits written, or those of 50)
    // is read differently by different implementations.
    const int y = r.between(1000, 2030);
    return std::to_string(y) + 'S' + std::to_string(r.between(1, 3));
  }
  return set(r);  // level 2
}

/// `count` strings of the mix from `seed`.
inline std::vector<std::string> generate(std::size_t count, std::uint64_t seed = kSeed) {
  Rng rng(seed);
  std::vector<std::string> strings;
  strings.reserve(count);
  while (strings.size() < count)
    strings.push_back(one(rng));
  return strings;
}

}  // namespace edtf_mix
