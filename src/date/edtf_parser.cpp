// Strict EDTF parser (Library of Congress EDTF 2019 / ISO 8601-2 profile, levels 0–2), plus
// the ISO 8601 reduced-precision century ("19") and decade ("193") forms. Hand-written,
// allocation-free until the value is built; every error names the offset and the reason.
#include <string>

#include "archive/date/fuzzy_date.hpp"
#include "date/edtf_internal.hpp"

namespace archive {

namespace {

using Endpoint = FuzzyDate::Endpoint;

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Result<FuzzyDate> parse() {
    if (s_.empty()) return fail("empty text is not an EDTF date");
    if (s_[0] == '[' || s_[0] == '{') return parse_set();
    const std::size_t slash = s_.find('/');
    if (slash != std::string_view::npos) return parse_interval(slash);
    EdtfDate date;
    if (auto r = parse_date(date, true); !r) return std::move(r).error();
    if (i_ != s_.size()) return fail("unexpected character after the date");
    return build(FuzzyDate::from_date(date), 0);
  }

 private:
  Error fail(std::string reason) const { return fail_at(i_, std::move(reason)); }
  Error fail_at(std::size_t at, std::string reason) const {
    return make_error(ErrorCode::parse_error, std::move(reason), at);
  }
  // A semantic error from FuzzyDate, placed at `at`.
  Result<FuzzyDate> build(Result<FuzzyDate> r, std::size_t at) const {
    if (r) return r;
    Error e = std::move(r).error();
    e.code = ErrorCode::parse_error;
    e.offset = at;
    return e;
  }

  bool at_end() const { return i_ >= s_.size(); }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  std::optional<Qualifier> qualifier_here() {
    switch (peek()) {
      case '?':
        ++i_;
        return Qualifier::uncertain;
      case '~':
        ++i_;
        return Qualifier::approximate;
      case '%':
        ++i_;
        return Qualifier::both;
      default:
        return std::nullopt;
    }
  }

  // Two characters of digits or X: value (X as 0) and mask (bit 0 tens, bit 1 units).
  Result<std::pair<unsigned, unsigned>> two_digits(const char* what) {
    unsigned value = 0, mask = 0;
    for (int k = 0; k < 2; ++k) {
      const char c = peek();
      if (c == 'X') {
        mask |= 1u << k;
      } else if (is_digit(c)) {
        value += static_cast<unsigned>(c - '0') * (k == 0 ? 10u : 1u);
      } else {
        return fail(std::string("expected two digits of the ") + what);
      }
      ++i_;
    }
    return std::pair{value, mask};
  }

  Result<void> parse_y_year(EdtfDate& d) {
    ++i_;  // 'Y'
    d.y_prefix = true;
    if (peek() == '-') {
      d.negative = true;
      ++i_;
    }
    const std::size_t start = i_;
    if (!is_digit(peek()) || peek() == '0')
      return fail("expected a year without leading zeros after 'Y'");
    std::int64_t mantissa = 0;
    while (is_digit(peek())) {
      if (i_ - start >= 16) return fail("year too long");
      mantissa = mantissa * 10 + (peek() - '0');
      ++i_;
    }
    const std::size_t digits = i_ - start;
    std::int64_t magnitude = mantissa;
    if (peek() == 'E') {
      ++i_;
      const std::size_t e_start = i_;
      unsigned exponent = 0;
      while (is_digit(peek()) && i_ - e_start < 3)
        exponent = exponent * 10 + static_cast<unsigned>(s_[i_++] - '0');
      if (i_ == e_start || exponent == 0) return fail("expected an exponent after 'E'");
      for (unsigned k = 0; k < exponent; ++k) {
        if (magnitude > detail::kMaxYear / 10) return fail_at(start, "year out of range");
        magnitude *= 10;
      }
      d.exponent = static_cast<std::uint8_t>(exponent);
    } else if (digits <= 4) {
      return fail_at(start, "'Y' is only for years of more than four digits");
    }
    if (magnitude > detail::kMaxYear) return fail_at(start, "year out of range");
    d.year = d.negative ? -magnitude : magnitude;
    d.precision = Precision::year;
    if (peek() == 'S') {
      if (auto r = significant_digits(d); !r) return r;
    }
    if (peek() == '-') return fail("a 'Y' year cannot have a month");
    return {};
  }

