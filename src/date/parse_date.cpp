// parse_date: the natural-language date parser (English, Russian, Persian).
//
// How it reads an expression
//  1. Ill-formed UTF-8 is an invalid_utf8 error; empty text a parse_error.
//  2. Valid EDTF is taken as EDTF (parse_edtf), except a bare number of one to three digits,
//     which a cataloger means as a year, not as ISO 8601-2's reduced precision: three digits
//     are that year ("894 AH" and "894" alike), one or two digits are refused as ambiguous.
//     "[1945]" (a one-element "one of" set) is the cataloger's bracketed, supplied date: 1945.
//     "YYYY-NN" with NN 21–41 above the start's last two digits ("1910-30") is a range, not
//     EDTF's division NN; "1946-21" (spring 1946) stays EDTF.
//  3. Otherwise the text is split into words, numbers (ASCII, Persian and Arabic-Indic
//     digits) and punctuation, the words folded (text::fold) and looked up in the lexicon
//     (natural_lexicon.cpp), and read by a small grammar. A word the grammar cannot place is a
//     parse_error at its byte offset; nothing is guessed.
//
// Conventions (the choices the header leaves open)
//  - Numeric dates: "D.M.YYYY" with dots is day-first (European, Russian); "YYYY-MM-DD",
//    "YYYY.MM.DD" and "YYYY/MM/DD" are year-first; "D/M/YYYY" and "M/D/YYYY" are read only
//    when unambiguous (one number above 12, or both equal), else a parse_error. "M/YYYY",
//    "M.YYYY" are a month. "YYYY-MM" with a two-digit MM from 01 to 12 is ISO year-month (as
//    in EDTF): write "1910–11" or "1910–1911" for a range.
//  - Two-digit and one-digit range ends abbreviate the start year: "1945–46" = 1945–1946,
//    "1826–7" = 1826–1827, "1774 or 5" = 1774 or 1775; an end before the start is an error.
//    In "6–14 July 1945" and "July–August 1945" the start takes the end's month and year; in
//    "XIX–XX вв." and "17th–19th centuries" the start is a century too. "winter 1945/46" is
//    the one winter across the two years (1945-24).
//  - Ranges ("1945–1946", "between 1945 and 1947", "с 1945 по 1947", "از ۱۳۲۰ تا ۱۳۲۵",
//    "1945/1946") are EDTF intervals from the start's first unit to the end's last.
//  - "before X" is an interval with an unknown start ending with X ("/1945"); "after X"
//    starts with X and has an unknown end ("1945/"). X itself is included: catalogers write
//    "before 1929" for a terminus ante quem that may fall in 1929, and EDTF's unknown end
//    (not "..", which would claim the span has no limit) says the other end is not known.
//    "X or later" / "X or earlier" read the same way. When X is a span ("before 1325 SH",
//    "after the early 1940s") the interval ends with its last day or starts with its first.
//  - Parts: early/mid/late are the first, middle and last third of the unit, rounded to whole
//    sub-units with the first third the longer: of a decade years 0–3, 4–6, 7–9; of a century
//    00–33, 34–66, 67–99; of a year the EDTF quadrimesters (1946-37 Jan–Apr, -38 May–Aug,
//    -39 Sep–Dec); of a month days 1–10, 11–20, 21–end; of a season its three months. Halves
//    and quarters likewise (a year's halves and quarters are EDTF semesters 40–41 and
//    quarters 33–36). Russian начало/середина/конец and Persian اوایل/اواسط/اواخر are the
//    same thirds; "первая/вторая половина", "1-я половина", "نیمه اول/دوم" are halves.
//  - Decades: "1940s", "1940's", "1940-е годы", "دهه ۱۹۴۰" are 194X. English "1800s" (a
//    year ending in 00 with "s") is the century 18XX, as in "the 1800s". Two-digit decades
//    ("40-е годы", "the forties", "'40s") are of the twentieth century unless a century
//    follows ("40-е годы XIX века").
//  - Centuries: "19th century", "19c.", "XIX век", "XIX в.", "قرن نوزدهم", "قرن ۱۹" are
//    1800–1899 (18XX), the usual catalog reading; "2nd century BCE" is -01XX (years -199 to
//    -100, i.e. 200–101 BCE). Years BCE are astronomical in EDTF: 64 BCE is -0063.
//  - Seasons: English and Russian seasons of a Gregorian year are EDTF seasons 21–24
//    (northern meteorological). Persian season names (بهار …) and any season of a Solar Hijri
//    year are that year's three Solar Hijri months (بهار ۱۳۲۵ = 1 Farvardin – 31 Khordad
//    1325), unless the text marks another calendar. Lunar Hijri years have no seasons.
//  - Calendars: a mark ("O.S.", "ст. ст.", "SH", "ه.ش.", "AH", "ه.ق.", "(islamic)") applies
//    to the date it follows and to the undated-calendar dates before it; Solar Hijri and
//    lunar Hijri month names fix their calendar; Gregorian month names (in any of the three
//    languages) are Gregorian, or Julian with an Old Style mark. Other dates use
//    DateParseOptions::calendar. Dates of other calendars become Gregorian days: one day, or
//    an interval of days (qualifiers kept on both ends).
//  - Qualifiers: c./ca./circa/approx./about/около/ок./примерно/حدود are approximate ("~");
//    "?", "[1945?]", maybe/probably/вероятно/احتمالاً are uncertain ("?"); both give "%". A
//    qualifier before a range applies to both ends; one written on an end, to that end.
//  - Lists: "1983, 1989" and "1831 and 1834" are all of the dates ({…}); "1824 or 1825" one
//    of them ([…]). A remark after a comma or semicolon, or in parentheses, starts with an
//    event word and runs to the next separator. An event of making the work again adds its
//    date to the list ("1962, reworked 1963" = {1962, 1963}; also remade, reconstructed,
//    printed, enlarged, completed); any other is skipped, so the first date stands
//    ("1826–7, reprinted 1892", "1949, cast 1950", "2003 (printed 2004)"). An event word
//    before the date ("exhibited 1807", "published c.1830", "born 1930", "active 1820–40") is
//    read past. The rest of a skipped remark is the cataloger's note and is not read ("1932,
//    printed 1976 by Gunther Sander"); everywhere else a word the lexicon does not know is an
//    error ("July 6, 1945, Moscow").
//  - Undated: "n.d.", "undated", "no date", "date not known", "s.d.", "б.д.", "без даты",
//    "بی‌تاریخ", "بدون تاریخ" are the undated value (FuzzyDate{}).
//  - Weekdays ("Friday, July 6, 1945", "пятница, 6 июля 1945 г.", "جمعه ۱۵ شهریور ۱۳۲۵") are
//    checked against the date; a wrong one is an error, not ignored.
//  - Language: DateLanguage::automatic reads every word among the words of its own script
//    (Cyrillic → Russian, Arabic script → Persian, Latin → English); a given language limits
//    the words to that language's (the Latin abbreviations "c.", "AD", "O.S.", "SH", "AH" are
//    in all three).
//  - Years are limited to four digits (and Gregorian results to years -9999..9999).
#include "archive/date/parse_date.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "archive/text/utf8.hpp"
#include "date/format.hpp"
#include "date/natural_lexicon.hpp"

