// Transliterator: romanization of Cyrillic (Russian, Azerbaijani) and Arabic-script (Persian,
// Arabic) names under the schemes documented in docs/transliteration.md.
//
// The text is cut into words of one script; each word is romanized on its own (so ICU rules
// can anchor on the word's start and end) and remembered in a per-thread cache. Cyrillic words
// are lower-cased before the ICU transform and their capitalization put back afterwards; Persian
// words are looked up in the lexicon first and fall back to the rule-based transform.
#include "archive/names/transliterator.hpp"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <array>
#include <atomic>
#include <cassert>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "archive/text/normalize.hpp"
#include "archive/text/script.hpp"
#include "archive/text/utf8.hpp"
#include "detail/enum_names.hpp"
#include "names/translit_lexicon.hpp"
#include "names/translit_rules.hpp"
#include "text/utf8_decode.hpp"

namespace archive {

namespace {

using detail::LexiconScheme;
using detail::TransformId;
using text::detail::append_utf8;
using text::detail::decode_utf8;
using text::detail::Decoded;

constexpr char32_t kZwnj = 0x200C;
constexpr char32_t kTatweel = 0x0640;
constexpr char32_t kShadda = 0x0651;
constexpr std::string_view kTie = "\xCD\xA1";  // U+0361 COMBINING DOUBLE INVERTED BREVE
// Entries a thread's cache holds before it is emptied and refilled.
constexpr std::size_t kCacheLimit = std::size_t{1} << 16;

std::atomic<std::uint64_t> g_next_id{1};

bool is_mark(char32_t cp) noexcept {
  return cp >= 0x300 && (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

// The Azerbaijani Cyrillic letters Russian does not have: ә ғ ҹ һ ө ү ҝ ј.
bool is_azerbaijani_letter(char32_t cp) noexcept {
  switch (cp) {
    case 0x04D8:
    case 0x04D9:  // Ә ә
    case 0x0492:
    case 0x0493:  // Ғ ғ
    case 0x04B8:
    case 0x04B9:  // Ҹ ҹ
    case 0x04BA:
    case 0x04BB:  // Һ һ
    case 0x04E8:
    case 0x04E9:  // Ө ө
    case 0x04AE:
    case 0x04AF:  // Ү ү
    case 0x049C:
    case 0x049D:  // Ҝ ҝ
    case 0x0408:
    case 0x0458:  // Ј ј
      return true;
    default:
      return false;
  }
}

// Arabic-script punctuation and its Latin counterpart.
const char* latin_punctuation(char32_t cp) noexcept {
  switch (cp) {
    case 0x060C:
      return ",";  // ، comma
    case 0x061B:
      return ";";  // ؛ semicolon
    case 0x061F:
      return "?";  // ؟ question mark
    case 0x066A:
      return "%";  // ٪ percent
    case 0x066B:
      return ".";  // ٫ decimal separator
    case 0x066C:
      return ",";  // ٬ thousands separator
    case 0x06D4:
      return ".";  // ۔ full stop
    default:
      return nullptr;
  }
}

std::size_t lexicon_index(Scheme scheme) noexcept {
  switch (scheme) {
    case Scheme::bgn_pcgn:
      return static_cast<std::size_t>(LexiconScheme::bgn_pcgn);
    case Scheme::ala_lc:
      return static_cast<std::size_t>(LexiconScheme::ala_lc);
    case Scheme::iso9:
    case Scheme::popular:
      break;
  }
  return static_cast<std::size_t>(LexiconScheme::popular);
}

TransformId cyrillic_transform(Scheme scheme, bool azerbaijani) noexcept {
  switch (scheme) {
    case Scheme::bgn_pcgn:
      return azerbaijani ? TransformId::azerbaijani_bgn_pcgn : TransformId::russian_bgn_pcgn;
    case Scheme::ala_lc:
      return TransformId::russian_ala_lc;
    case Scheme::iso9:
      return TransformId::russian_iso9;
    case Scheme::popular:
      break;
  }
  return azerbaijani ? TransformId::azerbaijani_popular : TransformId::russian_popular;
}

TransformId arabic_script_transform(Scheme scheme, bool arabic) noexcept {
  switch (scheme) {
    case Scheme::bgn_pcgn:
      return arabic ? TransformId::arabic_bgn_pcgn : TransformId::persian_bgn_pcgn;
    case Scheme::ala_lc:
      return arabic ? TransformId::arabic_ala_lc : TransformId::persian_ala_lc;
    case Scheme::iso9:  // refused before a word is reached
    case Scheme::popular:
      break;
  }
  return arabic ? TransformId::arabic_popular : TransformId::persian_popular;
}

// True when UTF-8 `s` has a code point of the Cyrillic blocks (U+0400..U+052F).
bool has_cyrillic(std::string_view s) noexcept {
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0xD0 && b <= 0xD4) return true;
  }
  return false;
}

// 1 for a capital, -1 for a small letter, 0 otherwise; the Russian alphabet without ICU.
int cyrillic_case(char32_t cp) noexcept {
  if ((cp >= 0x0410 && cp <= 0x042F) || cp == 0x0401) return 1;
  if ((cp >= 0x0430 && cp <= 0x044F) || cp == 0x0451) return -1;
  const auto c = static_cast<UChar32>(cp);
  if (u_isupper(c) || u_istitle(c)) return 1;
  return u_islower(c) ? -1 : 0;
}

char32_t cyrillic_lower(char32_t cp) noexcept {
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;
  if (cp == 0x0401) return 0x0451;
  if (cp >= 0x0430 && cp <= 0x044F) return cp;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

enum class Case : std::uint8_t { lower, title, upper };

void to_upper(std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toUpper(icu::Locale::getRoot());
  s.clear();
  u.toUTF8String(s);
}

// Title case for a romanized word: its first letter upper-cased, and with it the letter joined
// to it by an ALA-LC tie (Юбилейный → I͡Ubileĭnyĭ, as in the ALA-LC table).
void to_title(std::string& s) {
  detail::capitalize_first(s);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') {  // the usual case, without ICU
    if (s.compare(1, kTie.size(), kTie) == 0 && 1 + kTie.size() < s.size()) {
      std::string rest = s.substr(1 + kTie.size());
      detail::capitalize_first(rest);
      s.replace(1 + kTie.size(), std::string::npos, rest);
    }
    return;
  }
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_utf8(s, i);
    if (u_isupper(static_cast<UChar32>(d.code_point)) ||
        u_istitle(static_cast<UChar32>(d.code_point))) {
      const std::size_t after = i + d.length;
      if (s.compare(after, kTie.size(), kTie) == 0 && after + kTie.size() < s.size()) {
        std::string rest = s.substr(after + kTie.size());
        detail::capitalize_first(rest);
        s.replace(after + kTie.size(), std::string::npos, rest);
      }
      return;
    }
    i += d.length;
  }
}

void apply_case(std::string& s, Case c) {
  if (c == Case::upper) to_upper(s);
  if (c == Case::title) to_title(s);
}

void remove_ties(std::string& s) {
  for (std::size_t at = s.find(kTie); at != std::string::npos; at = s.find(kTie, at)) {
    s.erase(at, kTie.size());
  }
}

// Arabic proper keeps its letters (ي ى ك are told apart by the Arabic tables); only tatweel goes
// and native digits become ASCII.
std::string prepare_arabic(std::string_view nfc) {
  std::string out;
  out.reserve(nfc.size());
  for (std::size_t i = 0; i < nfc.size();) {
    const Decoded d = decode_utf8(nfc, i);
    i += d.length;
    const char32_t cp = d.code_point;
    if (cp == kTatweel) continue;
    if (cp >= 0x0660 && cp <= 0x0669) {
      out += static_cast<char>('0' + (cp - 0x0660));
    } else if (cp >= 0x06F0 && cp <= 0x06F9) {
      out += static_cast<char>('0' + (cp - 0x06F0));
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

// A letter doubled by shadda is written twice, before its vowel marks (بَّ → ببَ).
std::string expand_shadda(std::string_view word) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < word.size();) {
    const Decoded d = decode_utf8(word, i);
    i += d.length;
    if (d.code_point != kShadda) {
      cps.push_back(d.code_point);
      continue;
    }
    std::size_t base = cps.size();
    while (base > 0 && is_mark(cps[base - 1]))
      --base;
    if (base > 0) cps.insert(cps.begin() + static_cast<std::ptrdiff_t>(base), cps[base - 1]);
  }
  std::string out;
  for (const char32_t cp : cps)
    append_utf8(out, cp);
  return out;
}

// BGN/PCGN 1956 Arabic assimilates the article to a following "sun letter" (ash Sharq).
const char* bgn_sun_letter(char32_t cp) noexcept {
  switch (cp) {
    case 0x062A:
      return "t";
    case 0x062B:
      return "th";
    case 0x062F:
      return "d";
    case 0x0630:
      return "dh";
    case 0x0631:
      return "r";
    case 0x0632:
      return "z";
    case 0x0633:
      return "s";
    case 0x0634:
      return "sh";
    case 0x0635:
      return "ş";
    case 0x0636:
      return "ḑ";
    case 0x0637:
      return "ţ";
    case 0x0638:
      return "z̧";
    case 0x0644:
      return "l";
    case 0x0646:
      return "n";
    default:
      return nullptr;
  }
}

Error unsupported_iso9(std::optional<std::size_t> offset) {
  return make_error(ErrorCode::unsupported,
                    "ISO 9 is a Cyrillic transliteration; Persian and Arabic have none", offset);
}

constexpr auto kSchemes = detail::enum_names<Scheme>({{Scheme::bgn_pcgn, "bgn-pcgn"},
                                                      {Scheme::ala_lc, "ala-lc"},
                                                      {Scheme::iso9, "iso9"},
                                                      {Scheme::popular, "popular"}},
                                                     "popular");
static_assert(kSchemes.valid());

}  // namespace

const std::string& to_string(Scheme scheme) noexcept {
  return detail::enum_name<kSchemes>(scheme);
}

Result<Scheme> parse_scheme(std::string_view name) {
  if (auto scheme = kSchemes.parse(name)) return *scheme;
  return make_error(ErrorCode::invalid_argument, "unknown scheme '" + std::string(name) + "'");
}

// One thread's working copies: clones of the ICU transforms (an ICU Transliterator must not be
// used by two threads at once), the cache of romanized words and scratch buffers.
struct ThreadState {
  std::array<std::unique_ptr<icu::Transliterator>, detail::kTransformCount> transforms;
  std::unordered_map<std::string, std::string> cache;
  std::uint64_t generation = 0;
  icu::UnicodeString buffer;
  std::string key;
  std::string lexicon_key;
  std::string lower;
  std::string clean;
};

struct Transliterator::Impl {
  const std::uint64_t instance_id = g_next_id.fetch_add(1, std::memory_order_relaxed);
  // Built once in create(), never used directly to transliterate: threads clone them.
  std::array<std::unique_ptr<icu::Transliterator>, detail::kTransformCount> prototypes;
  detail::PersianLexicon lexicon;
  // Bumped by add_persian_name; a thread whose cache is older empties it.
  std::atomic<std::uint64_t> generation{1};
  mutable std::mutex mutex;
  mutable std::unordered_map<std::thread::id, std::unique_ptr<ThreadState>> states;