  Result<void> significant_digits(EdtfDate& d) {
    ++i_;  // 'S'
    const std::size_t start = i_;
    unsigned n = 0;
    while (is_digit(peek()) && i_ - start < 2)
      n = n * 10 + static_cast<unsigned>(s_[i_++] - '0');
    if (i_ == start || n == 0) return fail("expected the number of significant digits after 'S'");
    d.significant_digits = static_cast<std::uint8_t>(n);
    return {};
  }

  // date := [q] ['-'] year [q] ['-' [q] month [q] ['-' [q] day [q]]] [time]
  Result<void> parse_date(EdtfDate& d, bool time_allowed) {
    const std::size_t begin = i_;
    Qualifier left_year = qualifier_here().value_or(Qualifier::none);
    if (peek() == 'Y') {
      if (auto r = parse_y_year(d); !r) return r;
      const Qualifier right = qualifier_here().value_or(Qualifier::none);
      d.year_qualifier = left_year | right;
      return {};
    }
    if (peek() == '-') {
      d.negative = true;
      ++i_;
    }
    const std::size_t year_start = i_;
    std::int64_t year = 0;
    std::uint16_t mask = 0;
    while (is_digit(peek()) || peek() == 'X') {
      const std::size_t k = i_ - year_start;
      if (k >= 4)
        return fail_at(year_start, "a year of more than four digits needs the 'Y' prefix");
      if (peek() == 'X') {
        mask |= static_cast<std::uint16_t>(1u << k);
        year *= 10;
      } else {
        year = year * 10 + (peek() - '0');
      }
      ++i_;
    }
    const std::size_t year_digits = i_ - year_start;
    if (year_digits < 2) return fail_at(year_start, "expected a year of four digits");
    if (year_digits < 4) {
      if (mask != 0)
        return fail_at(year_start, "a century or decade cannot have unspecified digits");
      if (d.negative && year == 0) return fail_at(begin, "there is no negative year zero");
      d.precision = year_digits == 2 ? Precision::century : Precision::decade;
      d.year = (d.negative ? -1 : 1) * year * (year_digits == 2 ? 100 : 10);
      d.year_qualifier = left_year | qualifier_here().value_or(Qualifier::none);
      return {};
    }
    if (d.negative && year == 0 && mask == 0)
      return fail_at(begin, "there is no negative year zero");
    d.year = d.negative ? -year : year;
    d.unspecified = mask;
    d.precision = Precision::year;
    if (peek() == 'S') {
      if (mask != 0) return fail("significant digits need a fully specified year");
      if (auto r = significant_digits(d); !r) return r;
    }
    const Qualifier right_year = qualifier_here().value_or(Qualifier::none);
    d.year_qualifier = left_year | right_year;
    if (peek() != '-' || d.significant_digits != 0) return finish_time(d, time_allowed);
    ++i_;

    // Month or division.
    const Qualifier left_month = qualifier_here().value_or(Qualifier::none);
    const std::size_t month_at = i_;
    auto month = two_digits("month");
    if (!month) return std::move(month).error();
    const auto [m, m_mask] = *month;
    if (m_mask == 0 && m >= 21 && m <= 41) {
      d.precision = Precision::season;
    } else if (m_mask == 0 && (m < 1 || m > 12)) {
      return fail_at(month_at, "month " + std::to_string(m) + " is not 01–12 or a division 21–41");
    } else {
      d.precision = Precision::month;
    }
    if (m_mask != 0 && !month_pattern_possible(m, m_mask)) {
      return fail_at(month_at, "no month matches this pattern");
    }
    d.month = static_cast<std::uint8_t>(m);  // X digits count as 0; precision marks presence
    d.unspecified |= static_cast<std::uint16_t>(m_mask << 4);
    const Qualifier right_month = qualifier_here().value_or(Qualifier::none);
    d.month_qualifier = left_month | right_month;
    d.year_qualifier = d.year_qualifier | right_month;
    if (peek() != '-') return finish_time(d, time_allowed);
    if (d.precision == Precision::season) return fail("a season or division cannot have a day");
    ++i_;

    // Day.
    const Qualifier left_day = qualifier_here().value_or(Qualifier::none);
    const std::size_t day_at = i_;
    auto day = two_digits("day");
    if (!day) return std::move(day).error();
    const auto [dd, d_mask] = *day;
    if (d_mask == 0 && (dd < 1 || dd > 31))
      return fail_at(day_at, "day " + std::to_string(dd) + " is not 01–31");
    if (d_mask == 0 && m_mask == 0 && mask == 0 && d.significant_digits == 0 &&
        dd > days_in_month(d.year, m)) {
      return fail_at(day_at, "no such day: day " + std::to_string(dd) + " does not exist in " +
                                 std::to_string(d.year) + "-" + (m < 10 ? "0" : "") +
                                 std::to_string(m));
    }
    d.day = static_cast<std::uint8_t>(dd);
    d.unspecified |= static_cast<std::uint16_t>(d_mask << 6);
    d.precision = Precision::day;
    const Qualifier right_day = qualifier_here().value_or(Qualifier::none);
    d.day_qualifier = left_day | right_day;
    d.month_qualifier = d.month_qualifier | right_day;
    d.year_qualifier = d.year_qualifier | right_day;
    return finish_time(d, time_allowed);
  }

