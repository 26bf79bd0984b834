#include "archive/date/fuzzy_date.hpp"

#include <algorithm>
#include <array>
#include <functional>

#include "date/edtf_internal.hpp"
#include "date/format.hpp"

namespace archive {

namespace detail {

namespace {

constexpr std::uint16_t kYearMask = 0x0F;
constexpr std::uint16_t kMonthMask = 0x30;
constexpr std::uint16_t kDayMask = 0xC0;

constexpr std::int64_t kPow10[] = {1,
                                   10,
                                   100,
                                   1000,
                                   10000,
                                   100000,
                                   1000000,
                                   10000000,
                                   100000000,
                                   1000000000,
                                   10000000000,
                                   100000000000,
                                   1000000000000,
                                   10000000000000,
                                   100000000000000,
                                   1000000000000000,
                                   10000000000000000};

int digit_count(std::int64_t magnitude) noexcept {
  int n = 1;
  while (n < 16 && magnitude >= kPow10[n])
    ++n;
  return n;
}

// The year magnitudes a date's year can take, lowest first (X digits of a four-digit year
// enumerate their values; otherwise one contiguous range).
struct YearRange {
  std::int64_t low;
  std::int64_t high;
};

YearRange magnitude_range(const EdtfDate& d) noexcept {
  const std::int64_t magnitude = d.year < 0 ? -d.year : d.year;
  switch (d.precision) {
    case Precision::century:
      return {magnitude, magnitude + 99};
    case Precision::decade:
      return {magnitude, magnitude + 9};
    default:
      break;
  }
  if (d.significant_digits > 0) {
    const int n = digit_count(magnitude);
    if (d.significant_digits < n) {
      const std::int64_t unit = kPow10[n - d.significant_digits];
      const std::int64_t low = magnitude / unit * unit;
      return {low, low + unit - 1};
    }
    return {magnitude, magnitude};
  }
  const std::uint16_t mask = d.unspecified & kYearMask;
  if (mask == 0) return {magnitude, magnitude};
  std::int64_t high = magnitude;
  for (int digit = 0; digit < 4; ++digit) {  // bit 0 = thousands
    if ((mask >> digit) & 1) high += 9 * kPow10[3 - digit];
  }
  return {magnitude, high};
}

// Does a year magnitude match the X pattern of a four-digit year?
bool year_matches(const EdtfDate& d, std::int64_t magnitude) noexcept {
  const std::uint16_t mask = d.unspecified & kYearMask;
  const std::int64_t fixed = d.year < 0 ? -d.year : d.year;
  for (int digit = 0; digit < 4; ++digit) {
    if ((mask >> digit) & 1) continue;
    const std::int64_t p = kPow10[3 - digit];
    if ((magnitude / p) % 10 != (fixed / p) % 10) return false;
  }
  return true;
}

// Two-digit field (month or day) matching: `value` written with X digits per `mask2`
// (bit 0 = tens, bit 1 = units).
bool field_matches(unsigned candidate, unsigned written, unsigned mask2) noexcept {
  if (!(mask2 & 1) && candidate / 10 != written / 10) return false;
  if (!(mask2 & 2) && candidate % 10 != written % 10) return false;
  return true;
}

struct SeasonMonths {
  unsigned first_month;
  unsigned months;  // span in months (may cross the year end)
};

SeasonMonths season_months(unsigned code) noexcept {
  switch (code) {
    case 21:
    case 25:
      return {3, 3};  // spring (northern)
    case 22:
    case 26:
      return {6, 3};  // summer
    case 23:
    case 27:
      return {9, 3};  // autumn
    case 24:
    case 28:
      return {12, 3};  // winter, into the next year
    case 29:
      return {9, 3};  // southern spring
    case 30:
      return {12, 3};  // southern summer
    case 31:
      return {3, 3};  // southern autumn
    case 32:
      return {6, 3};  // southern winter
    case 33:
      return {1, 3};  // quarters
    case 34:
      return {4, 3};
    case 35:
      return {7, 3};
    case 36:
      return {10, 3};
    case 37:
      return {1, 4};  // quadrimesters
    case 38:
      return {5, 4};
    case 39:
      return {9, 4};
    case 40:
      return {1, 6};  // semesters
    case 41:
      return {7, 6};
    default:
      return {1, 12};
  }
}

// Search of the earliest (or latest) real day matching the date's pattern within one year.
std::optional<Day> extreme_in_year(const EdtfDate& d, std::int64_t year, bool earliest) noexcept {
  const unsigned month_mask = (d.unspecified & kMonthMask) >> 4;
  const unsigned day_mask = (d.unspecified & kDayMask) >> 6;
  for (unsigned k = 0; k < 12; ++k) {
    const unsigned m = earliest ? 1 + k : 12 - k;
    if (!field_matches(m, d.month, month_mask)) continue;
    if (d.precision != Precision::day) {
      return earliest ? Day::from_civil(year, m, 1)
                      : Day::from_civil(year, m, days_in_month(year, m));
    }
    const unsigned length = days_in_month(year, m);
    for (unsigned j = 0; j < 31; ++j) {
      const unsigned day = earliest ? 1 + j : 31 - j;
      if (day > length || !field_matches(day, d.day, day_mask)) continue;
      return Day::from_civil(year, m, day);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<DaySpan> bounds_of(const EdtfDate& d) noexcept {
  YearRange range = magnitude_range(d);
  const bool negative = d.negative || d.year < 0;
  // "-0000" is not a year (year zero is 0000), so "-XXXX" means -9999 .. -1.
  if (negative && range.low == 0) range.low = 1;
  // Years in ascending order: for negative years the largest magnitude comes first.
  const std::int64_t first_year = negative ? -range.high : range.low;
  const std::int64_t last_year = negative ? -range.low : range.high;

  if (d.precision == Precision::season) {
    const SeasonMonths s = season_months(d.month);
    const unsigned last_month_index = s.first_month - 1 + s.months - 1;  // 0-based, may be >= 12
    const std::int64_t end_year = last_year + last_month_index / 12;
    const unsigned end_month = last_month_index % 12 + 1;
    return DaySpan{Day::from_civil(first_year, s.first_month, 1),
                   Day::from_civil(end_year, end_month, days_in_month(end_year, end_month))};
  }
  if (d.precision != Precision::month && d.precision != Precision::day) {
    return DaySpan{Day::from_civil(first_year, 1, 1), Day::from_civil(last_year, 12, 31)};
  }
  if ((d.unspecified & (kMonthMask | kDayMask)) == 0 && first_year == last_year) {
    // The common case, a plain month or day: no search.
    if (d.precision == Precision::month) {
      return DaySpan{Day::from_civil(first_year, d.month, 1),
                     Day::from_civil(first_year, d.month, days_in_month(first_year, d.month))};
    }
    if (d.day > days_in_month(first_year, d.month)) return std::nullopt;
    const Day day = Day::from_civil(first_year, d.month, d.day);
    return DaySpan{day, day};
  }
  const bool year_pattern = (d.unspecified & kYearMask) != 0 && d.significant_digits == 0;
  auto matching_year = [&](std::int64_t y) {
    const std::int64_t magnitude = y < 0 ? -y : y;
    return !year_pattern || year_matches(d, magnitude);
  };
  // Month/day patterns repeat with the leap cycle, so a few hundred years always suffice.
  std::optional<Day> first, last;
  int tried = 0;
  for (std::int64_t y = first_year; y <= last_year && tried < 10000; ++y) {
    if (!matching_year(y)) continue;
    ++tried;
    if ((first = extreme_in_year(d, y, true))) break;
  }
  tried = 0;
  for (std::int64_t y = last_year; y >= first_year && tried < 10000; --y) {
    if (!matching_year(y)) continue;
    ++tried;
    if ((last = extreme_in_year(d, y, false))) break;
  }
  if (!first || !last) return std::nullopt;
  return DaySpan{*first, *last};
}

Day latest_unit_start(const EdtfDate& d, const DaySpan& span) noexcept {
  const CivilDate last = span.last.civil();
  switch (d.precision) {
    case Precision::day:
      return span.last;
    case Precision::month:
      return Day::from_civil(last.year, last.month, 1);
    case Precision::year:
      return Day::from_civil(last.year, 1, 1);
    default:
      return span.first;  // a season, decade or century is one unit
  }
}

Qualifier uniform_qualifier(const EdtfDate& d) noexcept {
  const Qualifier q = d.year_qualifier;
  if (d.precision == Precision::month || d.precision == Precision::season) {
    return d.month_qualifier == q ? q : Qualifier::none;
  }
  if (d.precision == Precision::day) {
    return d.month_qualifier == q && d.day_qualifier == q ? q : Qualifier::none;
  }
  return q;
}

int level_of(const EdtfDate& d) noexcept {
  const bool any_qualifier = d.year_qualifier != Qualifier::none ||
                             d.month_qualifier != Qualifier::none ||
                             d.day_qualifier != Qualifier::none;
  if (d.significant_digits != 0 || d.exponent != 0 || d.precision == Precision::decade) return 2;
  if (any_qualifier && uniform_qualifier(d) == Qualifier::none) return 2;
  if (d.precision == Precision::season && d.month > 24) return 2;
  if (d.unspecified != 0) {
    // Level 1 allows X only as a suffix of the digits, whole month or day fields, and a
    // partly unspecified year only without a month ("201X", "1999-XX", "1985-04-XX").
    const int year_x = __builtin_popcount(d.unspecified & kYearMask);
    const int month_x = __builtin_popcount(d.unspecified & kMonthMask);
    const int day_x = __builtin_popcount(d.unspecified & kDayMask);
    const bool has_month = d.precision == Precision::month || d.precision == Precision::day;
    const int total_digits = 4 + (has_month ? 2 : 0) + (d.precision == Precision::day ? 2 : 0);
    const int x_total = year_x + month_x + day_x;
    std::uint16_t suffix = 0;
    for (int i = 0; i < x_total; ++i)
      suffix |= static_cast<std::uint16_t>(1u << (total_digits - 1 - i));
    const bool is_suffix = d.unspecified == suffix;
    const bool whole_fields = (month_x == 0 || month_x == 2) && (day_x == 0 || day_x == 2) &&
                              (!has_month || year_x == 0 || year_x == 4);
    if (!is_suffix || !whole_fields) return 2;
    return 1;
  }
  if (any_qualifier || d.y_prefix || d.negative || d.year < 0 || d.precision == Precision::season) {
    return 1;
  }
  return 0;
}

void append_qualifier(std::string& out, Qualifier q) {
  switch (q) {
    case Qualifier::none:
      break;
    case Qualifier::uncertain:
      out += '?';
      break;
    case Qualifier::approximate:
      out += '~';
      break;
    case Qualifier::both:
      out += '%';
      break;
  }
}

void append_field(std::string& out, unsigned value, unsigned mask2) {
  out += (mask2 & 1) ? 'X' : static_cast<char>('0' + value / 10 % 10);
  out += (mask2 & 2) ? 'X' : static_cast<char>('0' + value % 10);
}

void append_edtf(std::string& out, const EdtfDate& d) {
  const Qualifier uniform = uniform_qualifier(d);
  const bool left_form = uniform == Qualifier::none;
  if (left_form) append_qualifier(out, d.year_qualifier);
  const std::int64_t magnitude = d.year < 0 ? -d.year : d.year;
  if (d.y_prefix) {
    out += 'Y';
    if (d.negative || d.year < 0) out += '-';
    if (d.exponent > 0) {
      out += std::to_string(magnitude / kPow10[d.exponent]);
      out += 'E';
      out += std::to_string(d.exponent);
    } else {
      out += std::to_string(magnitude);
    }
  } else {
    if (d.negative || d.year < 0) out += '-';
    const int width = d.precision == Precision::century  ? 2
                      : d.precision == Precision::decade ? 3
                                                         : 4;
    const std::int64_t shown = d.precision == Precision::century  ? magnitude / 100
                               : d.precision == Precision::decade ? magnitude / 10
                                                                  : magnitude;
    const std::uint16_t mask = d.unspecified & kYearMask;
    const std::string digits = std::to_string(shown);
    std::string padded(
        static_cast<std::size_t>(std::max(0, width - static_cast<int>(digits.size()))), '0');
    padded += digits;
    if (width == 4) {
      for (int i = 0; i < 4; ++i) {
        if ((mask >> i) & 1) padded[static_cast<std::size_t>(i)] = 'X';
      }
    }
    out += padded;
  }
  if (d.significant_digits > 0) {
    out += 'S';
    out += std::to_string(d.significant_digits);
  }
  if (d.precision == Precision::season || d.precision == Precision::month ||
      d.precision == Precision::day) {
    out += '-';
    if (left_form) append_qualifier(out, d.month_qualifier);
    append_field(out, d.month, (d.unspecified & kMonthMask) >> 4);
  }
  if (d.precision == Precision::day) {
    out += '-';
    if (left_form) append_qualifier(out, d.day_qualifier);
    append_field(out, d.day, (d.unspecified & kDayMask) >> 6);
  }
  if (!left_form) append_qualifier(out, uniform);
  if (d.zone != EdtfDate::Zone::none) {
    out += 'T';
    append_two(out, d.hour);
    out += ':';
    append_two(out, d.minute);
    out += ':';
    append_two(out, d.second);
    if (d.fraction_digits > 0) {
      out += '.';
      const std::string f = std::to_string(d.fraction);
      out.append(d.fraction_digits - std::min<std::size_t>(f.size(), d.fraction_digits), '0');
      out += f;
    }
    if (d.zone == EdtfDate::Zone::utc) {
      out += 'Z';
    } else if (d.zone == EdtfDate::Zone::offset) {
      const int minutes = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
      out += d.offset_minutes < 0 ? '-' : '+';
      append_two(out, static_cast<unsigned>(minutes / 60));
      out += ':';
      append_two(out, static_cast<unsigned>(minutes % 60));
    }
  }
}

}  // namespace detail

namespace {

using Endpoint = FuzzyDate::Endpoint;

DayBound first_bound(const Endpoint& e) noexcept {
  if (e.type == Endpoint::Type::open) return DayBound::open();
  if (e.type == Endpoint::Type::unknown) return DayBound::unknown();
  const auto span = detail::bounds_of(e.date);
  return span ? DayBound::of(span->first) : DayBound::unknown();
}

DayBound last_bound(const Endpoint& e) noexcept {
  if (e.type == Endpoint::Type::open) return DayBound::open();
  if (e.type == Endpoint::Type::unknown) return DayBound::unknown();
  const auto span = detail::bounds_of(e.date);
  return span ? DayBound::of(span->last) : DayBound::unknown();
}

Error invalid(std::string message) {
  return make_error(ErrorCode::invalid_argument, std::move(message));
}

// The interval rule: a start may not come after the beginning of its end's latest unit.
bool ordered(const EdtfDate& start, const EdtfDate& end) noexcept {
  const auto a = detail::bounds_of(start);
  const auto b = detail::bounds_of(end);
  return a && b && a->first <= detail::latest_unit_start(end, *b);
}

// Brings a caller-built date to the one form the parser produces for the same meaning, so
// that == agrees with the canonical text: fields below the precision cleared, the sign flag
// and the 'Y' prefix derived from the year.
Result<void> normalize(EdtfDate& d) {
  const bool has_month = d.precision >= Precision::season;
  const bool has_day = d.precision == Precision::day;
  if (!has_month) {
    d.month = 0;
    d.month_qualifier = Qualifier::none;
  }
  if (!has_day) {
    d.day = 0;
    d.day_qualifier = Qualifier::none;
  }
  std::uint16_t keep = 0x0F;
  if (d.precision == Precision::month || has_day) keep |= 0x30;
  if (has_day) keep |= 0xC0;
  d.unspecified &= keep;
  if (d.precision == Precision::century || d.precision == Precision::decade) {
    d.unspecified = 0;
    const std::int64_t unit = d.precision == Precision::century ? 100 : 10;
    if (d.year % unit != 0) return invalid("a century or decade year must end in zeros");
  }
  if (d.year != 0) d.negative = d.year < 0;
  if (d.year == 0 && (d.unspecified & 0x0F) == 0) d.negative = false;
  const std::int64_t magnitude = d.year < 0 ? -d.year : d.year;
  d.y_prefix = magnitude > 9999 || d.exponent != 0;
  if (d.y_prefix && (d.precision != Precision::year || (d.unspecified & 0x0F) != 0)) {
    return invalid("a year beyond four digits can have no month, day or unspecified digits");
  }
  if (d.exponent != 0) {
    std::int64_t unit = 1;
    for (unsigned k = 0; k < d.exponent && unit <= detail::kMaxYear; ++k)
      unit *= 10;
    if (unit > detail::kMaxYear || magnitude % unit != 0 || magnitude / unit == 0) {
      return invalid("the year is not a multiple of its exponent");
    }
  }
  if (d.significant_digits != 0 &&
      (d.precision != Precision::year || (d.unspecified & 0x0F) != 0)) {
    return invalid("significant digits need a fully specified year alone");
  }
  if (d.zone == EdtfDate::Zone::none) {
    d.hour = d.minute = d.second = 0;
    d.fraction = 0;
    d.fraction_digits = 0;
    d.offset_minutes = 0;
  } else if (!has_day || d.unspecified != 0) {
    return invalid("a time needs a full date");
  }
  if (d.zone != EdtfDate::Zone::offset) d.offset_minutes = 0;
  return {};
}

Result<void> check_date(EdtfDate& d) {
  if (auto r = normalize(d); !r) return r;
  if (d.year > detail::kMaxYear || d.year < -detail::kMaxYear) return invalid("year out of range");
  const bool month_ok = d.precision == Precision::season
                            ? (d.month >= 21 && d.month <= 41 && (d.unspecified & 0x30) == 0)
                            : (d.unspecified & 0x30) != 0 || (d.month >= 1 && d.month <= 12);
  if ((d.precision >= Precision::season) && !month_ok) {
    return invalid("month " + std::to_string(d.month) + " is not 01–12 or a division 21–41");
  }
  const bool day_ok = (d.unspecified & 0xC0) != 0 || (d.day >= 1 && d.day <= 31);
  if (d.precision == Precision::day && !day_ok) {
    return invalid("day " + std::to_string(d.day) + " is not 01–31");
  }
  if (!detail::bounds_of(d))
    return invalid("no such day: " + [&] {
      std::string s;
      detail::append_edtf(s, d);
      return s;
    }());
  return {};
}

template <class F>
void for_each_date(const FuzzyDate& f, F&& fn) {
  switch (f.kind()) {
    case FuzzyDate::Kind::undated:
      return;
    case FuzzyDate::Kind::date:
      fn(f.start().date);
      return;
    case FuzzyDate::Kind::interval:
      if (f.start().type == Endpoint::Type::date) fn(f.start().date);
      if (f.end().type == Endpoint::Type::date) fn(f.end().date);
      return;
    case FuzzyDate::Kind::one_of:
    case FuzzyDate::Kind::all_of:
      for (const auto& e : f.elements()) {
        if (e.first.type == Endpoint::Type::date) fn(e.first.date);
        if (e.range && e.last.type == Endpoint::Type::date) fn(e.last.date);
      }
      return;
  }
}

void append_endpoint(std::string& out, const Endpoint& e) {
  if (e.type == Endpoint::Type::date) detail::append_edtf(out, e.date);
  if (e.type == Endpoint::Type::open) out += "..";
}

// Ordering keys of bounds: open/unknown starts sort first, open/unknown ends last.
using BoundKey = std::pair<int, std::int64_t>;
BoundKey start_key(const DayBound& b) noexcept {
  if (b.is_day()) return {1, b.day.count()};
  return {0, b.kind == DayBound::Kind::open ? 0 : 1};
}
BoundKey end_key(const DayBound& b) noexcept {
  if (b.is_day()) return {0, b.day.count()};
  return {1, b.kind == DayBound::Kind::open ? 0 : 1};
}

}  // namespace

std::string DayBound::to_string() const {
  switch (kind) {
    case Kind::day:
      return day.to_string();
    case Kind::open:
      return "..";
    case Kind::unknown:
      return "";
  }
  return "";
}

Result<FuzzyDate> FuzzyDate::from_date(const EdtfDate& date) {
  FuzzyDate f;
  f.kind_ = Kind::date;
  f.start_ = Endpoint{Endpoint::Type::date, date};
  if (auto r = check_date(f.start_.date); !r) return std::move(r).error();
  return f;
}

Result<FuzzyDate> FuzzyDate::from_interval(const Endpoint& start_in, const Endpoint& end_in) {
  Endpoint start = start_in, end = end_in;
  for (Endpoint* e : {&start, &end}) {
    if (e->type != Endpoint::Type::date) continue;
    if (auto r = check_date(e->date); !r) return std::move(r).error();
    if (e->date.zone != EdtfDate::Zone::none)
      return invalid("an interval's ends cannot have a time");
    // As python-edtf and edtf-validate read the specification: "Y" years stand alone.
    if (e->date.y_prefix) return invalid("a 'Y' year cannot be an interval's end");
  }
  if (start.type == Endpoint::Type::date && end.type == Endpoint::Type::date &&
      !ordered(start.date, end.date)) {
    return invalid("the interval ends before it begins");
  }
  FuzzyDate f;
  f.kind_ = Kind::interval;
  f.start_ = start;
  f.end_ = end;
  if (f.start_.type != Endpoint::Type::date) f.start_.date = EdtfDate{};
  if (f.end_.type != Endpoint::Type::date) f.end_.date = EdtfDate{};
  return f;
}

Result<FuzzyDate> FuzzyDate::from_set(Kind kind, std::vector<SetElement> elements) {
  if (kind != Kind::one_of && kind != Kind::all_of) return invalid("a set is one_of or all_of");
  if (elements.empty()) return invalid("a set needs at least one element");
  for (std::size_t i = 0; i < elements.size(); ++i) {
    SetElement& e = elements[i];
    if (!e.range) e.last = Endpoint{};
    for (Endpoint* p : {&e.first, &e.last}) {
      if (p->type != Endpoint::Type::date) continue;
      if (auto r = check_date(p->date); !r) return std::move(r).error();
      if (p->date.zone != EdtfDate::Zone::none) return invalid("a set's dates cannot have a time");
    }
    if (!e.range && e.first.type != Endpoint::Type::date)
      return invalid("a set element needs a date");
    if (e.range) {
      if (e.first.type == Endpoint::Type::unknown || e.last.type == Endpoint::Type::unknown) {
        return invalid("a set's range needs both ends");
      }
      if (e.first.type == Endpoint::Type::open && i != 0) {
        return invalid("only a set's first element can be open at its start");
      }
      if (e.last.type == Endpoint::Type::open && i + 1 != elements.size()) {
        return invalid("only a set's last element can be open at its end");
      }
      if (e.first.type == Endpoint::Type::open && e.last.type == Endpoint::Type::open) {
        return invalid("a set's range needs a date");
      }
      if (e.first.type == Endpoint::Type::date && e.last.type == Endpoint::Type::date &&
          !ordered(e.first.date, e.last.date)) {
        return invalid("a range in the set ends before it begins");
      }
    }
    for (Endpoint* p : {&e.first, &e.last}) {
      if (p->type != Endpoint::Type::date) p->date = EdtfDate{};
    }
  }
  FuzzyDate f;
  f.kind_ = kind;
  f.elements_ = std::move(elements);
  return f;
}

FuzzyDate FuzzyDate::from_day(Day day) {
  const CivilDate c = day.civil();
  EdtfDate d;
  d.year = c.year;
  d.negative = c.year < 0;
  if (c.year > 9999 || c.year < -9999) {
    // EDTF writes no month or day in a year beyond four digits: the year it is.
    d.y_prefix = true;
    FuzzyDate f;
    f.kind_ = Kind::date;
    f.start_ = Endpoint{Endpoint::Type::date, d};
    return f;
  }
  d.month = static_cast<std::uint8_t>(c.month);
  d.day = static_cast<std::uint8_t>(c.day);
  d.precision = Precision::day;
  FuzzyDate f;
  f.kind_ = Kind::date;
  f.start_ = Endpoint{Endpoint::Type::date, d};
  return f;
}

FuzzyDate FuzzyDate::from_days(Day first, Day last) {
  assert(first <= last);
  if (first == last) return from_day(first);
  const std::int64_t y1 = first.civil().year, y2 = last.civil().year;
  if (y1 < -9999 || y1 > 9999 || y2 < -9999 || y2 > 9999) {
    // Beyond four-digit years EDTF has years only, and 'Y' years cannot end an interval:
    // the value becomes the set range [Ya..Yb] (or the one year).
    if (y1 == y2) return from_day(first);
    std::vector<SetElement> range(1);
    range[0].range = true;
    range[0].first = from_day(first).start_;
    range[0].last = from_day(last).start_;
    if (y1 >= -9999 && y1 <= 9999) range[0].first.date.precision = Precision::year;
    if (y2 >= -9999 && y2 <= 9999) range[0].last.date.precision = Precision::year;
    FuzzyDate f;
    f.kind_ = Kind::one_of;
    f.elements_ = std::move(range);
    for (Endpoint* p : {&f.elements_[0].first, &f.elements_[0].last}) {
      p->date.month = 0;
      p->date.day = 0;
    }
    return f;
  }
  FuzzyDate f;
  f.kind_ = Kind::interval;
  f.start_ = from_day(first).start_;
  f.end_ = from_day(last).start_;
  return f;
}

const EdtfDate* FuzzyDate::date() const noexcept {
  return kind_ == Kind::date ? &start_.date : nullptr;
}

int FuzzyDate::level() const noexcept {
  switch (kind_) {
    case Kind::undated:
      return -1;
    case Kind::date:
      return detail::level_of(start_.date);
    case Kind::interval: {
      int level =
          (start_.type == Endpoint::Type::date && end_.type == Endpoint::Type::date) ? 0 : 1;
      for_each_date(*this, [&](const EdtfDate& d) {
        // Unspecified digits in an interval's end are level 2 ("2004-06-XX/2004-07-03").
        level = std::max(level, d.unspecified != 0 ? 2 : detail::level_of(d));
      });
      return level;
    }
    case Kind::one_of:
    case Kind::all_of:
      return 2;
  }
  return 2;
}

Precision FuzzyDate::precision() const noexcept {
  Precision p = Precision::day;
  for_each_date(*this, [&](const EdtfDate& d) { p = std::min(p, d.precision); });
  return p;
}

bool FuzzyDate::is_uncertain() const noexcept {
  bool any = false;
  for_each_date(*this, [&](const EdtfDate& d) {
    for (Qualifier q : {d.year_qualifier, d.month_qualifier, d.day_qualifier}) {
      any = any || (static_cast<int>(q) & 1);
    }
  });
  return any;
}

bool FuzzyDate::is_approximate() const noexcept {
  bool any = false;
  for_each_date(*this, [&](const EdtfDate& d) {
    for (Qualifier q : {d.year_qualifier, d.month_qualifier, d.day_qualifier}) {
      any = any || (static_cast<int>(q) & 2);
    }
  });
  return any;
}

DayBound FuzzyDate::earliest() const noexcept {
  switch (kind_) {
    case Kind::undated:
      return DayBound::unknown();
    case Kind::date:
    case Kind::interval:
      return first_bound(start_);
    case Kind::one_of:
    case Kind::all_of: {
      DayBound best = DayBound::unknown();
      for (const SetElement& e : elements_) {
        const DayBound b = first_bound(e.first);
        if (b.kind == DayBound::Kind::open) return b;
        if (b.is_day() && (!best.is_day() || b.day < best.day)) best = b;
      }
      return best;
    }
  }
  return DayBound::unknown();
}

DayBound FuzzyDate::latest() const noexcept {
  switch (kind_) {
    case Kind::undated:
      return DayBound::unknown();
    case Kind::date:
      return last_bound(start_);
    case Kind::interval:
      return last_bound(end_);
    case Kind::one_of:
    case Kind::all_of: {
      DayBound best = DayBound::unknown();
      for (const SetElement& e : elements_) {
        const DayBound b = last_bound(e.range ? e.last : e.first);
        if (b.kind == DayBound::Kind::open) return b;
        if (b.is_day() && (!best.is_day() || b.day > best.day)) best = b;
      }
      return best;
    }
  }
  return DayBound::unknown();
}

namespace {
// How far an approximate component widens its side, in days, judged at the first day.
std::int64_t widening(const EdtfDate& d, Day at, bool before) noexcept {
  auto approx = [](Qualifier q) { return (static_cast<int>(q) & 2) != 0; };
  const CivilDate c = at.civil();
  if (approx(d.year_qualifier)) {
    return before ? at - Day::from_civil(c.year - 1, c.month,
                                         std::min(c.day, days_in_month(c.year - 1, c.month)))
                  : Day::from_civil(c.year + 1, c.month,
                                    std::min(c.day, days_in_month(c.year + 1, c.month))) -
                        at;
  }
  if (d.precision >= Precision::season && approx(d.month_qualifier)) return 31;
  if (d.precision == Precision::day && approx(d.day_qualifier)) return 7;
  return 0;
}
}  // namespace

DayBound FuzzyDate::widened_earliest() const noexcept {
  DayBound b = earliest();
  if (!b.is_day()) return b;
  const Endpoint* e = kind_ == Kind::date || kind_ == Kind::interval ? &start_ : nullptr;
  if (e != nullptr && e->type == Endpoint::Type::date) b.day -= widening(e->date, b.day, true);
  return b;
}

DayBound FuzzyDate::widened_latest() const noexcept {
  DayBound b = latest();
  if (!b.is_day()) return b;
  const Endpoint* e = kind_ == Kind::date ? &start_ : kind_ == Kind::interval ? &end_ : nullptr;
  if (e != nullptr && e->type == Endpoint::Type::date) b.day += widening(e->date, b.day, false);
  return b;
}

bool FuzzyDate::possibly_overlaps(const DayRange& range) const noexcept {
  if (is_undated()) return false;
  auto overlaps = [&](DayBound lo, DayBound hi) {
    const bool below = hi.is_day() && range.first && hi.day < *range.first;
    const bool above = lo.is_day() && range.last && lo.day > *range.last;
    return !below && !above;
  };
  if (kind_ == Kind::one_of || kind_ == Kind::all_of) {
    for (const SetElement& e : elements_) {
      if (overlaps(first_bound(e.first), last_bound(e.range ? e.last : e.first))) return true;
    }
    return false;
  }
  return overlaps(earliest(), latest());
}

bool FuzzyDate::certainly_within(const DayRange& range) const noexcept {
  if (is_undated()) return false;
  const DayBound lo = earliest();
  const DayBound hi = latest();
  const bool low_ok = !range.first || (lo.is_day() && lo.day >= *range.first);
  const bool high_ok = !range.last || (hi.is_day() && hi.day <= *range.last);
  return low_ok && high_ok;
}

double FuzzyDate::match_strength(const DayRange& range) const noexcept {
  if (!possibly_overlaps(range)) return 0.0;
  const double factor = is_uncertain() && is_approximate()   ? 0.7
                        : is_uncertain() || is_approximate() ? 0.8
                                                             : 1.0;
  const DayBound lo = earliest();
  const DayBound hi = latest();
  if (!lo.is_day() || !hi.is_day()) return 0.1 * factor;
  const Day first = range.first ? std::max(lo.day, *range.first) : lo.day;
  const Day last = range.last ? std::min(hi.day, *range.last) : hi.day;
  const double span = static_cast<double>(hi.day - lo.day + 1);
  const double inside = last < first ? 0.0 : static_cast<double>(last - first + 1);
  return factor * inside / span;
}

std::string FuzzyDate::to_edtf() const {
  std::string out;
  switch (kind_) {
    case Kind::undated:
      break;
    case Kind::date:
      detail::append_edtf(out, start_.date);
      break;
    case Kind::interval:
      append_endpoint(out, start_);
      out += '/';
      append_endpoint(out, end_);
      break;
    case Kind::one_of:
    case Kind::all_of:
      out += kind_ == Kind::one_of ? '[' : '{';
      for (std::size_t i = 0; i < elements_.size(); ++i) {
        if (i > 0) out += ", ";
        const SetElement& e = elements_[i];
        if (!e.range) {
          append_endpoint(out, e.first);
        } else if (e.first.type == Endpoint::Type::open) {
          append_endpoint(out, e.first);  // "..b"
          append_endpoint(out, e.last);
        } else {
          append_endpoint(out, e.first);  // "a..b" or "a.."
          out += "..";
          if (e.last.type == Endpoint::Type::date) append_endpoint(out, e.last);
        }
      }
      out += kind_ == Kind::one_of ? ']' : '}';
      break;
  }
  return out;
}

std::strong_ordering operator<=>(const FuzzyDate& a, const FuzzyDate& b) {
  if (a.is_undated() || b.is_undated()) {
    return static_cast<int>(a.is_undated()) <=> static_cast<int>(b.is_undated());
  }
  if (auto c = start_key(a.earliest()) <=> start_key(b.earliest()); c != 0) return c;
  if (auto c = end_key(a.latest()) <=> end_key(b.latest()); c != 0) return c;
  if (auto c = a.precision() <=> b.precision(); c != 0) return c;
  if (a == b) return std::strong_ordering::equal;
  return a.to_edtf() <=> b.to_edtf();
}

std::size_t hash_value(const FuzzyDate& date) noexcept {
  try {
    return std::hash<std::string>{}(date.to_edtf()) ^ static_cast<std::size_t>(date.kind());
  } catch (...) {
    return static_cast<std::size_t>(date.kind());
  }
}

}  // namespace archive