  ThreadState& thread_state() const;
  icu::Transliterator& transform(ThreadState& state, TransformId id) const;
  // Runs a transform over one word (lower case for Cyrillic) into `out`.
  void run(ThreadState& state, TransformId id, std::string_view word, std::string& out) const;

  Result<std::string> romanize(std::string_view text, const RomanizeOptions& options) const;
  void cyrillic_word(ThreadState& state, std::string_view word, TransformId id, bool ties,
                     std::string& out) const;
  void cyrillic_piece(ThreadState& state, std::string_view piece, Case c, TransformId id, bool ties,
                      std::string& out) const;
  void persian_word(ThreadState& state, std::string_view word, Scheme scheme,
                    std::string& out) const;
  void arabic_word(ThreadState& state, std::string_view word, Scheme scheme,
                   std::string& out) const;
  // The rule-based form of an Arabic-script word: its ZWNJ-separated parts romanized and
  // capitalized, joined as the scheme joins them.
  void fallback(ThreadState& state, std::string_view word, Scheme scheme, bool arabic,
                std::string& out) const;
};

ThreadState& Transliterator::Impl::thread_state() const {
  // A few (instance, state) pairs per thread spare the lock on the hot path. Instance ids are
  // never reused, so a pair left by a destroyed instance never matches again.
  struct Slot {
    std::uint64_t owner = 0;
    ThreadState* state = nullptr;
  };
  thread_local std::array<Slot, 4> slots{};
  thread_local std::size_t next_slot = 0;
  for (const Slot& slot : slots) {
    if (slot.owner == instance_id) return *slot.state;
  }
  ThreadState* state = nullptr;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<ThreadState>& owned = states[std::this_thread::get_id()];
    if (!owned) owned = std::make_unique<ThreadState>();
    state = owned.get();
  }
  slots[next_slot] = Slot{instance_id, state};
  next_slot = (next_slot + 1) % slots.size();
  return *state;
}