  static bool month_pattern_possible(unsigned m, unsigned mask) {
    for (unsigned c = 1; c <= 12; ++c) {
      if (!(mask & 1) && c / 10 != m / 10) continue;
      if (!(mask & 2) && c % 10 != m % 10) continue;
      return true;
    }
    return false;
  }

  Result<void> finish_time(EdtfDate& d, bool time_allowed) {
    if (peek() != 'T') return {};
    if (!time_allowed) return fail("a time is only allowed in a single date");
    if (d.precision != Precision::day) return fail("a time needs a full date");
    if (d.unspecified != 0) return fail("a time needs a date without unspecified digits");
    if (d.year_qualifier != Qualifier::none) return fail("a date with a time cannot be qualified");
    ++i_;
    auto field = [&](const char* what, unsigned max) -> Result<unsigned> {
      if (!is_digit(peek()) || !is_digit(peek(1)))
        return fail(std::string("expected two digits of the ") + what);
      const unsigned v = static_cast<unsigned>((peek() - '0') * 10 + (peek(1) - '0'));
      if (v > max) return fail(std::string("the ") + what + " is out of range");
      i_ += 2;
      return v;
    };
    auto h = field("hour", 24);
    if (!h) return std::move(h).error();
    if (peek() != ':') return fail("expected ':' after the hour");
    ++i_;
    auto mi = field("minute", 59);
    if (!mi) return std::move(mi).error();
    if (peek() != ':') return fail("expected ':' after the minute");
    ++i_;
    auto se = field("second", 59);
    if (!se) return std::move(se).error();
    d.hour = static_cast<std::uint8_t>(*h);
    d.minute = static_cast<std::uint8_t>(*mi);
    d.second = static_cast<std::uint8_t>(*se);
    if (peek() == '.') {
      ++i_;
      const std::size_t start = i_;
      std::uint32_t fraction = 0;
      while (is_digit(peek())) {
        if (i_ - start >= 9) return fail("more than nine digits of a fraction of a second");
        fraction = fraction * 10 + static_cast<std::uint32_t>(peek() - '0');
        ++i_;
      }
      if (i_ == start) return fail("expected digits after '.'");
      d.fraction = fraction;
      d.fraction_digits = static_cast<std::uint8_t>(i_ - start);
    }
    if (*h == 24 && (*mi != 0 || *se != 0 || d.fraction != 0)) {
      return fail("24:00:00 is the only time in hour 24");
    }
    d.zone = EdtfDate::Zone::local;
    if (peek() == 'Z') {
      ++i_;
      d.zone = EdtfDate::Zone::utc;
    } else if (peek() == '+' || peek() == '-') {
      const std::size_t zone_at = i_;
      const bool minus = peek() == '-';
      ++i_;
      auto oh = field("offset hours", 14);
      if (!oh) return std::move(oh).error();
      unsigned om = 0;
      if (peek() == ':') {
        ++i_;
        auto m = field("offset minutes", 59);
        if (!m) return std::move(m).error();
        om = *m;
      } else if (is_digit(peek())) {
        auto m = field("offset minutes", 59);
        if (!m) return std::move(m).error();
        om = *m;
      }
      const unsigned total = *oh * 60 + om;
      if (minus && total == 0)
        return fail_at(zone_at, "the offset -00:00 is not allowed (use Z or +00:00)");
      if (total > (minus ? 12u * 60 : 14u * 60))
        return fail_at(zone_at, "the offset is out of range");
      d.zone = EdtfDate::Zone::offset;
      d.offset_minutes =
          static_cast<std::int16_t>(minus ? -static_cast<int>(total) : static_cast<int>(total));
    }
    return {};
  }