namespace archive {

namespace {

using detail::NlClass;
using detail::NlEntry;
using detail::NlMonthKind;
using detail::NlPart;

constexpr std::int64_t kMaxYear = 9999;

// ---------------------------------------------------------------------------------------
// Tokens

enum class TokKind : std::uint8_t { word, number, punct, dash, other };

struct Tok {
  TokKind kind = TokKind::other;
  char punct = 0;      // punct: . , ; : ? ~ / ( ) [ ] ' &; dash: '-' (hyphen) or 'n' (en/em dash)
  bool glued = false;  // no space between this token and the one before it
  bool roman = false;  // a word made of upper-case Roman numeral letters (Latin or Cyrillic)
  std::uint8_t digits = 0;  // number: digits written (saturates at 255)
  std::size_t offset = 0;   // byte offset in the text
  std::size_t length = 0;   // bytes in the text
  std::size_t key_begin = 0;
  std::size_t key_length = 0;  // word: folded key in Scratch::keys
  std::int64_t value = 0;      // number: its value (saturates above 10^12)
};

struct Match {
  std::size_t end = 0;  // token index after the phrase (and after a trailing '.')
  NlEntry entry{};
};

// Per-thread buffers, reused between calls.
struct Scratch {
  std::vector<Tok> toks;
  std::string keys;
  std::string word;
  std::string phrase;
  std::vector<Match> matches;
  std::vector<std::size_t> match_begin;  // matches of token i: [match_begin[i], match_begin[i+1])
};

struct Decoded {
  char32_t cp;
  std::size_t length;
};

// Decodes one code point of well-formed UTF-8 (validated before lexing).
Decoded decode(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  auto cont = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F);
  };
  if (b0 < 0xE0) return {(static_cast<char32_t>(b0 & 0x1F) << 6) | cont(1), 2};
  if (b0 < 0xF0) return {(static_cast<char32_t>(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3};
  return {(static_cast<char32_t>(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4};
}

enum class CharClass : std::uint8_t {
  space,
  ignorable,
  digit,
  letter,
  joiner,
  apostrophe,
  dash,
  punct,
  other
};

struct Classified {
  CharClass cls;
  int digit;   // for digits
  char punct;  // for punctuation
};

Classified classify(char32_t cp) noexcept {
  if (cp < 0x80) {
    const auto c = static_cast<char>(cp);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      return {CharClass::space, 0, 0};
    }
    if (c >= '0' && c <= '9') return {CharClass::digit, c - '0', 0};
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return {CharClass::letter, 0, 0};
    if (c == '-') return {CharClass::dash, 0, '-'};  // a hyphen: also a numeric separator
    if (c == '\'' || c == '`') return {CharClass::apostrophe, 0, '\''};
    switch (c) {
      case '.':
      case ',':
      case ';':
      case ':':
      case '?':
      case '~':
      case '/':
      case '(':
      case ')':
      case '[':
      case ']':
      case '&':
        return {CharClass::punct, 0, c};
      default:
        return {CharClass::other, 0, 0};
    }
  }
  if (cp >= 0x06F0 && cp <= 0x06F9) return {CharClass::digit, static_cast<int>(cp - 0x06F0), 0};
  if (cp >= 0x0660 && cp <= 0x0669) return {CharClass::digit, static_cast<int>(cp - 0x0660), 0};
  switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return {CharClass::space, 0, 0};
    case 0x200E:  // LRM
    case 0x200F:  // RLM
    case 0x061C:  // ALM
    case 0xFEFF:  // BOM
    case 0x00AD:  // soft hyphen
      return {CharClass::ignorable, 0, 0};
    case 0x200C:  // ZWNJ
    case 0x200D:  // ZWJ
      return {CharClass::joiner, 0, 0};
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x00B4:
      return {CharClass::apostrophe, 0, '\''};
    case 0x2010:
    case 0x2011:
    case 0x2212:
      return {CharClass::dash, 0, '-'};
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return {CharClass::dash, 0, 'n'};  // an en or em dash: only ever a range
    case 0x060C:                         // Arabic comma
      return {CharClass::punct, 0, ','};
    case 0x061B:  // Arabic semicolon
      return {CharClass::punct, 0, ';'};
    case 0x061F:  // Arabic question mark
      return {CharClass::punct, 0, '?'};
    case 0x06D4:  // Arabic full stop
      return {CharClass::punct, 0, '.'};
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2026:
    case 0x00B7:
    case 0x066A:
    case 0x066B:
    case 0x066C:
      return {CharClass::other, 0, 0};
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return {CharClass::space, 0, 0};
  if (cp >= 0x2016 && cp <= 0x206F) return {CharClass::other, 0, 0};  // general punctuation
  if (cp >= 0x00A1 && cp <= 0x00BF) return {CharClass::other, 0, 0};  // Latin-1 symbols
  if (cp == 0x00D7 || cp == 0x00F7) return {CharClass::other, 0, 0};
  if (cp >= 0x2070 && cp <= 0x2BFF) return {CharClass::other, 0, 0};  // symbols, arrows
  if (cp >= 0x3001 && cp <= 0x303F) return {CharClass::other, 0, 0};  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF65) return {CharClass::other, 0, 0};  // full-width forms
  return {CharClass::letter, 0, 0};
}

// Upper-case Roman numeral letters, Latin or their Cyrillic look-alikes (Х І С М).
bool is_roman_letter(char32_t cp) noexcept {
  switch (cp) {
    case U'I':
    case U'V':
    case U'X':
    case U'L':
    case U'C':
    case U'D':
    case U'M':
    case 0x0425:  // Х
    case 0x0406:  // І
    case 0x0421:  // С
    case 0x041C:  // М
      return true;
    default:
      return false;
  }
}

// The value of a Roman numeral in canonical subtractive form, 1..3999; 0 if not one.
int roman_value(std::string_view original) noexcept {
  std::string ascii;
  for (std::size_t i = 0; i < original.size();) {
    const Decoded d = decode(original, i);
    i += d.length;
    switch (d.cp) {
      case 0x0425:
        ascii += 'X';
        break;
      case 0x0406:
        ascii += 'I';
        break;
      case 0x0421:
        ascii += 'C';
        break;
      case 0x041C:
        ascii += 'M';
        break;
      default:
        if (d.cp >= 0x80) return 0;
        ascii += static_cast<char>(d.cp);
    }
  }
  auto digit = [](char c) {
    switch (c) {
      case 'I':
        return 1;
      case 'V':
        return 5;
      case 'X':
        return 10;
      case 'L':
        return 50;
      case 'C':
        return 100;
      case 'D':
        return 500;
      case 'M':
        return 1000;
      default:
        return 0;
    }
  };
  int total = 0;
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    const int v = digit(ascii[i]);
    if (v == 0) return 0;
    const int next = i + 1 < ascii.size() ? digit(ascii[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  if (total <= 0 || total >= 4000) return 0;
  // Canonical form only ("IIII", "VX" are not numerals).
  static constexpr std::array<std::pair<int, const char*>, 13> kForms = {{{1000, "M"},
                                                                          {900, "CM"},
                                                                          {500, "D"},
                                                                          {400, "CD"},
                                                                          {100, "C"},
                                                                          {90, "XC"},
                                                                          {50, "L"},
                                                                          {40, "XL"},
                                                                          {10, "X"},
                                                                          {9, "IX"},
                                                                          {5, "V"},
                                                                          {4, "IV"},
                                                                          {1, "I"}}};
  std::string canonical;
  int rest = total;
  for (const auto& [value, form] : kForms) {
    while (rest >= value) {
      canonical += form;
      rest -= value;
    }
  }
  return canonical == ascii ? total : 0;
}

void lex(std::string_view text, Scratch& s) {
  s.toks.clear();
  s.keys.clear();
  bool glued = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const Decoded d = decode(text, i);
    const Classified c = classify(d.cp);
    switch (c.cls) {
      case CharClass::space:
        i += d.length;
        glued = false;
        continue;
      case CharClass::ignorable:
      case CharClass::joiner:  // outside a word
        i += d.length;
        continue;
      case CharClass::digit: {
        Tok t;
        t.kind = TokKind::number;
        t.glued = glued;
        t.offset = i;
        t.key_begin = s.keys.size();
        unsigned digits = 0;
        while (i < text.size()) {
          const Decoded e = decode(text, i);
          const Classified k = classify(e.cp);
          if (k.cls != CharClass::digit) break;
          if (t.value < 1'000'000'000'000) t.value = t.value * 10 + k.digit;
          s.keys += static_cast<char>('0' + k.digit);
          ++digits;
          i += e.length;
        }
        t.digits = static_cast<std::uint8_t>(std::min(digits, 255u));
        t.length = i - t.offset;
        t.key_length = s.keys.size() - t.key_begin;
        s.toks.push_back(t);
        glued = true;
        continue;
      }
      case CharClass::letter: {
        Tok t;
        t.kind = TokKind::word;
        t.glued = glued;
        t.offset = i;
        bool roman = true;
        while (i < text.size()) {
          const Decoded e = decode(text, i);
          const Classified k = classify(e.cp);
          if (k.cls == CharClass::letter) {
            roman = roman && is_roman_letter(e.cp);
            i += e.length;
            continue;
          }
          if (k.cls == CharClass::joiner || k.cls == CharClass::apostrophe) {
            // Inside a word only: a letter must follow.
            const std::size_t next = i + e.length;
            if (next < text.size() && classify(decode(text, next).cp).cls == CharClass::letter) {
              roman = false;
              i = next;
              continue;
            }
          }
          break;
        }
        t.length = i - t.offset;
        t.roman = roman;
        t.key_begin = s.keys.size();
        if (detail::nl_fold_word(text.substr(t.offset, t.length), s.word)) s.keys += s.word;
        t.key_length = s.keys.size() - t.key_begin;
        s.toks.push_back(t);
        glued = true;
        continue;
      }
      default: {
        Tok t;
        t.kind = c.cls == CharClass::dash                                      ? TokKind::dash
                 : c.cls == CharClass::punct || c.cls == CharClass::apostrophe ? TokKind::punct
                                                                               : TokKind::other;
        t.punct = c.punct;
        t.glued = glued;
        t.offset = i;
        t.length = d.length;
        i += d.length;
        s.toks.push_back(t);
        glued = true;
        continue;
      }
    }
  }
}

// Square brackets mark a date the cataloger supplied ("[1945?]", "[ca. 1945]"): when they are
// balanced they are dropped.
void drop_brackets(std::vector<Tok>& toks) {
  int depth = 0;
  bool any = false;
  for (const Tok& t : toks) {
    if (t.kind != TokKind::punct) continue;
    if (t.punct == '[') ++depth, any = true;
    if (t.punct == ']' && --depth < 0) return;
  }
  if (!any || depth != 0) return;
  std::erase_if(toks, [](const Tok& t) {
    return t.kind == TokKind::punct && (t.punct == '[' || t.punct == ']');
  });
}

// ---------------------------------------------------------------------------------------
// The parsed form

enum class Unit : std::uint8_t { none, day, month, season, year, decade, century };

struct Point {
  Unit unit = Unit::none;
  std::int64_t year = 0;  // as written (before the era); decade: its first year; century: n
  bool has_year = false;
  unsigned year_digits = 0;
  unsigned month = 0;   // 1..12
  unsigned season = 0;  // 21..24
  unsigned day = 0;
  bool month_named = false;
  NlMonthKind month_kind = NlMonthKind::western;
  bool persian_season = false;
  std::int64_t bare = 0;  // a number not yet placed (a day or a century): > 0
  bool bare_roman = false;
  int part = -1;  // NlPart
  Qualifier prefix = Qualifier::none;
  Qualifier suffix = Qualifier::none;
  int era = 0;                       // +1 AD, -1 BC, 0 unmarked
  std::optional<Calendar> mark;      // written after the date
  std::optional<Calendar> calendar;  // resolved
  bool decade_two_digits = false;    // "40-е": century not written
  int weekday = -1;                  // 0 Monday .. 6 Sunday, when written
  std::size_t weekday_offset = 0;
  std::size_t offset = 0;  // first token's byte offset
  std::size_t day_offset = 0;
  std::size_t year_offset = 0;

  [[nodiscard]] bool incomplete() const {
    if (unit == Unit::none) return true;
    if (unit == Unit::day || unit == Unit::month || unit == Unit::season) return !has_year;
    return false;
  }
};

enum class Open : std::uint8_t { none, before, after, or_later, or_earlier };

struct Item {
  Point a;
  Point b;
  bool range = false;
  Open open = Open::none;
  Qualifier qualifier = Qualifier::none;  // written before the whole item
};

enum class ListKind : std::uint8_t { single, all_of, one_of };

// ---------------------------------------------------------------------------------------
// The parser

Error parse_failure(std::string message, std::size_t offset) {
  return make_error(ErrorCode::parse_error, std::move(message), offset);
}

class Parser {
 public:
  Parser(std::string_view text, Scratch& s, std::uint8_t languages)
      : text_(text), s_(s), toks_(s.toks), languages_(languages) {
    index_phrases();
  }

  Result<FuzzyDate> run(const DateParseOptions& options);

 private:
  // --- tokens ---
  [[nodiscard]] bool at_end() const { return pos_ >= toks_.size(); }
  [[nodiscard]] const Tok* tok(std::size_t p) const {
    return p < toks_.size() ? &toks_[p] : nullptr;
  }
  [[nodiscard]] std::string_view key(const Tok& t) const {
    return std::string_view(s_.keys).substr(t.key_begin, t.key_length);
  }
  [[nodiscard]] bool is_punct(std::size_t p, char c) const {
    const Tok* t = tok(p);
    return t && t->kind == TokKind::punct && t->punct == c;
  }
  [[nodiscard]] bool is_dash(std::size_t p) const {
    const Tok* t = tok(p);
    return t && t->kind == TokKind::dash;
  }
  [[nodiscard]] const Tok* number(std::size_t p) const {
    const Tok* t = tok(p);
    return t && t->kind == TokKind::number ? t : nullptr;
  }
  void fail(std::size_t p) { furthest_ = std::max(furthest_, p); }
  bool eat_punct(char c) {
    if (is_punct(pos_, c)) return ++pos_, true;
    fail(pos_);
    return false;
  }
  void hard(std::string message, std::size_t offset) {
    if (!hard_) hard_ = parse_failure(std::move(message), offset);
  }

  // --- phrases ---
  void index_phrases();
  // The longest phrase of class `c` starting at token p, or nullptr.
  [[nodiscard]] const Match* match(std::size_t p, NlClass c) const {
    if (p >= toks_.size()) return nullptr;
    const Match* best = nullptr;
    for (std::size_t i = s_.match_begin[p]; i < s_.match_begin[p + 1]; ++i) {
      const Match& m = s_.matches[i];
      if (m.entry.cls == c && (!best || m.end > best->end)) best = &m;
    }
    return best;
  }
  const NlEntry* eat(NlClass c) {
    const Match* m = match(pos_, c);
    if (!m) {
      fail(pos_);
      return nullptr;
    }
    pos_ = m->end;
    return &m->entry;
  }
  [[nodiscard]] bool sees(NlClass c) const { return match(pos_, c) != nullptr; }

  // Position after a suffix word of class c glued to the token before p (directly, or after a
  // glued apostrophe or dash: "1940's", "40-е"); 0 when there is none.
  [[nodiscard]] std::size_t glued_suffix(std::size_t p, NlClass c) const {
    const Tok* t = tok(p);
    if (!t || !t->glued) return 0;
    if ((t->kind == TokKind::dash || (t->kind == TokKind::punct && t->punct == '\''))) {
      const Tok* w = tok(p + 1);
      if (!w || !w->glued || w->kind != TokKind::word) return 0;
      ++p;
    }
    const Match* m = match(p, c);
    return m ? m->end : 0;
  }

  // --- grammar ---
  bool parse_list(std::vector<Item>& items, ListKind& kind);
  bool parse_item(Item& item, const Point* base);
  bool parse_chain(Item& item, const Point* base);
  bool parse_point(Point& p, const Point* base);
  bool parse_core(Point& p, const Point* base);
  bool parse_core_inner(Point& p, const Point* base);
  int numbered_part();
  bool numeric_date(Point& p);
  bool number_forms(Point& p, const Point* base);
  bool century_forms(Point& p);
  bool month_forms(Point& p);
  bool season_forms(Point& p);
  bool decade_forms(Point& p);
  bool year_number(Point& p, std::size_t at);
  void century_spec(Point& p);
  bool day_number(std::size_t& at, unsigned& day, std::size_t& day_offset);
  void prefixes(Qualifier& q, Point* p);
  void suffixes(Point& p);
  bool complete_range(Point& a, Point& b);
  bool remark_starts(std::size_t p) const;
  void skip_parenthesized_remarks();
  void remark(std::vector<Item>& items, ListKind& kind);

  // --- building ---
  Result<void> resolve_calendars(std::vector<Item>& items, const DateParseOptions& options);
  struct Bounds {
    EdtfDate lo;
    EdtfDate hi;
    bool single = true;
  };
  Result<Bounds> bounds_of(const Point& p, Qualifier extra) const;
  Result<FuzzyDate> build(const std::vector<Item>& items, ListKind kind);

  std::string_view text_;
  Scratch& s_;
  std::vector<Tok>& toks_;
  std::uint8_t languages_;
  std::size_t pos_ = 0;
  std::size_t furthest_ = 0;
  std::optional<Error> hard_;
};

void Parser::index_phrases() {
  s_.matches.clear();
  s_.match_begin.assign(toks_.size() + 1, 0);
  for (std::size_t i = 0; i < toks_.size(); ++i) {
    s_.match_begin[i] = s_.matches.size();
    if (toks_[i].kind != TokKind::word) continue;
    s_.phrase.clear();
    std::size_t j = i;
    for (std::size_t words = 0; words < detail::kNlMaxPhraseWords && j < toks_.size(); ++words) {
      if (toks_[j].kind != TokKind::word) break;
      if (words > 0) s_.phrase += ' ';
      s_.phrase += key(toks_[j]);
      std::size_t end = j + 1;
      std::size_t with_dot = is_punct(end, '.') ? end + 1 : end;
      for (const NlEntry& e : detail::nl_lookup(s_.phrase)) {
        if ((e.languages & languages_) != 0) s_.matches.push_back({with_dot, e});
      }
      // The next word of a phrase: after one '.' ("n.d.", "ст. ст.") or an inner hyphen.
      if (is_punct(end, '.')) {
        ++end;
      } else if (is_dash(end) && toks_[end].glued && end + 1 < toks_.size() &&
                 toks_[end + 1].glued && toks_[end + 1].kind == TokKind::word) {
        ++end;
      }
      j = end;
    }
  }
  s_.match_begin[toks_.size()] = s_.matches.size();
}

// Qualifiers, event words and fillers written before a date. `p` receives an era ("AD 1945").
void Parser::prefixes(Qualifier& q, Point* p) {
  for (;;) {
    // "later than 1928": a longer phrase of another kind wins over the event word "later".
    if (sees(NlClass::before) || sees(NlClass::after) || sees(NlClass::or_later) ||
        sees(NlClass::or_earlier)) {
      return;
    }
    if (is_punct(pos_, '?')) {
      q = q | Qualifier::uncertain;
      ++pos_;
      continue;
    }
    if (is_punct(pos_, '~')) {
      q = q | Qualifier::approximate;
      ++pos_;
      continue;
    }
    if (eat(NlClass::approx)) {
      q = q | Qualifier::approximate;
      continue;
    }
    if (eat(NlClass::uncertain)) {
      q = q | Qualifier::uncertain;
      if (is_punct(pos_, ':')) ++pos_;
      continue;
    }
    if (eat(NlClass::event)) {
      if (is_punct(pos_, ':')) ++pos_;
      continue;
    }
    if (eat(NlClass::filler)) continue;
    // "Friday, July 6, 1945", "پنجشنبه ۱۵ شهریور ۱۳۲۵": checked against the date.
    if (const Match* m = match(pos_, NlClass::weekday); p && p->weekday < 0 && m) {
      p->weekday = m->entry.value;
      p->weekday_offset = toks_[pos_].offset;
      pos_ = m->end;
      if (is_punct(pos_, ',')) ++pos_;
      continue;
    }
    // "AD 1066", "A.D. 1066": only the Latin common-era marks are written before the year.
    if (const Match* m = match(pos_, NlClass::era);
        p && p->era == 0 && m && m->entry.value > 0 && m->entry.flag == 0) {
      p->era = 1;
      pos_ = m->end;
      continue;
    }
    return;
  }
}

// Qualifiers, year words, eras and calendar marks written after a date.
void Parser::suffixes(Point& p) {
  const bool dated = p.has_year || p.unit == Unit::decade || p.unit == Unit::century;
  for (;;) {
    if (is_punct(pos_, '?')) {
      p.suffix = p.suffix | Qualifier::uncertain;
      ++pos_;
      continue;
    }
    if (is_punct(pos_, '~')) {
      p.suffix = p.suffix | Qualifier::approximate;
      ++pos_;
      continue;
    }
    if (eat(NlClass::uncertain_suffix)) {
      p.suffix = p.suffix | Qualifier::uncertain;
      continue;
    }
    if (eat(NlClass::approx_suffix)) {
      p.suffix = p.suffix | Qualifier::approximate;
      continue;
    }
    if (dated && eat(NlClass::year_word)) continue;
    if (dated && p.era == 0 && sees(NlClass::era)) {
      const NlEntry* e = eat(NlClass::era);
      p.era = e->value;
      if (e->flag != 0) {
        if (p.mark && *p.mark != Calendar::gregorian) {
          hard("two calendars are named for one date", toks_[pos_ - 1].offset);
          return;
        }
        p.mark = Calendar::gregorian;
      }
      continue;
    }
    if (dated && !p.mark && sees(NlClass::calendar)) {
      p.mark = static_cast<Calendar>(eat(NlClass::calendar)->value);
      continue;
    }
    // A parenthesized qualifier or calendar: "(?)", "(uncertain)", "(O.S.)", "(islamic)".
    if (is_punct(pos_, '(')) {
      const std::size_t save = pos_;
      ++pos_;
      Qualifier q = Qualifier::none;
      std::optional<Calendar> mark;
      bool any = false;
      for (;;) {
        if (is_punct(pos_, '?')) {
          q = q | Qualifier::uncertain, ++pos_, any = true;
        } else if (eat(NlClass::uncertain_suffix) || eat(NlClass::uncertain)) {
          q = q | Qualifier::uncertain, any = true;
        } else if (eat(NlClass::approx_suffix) || eat(NlClass::approx)) {
          q = q | Qualifier::approximate, any = true;
        } else if (dated && !mark && !p.mark && sees(NlClass::calendar)) {
          mark = static_cast<Calendar>(eat(NlClass::calendar)->value), any = true;
        } else {
          break;
        }
      }
      if (any && is_punct(pos_, ')')) {
        ++pos_;
        p.suffix = p.suffix | q;
        if (mark) p.mark = mark;
        continue;
      }
      pos_ = save;
    }
    return;
  }
}

bool Parser::parse_point(Point& p, const Point* base) {
  const std::size_t start = pos_;
  prefixes(p.prefix, &p);
  if (hard_) return false;
  p.offset = pos_ < toks_.size() ? toks_[pos_].offset : text_.size();
  if (!parse_core(p, base)) {
    pos_ = start;
    return false;
  }
  suffixes(p);
  return !hard_;
}

// "1-я половина", "2-й четверти": a half or quarter written with a number (Russian).
int Parser::numbered_part() {
  const Tok* n = number(pos_);
  if (!n || n->value < 1 || n->value > 4) return -1;
  const std::size_t after = glued_suffix(pos_ + 1, NlClass::ordinal_suffix);
  if (!after) return -1;
  if (const Match* h = match(after, NlClass::half_word); h && n->value <= 2) {
    pos_ = h->end;
    return static_cast<int>(n->value == 1 ? NlPart::first_half : NlPart::second_half);
  }
  if (const Match* q = match(after, NlClass::quarter_word)) {
    pos_ = q->end;
    return static_cast<int>(NlPart::first_quarter) + static_cast<int>(n->value) - 1;
  }
  return -1;
}

bool Parser::parse_core(Point& p, const Point* base) {
  const std::size_t start = pos_;
  int part = numbered_part();
  if (part < 0) {
    if (const NlEntry* e = eat(NlClass::part)) part = e->value;
  }
  if (part >= 0) {
    p.part = part;
    if (is_dash(pos_) && toks_[pos_].glued) ++pos_;  // "mid-1940s"
    eat(NlClass::of);
    while (eat(NlClass::filler)) {
    }
    // A bare ordinal is a century the range's end names: "late 19th–early 20th century".
    if (parse_core_inner(p, nullptr) && p.unit != Unit::day &&
        (p.unit != Unit::none || p.bare > 0)) {
      return true;
    }
    if (hard_) return false;
    if (p.unit == Unit::day) {
      hard("a single day has no early, middle or late part", toks_[start].offset);
      return false;
    }
    pos_ = start;
    const Qualifier prefix = p.prefix;
    const std::size_t offset = p.offset;
    p = Point{};
    p.prefix = prefix;
    p.offset = offset;
    return false;
  }
  return parse_core_inner(p, base);
}

bool Parser::parse_core_inner(Point& p, const Point* base) {
  if (numeric_date(p)) return true;
  if (hard_) return false;
  if (decade_forms(p)) return true;
  if (hard_) return false;
  if (century_forms(p)) return true;
  if (hard_) return false;
  if (month_forms(p)) return true;
  if (hard_) return false;
  if (season_forms(p)) return true;
  if (hard_) return false;
  if (number_forms(p, base)) return true;
  return false;
}

// "6.7.1945", "06.07.1945", "1945-07-06", "1325/06/15", "12/25/1945", "7/2008", "1945-07".
bool Parser::numeric_date(Point& p) {
  const Tok* a = number(pos_);
  if (!a) return false;
  const Tok* s1 = tok(pos_ + 1);
  const Tok* b = number(pos_ + 2);
  if (!s1 || !b || !s1->glued || !b->glued) return false;
  char sep = 0;
  if (s1->kind == TokKind::dash && s1->punct == '-') {
    sep = '-';
  } else if (s1->kind == TokKind::punct && (s1->punct == '.' || s1->punct == '/')) {
    sep = s1->punct;
  } else {
    return false;
  }
  const Tok* s2 = tok(pos_ + 3);
  const Tok* c = number(pos_ + 4);
  const bool three = s2 && c && s2->glued && c->glued &&
                     ((sep == '-' && s2->kind == TokKind::dash && s2->punct == '-') ||
                      (sep != '-' && s2->kind == TokKind::punct && s2->punct == sep));
  auto check = [&](const Tok& t, std::int64_t max, const char* what) {
    if (t.value < 1 || t.value > max) {
      hard(std::string("there is no ") + what + " " + std::to_string(t.value), t.offset);
      return false;
    }
    return true;
  };
  if (three) {
    if (a->digits == 4 && b->digits <= 2 && c->digits <= 2) {  // year first
      if (!check(*b, 12, "month") || !check(*c, 31, "day")) return false;
      p.unit = Unit::day;
      p.year = a->value, p.has_year = true, p.year_digits = 4, p.year_offset = a->offset;
      p.month = static_cast<unsigned>(b->value);
      p.day = static_cast<unsigned>(c->value), p.day_offset = c->offset;
      pos_ += 5;
      return true;
    }
    if (a->digits <= 2 && b->digits <= 2 && (c->digits == 3 || c->digits == 4)) {
      std::int64_t day = a->value;
      std::int64_t month = b->value;
      const Tok* day_tok = a;
      const Tok* month_tok = b;
      if (sep != '.') {
        if (a->value <= 12 && b->value > 12) {
          std::swap(day, month), std::swap(day_tok, month_tok);  // month first (US)
        } else if (a->value <= 12 && b->value <= 12 && a->value != b->value) {
          hard("ambiguous numeric date: day/month or month/day", a->offset);
          return false;
        }
      }
      if (!check(*month_tok, 12, "month") || !check(*day_tok, 31, "day")) return false;
      p.unit = Unit::day;
      p.year = c->value, p.has_year = true, p.year_digits = c->digits, p.year_offset = c->offset;
      p.month = static_cast<unsigned>(month);
      p.day = static_cast<unsigned>(day), p.day_offset = day_tok->offset;
      pos_ += 5;
      return true;
    }
    return false;
  }
  // Two numbers: month and year ("7/2008", "07.1945"; "7-1945" would be a range).
  if (sep != '-' && a->digits <= 2 && (b->digits == 3 || b->digits == 4)) {
    if (number(pos_ + 3) || (tok(pos_ + 3) && tok(pos_ + 3)->glued && is_dash(pos_ + 3))) {
      return false;
    }
    if (!check(*a, 12, "month")) return false;
    p.unit = Unit::month;
    p.year = b->value, p.has_year = true, p.year_digits = b->digits, p.year_offset = b->offset;
    p.month = static_cast<unsigned>(a->value);
    pos_ += 3;
    return true;
  }
  if (a->digits == 4 && b->digits == 2 && sep == '-' && b->value >= 1 && b->value <= 12) {
    p.unit = Unit::month;
    p.year = a->value, p.has_year = true, p.year_digits = 4, p.year_offset = a->offset;
    p.month = static_cast<unsigned>(b->value);
    pos_ += 3;
    return true;
  }
  return false;
}

// A year number at token `at` (three or four digits, or fewer before an era mark).
bool Parser::year_number(Point& p, std::size_t at) {
  const Tok* n = number(at);
  if (!n || n->digits > 4) return false;
  if (n->digits < 3) {
    const std::size_t after = at + 1;
    const Match* era = match(after, NlClass::era);
    if (!era) {
      // "64 г. до н. э."
      const Match* yw = match(after, NlClass::year_word);
      if (!yw || !match(yw->end, NlClass::era)) return false;
    }
  }
  p.year = n->value;
  p.has_year = true;
  p.year_digits = n->digits;
  p.year_offset = n->offset;
  return true;
}

// A day of the month: "6", "6th", "6-го", "پانزدهم".
bool Parser::day_number(std::size_t& at, unsigned& day, std::size_t& day_offset) {
  if (const Tok* n = number(at)) {
    if (n->digits > 2) return false;
    std::size_t next = at + 1;
    if (const std::size_t after = glued_suffix(next, NlClass::ordinal_suffix)) next = after;
    day = static_cast<unsigned>(n->value);
    day_offset = n->offset;
    at = next;
    return true;
  }
  if (const Match* m = match(at, NlClass::ordinal)) {
    if (m->entry.value < 1 || m->entry.value > 31) return false;
    day = static_cast<unsigned>(m->entry.value);
    day_offset = toks_[at].offset;
    at = m->end;
    return true;
  }
  return false;
}

// Month names: "July 6, 1945", "6 July 1945", "6 июля 1945", "۱۵ شهریور ۱۳۲۵", "1945 July 6",
// "July 1945", "July" (no year: completed by a range's end).
bool Parser::month_forms(Point& p) {
  auto set_month = [&](const Match& m) {
    p.month = static_cast<unsigned>(m.entry.value);
    p.month_named = true;
    p.month_kind = static_cast<NlMonthKind>(m.entry.flag);
  };
  auto after_month = [&](std::size_t at) {
    if (const Match* f = match(at, NlClass::month_filler)) return f->end;
    return at;
  };
  auto check_day = [&](unsigned day, std::size_t offset) {
    if (day < 1 || day > 31) {
      hard("there is no day " + std::to_string(day) + " in any month", offset);
      return false;
    }
    return true;
  };
  // Day first: "6 July 1945", "6th of July, 1945".
  {
    std::size_t at = pos_;
    unsigned day = 0;
    std::size_t day_offset = 0;
    if (day_number(at, day, day_offset)) {
      if (const Match* of = match(at, NlClass::of)) at = of->end;
      if (const Match* m = match(at, NlClass::month)) {
        if (!check_day(day, day_offset)) return false;
        set_month(*m);
        p.day = day, p.day_offset = day_offset, p.unit = Unit::day;
        at = after_month(m->end);
        if (year_number(p, at)) {
          ++at;
        } else if (is_punct(at, ',') && year_number(p, at + 1)) {
          at += 2;
        }
        pos_ = at;
        return true;
      }
    }
  }
  // Year first: "1945 July 6", "901 Rabīʿ I 14", "1945 July".
  if (const Tok* y = number(pos_); y && (y->digits == 3 || y->digits == 4)) {
    if (const Match* m = match(pos_ + 1, NlClass::month)) {
      year_number(p, pos_);
      set_month(*m);
      std::size_t at = after_month(m->end);
      p.unit = Unit::month;
      unsigned day = 0;
      std::size_t day_offset = 0;
      std::size_t d_at = at;
      if (number(d_at) && day_number(d_at, day, day_offset)) {
        if (!check_day(day, day_offset)) return false;
        p.day = day, p.day_offset = day_offset, p.unit = Unit::day;
        at = d_at;
      }
      pos_ = at;
      return true;
    }
  }
  // Month first: "July 6, 1945", "July 6th 1945", "July 1945", "July, 1945", "July of 1945".
  const Match* m = match(pos_, NlClass::month);
  if (!m) {
    fail(pos_);
    return false;
  }
  set_month(*m);
  std::size_t at = after_month(m->end);
  p.unit = Unit::month;
  {
    std::size_t d_at = at;
    unsigned day = 0;
    std::size_t day_offset = 0;
    if (number(d_at) && day_number(d_at, day, day_offset)) {
      if (!check_day(day, day_offset)) return false;
      p.day = day, p.day_offset = day_offset, p.unit = Unit::day;
      at = d_at;
    }
  }
  std::size_t y_at = at;
  if (is_punct(y_at, ',')) ++y_at;
  if (const Match* of = match(y_at, NlClass::of); of && p.unit == Unit::month) y_at = of->end;
  if (year_number(p, y_at)) {
    at = y_at + 1;
  }
  pos_ = at;
  return true;
}

// "Spring 1946", "весна 1946 г.", "весной 1946", "بهار ۱۳۲۵", "spring of 1946", "Spring".
bool Parser::season_forms(Point& p) {
  const Match* m = match(pos_, NlClass::season);
  if (!m) {
    fail(pos_);
    return false;
  }
  p.unit = Unit::season;
  p.season = static_cast<unsigned>(m->entry.value);
  p.persian_season = m->entry.flag != 0;
  std::size_t at = m->end;
  if (is_punct(at, ',')) ++at;
  if (const Match* of = match(at, NlClass::of)) at = of->end;
  if (year_number(p, at)) {
    pos_ = at + 1;
  } else {
    pos_ = m->end;
  }
  return true;
}

// An optional century after a two-digit decade: "40-е годы XIX века", "the forties of the
// nineteenth century".
void Parser::century_spec(Point& p) {
  const std::size_t save = pos_;
  if (const Match* of = match(pos_, NlClass::of)) pos_ = of->end;
  while (eat(NlClass::filler)) {
  }
  Point c;
  if (century_forms(c) && c.era >= 0 && c.part < 0) {
    p.year = (c.year - 1) * 100 + p.year % 100;
    p.decade_two_digits = false;
    return;
  }
  pos_ = save;
}

// Decades: "1940s", "1940's", "1940-е годы", "40-х годов", "'40s", "the forties",
// "сороковые годы", "دهه ۱۳۲۰"; "1800s" is a century; "194-" and "19--" (AACR2).
bool Parser::decade_forms(Point& p) {
  // "دهه ۱۳۲۰"
  if (const Match* lead = match(pos_, NlClass::decade_lead)) {
    const Tok* n = number(lead->end);
    if (!n || n->digits != 4 || n->value % 10 != 0) {
      fail(lead->end);
      return false;
    }
    p.unit = Unit::decade;
    p.year = n->value, p.has_year = true, p.year_digits = 4, p.year_offset = n->offset;
    pos_ = lead->end + 1;
    return true;
  }
  if (const Match* name = match(pos_, NlClass::decade_name)) {
    p.unit = Unit::decade;
    p.year = 1900 + name->entry.value;
    p.decade_two_digits = true;
    p.year_offset = toks_[pos_].offset;
    pos_ = name->end;
    while (eat(NlClass::year_word)) {
    }
    century_spec(p);
    return true;
  }
  std::size_t at = pos_;
  if (is_punct(at, '\'') && number(at + 1) && toks_[at + 1].glued) ++at;  // "'40s"
  const Tok* n = number(at);
  if (!n) return false;
  // AACR2: "194-" (a decade) and "19--" (a century).
  if (is_dash(at + 1) && toks_[at + 1].glued && !number(at + 2)) {
    const bool second_dash = is_dash(at + 2) && toks_[at + 2].glued;
    if (n->digits == 3 && !second_dash &&
        !(tok(at + 2) && tok(at + 2)->glued && tok(at + 2)->kind == TokKind::word)) {
      p.unit = Unit::decade;
      p.year = n->value * 10, p.has_year = true, p.year_digits = 4, p.year_offset = n->offset;
      pos_ = at + 2;
      return true;
    }
    if (n->digits == 2 && second_dash && !number(at + 3)) {
      p.unit = Unit::century;
      p.year = n->value + 1;
      p.year_offset = n->offset;
      pos_ = at + 3;
      return true;
    }
  }
  const std::size_t after = glued_suffix(at + 1, NlClass::decade_suffix);
  if (!after || match(after, NlClass::month)) return false;  // "6-е июля" is a day
  const bool english_s = key(toks_[after - 1]) == "s" || key(toks_[after - 2]) == "s";
  if ((n->digits != 4 && n->digits != 2) || n->value % 10 != 0) {
    if (english_s) hard("a decade is written with a year ending in 0", n->offset);
    return false;
  }
  p.year_offset = n->offset;
  if (n->digits == 4 && english_s && n->value % 100 == 0) {
    p.unit = Unit::century;  // "the 1800s"
    p.year = n->value / 100 + 1;
    pos_ = after;
    return true;
  }
  p.unit = Unit::decade;
  if (n->digits == 4) {
    p.year = n->value, p.has_year = true, p.year_digits = 4;
  } else {
    p.year = 1900 + n->value;
    p.decade_two_digits = true;
  }
  pos_ = after;
  while (eat(NlClass::year_word)) {
  }
  if (p.decade_two_digits) century_spec(p);
  return true;
}

// Centuries: "19th century", "19c.", "the nineteenth century", "XIX век", "XX в.", "20-й век",
// "قرن بیستم", "قرن ۲۰", "سده ۱۴".
bool Parser::century_forms(Point& p) {
  auto finish = [&](std::int64_t n, std::size_t at, std::size_t offset) {
    if (n < 1 || n > 100) {
      hard("there is no century " + std::to_string(n) + " in this range", offset);
      return false;
    }
    p.unit = Unit::century;
    p.year = n;
    p.year_offset = offset;
    pos_ = at;
    return true;
  };
  if (const Match* lead = match(pos_, NlClass::century_lead)) {
    std::size_t at = lead->end;
    if (const Tok* n = number(at); n && n->digits <= 3) {
      std::size_t next = at + 1;
      if (const std::size_t s = glued_suffix(next, NlClass::ordinal_suffix)) next = s;
      return finish(n->value, next, n->offset);
    }
    if (const Match* o = match(at, NlClass::ordinal)) {
      return finish(o->entry.value, o->end, toks_[at].offset);
    }
    if (const Tok* w = tok(at); w && w->kind == TokKind::word && w->roman) {
      const int v = roman_value(text_.substr(w->offset, w->length));
      if (v > 0) return finish(v, at + 1, w->offset);
    }
    fail(at);
    return false;
  }
  // The ordinal: a number, a Roman numeral or a word.
  std::int64_t n = 0;
  std::size_t at = pos_;
  std::size_t offset = 0;
  if (const Tok* t = number(at); t && t->digits <= 3) {
    n = t->value;
    offset = t->offset;
    ++at;
    if (const std::size_t s = glued_suffix(at, NlClass::ordinal_suffix)) at = s;
  } else if (const Tok* w = tok(at); w && w->kind == TokKind::word && w->roman) {
    n = roman_value(text_.substr(w->offset, w->length));
    if (n == 0) return false;
    offset = w->offset;
    ++at;
    if (const std::size_t s = glued_suffix(at, NlClass::ordinal_suffix)) at = s;
  } else if (const Match* o = match(at, NlClass::ordinal)) {
    n = o->entry.value;
    offset = toks_[at].offset;
    at = o->end;
  } else {
    return false;
  }
  if (const Match* w = match(at, NlClass::century_word)) {
    if (n < 1 || n > 100) return false;  // "1860 c" is no century
    return finish(n, w->end, offset);
  }
  return false;
}

// Number-led forms that are not month names or decades: years, abbreviated years of a range
// end, and bare numbers a range places later ("6–14 July", "17–19th centuries").
bool Parser::number_forms(Point& p, const Point* base) {
  // "the year 1800", "سال ۱۳۲۵"
  if (const Match* lead = match(pos_, NlClass::year_lead)) {
    const Tok* n = number(lead->end);
    if (n && n->digits <= 4) {
      p.unit = Unit::year;
      p.year = n->value, p.has_year = true, p.year_digits = n->digits, p.year_offset = n->offset;
      pos_ = lead->end + 1;
      return true;
    }
    fail(lead->end);
    return false;
  }
  if (const Tok* w = tok(pos_); w && w->kind == TokKind::word && w->roman) {
    const int v = roman_value(text_.substr(w->offset, w->length));
    if (v > 0 && v <= 100) {
      p.bare = v;
      p.bare_roman = true;
      p.year_offset = w->offset;
      ++pos_;
      if (const std::size_t s = glued_suffix(pos_, NlClass::ordinal_suffix)) pos_ = s;
      return true;
    }
  }
  const Tok* n = number(pos_);
  if (!n) {
    fail(pos_);
    return false;
  }
  if (n->digits > 4) {
    fail(pos_);
    return false;
  }
  if (year_number(p, pos_)) {
    p.unit = Unit::year;
    ++pos_;
    return true;
  }
  // A short number: an abbreviated end year, or a day / century placed by the range.
  if (base && base->has_year && base->year_digits > n->digits &&
      (base->unit == Unit::year || base->unit == Unit::decade || base->unit == Unit::month ||
       base->unit == Unit::day || base->unit == Unit::season) &&
      !glued_suffix(pos_ + 1, NlClass::ordinal_suffix)) {
    std::int64_t scale = 1;
    for (unsigned i = 0; i < n->digits; ++i)
      scale *= 10;
    const std::int64_t year = base->year - base->year % scale + n->value;
    if (year < base->year) {
      hard("the range ends before it begins", n->offset);
      return false;
    }
    p.unit = Unit::year;
    p.year = year, p.has_year = true, p.year_digits = base->year_digits;
    p.year_offset = n->offset;
    ++pos_;
    return true;
  }
  if (n->digits <= 2 && n->value > 0) {
    p.bare = n->value;
    p.year_offset = n->offset;
    p.day_offset = n->offset;
    ++pos_;
    if (const std::size_t s = glued_suffix(pos_, NlClass::ordinal_suffix)) pos_ = s;
    // "July 6–14, 1945": a day of the start's month, then the year.
    if (base && base->month_named && base->unit == Unit::day && !base->has_year) {
      std::size_t at = pos_;
      if (is_punct(at, ',')) ++at;
      Point y;
      if (year_number(y, at)) {
        p.unit = Unit::day;
        p.day = static_cast<unsigned>(p.bare);
        p.bare = 0;
        p.month = base->month, p.month_named = true, p.month_kind = base->month_kind;
        p.year = y.year, p.has_year = true, p.year_digits = y.year_digits;
        p.year_offset = y.year_offset;
        pos_ = at + 1;
      }
    }
    return true;
  }
  fail(pos_);
  return false;
}

// The start of a range takes what it leaves out from the end.
bool Parser::complete_range(Point& a, Point& b) {
  if (a.era == 0 && b.era != 0 && a.unit != Unit::none) a.era = b.era;
  if (a.unit == Unit::none) {
    if (b.unit == Unit::century) {
      a.unit = Unit::century;
      a.year = a.bare;
      if (a.era == 0) a.era = b.era;
    } else if (b.unit == Unit::day && b.month_named && !a.bare_roman) {
      a.unit = Unit::day;
      a.day = static_cast<unsigned>(a.bare);
      a.month = b.month, a.month_named = true, a.month_kind = b.month_kind;
      a.year = b.year, a.has_year = b.has_year, a.year_digits = b.year_digits;
      a.year_offset = b.year_offset;
    } else {
      hard("a number of one or two digits is not a year: write the year in full", a.year_offset);
      return false;
    }
    if (a.era == 0) a.era = b.era;
    a.bare = 0;
    return true;
  }
  if (a.incomplete() && b.has_year) {
    a.year = b.year, a.has_year = true, a.year_digits = b.year_digits;
    a.year_offset = b.year_offset;
    if (a.era == 0) a.era = b.era;
  }
  return true;
}

bool Parser::parse_chain(Item& item, const Point* base) {
  if (!parse_point(item.a, base)) return false;
  Point* last = &item.a;
  for (;;) {
    const std::size_t save = pos_;
    bool connector = false;
    if (is_dash(pos_) || is_punct(pos_, '/')) {
      ++pos_;
      connector = true;
    } else if (eat(NlClass::to)) {
      connector = true;
    }
    if (!connector) break;
    Point next;
    if (!parse_point(next, last)) {
      if (hard_) return false;
      pos_ = save;
      break;
    }
    if (item.range && item.b.unit == Unit::none) {  // a bare number inside a chain
      hard("a number of one or two digits is not a year: write the year in full",
           item.b.year_offset);
      return false;
    }
    item.b = next;
    item.range = true;
    last = &item.b;
  }
  // "winter 1945/46", "зима 1945–1946 гг.": the one winter that spans the two years.
  if (item.range && item.a.unit == Unit::season && item.a.season == 24 && item.a.has_year &&
      item.b.unit == Unit::year && item.b.part < 0 && item.b.year == item.a.year + 1 &&
      item.b.prefix == Qualifier::none) {
    item.a.suffix = item.a.suffix | item.b.suffix;
    if (!item.a.mark) item.a.mark = item.b.mark;
    item.range = false;
    item.b = Point{};
  }
  if (item.range) {
    if (!complete_range(item.a, item.b)) return false;
  }
  if (item.a.unit == Unit::none || (item.range && item.b.unit == Unit::none)) {
    // A bare number alone: a two-digit year, or a day whose month is not understood.
    const Point& bad = item.a.unit == Unit::none ? item.a : item.b;
    if (at_end()) {
      hard("a number of one or two digits is not a year: write the year in full", bad.year_offset);
    } else {
      fail(pos_);
    }
    return false;
  }
  return true;
}

// A remark: an event word ("reprinted", "cast", "this version", "with additions"), maybe
// after "?" or an opening parenthesis.
bool Parser::remark_starts(std::size_t p) const {
  std::size_t at = p;
  if (is_punct(at, '(')) ++at;
  while (is_punct(at, '?'))
    ++at;
  if (const Match* m = match(at, NlClass::uncertain)) at = m->end;
  const Match* event = match(at, NlClass::event);
  return event && event->entry.flag != 2;
}

void Parser::skip_parenthesized_remarks() {
  while (is_punct(pos_, '(') && remark_starts(pos_)) {
    std::size_t at = pos_ + 1;
    while (at < toks_.size() && !is_punct(at, ')'))
      ++at;
    pos_ = at < toks_.size() ? at + 1 : at;
  }
}

// After a separator: "reworked 1963" adds its date to the list (the work was made again);
// "reprinted 1892", "cast 1907" are skipped to the next separator.
void Parser::remark(std::vector<Item>& items, ListKind& kind) {
  std::size_t at = pos_;
  while (is_punct(at, '?'))
    ++at;
  if (const Match* m = match(at, NlClass::uncertain)) at = m->end;
  bool making = false;
  while (const Match* m = match(at, NlClass::event)) {
    making = making || m->entry.flag == 1;
    at = m->end;
    if (const Match* c = match(at, NlClass::conj_and); c && match(c->end, NlClass::event)) {
      at = c->end;
    }
  }
  const bool open =
      std::any_of(items.begin(), items.end(), [](const Item& it) { return it.open != Open::none; });
  if (making && kind != ListKind::one_of && !open) {
    pos_ = at;
    Item next;
    const bool ok = parse_item(next, nullptr) && next.open == Open::none &&
                    (at_end() || is_punct(pos_, ',') || is_punct(pos_, ';'));
    if (ok) {
      items.push_back(next);
      kind = ListKind::all_of;
      return;
    }
    hard_.reset();
  }
  // Skip to the next separator outside parentheses.
  pos_ = at;
  int depth = 0;
  while (!at_end()) {
    if (is_punct(pos_, '(')) ++depth;
    if (is_punct(pos_, ')')) --depth;
    if (depth <= 0 && (is_punct(pos_, ',') || is_punct(pos_, ';'))) break;
    ++pos_;
  }
}

bool Parser::parse_item(Item& item, const Point* base) {
  prefixes(item.qualifier, nullptr);
  if (hard_) return false;
  if (eat(NlClass::before)) {
    item.open = Open::before;
    if (is_dash(pos_) && toks_[pos_].glued) ++pos_;  // "pre-1945"
    if (!parse_chain(item, nullptr)) return false;
  } else if (eat(NlClass::after)) {
    item.open = Open::after;
    if (is_dash(pos_) && toks_[pos_].glued) ++pos_;  // "post-1945"
    if (!parse_chain(item, nullptr)) return false;
  } else if (eat(NlClass::between)) {
    if (!parse_point(item.a, nullptr)) return false;
    if (!eat(NlClass::conj_and) && !(is_dash(pos_) && ++pos_)) return false;
    if (!parse_point(item.b, &item.a)) return false;
    item.range = true;
    if (!complete_range(item.a, item.b)) return false;
  } else if (eat(NlClass::from)) {
    if (!parse_point(item.a, nullptr)) return false;
    const std::size_t save = pos_;
    if (eat(NlClass::to) || (is_dash(pos_) && ++pos_)) {
      if (parse_point(item.b, &item.a)) {
        item.range = true;
        if (!complete_range(item.a, item.b)) return false;
      } else {
        if (hard_) return false;
        pos_ = save;
      }
    }
    if (!item.range) item.open = Open::after;
    if (item.a.incomplete() || (item.range && item.b.incomplete())) {
      fail(pos_);
      return false;
    }
  } else if (!parse_chain(item, base)) {
    return false;
  }
  if (item.open == Open::none) {
    if (eat(NlClass::or_later)) {
      item.open = Open::or_later;
    } else if (eat(NlClass::or_earlier)) {
      item.open = Open::or_earlier;
    }
  }
  return !hard_;
}

bool Parser::parse_list(std::vector<Item>& items, ListKind& kind) {
  kind = ListKind::single;
  items.emplace_back();
  if (!parse_item(items.back(), nullptr)) return false;
  for (;;) {
    skip_parenthesized_remarks();
    if (at_end()) break;
    const std::size_t save = pos_;
    // "1828 (or 1836)", "1879 (and 1887)"
    const bool paren = is_punct(pos_, '(') &&
                       (match(pos_ + 1, NlClass::conj_or) || match(pos_ + 1, NlClass::conj_and));
    bool comma = false;
    if (paren) {
      ++pos_;
    } else if (is_punct(pos_, ',') || is_punct(pos_, ';')) {
      ++pos_;
      comma = true;
    }
    // "c.1829–33, or later"
    if (comma && items.back().open == Open::none) {
      if (eat(NlClass::or_later)) {
        items.back().open = Open::or_later;
        continue;
      }
      if (eat(NlClass::or_earlier)) {
        items.back().open = Open::or_earlier;
        continue;
      }
    }
    if (comma && remark_starts(pos_)) {
      remark(items, kind);
      if (hard_) return false;
      continue;
    }
    ListKind sep = ListKind::all_of;
    if (eat(NlClass::conj_or)) {
      sep = ListKind::one_of;
    } else if (eat(NlClass::conj_and) || (is_punct(pos_, '&') && ++pos_)) {
      sep = ListKind::all_of;
    } else if (!comma) {
      fail(pos_);
      pos_ = save;
      return false;
    }
    if (kind != ListKind::single && kind != sep) {
      hard("a list mixes \"and\" and \"or\"", toks_[save].offset);
      return false;
    }
    kind = sep;
    const Item& prev = items.back();
    const Point base = prev.range ? prev.b : prev.a;
    Item next;
    if (!parse_item(next, &base)) {
      pos_ = save;
      return false;
    }
    items.push_back(next);
    if (paren && is_punct(pos_, ')')) ++pos_;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Calendars and bounds

Result<void> Parser::resolve_calendars(std::vector<Item>& items, const DateParseOptions& options) {
  std::vector<Point*> points;
  for (Item& it : items) {
    points.push_back(&it.a);
    if (it.range) points.push_back(&it.b);
  }
  // A mark applies to the unmarked dates before it; the end of a range takes its start's.
  std::optional<Calendar> next_mark;
  std::vector<std::optional<Calendar>> marks(points.size());
  for (std::size_t i = points.size(); i-- > 0;) {
    if (points[i]->mark) next_mark = points[i]->mark;
    marks[i] = points[i]->mark ? points[i]->mark : next_mark;
  }
  for (Item& it : items) {
    if (it.range && !it.b.mark && it.a.mark) it.b.mark = it.a.mark;
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    Point& p = *points[i];
    const std::optional<Calendar> mark = p.mark ? p.mark : marks[i];
    auto conflict = [&](const char* what) -> Result<void> {
      return parse_failure(
          std::string(what) + " cannot be a " + std::string(to_string(*mark)) + " date", p.offset);
    };
    if (p.month_named && p.month_kind == NlMonthKind::persian) {
      if (mark && *mark != Calendar::persian) return conflict("a Solar Hijri month");
      p.calendar = Calendar::persian;
    } else if (p.month_named && p.month_kind == NlMonthKind::hijri) {
      if (mark && *mark != Calendar::hijri) return conflict("a lunar Hijri month");
      p.calendar = Calendar::hijri;
    } else if (p.month_named) {
      if (mark && *mark != Calendar::gregorian && *mark != Calendar::julian) {
        return conflict("a Gregorian month name");
      }
      const Calendar fallback =
          options.calendar == Calendar::julian ? Calendar::julian : Calendar::gregorian;
      p.calendar = mark.value_or(fallback);
    } else if (p.persian_season) {
      p.calendar = mark.value_or(Calendar::persian);
    } else {
      p.calendar = mark.value_or(options.calendar);
    }
  }
  return {};
}

EdtfDate edtf_year(std::int64_t year) {
  EdtfDate d;
  d.year = year;
  d.negative = year < 0;
  d.precision = Precision::year;
  return d;
}

EdtfDate edtf_month(std::int64_t year, unsigned month) {
  EdtfDate d = edtf_year(year);
  d.month = static_cast<std::uint8_t>(month);
  d.precision = Precision::month;
  return d;
}

EdtfDate edtf_day(std::int64_t year, unsigned month, unsigned day) {
  EdtfDate d = edtf_month(year, month);
  d.day = static_cast<std::uint8_t>(day);
  d.precision = Precision::day;
  return d;
}

EdtfDate edtf_of(Day day) {
  const CivilDate c = day.civil();
  return edtf_day(c.year, c.month, c.day);
}

void qualify(EdtfDate& d, Qualifier q) {
  if (q == Qualifier::none) return;
  d.year_qualifier = d.year_qualifier | q;
  if (d.precision >= Precision::season) d.month_qualifier = d.month_qualifier | q;
  if (d.precision == Precision::day) d.day_qualifier = d.day_qualifier | q;
}

struct PartShape {
  int index;
  int count;
};

PartShape part_shape(int part) {
  switch (static_cast<NlPart>(part)) {
    case NlPart::early:
      return {0, 3};
    case NlPart::mid:
      return {1, 3};
    case NlPart::late:
      return {2, 3};
    case NlPart::first_half:
      return {0, 2};
    case NlPart::second_half:
      return {1, 2};
    case NlPart::first_quarter:
      return {0, 4};
    case NlPart::second_quarter:
      return {1, 4};
    case NlPart::third_quarter:
      return {2, 4};
    case NlPart::fourth_quarter:
      return {3, 4};
  }
  return {0, 1};
}

// The sub-units [first, last] (0-based) of `n` a part covers: the cut points are rounded up,
// so early thirds are the longer ones (0–3, 4–6, 7–9 of a decade).
std::pair<std::int64_t, std::int64_t> part_range(int part, std::int64_t n) {
  const PartShape s = part_shape(part);
  auto cut = [&](std::int64_t k) { return (k * n + s.count - 1) / s.count; };
  return {cut(s.index), cut(s.index + 1) - 1};
}

// Days of a month a part covers: thirds are the dekads 1–10, 11–20, 21–end.
std::pair<unsigned, unsigned> part_days(int part, unsigned days) {
  const PartShape s = part_shape(part);
  if (s.count == 3) {
    return s.index == 0   ? std::pair{1u, 10u}
           : s.index == 1 ? std::pair{11u, 20u}
                          : std::pair{21u, days};
  }
  const auto [a, b] = part_range(part, days);
  return {static_cast<unsigned>(a) + 1, static_cast<unsigned>(b) + 1};
}

Result<Parser::Bounds> Parser::bounds_of(const Point& p, Qualifier extra) const {
  const Calendar cal = p.calendar.value_or(Calendar::gregorian);
  const Qualifier q = p.prefix | p.suffix | extra;
  Bounds b;
  auto fail_at = [](std::string message, std::size_t offset) -> Result<Bounds> {
    return parse_failure(std::move(message), offset);
  };
  // The year as the calendar counts it (astronomical for BCE).
  std::int64_t year = p.year;
  if (p.era < 0 && p.unit != Unit::century) {
    if (p.unit == Unit::decade)
      return fail_at("decades before the common era are not supported", p.year_offset);
    if (year == 0) return fail_at("there is no year 0 BCE", p.year_offset);
    year = 1 - year;
  } else if (p.era > 0 && p.unit != Unit::century && p.has_year && year == 0) {
    return fail_at("there is no year 0 CE", p.year_offset);
  }
  if (p.part >= 0 && p.unit == Unit::day) {
    return fail_at("a single day has no early, middle or late part", p.offset);
  }
  // Century and decade years.
  std::int64_t first_year = year;
  std::int64_t years = 1;
  if (p.unit == Unit::decade) {
    years = 10;
  } else if (p.unit == Unit::century) {
    years = 100;
    first_year = p.era < 0 ? -(p.year * 100 - 1) : (p.year - 1) * 100;
  }

  if (cal == Calendar::gregorian) {
    switch (p.unit) {
      case Unit::day: {
        if (p.day > days_in_month(year, p.month)) {
          return fail_at("there is no day " + std::to_string(p.day) + " in " +
                             detail::format_ymd(year, p.month, 1).substr(0, 7),
                         p.day_offset);
        }
        b.lo = edtf_day(year, p.month, p.day);
        break;
      }
      case Unit::month:
        if (p.part >= 0) {
          const auto [d1, d2] = part_days(p.part, days_in_month(year, p.month));
          b.lo = edtf_day(year, p.month, d1);
          b.hi = edtf_day(year, p.month, d2);
          b.single = false;
        } else {
          b.lo = edtf_month(year, p.month);
        }
        break;
      case Unit::season:
        if (p.part >= 0) {
          const auto [m1, m2] = part_range(p.part, 3);
          if (m1 > m2) return fail_at("a season has no quarters", p.offset);
          const auto first = static_cast<unsigned>((p.season - 21) * 3 + 3);
          auto month_of = [&](std::int64_t k) {
            const auto m = first + static_cast<unsigned>(k);
            return m > 12 ? edtf_month(year + 1, m - 12) : edtf_month(year, m);
          };
          b.lo = month_of(m1);
          b.hi = month_of(m2);
          b.single = m1 == m2;
        } else {
          b.lo = edtf_year(year);
          b.lo.month = static_cast<std::uint8_t>(p.season);
          b.lo.precision = Precision::season;
        }
        break;
      case Unit::year:
        b.lo = edtf_year(year);
        if (p.part >= 0) {
          const PartShape s = part_shape(p.part);
          const int base = s.count == 3 ? 37 : s.count == 2 ? 40 : 33;
          b.lo.month = static_cast<std::uint8_t>(base + s.index);
          b.lo.precision = Precision::season;
        }
        break;
      case Unit::decade:
      case Unit::century:
        if (p.part >= 0) {
          const auto [y1, y2] = part_range(p.part, years);
          b.lo = edtf_year(first_year + y1);
          b.hi = edtf_year(first_year + y2);
          b.single = y1 == y2;
        } else {
          b.lo = edtf_year(first_year);
          b.lo.unspecified = p.unit == Unit::decade ? 0b1000 : 0b1100;
          if (p.unit == Unit::century && p.era < 0) {
            b.lo.year = -(p.year - 1) * 100;
            b.lo.negative = true;
          }
        }
        break;
      case Unit::none:
        return fail_at("incomplete date", p.offset);
    }
    if (b.single) b.hi = b.lo;
  } else {
    // Other calendars: compute the days, then write them as Gregorian days.
    auto day_of = [&](std::int64_t y, unsigned m, unsigned d) -> Result<Day> {
      auto r = to_day(cal, CalendarDate{y, m, d});
      if (!r) return parse_failure(r.error().message, p.day ? p.day_offset : p.year_offset);
      return *r;
    };
    auto month_start = [&](std::int64_t y, std::int64_t m) {
      while (m > 12)
        m -= 12, ++y;
      return day_of(y, 1 + static_cast<unsigned>(m - 1), 1);
    };
    // The day before the first day of what follows: the last day of a unit.
    auto day_before = [](Result<Day> next) -> Result<Day> {
      if (!next) return std::move(next).error();
      return *next - 1;
    };
    Result<Day> first = Day{};
    Result<Day> last = Day{};
    switch (p.unit) {
      case Unit::day:
        first = day_of(year, p.month, p.day);
        last = first;
        break;
      case Unit::month: {
        auto dim = days_in_month(cal, year, p.month);
        if (!dim) return parse_failure(dim.error().message, p.year_offset);
        unsigned d1 = 1;
        unsigned d2 = *dim;
        if (p.part >= 0) std::tie(d1, d2) = part_days(p.part, *dim);
        first = day_of(year, p.month, d1);
        last = day_of(year, p.month, d2);
        break;
      }
      case Unit::season: {
        if (cal == Calendar::hijri) {
          return fail_at("the lunar Hijri calendar has no seasons", p.offset);
        }
        std::int64_t m0 =
            cal == Calendar::persian ? (p.season - 21) * 3 + 1 : (p.season - 21) * 3 + 3;
        std::int64_t m1 = m0;
        std::int64_t m2 = m0 + 2;
        if (p.part >= 0) {
          const auto [a, c] = part_range(p.part, 3);
          if (a > c) return fail_at("a season has no quarters", p.offset);
          m1 = m0 + a;
          m2 = m0 + c;
        }
        first = month_start(year, m1);
        auto next = month_start(year, m2 + 1);
        last = day_before(std::move(next));
        break;
      }
      case Unit::year: {
        std::int64_t m1 = 1;
        std::int64_t m2 = 12;
        if (p.part >= 0) {
          const auto [a, c] = part_range(p.part, 12);
          m1 = 1 + a;
          m2 = 1 + c;
        }
        first = month_start(year, m1);
        auto next = month_start(year, m2 + 1);
        last = day_before(std::move(next));
        break;
      }
      case Unit::decade:
      case Unit::century: {
        std::int64_t y1 = 0;
        std::int64_t y2 = years - 1;
        if (p.part >= 0) std::tie(y1, y2) = part_range(p.part, years);
        first = day_of(first_year + y1, 1, 1);
        auto next = day_of(first_year + y2 + 1, 1, 1);
        last = day_before(std::move(next));
        break;
      }
      case Unit::none:
        return fail_at("incomplete date", p.offset);
    }
    if (!first) return std::move(first).error();
    if (!last) return std::move(last).error();
    b.lo = edtf_of(*first);
    b.hi = edtf_of(*last);
    b.single = *first == *last;
  }
  for (const EdtfDate* d : {&b.lo, &b.hi}) {
    if (d->year > kMaxYear || d->year < -kMaxYear) {
      return fail_at("the year is out of range", p.year_offset);
    }
  }
  if (p.weekday >= 0) {
    static constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                "Friday", "Saturday", "Sunday"};
    if (p.unit != Unit::day) {
      return fail_at("a weekday needs a full date", p.weekday_offset);
    }
    const Day day = Day::from_civil(b.lo.year, b.lo.month, b.lo.day);
    const auto weekday = static_cast<int>(((day.count() + 3) % 7 + 7) % 7);  // 1970-01-01: Thu
    if (weekday != p.weekday) {
      return fail_at(Day::from_civil(b.lo.year, b.lo.month, b.lo.day).to_string() + " was a " +
                         kWeekdays[weekday] + ", not a " + kWeekdays[p.weekday],
                     p.weekday_offset);
    }
  }
  qualify(b.lo, q);
  qualify(b.hi, q);
  return b;
}

Result<FuzzyDate> Parser::build(const std::vector<Item>& items, ListKind kind) {
  using Endpoint = FuzzyDate::Endpoint;
  auto date_end = [](const EdtfDate& d) { return Endpoint{Endpoint::Type::date, d}; };
  const Endpoint unknown{};
  auto relocate = [&](Error e, std::size_t offset) {
    e.code = ErrorCode::parse_error;
    if (!e.offset) e.offset = offset;
    return e;
  };
  std::vector<FuzzyDate::SetElement> elements;
  for (const Item& it : items) {
    auto a = bounds_of(it.a, it.qualifier);
    if (!a) return std::move(a).error();
    Bounds b = *a;
    if (it.range) {
      auto rb = bounds_of(it.b, it.qualifier);
      if (!rb) return std::move(rb).error();
      b = *rb;
    }
    const std::size_t end_offset = it.range ? it.b.offset : it.a.offset;
    Endpoint first = date_end(a->lo);
    Endpoint last = date_end(b.hi);
    bool is_range = it.range || !a->single;
    switch (it.open) {
      case Open::none:
        break;
      case Open::before:
        first = unknown, is_range = true;
        break;
      case Open::after:
        last = unknown, is_range = true;
        break;
      case Open::or_later:
        last = unknown, is_range = true;
        break;
      case Open::or_earlier:
        first = unknown, is_range = true;
        break;
    }
    if (items.size() == 1) {
      auto r = is_range ? FuzzyDate::from_interval(first, last) : FuzzyDate::from_date(a->lo);
      if (!r) {
        Error e = std::move(r).error();
        if (e.message.find("ends before") != std::string::npos) {
          e.message = "the range ends before it begins";
        }
        return relocate(std::move(e), end_offset);
      }
      return r;
    }
    if (it.open != Open::none) {
      return parse_failure("\"before\", \"after\" and \"or later\" cannot be part of a list",
                           it.a.offset);
    }
    elements.push_back({first, is_range ? last : Endpoint{}, is_range});
  }
  auto r = FuzzyDate::from_set(
      kind == ListKind::one_of ? FuzzyDate::Kind::one_of : FuzzyDate::Kind::all_of,
      std::move(elements));
  if (!r) return relocate(std::move(r).error(), items.front().a.offset);
  return r;
}

Result<FuzzyDate> Parser::run(const DateParseOptions& options) {
  // Undated: the whole text is one such phrase.
  {
    std::size_t p = 0;
    while (is_punct(p, '('))
      ++p;
    if (const Match* m = match(p, NlClass::undated)) {
      std::size_t end = m->end;
      while (is_punct(end, ')') || is_punct(end, '.'))
        ++end;
      if (end == toks_.size()) {
        FuzzyDate undated;
        undated.set_provenance(Provenance{std::string(text_), options.calendar, {}});
        return undated;
      }
    }
  }
  std::vector<Item> items;
  ListKind kind = ListKind::single;
  const bool parsed = parse_list(items, kind);
  if (hard_) return *hard_;
  if (!parsed || !at_end()) {
    const std::size_t at = std::max(furthest_, parsed ? pos_ : 0);
    if (at >= toks_.size()) {
      return parse_failure("the date is incomplete", text_.size());
    }
    const Tok& t = toks_[at];
    return parse_failure(
        "cannot read \"" + std::string(text_.substr(t.offset, t.length)) + "\" as part of a date",
        t.offset);
  }
  // "January 12", "July": a Gregorian month without a year.
  if (items.size() == 1 && !items[0].range && items[0].open == Open::none &&
      items[0].a.month_named && !items[0].a.has_year &&
      (items[0].a.unit == Unit::day || items[0].a.unit == Unit::month)) {
    Point& p = items[0].a;
    if (auto r = resolve_calendars(items, options); !r) return std::move(r).error();
    if (p.calendar != Calendar::gregorian || p.part >= 0) {
      return parse_failure("the date needs a year", text_.size());
    }
    EdtfDate d = p.unit == Unit::day ? edtf_day(0, p.month, p.day) : edtf_month(0, p.month);
    d.unspecified = 0b1111;
    if (p.unit == Unit::day && p.day > (p.month == 2 ? 29u : days_in_month(2001, p.month))) {
      return parse_failure(
          "there is no day " + std::to_string(p.day) + " in month " + std::to_string(p.month),
          p.day_offset);
    }
    qualify(d, p.prefix | p.suffix | items[0].qualifier);
    auto r = FuzzyDate::from_date(d);
    if (!r) return parse_failure(r.error().message, p.offset);
    r->set_provenance(Provenance{std::string(text_), Calendar::gregorian, {}});
    return r;
  }
  for (const Item& it : items) {
    for (const Point* p : {&it.a, &it.b}) {
      if (p == &it.b && !it.range) continue;
      if (p->incomplete()) return parse_failure("the date needs a year", text_.size());
    }
  }
  if (auto r = resolve_calendars(items, options); !r) return std::move(r).error();
  auto built = build(items, kind);
  if (!built) return built;
  built->set_provenance(Provenance{std::string(text_), *items[0].a.calendar, {}});
  return built;
}

// The lexicon's languages a parse may use. Automatic detection needs no pass of its own: every
// word is looked up among the words of its script (Cyrillic ones are Russian, Arabic-script
// ones Persian), and the Latin abbreviations all three use ("c.", "AD", "O.S.", "SH") are in
// every language.
std::uint8_t languages_for(DateLanguage language) {
  switch (language) {
    case DateLanguage::english:
      return detail::kNlEnglish;
    case DateLanguage::russian:
      return detail::kNlRussian;
    case DateLanguage::persian:
      return detail::kNlPersian;
    case DateLanguage::automatic:
      break;
  }
  return detail::kNlAnyLanguage;
}

// Characters EDTF uses; text with any other goes straight to the natural-language reader.
bool may_be_edtf(std::string_view text) noexcept {
  for (const char c : text) {
    const bool ok = (c >= '0' && c <= '9') || c == 'X' || c == 'Y' || c == 'E' || c == 'S' ||
                    c == 'T' || c == 'Z' || c == '-' || c == '+' || c == ':' || c == '/' ||
                    c == '.' || c == '~' || c == '?' || c == '%' || c == '[' || c == ']' ||
                    c == '{' || c == '}' || c == ',' || c == ' ';
    if (!ok) return false;
  }
  return true;
}

// "1910-30": a hyphenated two-digit end that EDTF would read as a division (21–41) but that
// is a later year than the start's: catalogers mean the range 1910–1930.
bool is_abbreviated_range(std::string_view text) noexcept {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text.size() < 7 || text[4] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
    if (!digit(text[i])) return false;
  }
  if (text.size() > 8 || (text.size() == 8 && text[7] != '?' && text[7] != '~' && text[7] != '%')) {
    return false;
  }
  const int end = (text[5] - '0') * 10 + (text[6] - '0');
  const int start = (text[2] - '0') * 10 + (text[3] - '0');
  return end >= 21 && end <= 41 && end > start;
}

bool is_short_number(std::string_view text) noexcept {
  if (text.empty() || text.size() > 3) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view s) noexcept {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

}  // namespace

Result<FuzzyDate> parse_date(std::string_view text, const DateParseOptions& options) {
  if (auto v = text::validate_utf8(text); !v) return std::move(v).error();
  const std::string_view trimmed = trim(text);
  if (trimmed.empty()) return parse_failure("the date is empty", 0);

  if (may_be_edtf(trimmed) && !is_short_number(trimmed) && !is_abbreviated_range(trimmed)) {
    if (auto r = parse_edtf(trimmed)) {
      FuzzyDate value = *std::move(r);
      // "[1945]", "[1945?]": a supplied date, not a set of one.
      if (value.kind() == FuzzyDate::Kind::one_of && value.elements().size() == 1 &&
          !value.elements()[0].range) {
        auto single = FuzzyDate::from_date(value.elements()[0].first.date);
        if (single) value = *std::move(single);
      }
      value.set_provenance(Provenance{std::string(text), Calendar::gregorian, {}});
      return value;
    }
  }

  thread_local Scratch scratch;
  lex(text, scratch);
  drop_brackets(scratch.toks);
  Parser parser(text, scratch, languages_for(options.language));
  return parser.run(options);
}

}  // namespace archive