icu::Transliterator& Transliterator::Impl::transform(ThreadState& state, TransformId id) const {
  std::unique_ptr<icu::Transliterator>& t = state.transforms[static_cast<std::size_t>(id)];
  if (!t) t.reset(prototypes[static_cast<std::size_t>(id)]->clone());
  return *t;
}

void Transliterator::Impl::run(ThreadState& state, TransformId id, std::string_view word,
                               std::string& out) const {
  state.buffer = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  transform(state, id).transliterate(state.buffer);
  out.clear();
  state.buffer.toUTF8String(out);
}

void Transliterator::Impl::cyrillic_piece(ThreadState& state, std::string_view piece, Case c,
                                          TransformId id, bool ties, std::string& out) const {
  // Cache key: the transform, then the lower-cased piece.
  state.lower.clear();
  for (std::size_t i = 0; i < piece.size();) {
    const Decoded d = decode_utf8(piece, i);
    i += d.length;
    append_utf8(state.lower, cyrillic_lower(d.code_point));
  }
  state.key.assign(1, static_cast<char>(id));
  state.key += state.lower;
  auto found = state.cache.find(state.key);
  if (found == state.cache.end()) {
    if (state.cache.size() >= kCacheLimit) state.cache.clear();
    std::string latin;
    run(state, id, state.lower, latin);
    if (has_cyrillic(latin)) {  // letters the scheme's table does not cover
      const bool ascii =
          id == TransformId::russian_popular || id == TransformId::azerbaijani_popular;
      std::string rest;
      run(state, ascii ? TransformId::cyrillic_leftovers_ascii : TransformId::cyrillic_leftovers,
          latin, rest);
      latin = std::move(rest);
    }
    found = state.cache.emplace(state.key, std::move(latin)).first;
  }
  std::string latin = found->second;
  if (!ties) remove_ties(latin);
  apply_case(latin, c);
  out += latin;
}

