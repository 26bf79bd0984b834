// FuzzyDate: a date as archives know it — exact, partial, uncertain, approximate, an
// interval, a set of possibilities, or undated — modelled on the Library of Congress EDTF
// specification (ISO 8601-2 profile), levels 0, 1 and 2, with its strict bounds as Days.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/date/calendar.hpp"
#include "archive/date/day.hpp"
#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive {

/// EDTF qualification of a date component: uncertain "?", approximate "~", both "%".
enum class Qualifier : std::uint8_t { none = 0, uncertain = 1, approximate = 2, both = 3 };

[[nodiscard]] constexpr Qualifier operator|(Qualifier a, Qualifier b) noexcept {
  return static_cast<Qualifier>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}

/// How much of a date is given.
enum class Precision : std::uint8_t {
  century,  ///< two year digits ("19": 1900–1999), ISO 8601 reduced precision
  decade,   ///< three year digits ("194": 1940–1949), ISO 8601-2
  year,
  season,  ///< a season or other division of the year (EDTF 21–41) in the month field
  month,
  day,
};

/// One EDTF date: a year (any size, any sign) with optional month or division and day,
/// unspecified digits, per-component qualifiers, significant digits and, at day precision,
/// an optional time of day. Plain data; FuzzyDate validates it.
struct EdtfDate {
  std::int64_t year = 0;   ///< unspecified digits (X) count as 0 here
  std::uint8_t month = 0;  ///< 0 none, 1–12 a month, 21–41 a season or division
  std::uint8_t day = 0;    ///< 0 none, else 1–31
  Precision precision = Precision::year;
  bool negative = false;  ///< a '-' was written (distinguishes "-XXXX" from "XXXX")
  /// Unspecified digits, one bit per X: bits 0–3 the year's four digits (bit 0 the thousands
  /// … bit 3 the units), bits 4–5 the month's (tens, units), bits 6–7 the day's (tens, units).
  /// "19XX-1X" = 0b0010'1100: the year's tens and units (bits 2, 3) and the month's units (5).
  std::uint16_t unspecified = 0;
  Qualifier year_qualifier = Qualifier::none;
  Qualifier month_qualifier = Qualifier::none;
  Qualifier day_qualifier = Qualifier::none;
  std::uint8_t significant_digits = 0;  ///< "S" digits, 0 when not given
  std::uint8_t exponent = 0;            ///< "E" exponent as written (Y17E7), 0 when not
  bool y_prefix = false;                ///< written with "Y" (years beyond four digits)

  // Time of day (level 0 date-and-time; only at day precision).
  enum class Zone : std::uint8_t { none, local, utc, offset };
  Zone zone = Zone::none;  ///< none: no time part at all
  std::uint8_t hour = 0, minute = 0, second = 0;
  std::uint32_t fraction = 0;        ///< fractional seconds as written, digits as an integer
  std::uint8_t fraction_digits = 0;  ///< how many fraction digits were written
  std::int16_t offset_minutes = 0;   ///< for Zone::offset (printed as ±hh:mm)

  friend bool operator==(const EdtfDate&, const EdtfDate&) = default;
};

/// A bound of a date's span: a day, an open end (".." — no limit), or an unknown end.
struct DayBound {
  enum class Kind : std::uint8_t { day, open, unknown };
  Kind kind = Kind::unknown;
  Day day{};

  [[nodiscard]] static constexpr DayBound of(Day d) noexcept { return {Kind::day, d}; }
  [[nodiscard]] static constexpr DayBound open() noexcept { return {Kind::open, Day{}}; }
  [[nodiscard]] static constexpr DayBound unknown() noexcept { return {Kind::unknown, Day{}}; }
  [[nodiscard]] constexpr bool is_day() const noexcept { return kind == Kind::day; }
  /// "YYYY-MM-DD" (Day::to_string), ".." for open, "" for unknown.
  [[nodiscard]] ARCHIVE_EXPORT std::string to_string() const;
  friend constexpr bool operator==(const DayBound&, const DayBound&) = default;
};

