#include "archive/text/normalize.hpp"

#include <unicode/uchar.h>

#include <cstdint>

#include "archive/text/utf8.hpp"
#include "text/icu_support.hpp"
#include "text/utf8_decode.hpp"

namespace archive::text {

namespace {

constexpr char32_t kZwnj = 0x200C;
constexpr char32_t kTatweel = 0x0640;
constexpr char32_t kPersianYeh = 0x06CC;
constexpr char32_t kKeheh = 0x06A9;
constexpr char32_t kAlef = 0x0627;

bool is_ascii(std::string_view s) noexcept {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Arabic-Indic (U+0660..0669) and Extended Arabic-Indic/Persian (U+06F0..06F9) digits.
int arabic_digit_value(char32_t cp) noexcept {
  if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
  return -1;
}

// Letter mappings unify_persian and fold share.
char32_t unify_letter(char32_t cp) noexcept {
  switch (cp) {
    case 0x064A:  // ARABIC LETTER YEH
    case 0x0649:  // ARABIC LETTER ALEF MAKSURA
      return kPersianYeh;
    case 0x0643:  // ARABIC LETTER KAF
      return kKeheh;
    case 0x0623:  // ALEF WITH HAMZA ABOVE
    case 0x0625:  // ALEF WITH HAMZA BELOW
    case 0x0671:  // ALEF WASLA
      return kAlef;
    default:
      return cp;
  }
}

// Combining marks fold removes: the generic diacritic blocks, Cyrillic titlo and friends, and
// the Arabic harakat and Quranic annotation marks. Marks of other scripts (Indic vowel signs,
// Hebrew points) carry letters' sounds and are kept.
bool is_foldable_mark(char32_t cp) noexcept {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
         (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
         (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E4) ||
         (cp >= 0x06E7 && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED) ||
         (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Code points fold rewrites after decomposition; returns nullptr when cp is kept as is.
const char* fold_replacement(char32_t cp) noexcept {
  switch (cp) {
    case 0x0131:
      return "i";  // ı dotless i (Azerbaijani, Turkish)
    case 0x0142:
      return "l";  // ł
    case 0x00F8:
      return "o";  // ø
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x0127:
      return "h";  // ħ
    case 0x0167:
      return "t";  // ŧ
    case 0x0140:
      return "l";  // ŀ
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x00FE:
      return "th";        // þ
    case 0x0629:          // ة teh marbuta
    case 0x06C0:          // ۀ heh with yeh above (when not decomposed)
    case 0x06D5:          // ە ae (the base of a decomposed ۀ)
    case 0x06C1:          // ہ heh goal
    case 0x06C2:          // ۂ heh goal with hamza above
    case 0x06C3:          // ۃ teh marbuta goal
    case 0x06BE:          // ھ heh doachashmee
      return "\xD9\x87";  // ه
    case 0x0622:          // آ alef with madda (when not decomposed)
      return "\xD8\xA7";  // ا
    case kTatweel:
    case kZwnj:
    case 0x200D:  // ZWJ
    case 0x200E:  // LRM
    case 0x200F:  // RLM
    case 0x061C:  // ALM
      return "";
    default:
      return nullptr;
  }
}

Result<void> fold_non_ascii(std::string_view text, std::string& out) {
  // 1. NFKC + case folding; 2. canonical decomposition; 3. drop marks, map letters and
  // digits; 4. recompose (so и + breve becomes й again).
  thread_local std::string casefolded;
  thread_local std::string decomposed;
  thread_local std::string filtered;
  if (auto r = detail::normalize_utf8(detail::nfkc_casefold(), text, casefolded); !r) return r;
  if (auto r = detail::normalize_utf8(detail::nfd(), casefolded, decomposed); !r) return r;

  filtered.clear();
  char32_t previous = 0;
  for (std::size_t i = 0; i < decomposed.size();) {
    const detail::Decoded d = detail::decode_utf8(decomposed, i);
    i += d.length;
    char32_t cp = d.code_point;
    if (is_foldable_mark(cp)) {
      // The breve on и makes й, a letter of its own in Russian; keep it.
      if (cp == 0x0306 && previous == 0x0438) filtered += "\xCC\x86";
      continue;
    }
    previous = cp;
    if (cp < 0x80) {
      filtered += static_cast<char>(cp);
      continue;
    }
    if (const int digit = arabic_digit_value(cp); digit >= 0) {
      filtered += static_cast<char>('0' + digit);
      continue;
    }
    if (u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER) {
      const int32_t digit = u_charDigitValue(static_cast<UChar32>(cp));
      if (digit >= 0 && digit <= 9) {
        filtered += static_cast<char>('0' + digit);
        continue;
      }
    }
    if (const char* replacement = fold_replacement(cp)) {
      filtered += replacement;
      continue;
    }
    detail::append_utf8(filtered, unify_letter(cp));
  }
  return detail::normalize_utf8(detail::nfc(), filtered, out);
}

// The fold of one code point of the common Russian and Persian alphabets, whose fold needs no
// normalization: 0 when `cp` is outside that set (the full path must handle it), kDropped
// when it folds to nothing. Must agree with fold_non_ascii (tests check every such point).
constexpr char32_t kDropped = 0xFFFFFFFF;
char32_t simple_fold(char32_t cp) noexcept {
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;  // А..Я → а..я (Й → й)
  if (cp >= 0x0430 && cp <= 0x044F) return cp;         // а..я
  if (cp == 0x0401 || cp == 0x0451) return 0x0435;     // Ё ё → е
  if (const int digit = arabic_digit_value(cp); digit >= 0) return U'0' + digit;
  switch (cp) {
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ
      return kAlef;
    case 0x0624:
      return 0x0648;  // ؤ → و
    case 0x0626:      // ئ
    case 0x064A:      // ي
    case 0x0649:
      return kPersianYeh;  // ى
    case 0x0643:
      return kKeheh;  // ك
    case 0x0629:
      return 0x0647;  // ة → ه
    case kTatweel:
      return kDropped;
    case kZwnj:
      return kDropped;
    case 0x067E:  // پ
    case 0x0686:  // چ
    case 0x0698:  // ژ
    case 0x06A9:  // ک
    case 0x06AF:  // گ
    case 0x06CC:
      return cp;  // ی
    default:
      break;
  }
  if ((cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A)) return cp;
  return 0;
}

// fold() for text made only of ASCII and simple_fold's letters, without ICU; false (and `out`
// unspecified) when some code point needs the full path.
bool fold_simple(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b + ('a' - 'A')) : static_cast<char>(b);
      ++i;
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(text, i);
    const char32_t folded = d.problem == detail::Utf8Problem::none ? simple_fold(d.code_point) : 0;
    if (folded == 0) return false;
    if (folded != kDropped) detail::append_utf8(out, folded);
    i += d.length;
  }
  return true;
}

bool is_letter_or_mark(char32_t cp) noexcept {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

bool is_arabic_letter(char32_t cp) noexcept {
  return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) || cp == 0x06D5 ||
         (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF || (cp >= 0x0750 && cp <= 0x077F);
}

}  // namespace

Result<std::string> to_nfc(std::string_view text) {
  if (auto v = validate_utf8(text); !v) return std::move(v).error();
  std::string out;
  if (auto r = detail::normalize_utf8(detail::nfc(), text, out); !r) return std::move(r).error();
  return out;
}

Result<std::string> to_nfkc(std::string_view text) {
  if (auto v = validate_utf8(text); !v) return std::move(v).error();
  std::string out;
  if (auto r = detail::normalize_utf8(detail::nfkc(), text, out); !r) {
    return std::move(r).error();
  }
  return out;
}

Result<std::string> unify_persian(std::string_view text) {
  if (auto v = validate_utf8(text); !v) return std::move(v).error();
  std::string composed;
  if (auto r = detail::normalize_utf8(detail::nfc(), text, composed); !r) {
    return std::move(r).error();
  }
  std::string unified;
  unified.reserve(composed.size());
  std::string& out = unified;
  bool pending_zwnj = false;  // a ZWNJ is written only inside a word: between letters/marks
  char32_t previous = 0;
  for (std::size_t i = 0; i < composed.size();) {
    const detail::Decoded d = detail::decode_utf8(composed, i);
    i += d.length;
    const char32_t cp = d.code_point;
    if (cp == kTatweel) continue;
    if (cp == kZwnj) {
      pending_zwnj = previous != 0 && is_letter_or_mark(previous);
      continue;
    }
    if (pending_zwnj && is_letter_or_mark(cp)) detail::append_utf8(out, kZwnj);
    pending_zwnj = false;
    previous = cp;
    if (const int digit = arabic_digit_value(cp); digit >= 0) {
      out += static_cast<char>('0' + digit);
      continue;
    }
    detail::append_utf8(out, is_arabic_letter(cp) ? unify_letter(cp) : cp);
  }
  // Removing a tatweel can bring a mark next to its letter (ا ـ ٓ → آ): compose again.
  std::string result;
  if (auto r = detail::normalize_utf8(detail::nfc(), unified, result); !r) {
    return std::move(r).error();
  }
  return result;
}

Result<void> fold_into(std::string_view text, std::string& out) {
  if (!out.empty() && text.data() >= out.data() && text.data() < out.data() + out.size()) {
    const std::string copy(text);  // `text` views `out` itself: fold a copy
    return fold_into(copy, out);
  }
  out.clear();
  if (is_ascii(text)) {
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    return {};
  }
  if (fold_simple(text, out)) return {};  // valid, and needs no ICU
  out.clear();
  if (auto v = validate_utf8(text); !v) return v;
  auto r = fold_non_ascii(text, out);
  if (!r) out.clear();
  return r;
}

Result<std::string> fold(std::string_view text) {
  std::string out;
  if (auto r = fold_into(text, out); !r) return std::move(r).error();
  return out;
}

}  // namespace archive::text