void Transliterator::Impl::cyrillic_word(ThreadState& state, std::string_view word, TransformId id,
                                         bool ties, std::string& out) const {
  // The word without stress marks (а́, о̀), cut into pieces before each capital that follows a
  // small letter (МакДональд → Мак, Дональд); each piece keeps its own capitalization.
  std::string& clean = state.clean;
  clean.clear();
  std::size_t piece_start = 0;
  std::size_t letters = 0;
  std::size_t capitals = 0;
  bool first_capital = false;
  bool lower_before = false;
  const auto flush = [&] {
    if (clean.size() == piece_start) return;
    Case c = Case::lower;
    if (capitals > 0 && capitals == letters && letters > 1) {
      c = Case::upper;
    } else if (first_capital) {
      c = Case::title;
    }
    cyrillic_piece(state, std::string_view(clean).substr(piece_start), c, id, ties, out);
    piece_start = clean.size();
    letters = capitals = 0;
    first_capital = false;
  };
  for (std::size_t i = 0; i < word.size();) {
    const Decoded d = decode_utf8(word, i);
    i += d.length;
    if (d.code_point == 0x0301 || d.code_point == 0x0300) continue;
    const int letter_case = cyrillic_case(d.code_point);
    if (letter_case > 0 && lower_before) flush();
    if (letter_case > 0) {
      if (clean.size() == piece_start) first_capital = true;
      ++capitals;
    }
    lower_before = letter_case < 0 || (lower_before && letter_case == 0);
    if (!is_mark(d.code_point)) ++letters;
    append_utf8(clean, d.code_point);
  }
  flush();
}