/// A range of days to test dates against; an absent end is unbounded.
struct DayRange {
  std::optional<Day> first;
  std::optional<Day> last;
  friend constexpr bool operator==(const DayRange&, const DayRange&) = default;
};

/// Where a value came from, as archivists record it.
struct Provenance {
  std::string original;                     ///< the expression as written ("6 июля 1945 г.")
  Calendar calendar = Calendar::gregorian;  ///< the calendar it was written in
  std::string note;                         ///< e.g. "inferred from the telegram's content"
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

/// A fuzzy historical date: any EDTF value (a date, an interval, a set) or "undated".
///
/// Regular value type. `==` and `<=>` compare the date itself, not its provenance (two
/// catalogers' spellings of the same day are the same date); `identical()` compares both.
/// The order is total and stable: undated values last; else by earliest bound (an open or
/// unknown start first), then latest bound (open or unknown end last), then precision
/// (coarser first), then the canonical EDTF text.
class ARCHIVE_EXPORT FuzzyDate {
 public:
  enum class Kind : std::uint8_t {
    undated,   ///< explicitly no date ("n.d.", "undated", "б.д.")
    date,      ///< one EdtfDate
    interval,  ///< start/end, each a date, open ("..") or unknown ("")
    one_of,    ///< "[a, b, c..d]": one of these
    all_of,    ///< "{a, b, c..d}": all of these
  };

  /// An end of an interval, or an element of a set.
  struct Endpoint {
    enum class Type : std::uint8_t { date, open, unknown };
    Type type = Type::unknown;
    EdtfDate date;
    friend bool operator==(const Endpoint&, const Endpoint&) = default;
  };
  /// A set element: one date (first == last type date, `range` false) or a range a..b, where
  /// `first` may be open ("..b", first element only) and `last` open ("a..", last only).
  struct SetElement {
    Endpoint first;
    Endpoint last;
    bool range = false;
    friend bool operator==(const SetElement&, const SetElement&) = default;
  };

  /// An undated value.
  FuzzyDate() = default;

  /// A single date / an interval / a set, validated like parse_edtf validates text.
  [[nodiscard]] static Result<FuzzyDate> from_date(const EdtfDate& date);
  [[nodiscard]] static Result<FuzzyDate> from_interval(const Endpoint& start, const Endpoint& end);
  [[nodiscard]] static Result<FuzzyDate> from_set(Kind kind, std::vector<SetElement> elements);
  /// The date of one day (day precision, no qualifiers). EDTF writes no month or day in a
  /// year beyond four digits, so such a day becomes its 'Y' year.
  [[nodiscard]] static FuzzyDate from_day(Day day);
  /// The interval of whole days [first, last] (precondition: first <= last); beyond
  /// four-digit years, the set range of their years ("[Y-12000..-9000]"), as EDTF allows.
  [[nodiscard]] static FuzzyDate from_days(Day first, Day last);

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] bool is_undated() const noexcept { return kind_ == Kind::undated; }
  /// The single date (Kind::date) or nullptr.
  [[nodiscard]] const EdtfDate* date() const noexcept;
  /// The interval's ends (Kind::interval; unspecified otherwise).
  [[nodiscard]] const Endpoint& start() const noexcept { return start_; }
  [[nodiscard]] const Endpoint& end() const noexcept { return end_; }
  /// The set's elements (Kind::one_of / all_of; empty otherwise).
  [[nodiscard]] const std::vector<SetElement>& elements() const noexcept { return elements_; }

  /// The lowest EDTF level (0, 1 or 2) whose syntax the canonical form needs; -1 if undated.
  [[nodiscard]] int level() const noexcept;
  /// The coarsest precision among the value's dates (Precision::day for undated).
  [[nodiscard]] Precision precision() const noexcept;
  /// True when some component is uncertain / approximate.
  [[nodiscard]] bool is_uncertain() const noexcept;
  [[nodiscard]] bool is_approximate() const noexcept;