  // One interval end or set element end: a date, ".." (open) or nothing (unknown).
  Result<FuzzyDate> parse_interval(std::size_t slash) {
    const std::string_view left = s_.substr(0, slash);
    const std::string_view right = s_.substr(slash + 1);
    if (right.find('/') != std::string_view::npos) {
      return fail_at(slash + 1 + right.find('/'), "an interval has exactly one '/'");
    }
    Endpoint start, end;
    if (auto r = endpoint(left, 0, start); !r) return std::move(r).error();
    if (auto r = endpoint(right, slash + 1, end); !r) return std::move(r).error();
    return build(FuzzyDate::from_interval(start, end), slash);
  }

  Result<void> endpoint(std::string_view part, std::size_t offset, Endpoint& out) {
    if (part.empty()) {
      out.type = Endpoint::Type::unknown;
      return {};
    }
    if (part == "..") {
      out.type = Endpoint::Type::open;
      return {};
    }
    Parser sub(part);
    sub.i_ = 0;
    auto r = sub.parse_date(out.date, false);
    if (r && sub.i_ != part.size()) r = sub.fail("unexpected character in the interval");
    if (!r) {
      Error e = std::move(r).error();
      e.offset = offset + e.offset.value_or(0);
      return e;
    }
    out.type = Endpoint::Type::date;
    return {};
  }

  void skip_spaces() {
    while (peek() == ' ')
      ++i_;
  }

  Result<FuzzyDate> parse_set() {
    const char open = s_[0];
    const char close = open == '[' ? ']' : '}';
    ++i_;
    std::vector<FuzzyDate::SetElement> elements;
    while (true) {
      skip_spaces();
      FuzzyDate::SetElement e;
      if (peek() == '.' && peek(1) == '.') {
        i_ += 2;
        e.first.type = Endpoint::Type::open;
        e.range = true;
        if (auto r = parse_date(e.last.date, false); !r) return std::move(r).error();
        e.last.type = Endpoint::Type::date;
      } else {
        if (auto r = parse_date(e.first.date, false); !r) return std::move(r).error();
        e.first.type = Endpoint::Type::date;
        if (peek() == '.' && peek(1) == '.') {
          i_ += 2;
          e.range = true;
          if (peek() == ',' || peek() == close || peek() == ' ') {
            e.last.type = Endpoint::Type::open;
          } else {
            if (auto r = parse_date(e.last.date, false); !r) return std::move(r).error();
            e.last.type = Endpoint::Type::date;
          }
        }
      }
      elements.push_back(e);
      skip_spaces();
      if (peek() == ',') {
        ++i_;
        continue;
      }
      if (peek() == close) {
        ++i_;
        break;
      }
      if (at_end()) return fail(std::string("expected '") + close + "' to close the set");
      return fail(std::string("expected ',' or '") + close + "'");
    }
    if (!at_end()) return fail("unexpected character after the set");
    return build(
        FuzzyDate::from_set(open == '[' ? FuzzyDate::Kind::one_of : FuzzyDate::Kind::all_of,
                            std::move(elements)),
        0);
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

Result<FuzzyDate> parse_edtf(std::string_view text) {
  try {
    return Parser(text).parse();
  } catch (const std::bad_alloc&) {
    return make_error(ErrorCode::internal, "out of memory while parsing EDTF");
  }
}

}  // namespace archive