void Transliterator::Impl::fallback(ThreadState& state, std::string_view word, Scheme scheme,
                                    bool arabic, std::string& out) const {
  const TransformId id = arabic_script_transform(scheme, arabic);
  std::string_view joiner;
  if (scheme == Scheme::bgn_pcgn) joiner = " ";
  if (scheme == Scheme::ala_lc) joiner = "\xCA\xB9";  // ʹ prime (ALA-LC rule 12b)
  bool first = true;
  while (!word.empty()) {
    const std::size_t zwnj = word.find("\xE2\x80\x8C");
    const std::string_view part = word.substr(0, zwnj);
    word.remove_prefix(zwnj == std::string_view::npos ? word.size() : zwnj + 3);
    if (part.empty()) continue;
    std::string latin;
    run(state, id, expand_shadda(part), latin);
    if (first || scheme == Scheme::bgn_pcgn) detail::capitalize_first(latin);
    if (!first) out += joiner;
    out += latin;
    first = false;
  }
}

void Transliterator::Impl::persian_word(ThreadState& state, std::string_view word, Scheme scheme,
                                        std::string& out) const {
  const std::size_t column = lexicon_index(scheme);
  state.key.assign(1, static_cast<char>(0x80 + column));
  state.key += word;
  if (const auto found = state.cache.find(state.key); found != state.cache.end()) {
    out += found->second;
    return;
  }
  std::string latin;
  const bool known = detail::PersianLexicon::key_of(word, state.lexicon_key).has_value() &&
                     lexicon.romanize(state.lexicon_key, static_cast<LexiconScheme>(column), latin);
  if (!known) {
    latin.clear();
    fallback(state, word, scheme, false, latin);
  }
  if (state.cache.size() >= kCacheLimit) state.cache.clear();
  out += latin;
  state.cache.emplace(state.key, std::move(latin));
}

void Transliterator::Impl::arabic_word(ThreadState& state, std::string_view word, Scheme scheme,
                                       std::string& out) const {
  const std::size_t column = lexicon_index(scheme);
  state.key.assign(1, static_cast<char>(0x90 + column));
  state.key += word;
  if (const auto found = state.cache.find(state.key); found != state.cache.end()) {
    out += found->second;
    return;
  }
  std::string latin;
  constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";                // ال
  constexpr std::string_view kAllah = "\xD8\xA7\xD9\x84\xD9\x84\xD9\x87";  // الله
  if (word == kAllah) {
    latin = scheme == Scheme::popular ? "Allah" : "All\xC4\x81h";  // Allāh
  } else if (word.size() >= kArticle.size() + 4 && word.substr(0, kArticle.size()) == kArticle) {
    const std::string_view rest = word.substr(kArticle.size());
    std::string noun;
    fallback(state, rest, scheme, true, noun);
    const char32_t first = decode_utf8(rest, 0).code_point;
    if (scheme == Scheme::bgn_pcgn) {
      // BGN/PCGN 1956: a separate article, assimilated to a sun letter (ash Shāriqah).
      // Lower case inside a name (ʻAbd ar Raḩmān); romanize() capitalizes the text's first
      // letter.
      const char* sun = bgn_sun_letter(first);
      latin = "a";
      latin += sun != nullptr ? sun : "l";
      latin += ' ';
    } else {
      latin = "al-";  // ALA-LC and the usual English form: al-Qāhirah, al-Sadr
    }
    latin += noun;
  } else {
    fallback(state, word, scheme, true, latin);
  }
  if (state.cache.size() >= kCacheLimit) state.cache.clear();
  out += latin;
  state.cache.emplace(state.key, std::move(latin));
}