  /// Strict bounds (qualifiers do not move them): the first and last day some reading of
  /// the value can fall on. Unknown for undated values and unknown interval ends; open for
  /// ".." ends. Seasons follow the Northern Hemisphere meteorological convention (spring
  /// 21 = March–May, summer 22 = June–August, autumn 23 = September–November, winter 24 =
  /// December–February of the next year); 25–28 and 29–32 are the northern and southern
  /// hemisphere seasons likewise, 33–36 quarters, 37–39 quadrimesters, 40–41 semesters.
  [[nodiscard]] DayBound earliest() const noexcept;
  [[nodiscard]] DayBound latest() const noexcept;

  /// Widened bounds for approximate values: a "~" or "%" component widens its side by its
  /// own unit's span (a year for an approximate year, a month for a month, 7 days for a
  /// day), so "1945~" gives 1944-01-01..1946-12-31. Other values give the strict bounds.
  [[nodiscard]] DayBound widened_earliest() const noexcept;
  [[nodiscard]] DayBound widened_latest() const noexcept;

  /// Some reading of the date falls in `range` (false for undated values). Unknown ends
  /// count as unbounded, so "/1946" possibly overlaps any range that starts before 1947.
  [[nodiscard]] bool possibly_overlaps(const DayRange& range) const noexcept;
  /// Every reading falls in `range` (false for undated values and unknown or open ends,
  /// unless the range is unbounded on that side).
  [[nodiscard]] bool certainly_within(const DayRange& range) const noexcept;
  /// How well the date matches `range`, in [0, 1]: the share of the date's span
  /// [earliest, latest] that lies in the range, times 0.8 when some component is uncertain
  /// or approximate (0.7 when both); an open or unknown span that overlaps scores 0.1 (times
  /// the same factor); no overlap or undated scores 0.
  [[nodiscard]] double match_strength(const DayRange& range) const noexcept;

  /// The canonical EDTF text; parse_edtf() of it gives an equal value. Empty if undated.
  [[nodiscard]] std::string to_edtf() const;

  /// Where the value came from (original expression, calendar, note).
  [[nodiscard]] const Provenance& provenance() const noexcept { return provenance_; }
  FuzzyDate& set_provenance(Provenance provenance) {
    provenance_ = std::move(provenance);
    return *this;
  }
  FuzzyDate& set_note(std::string note) {
    provenance_.note = std::move(note);
    return *this;
  }

  /// Equal dates and equal provenance.
  [[nodiscard]] bool identical(const FuzzyDate& other) const {
    return *this == other && provenance_ == other.provenance_;
  }

  friend bool operator==(const FuzzyDate& a, const FuzzyDate& b) noexcept {
    return a.kind_ == b.kind_ && a.start_ == b.start_ && a.end_ == b.end_ &&
           a.elements_ == b.elements_;
  }
  friend ARCHIVE_EXPORT std::strong_ordering operator<=>(const FuzzyDate& a, const FuzzyDate& b);

 private:
  Kind kind_ = Kind::undated;
  Endpoint start_;  // Kind::date: the date (type date); interval: its start
  Endpoint end_;    // interval: its end
  std::vector<SetElement> elements_;
  Provenance provenance_;
};

/// A hash consistent with ==.
[[nodiscard]] ARCHIVE_EXPORT std::size_t hash_value(const FuzzyDate& date) noexcept;

/// Parses strict EDTF (levels 0–2). Rejects what the specification does not allow
/// ("1945-13", "1945-02-30", "2004-06-~", "Y1945") with a parse_error saying where and why.
/// The provenance is left empty (gregorian, no original). Never throws on bad text.
[[nodiscard]] ARCHIVE_EXPORT Result<FuzzyDate> parse_edtf(std::string_view text);

}  // namespace archive

template <>
struct std::hash<archive::FuzzyDate> {
  std::size_t operator()(const archive::FuzzyDate& d) const noexcept {
    return archive::hash_value(d);
  }
};
