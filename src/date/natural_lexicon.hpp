// Internal: the words of the natural-language date parser (parse_date.cpp) in English, Russian
// and Persian. Phrases are stored folded (text::fold, apostrophes removed) with their words
// joined by single spaces; the table is built once, on first use, and is immutable after.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace archive::detail {

/// What a word or phrase means in a date expression.
enum class NlClass : std::uint8_t {
  month,             ///< value 1..12; flag: NlMonthKind
  season,            ///< value 21..24 (spring, summer, autumn, winter); flag 1: Persian word
  approx,            ///< "c.", "circa", "около", "حدود" before a date
  approx_suffix,     ///< "approx.", "approximately" after a date
  uncertain,         ///< "maybe", "uncertain:", "вероятно" before a date
  uncertain_suffix,  ///< "maybe", "guess", "uncertain" after a date
  before,            ///< "before", "до", "قبل از"
  after,             ///< "after", "после", "بعد از"
  between,           ///< "between", "между", "بین"
  conj_and,          ///< "and", "и", "و"
  conj_or,           ///< "or", "или", "یا"
  from,              ///< "from", "с", "از"
  to,                ///< "to", "until", "по", "تا"
  or_later,          ///< "or later", "or after"
  or_earlier,        ///< "or earlier", "or before"
  part,              ///< value: NlPart
  century_word,      ///< "century", "c.", "век", "в." after the ordinal
  century_lead,      ///< "قرن", "سده" before the ordinal
  decade_lead,       ///< "دهه" before the year
  year_word,         ///< "г.", "года", "гг." after a year
  year_lead,         ///< "year", "سال" before a year
  era,               ///< value +1 (AD, CE, н. э.) or -1 (BC, BCE, до н. э.); flag 1: also a
                     ///< Gregorian calendar mark (میلادی)
  calendar,          ///< value: Calendar
  undated,           ///< "n.d.", "undated", "б.д.", "بی‌تاریخ"
  event,             ///< "printed", "exhibited", "born": a remark after a date, a no-op before;
                     ///< flag 1: the work was made (again) then ("reworked", "printed");
                     ///< flag 2: only before a date ("b.", "d.", "fl.")
  ordinal,           ///< value n: "first", "nineteenth", "بیستم"
  decade_name,       ///< value 10..90: "forties", "сороковые"
  filler,            ///< "the", "in", "during", "в", "در"
  of,                ///< "of"
  ordinal_suffix,    ///< "th", "st", "-го", "-й", "ام" glued to a number
  decade_suffix,     ///< "s", "-е", "-х" glued to a number
  month_filler,      ///< "ماه" after a Persian month name
  weekday,           ///< value 0 (Monday) .. 6 (Sunday): "Friday", "пятница", "جمعه"
  half_word,         ///< "половина" after "1-я" / "2-я"
  quarter_word,      ///< "четверть" after "1-я" … "4-я"
};

/// Which calendar a month name belongs to.
enum class NlMonthKind : std::uint8_t { western = 0, persian = 1, hijri = 2 };

/// Fractions named by part words: thirds (early/mid/late), halves and quarters.
enum class NlPart : std::uint8_t {
  early,
  mid,
  late,
  first_half,
  second_half,
  first_quarter,
  second_quarter,
  third_quarter,
  fourth_quarter,
};

/// Languages a phrase belongs to (a bit mask).
inline constexpr std::uint8_t kNlEnglish = 1;
inline constexpr std::uint8_t kNlRussian = 2;
inline constexpr std::uint8_t kNlPersian = 4;
inline constexpr std::uint8_t kNlAnyLanguage = 7;

struct NlEntry {
  NlClass cls;
  std::int16_t value;
  std::uint8_t languages;
  std::uint8_t flag;
};

/// The most words a phrase of the lexicon has.
inline constexpr std::size_t kNlMaxPhraseWords = 4;

/// The entries of a phrase (folded words joined by single spaces); empty when unknown.
std::span<const NlEntry> nl_lookup(std::string_view phrase);

/// Folds one word the way the lexicon's keys are folded: text::fold, then apostrophes and
/// the ayn/hamza half rings (ʿ ʾ) removed. False when the word is not valid UTF-8.
bool nl_fold_word(std::string_view word, std::string& out);

}  // namespace archive::detail