Result<std::string> Transliterator::Impl::romanize(std::string_view text,
                                                   const RomanizeOptions& options) const {
  if (auto valid = text::validate_utf8(text); !valid) return std::move(valid).error();
  const bool iso9 = options.scheme == Scheme::iso9;
  if (iso9 && (options.from == NameLanguage::persian || options.from == NameLanguage::arabic)) {
    return unsupported_iso9(std::nullopt);
  }
  bool has_cyrillic = false;
  bool has_arabic = false;
  bool azerbaijani = false;
  bool presentation_forms = false;  // Arabic ligatures and contextual forms (ﻻ, ﷲ)
  std::optional<std::size_t> first_arabic;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode_utf8(text, i);
    const text::Script s = text::script_of(d.code_point);
    if (s == text::Script::cyrillic) {
      has_cyrillic = true;
      azerbaijani = azerbaijani || is_azerbaijani_letter(d.code_point);
    } else if (s == text::Script::arabic) {
      has_arabic = true;
      if (!first_arabic) first_arabic = i;
      presentation_forms = presentation_forms ||
                           (d.code_point >= 0xFB50 && d.code_point <= 0xFDFF) ||
                           (d.code_point >= 0xFE70 && d.code_point <= 0xFEFF);
    }
    i += d.length;
  }
  // Arabic presentation forms are compatibility characters: NFKC turns them into letters.
  Result<std::string> nfc = presentation_forms ? text::to_nfkc(text) : text::to_nfc(text);
  if (!nfc) return nfc;
  if (!has_cyrillic && !has_arabic) return nfc;  // Latin (or no letters): as is, in NFC
  if (iso9 && has_arabic) return unsupported_iso9(first_arabic);

  const bool arabic = options.from == NameLanguage::arabic;
  std::string prepared;
  if (has_arabic && !arabic) {
    Result<std::string> unified = text::unify_persian(*nfc);
    if (!unified) return unified;
    prepared = std::move(*unified);
  } else if (has_arabic) {
    prepared = prepare_arabic(*nfc);
  } else {
    prepared = std::move(*nfc);
  }

  ThreadState& state = thread_state();
  if (const std::uint64_t g = generation.load(std::memory_order_acquire); state.generation != g) {
    state.cache.clear();
    state.generation = g;
  }
  const TransformId cyrillic_id = cyrillic_transform(options.scheme, azerbaijani);
  const bool ties = options.ala_lc_ties;

  std::string out;
  out.reserve(prepared.size() + prepared.size() / 2);
  for (std::size_t i = 0; i < prepared.size();) {
    const Decoded d = decode_utf8(prepared, i);
    const text::Script s = text::script_of(d.code_point);
    if (s != text::Script::cyrillic && s != text::Script::arabic) {
      if (const char* p = latin_punctuation(d.code_point)) {
        out += p;
      } else {
        out.append(prepared, i, d.length);
      }
      i += d.length;
      continue;
    }
    // A word: letters of this script and their marks (and, in Arabic script, a ZWNJ between
    // two letters).
    std::size_t end = i + d.length;
    while (end < prepared.size()) {
      const Decoded e = decode_utf8(prepared, end);
      if (text::script_of(e.code_point) == s || is_mark(e.code_point)) {
        end += e.length;
        continue;
      }
      if (s == text::Script::arabic && e.code_point == kZwnj && end + e.length < prepared.size() &&
          text::script_of(decode_utf8(prepared, end + e.length).code_point) == s) {
        end += e.length;
        continue;
      }
      break;
    }
    const std::string_view word = std::string_view(prepared).substr(i, end - i);
    if (s == text::Script::cyrillic) {
      cyrillic_word(state, word, cyrillic_id, ties, out);
    } else if (arabic) {
      arabic_word(state, word, options.scheme, out);
    } else {
      persian_word(state, word, options.scheme, out);
    }
    i = end;
  }
  // BGN/PCGN capitalizes an article that starts a name (Al Qāhirah).
  if (arabic && options.scheme == Scheme::bgn_pcgn) detail::capitalize_first(out);
  bool ascii = true;
  for (const char c : out)
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return out;
  return text::to_nfc(out);
}

Transliterator::Transliterator(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Transliterator::~Transliterator() = default;
Transliterator::Transliterator(Transliterator&&) noexcept = default;
Transliterator& Transliterator::operator=(Transliterator&&) noexcept = default;

Result<Transliterator> Transliterator::create() {
  auto impl = std::make_unique<Impl>();
  for (std::size_t i = 0; i < detail::kTransformCount; ++i) {
    const detail::TransformSource& source = detail::transform_source(static_cast<TransformId>(i));
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    icu::Transliterator* made = nullptr;
    if (!source.icu_id.empty()) {
      made = icu::Transliterator::createInstance(
          icu::UnicodeString::fromUTF8(
              icu::StringPiece(source.icu_id.data(), static_cast<int32_t>(source.icu_id.size()))),
          UTRANS_FORWARD, parse_error, status);
    } else {
      made = icu::Transliterator::createFromRules(
          icu::UnicodeString::fromUTF8(
              icu::StringPiece(source.name.data(), static_cast<int32_t>(source.name.size()))),
          icu::UnicodeString::fromUTF8(
              icu::StringPiece(source.rules.data(), static_cast<int32_t>(source.rules.size()))),
          UTRANS_FORWARD, parse_error, status);
    }
    impl->prototypes[i].reset(made);
    if (U_FAILURE(status) || made == nullptr) {
      std::string message = "ICU rejected the transform ";
      message += source.name;
      message += ": ";
      message += u_errorName(status);
      if (parse_error.line > 0) message += " at rule line " + std::to_string(parse_error.line);
      return make_error(ErrorCode::internal, std::move(message));
    }
  }
  if (auto loaded = impl->lexicon.load(detail::builtin_persian_names_tsv()); !loaded) {
    return make_error(ErrorCode::internal,
                      "the built-in Persian name lexicon is malformed: " + loaded.error().message);
  }
  return Transliterator(std::move(impl));
}

const Transliterator& Transliterator::shared() {
  static const Transliterator instance = std::move(create()).value();
  return instance;
}

Result<std::string> Transliterator::romanize(std::string_view text,
                                             const RomanizeOptions& options) const {
  assert(impl_ != nullptr && "romanize() on a moved-from Transliterator");
  return impl_->romanize(text, options);
}

Result<void> Transliterator::add_persian_name(std::string_view persian, std::string_view popular,
                                              std::string_view bgn_pcgn, std::string_view ala_lc) {
  assert(impl_ != nullptr && "add_persian_name() on a moved-from Transliterator");
  for (const std::string_view field : {persian, popular, bgn_pcgn, ala_lc}) {
    if (auto valid = text::validate_utf8(field); !valid) return valid;
  }
  Result<std::string> unified = text::unify_persian(persian);
  if (!unified) return std::move(unified).error();
  bool letters = false;
  for (std::size_t i = 0; i < unified->size();) {
    const Decoded d = decode_utf8(*unified, i);
    i += d.length;
    if (text::script_of(d.code_point) == text::Script::arabic) {
      letters = true;
    } else if (!is_mark(d.code_point) && d.code_point != kZwnj) {
      return make_error(ErrorCode::invalid_argument,
                        "a Persian name is one word in Arabic script (ZWNJ allowed)", i - d.length);
    }
  }
  if (!letters) {
    return make_error(ErrorCode::invalid_argument, "the Persian name has no letters");
  }
  if (popular.empty()) {
    return make_error(ErrorCode::invalid_argument, "the popular form is empty");
  }
  detail::LexiconEntry entry;
  Result<std::string> nfc = text::to_nfc(popular);
  if (!nfc) return std::move(nfc).error();
  entry.forms[static_cast<std::size_t>(LexiconScheme::popular)] = *nfc;
  for (const auto& [form, scheme] :
       {std::pair{bgn_pcgn, LexiconScheme::bgn_pcgn}, std::pair{ala_lc, LexiconScheme::ala_lc}}) {
    Result<std::string> composed = text::to_nfc(form.empty() ? popular : form);
    if (!composed) return std::move(composed).error();
    entry.forms[static_cast<std::size_t>(scheme)] = std::move(*composed);
  }
  entry.kind = detail::LexiconKind::given;
  if (auto added = impl_->lexicon.add(*unified, entry); !added) return added;
  impl_->generation.fetch_add(1, std::memory_order_release);
  return {};
}

std::size_t Transliterator::persian_lexicon_size() const noexcept {
  return impl_ ? impl_->lexicon.size() : 0;
}

}  // namespace archive
