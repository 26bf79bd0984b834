// Structured person names: the parser behind parse_person_name and the matcher.
//
// The parser works on words from text::Segmenter (so initials come out as their own tokens),
// rejoins hyphenated words ("al-Din", "Jean-Paul"), classifies each word by its folded form
// (title, particle, patronymic, initial) and then reads the order:
//  - catalog order: "Family, Given Patronymic[, titles]" when the text before the first comma
//    is one word (plus titles and particles) or the part after it does not start with a title;
//  - display order otherwise: titles anywhere, then given names, a patronymic, the family
//    name last ("Mir Jafar Abbasovich Bagirov"), with three Russian variants: the official
//    order "Family Given Patronymic" (a patronymic last, three words or more), "Family I.O."
//    (initials after the name) and a name followed by a title ("Mohammed Reza Shah"), which
//    has no family name.
#include "archive/names/person_name.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "archive/text/normalize.hpp"
#include "archive/text/script.hpp"
#include "archive/text/segmenter.hpp"
#include "names/name_parse.hpp"
#include "text/utf8_decode.hpp"

namespace archive {

namespace names_detail {
namespace {

// Titles and honorifics, in Latin, Russian and Persian, as written; compared folded. A
// "name-like" title is one that is also part of a person's name in the sources (Mir Jafar
// Bagirov is "M.D. Bagirov"): the matcher may pair it with a word or initial of the other
// name, but never requires it.
struct TitleEntry {
  std::string_view text;
  bool name_like;
};

constexpr std::array kTitles = {
    // Latin
    TitleEntry{"shah", false},
    TitleEntry{"shahanshah", false},
    TitleEntry{"generalissimo", false},
    TitleEntry{"princess", false},
    TitleEntry{"prince", false},
    TitleEntry{"king", false},
    TitleEntry{"queen", false},
    TitleEntry{"emperor", false},
    TitleEntry{"empress", false},
    TitleEntry{"tsar", false},
    TitleEntry{"czar", false},
    TitleEntry{"tsarina", false},
    TitleEntry{"comrade", false},
    TitleEntry{"mr", false},
    TitleEntry{"mrs", false},
    TitleEntry{"ms", false},
    TitleEntry{"dr", false},
    TitleEntry{"sir", false},
    TitleEntry{"lord", false},
    TitleEntry{"lady", false},
    TitleEntry{"general", false},
    TitleEntry{"gen", false},
    TitleEntry{"marshal", false},
    TitleEntry{"admiral", false},
    TitleEntry{"colonel", false},
    TitleEntry{"ayatollah", false},
    TitleEntry{"ayatullah", false},
    TitleEntry{"hojatoleslam", false},
    TitleEntry{"sheikh", false},
    TitleEntry{"shaykh", false},
    TitleEntry{"sheik", false},
    TitleEntry{"mullah", false},
    TitleEntry{"sultan", false},
    TitleEntry{"shahzadeh", false},
    TitleEntry{"shahdokht", false},
    TitleEntry{"begum", false},
    TitleEntry{"pasha", false},
    TitleEntry{"effendi", false},
    TitleEntry{"madame", false},
    TitleEntry{"monsieur", false},
    TitleEntry{"herr", false},
    TitleEntry{"frau", false},
    TitleEntry{"count", false},
    TitleEntry{"countess", false},
    TitleEntry{"duke", false},
    TitleEntry{"duchess", false},
    TitleEntry{"baron", false},
    TitleEntry{"baroness", false},
    TitleEntry{"professor", false},
    TitleEntry{"prof", false},
    TitleEntry{"academician", false},
    TitleEntry{"mir", true},
    TitleEntry{"mirza", true},
    TitleEntry{"seyyed", true},
    TitleEntry{"seyed", true},
    TitleEntry{"sayyid", true},
    TitleEntry{"sayyed", true},
    TitleEntry{"seyyid", true},
    TitleEntry{"syed", true},
    TitleEntry{"khan", true},
    TitleEntry{"agha", true},
    TitleEntry{"aga", true},
    TitleEntry{"aqa", true},
    TitleEntry{"haji", true},
    TitleEntry{"hajji", true},
    TitleEntry{"hadji", true},
    // Russian
    TitleEntry{"товарищ", false},
    TitleEntry{"тов", false},
    TitleEntry{"генералиссимус", false},
    TitleEntry{"генерал", false},
    TitleEntry{"маршал", false},
    TitleEntry{"адмирал", false},
    TitleEntry{"полковник", false},
    TitleEntry{"князь", false},
    TitleEntry{"княгиня", false},
    TitleEntry{"княжна", false},
    TitleEntry{"граф", false},
    TitleEntry{"графиня", false},
    TitleEntry{"царь", false},
    TitleEntry{"царица", false},
    TitleEntry{"император", false},
    TitleEntry{"императрица", false},
    TitleEntry{"шах", false},
    TitleEntry{"шахиншах", false},
    TitleEntry{"принц", false},
    TitleEntry{"принцесса", false},
    TitleEntry{"господин", false},
    TitleEntry{"госпожа", false},
    TitleEntry{"гражданин", false},
    TitleEntry{"гражданка", false},
    TitleEntry{"шейх", false},
    TitleEntry{"аятолла", false},
    TitleEntry{"академик", false},
    TitleEntry{"профессор", false},
    TitleEntry{"султан", false},
    TitleEntry{"мир", true},
    TitleEntry{"мирза", true},
    TitleEntry{"сеид", true},
    TitleEntry{"сейид", true},
    TitleEntry{"сейед", true},
    TitleEntry{"хан", true},
    TitleEntry{"ага", true},
    TitleEntry{"гаджи", true},
    TitleEntry{"хаджи", true},
    // Persian (compared after text::fold, which unifies ي/ی, ك/ک and the alefs)
    TitleEntry{"شاه", false},
    TitleEntry{"شاهنشاه", false},
    TitleEntry{"شاهدخت", false},
    TitleEntry{"شاهزاده", false},
    TitleEntry{"والاحضرت", false},
    TitleEntry{"اعلیحضرت", false},
    TitleEntry{"آیت‌الله", false},
    TitleEntry{"آیت‌اللّه", false},
    TitleEntry{"آیت", false},
    TitleEntry{"شیخ", false},
    TitleEntry{"بانو", false},
    TitleEntry{"خانم", false},
    TitleEntry{"دکتر", false},
    TitleEntry{"تیمسار", false},
    TitleEntry{"سرلشکر", false},
    TitleEntry{"سپهبد", false},
    TitleEntry{"ارتشبد", false},
    TitleEntry{"رفیق", false},
    TitleEntry{"ملا", false},
    TitleEntry{"سلطان", false},
    TitleEntry{"پرنس", false},
    TitleEntry{"پرنسس", false},
    TitleEntry{"ملکه", false},
    TitleEntry{"میر", true},
    TitleEntry{"میرزا", true},
    TitleEntry{"سید", true},
    TitleEntry{"خان", true},
    TitleEntry{"آقا", true},
    TitleEntry{"حاج", true},
    TitleEntry{"حاجی", true},
};

// Particles written on their own before a name word. Latin particles count only written in
// lower case ("Al Gore" has a given name Al), except the unambiguous ibn/bin/von/van.
constexpr std::array<std::string_view, 30> kParticles = {
    "al",  "el",  "ibn", "bin",   "ben", "bint", "von", "van", "de",  "da",
    "di",  "du",  "del", "della", "der", "den",  "la",  "le",  "dos", "das",
    "ter", "ten", "zu",  "ибн",   "бен", "фон",  "ван", "де",  "аль", "эль"};
constexpr std::array<std::string_view, 6> kAnyCaseParticles = {"ibn", "bin", "von",
                                                               "van", "ибн", "фон"};

// The Arabic article and its sun-letter assimilations, as romanizations write them before a
// hyphen ("al-Din", "ad-Dawla", "ud-Din", "ol-Molk", "as-Saltaneh").
constexpr std::array<std::string_view, 24> kArabicArticles = {
    "al", "el", "ol", "ul", "ad",  "ed",  "od",  "ud", "ar", "er", "or", "ur",
    "as", "es", "os", "us", "ash", "esh", "osh", "an", "at", "az", "ез", "аль"};

// Patronymic suffix words of Turkic names (Аббас оглы, Abbas oğlu, Ali qızı).
constexpr std::array<std::string_view, 12> kPatronymicWords = {
    "оглы", "оглу", "кызы", "гызы", "улы", "oglu", "ogly", "oglou", "kyzy", "kizi", "qizi", "gizi"};

// Patronymic endings: Russian (Аббасович, Ильич, Петровна) and their romanizations.
constexpr std::array<std::string_view, 20> kPatronymicEndings = {
    "ович",   "евич", "ьич",  "овна",  "евна",  "ична",   "ovich",  "evich", "ovitch", "evitch",
    "ovitsj", "ovna", "evna", "ichna", "ilich", "ilyich", "ilitch", "ovič",  "evič",   "ovych"};

struct Lexicon {
  std::unordered_map<std::string, bool> titles;  // folded → name-like
};

// Folded, letters only: "Dr." → "dr", "Mir" → "mir", "آقا" → "اقا".
std::string fold_letters(std::string_view word) {
  auto folded = text::fold(word);
  std::string out;
  if (!folded) return out;
  for (std::size_t i = 0; i < folded->size();) {
    const auto d = text::detail::decode_utf8(*folded, i);
    if (d.problem == text::detail::Utf8Problem::none &&
        u_isalpha(static_cast<UChar32>(d.code_point)))
      out.append(*folded, i, d.length);
    i += d.length;
  }
  return out;
}

const Lexicon& lexicon() {
  static const Lexicon made = [] {
    Lexicon l;
    for (const TitleEntry& t : kTitles)
      l.titles.emplace(fold_letters(t.text), t.name_like);
    return l;
  }();
  return made;
}

bool has_letter(std::string_view word) noexcept {
  for (std::size_t i = 0; i < word.size();) {
    const auto d = text::detail::decode_utf8(word, i);
    if (d.problem == text::detail::Utf8Problem::none &&
        u_isalpha(static_cast<UChar32>(d.code_point)))
      return true;
    i += d.length;
  }
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_patronymic(std::string_view folded) noexcept {
  for (std::string_view e : kPatronymicEndings) {
    // At least two letters before the ending (in bytes: Cyrillic letters are two bytes).
    const std::size_t min_stem = static_cast<unsigned char>(e[0]) >= 0x80 ? 4 : 2;
    if (ends_with(folded, e) && folded.size() >= e.size() + min_stem) return true;
  }
  return false;
}

bool contains(const auto& table, std::string_view s) noexcept {
  return std::find(table.begin(), table.end(), s) != table.end();
}

bool is_lower_ascii_word(std::string_view s) noexcept {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_hyphen_between(std::string_view text, std::size_t from, std::size_t to) noexcept {
  const std::string_view gap = text.substr(from, to - from);
  return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";  // - ‐ ‑
}

bool is_comma_at(std::string_view text, std::size_t i) noexcept {
  return text[i] == ',' || text.substr(i, 2) == "\xD8\x8C";  // , ،
}

// A word before role assignment.
struct RawWord {
  std::string text;
  std::size_t offset = 0;
  std::size_t segment = 0;  // index of the comma-separated part
  bool initial = false;
  bool title = false;
  bool name_like_title = false;
  bool particle = false;
  bool suffix = false;
  bool patronymic = false;
  text::Script script = text::Script::none;
};

// What a written word is, whatever its place: computed once per word and thread (folding
// costs an ICU call for non-ASCII text), the cache cleared when it grows large.
struct WordClass {
  std::string leading_particle;  // "al" of "al-Din"; empty if none
  bool title = false, name_like_title = false, suffix = false, particle = false, patronymic = false;
};

WordClass classify_word(std::string_view text, text::Script script) {
  WordClass c;
  if (const std::size_t h = text.find('-'); h != std::string_view::npos && h > 0) {
    c.leading_particle = fold_letters(text.substr(0, h));
    if (!is_particle(c.leading_particle)) c.leading_particle.clear();
  }
  const std::string folded = fold_letters(text);
  const Lexicon& lex = lexicon();
  if (auto it = lex.titles.find(folded); it != lex.titles.end()) {
    c.title = true;
    c.name_like_title = it->second;
    return c;
  }
  if (contains(kPatronymicWords, folded)) {
    c.suffix = true;
    return c;
  }
  if (contains(kParticles, folded)) {
    const bool written_lower = is_lower_ascii_word(text) || script != text::Script::latin;
    c.particle = written_lower || contains(kAnyCaseParticles, folded);
  }
  if (!c.particle && c.leading_particle.empty()) c.patronymic = is_patronymic(folded);
  return c;
}

const WordClass& word_class(const std::string& text, text::Script script) {
  thread_local std::unordered_map<std::string, WordClass> cache;
  if (auto it = cache.find(text); it != cache.end()) return it->second;
  if (cache.size() >= 8192) cache.clear();
  return cache.emplace(text, classify_word(text, script)).first->second;
}

// Assigns roles to the words of one display-order run (no commas involved).
void assign_display_order(std::vector<RawWord*>& words, bool trailing_title,
                          std::vector<WordRole>& roles) {
  const std::size_t n = words.size();
  roles.assign(n, WordRole::given);
  if (n == 0 || trailing_title) return;  // "Mohammed Reza Shah", "Kuchik Khan": given names
  if (n == 1) {                          // a lone word is a family name ("Stalin", "Kyanuri")
    roles[0] = WordRole::family;
    return;
  }
  // A patronymic (or "X oglu"): Given Patronymic Family, or the official Family Given
  // Patronymic when it is last in three words or more.
  std::size_t patronymic = n;
  for (std::size_t i = 1; i < n; ++i) {
    if (words[i]->patronymic) patronymic = i;
    if (words[i]->suffix) patronymic = i - 1;
    if (patronymic != n) break;
  }
  if (patronymic != n) {
    std::size_t last_patronymic = patronymic;
    if (patronymic + 1 < n && words[patronymic + 1]->suffix) last_patronymic = patronymic + 1;
    for (std::size_t i = patronymic; i <= last_patronymic; ++i)
      roles[i] = WordRole::patronymic;
    if (last_patronymic + 1 == n && n >= 3 && patronymic >= 2) {
      roles[0] = WordRole::family;  // Багиров Мир Джафар Аббасович
    } else {
      for (std::size_t i = last_patronymic + 1; i < n; ++i)
        roles[i] = WordRole::family;
    }
    return;
  }
  // "Bagirov M.D.": words followed by initials only.
  std::size_t first_trailing_initial = n;
  while (first_trailing_initial > 0 && words[first_trailing_initial - 1]->initial)
    --first_trailing_initial;
  if (first_trailing_initial > 0 && first_trailing_initial < n) {
    for (std::size_t i = 0; i < first_trailing_initial; ++i)
      roles[i] = WordRole::family;
    return;
  }
  // The last word is the family name, with the particles just before it (de Gaulle).
  std::size_t family = n - 1;
  while (family > 1 && words[family - 1]->particle)
    --family;
  if (words[n - 1]->initial) family = n;  // "M.D.": initials only
  for (std::size_t i = family; i < n; ++i)
    roles[i] = WordRole::family;
}

}  // namespace

bool is_particle(std::string_view folded) noexcept {
  return contains(kParticles, folded) || contains(kArabicArticles, folded);
}

bool is_arabic_article(std::string_view folded) noexcept {
  return contains(kArabicArticles, folded);
}

text::Segmenter& thread_segmenter() {
  thread_local text::Segmenter segmenter;
  return segmenter;
}

Result<ParsedName> parse_name(std::string_view text, text::Segmenter& segmenter) {
  thread_local std::vector<text::Token> tokens;
  if (auto r = segmenter.segment_into(text, tokens); !r) return std::move(r).error();

  // Words: tokens joined across hyphens, numbers dropped, each tagged with its comma part.
  std::vector<RawWord> raw;
  std::size_t segment = 0, scanned = 0;
  std::size_t previous_end = std::string_view::npos;
  bool previous_initial = true;
  for (const text::Token& t : tokens) {
    for (; scanned < t.offset; ++scanned) {
      if (is_comma_at(text, scanned)) ++segment;
    }
    scanned = t.offset + t.text.size();
    if (t.kind == text::TokenKind::number || !has_letter(t.text)) {  // "1945", "@"
      previous_end = std::string_view::npos;
      continue;
    }
    const bool initial = t.kind == text::TokenKind::initial;
    if (!initial && !previous_initial && previous_end != std::string_view::npos &&
        is_hyphen_between(text, previous_end, t.offset)) {
      RawWord& w = raw.back();
      w.text.append(text.substr(previous_end, t.offset + t.text.size() - previous_end));
      if (w.script != t.script) w.script = text::Script::mixed;
    } else {
      RawWord w;
      w.text.assign(t.text);
      w.offset = t.offset;
      w.segment = segment;
      w.initial = initial;
      w.script = t.script;
      raw.push_back(std::move(w));
    }
    previous_end = t.offset + t.text.size();
    previous_initial = initial;
  }
  if (raw.empty()) {
    return make_error(ErrorCode::parse_error, "no name in the text (no word found)", 0);
  }

  ParsedName out;
  PersonName& name = out.name;
  std::vector<std::string> leading(raw.size());  // a particle a hyphenated word starts with
  for (std::size_t i = 0; i < raw.size(); ++i) {
    RawWord& w = raw[i];
    if (w.initial) continue;
    const WordClass& c = word_class(w.text, w.script);
    leading[i] = c.leading_particle;
    w.title = c.title;
    w.name_like_title = c.name_like_title;
    w.suffix = c.suffix;
    w.particle = c.particle;
    w.patronymic = c.patronymic;
  }
  // A name made of titles only ("Shah", "Mir") is a name after all.
  if (std::all_of(raw.begin(), raw.end(), [](const RawWord& w) { return w.title; })) {
    for (RawWord& w : raw)
      w.title = w.name_like_title = false;
  }
  // A word is a patronymic suffix (оглы, kyzy) only when a name word comes before it in its
  // part; alone, first or after a title it is a name ("ogly" is a family name, not nothing).
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (!raw[i].suffix) continue;
    raw[i].suffix =
        i > 0 && raw[i - 1].segment == raw[i].segment && !raw[i - 1].title && !raw[i - 1].suffix;
  }
  // A word is a particle only when a name word follows it in its part.
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (!raw[i].particle) continue;
    raw[i].particle = i + 1 < raw.size() && raw[i + 1].segment == raw[i].segment &&
                      !raw[i + 1].title && !raw[i + 1].initial && !raw[i + 1].suffix;
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const RawWord& w = raw[i];
    if (!leading[i].empty()) {
      name.particles.push_back(w.text.substr(0, w.text.find('-')));  // "al" of "al-Din"
    } else if (w.particle) {
      name.particles.push_back(w.text);
    } else if (w.script == text::Script::arabic && i > 0 && !w.title &&
               w.text.rfind("\xD8\xA7\xD9\x84", 0) == 0 && w.text.size() > 6) {
      name.particles.emplace_back("\xD8\xA7\xD9\x84");  // ال written on the word (الدین)
    }
  }

  // Order: catalog ("Family, Given …") or display.
  const std::size_t segments = raw.back().segment + 1;
  auto words_of = [&](std::size_t s, bool with_titles) {
    std::vector<RawWord*> ws;
    for (RawWord& w : raw) {
      if (w.segment == s && (with_titles || !w.title)) ws.push_back(&w);
    }
    return ws;
  };
  std::vector<std::size_t> used_segments;
  for (const RawWord& w : raw) {
    if (used_segments.empty() || used_segments.back() != w.segment)
      used_segments.push_back(w.segment);
  }
  const std::size_t first = used_segments[0];
  const std::size_t second = used_segments.size() > 1 ? used_segments[1] : segments;
  std::vector<RawWord*> first_words = words_of(first, false);
  std::vector<RawWord*> second_all = words_of(second, true);
  bool catalog = false;
  if (second < segments && !first_words.empty()) {
    const bool second_starts_with_title = !second_all.empty() && second_all.front()->title;
    std::size_t first_names = 0;
    for (RawWord* w : first_words)
      first_names += w->particle ? 0 : 1;
    catalog = first_names <= 1 || !second_starts_with_title;
  }

  std::vector<std::pair<RawWord*, WordRole>> assigned;  // in display order
  std::vector<RawWord*> titles;
  for (RawWord& w : raw) {
    const bool trailing_part =
        catalog ? w.segment != first && w.segment != second : w.segment != first;
    if (w.title || trailing_part) titles.push_back(&w);
  }
  if (catalog) {
    // Given part: its patronymic is its last word (or "X oglu").
    std::vector<RawWord*> given = words_of(second, false);
    std::size_t patronymic_from = given.size();
    if (given.size() >= 2 && given.back()->patronymic) patronymic_from = given.size() - 1;
    if (given.size() >= 2 && given.back()->suffix) patronymic_from = given.size() - 2;
    for (std::size_t i = 0; i < given.size(); ++i)
      assigned.emplace_back(given[i], i < patronymic_from ? WordRole::given : WordRole::patronymic);
    for (RawWord* w : first_words)
      assigned.emplace_back(w, WordRole::family);
  } else {
    std::vector<RawWord*> names = first_words;
    bool trailing_title = false;
    {
      std::vector<RawWord*> all = words_of(first, true);
      trailing_title = !all.empty() && all.back()->title && !names.empty();
    }
    std::vector<WordRole> roles;
    assign_display_order(names, trailing_title, roles);
    // Display order for the word list: given, patronymic, family.
    for (WordRole r : {WordRole::given, WordRole::patronymic, WordRole::family}) {
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (roles[i] == r) assigned.emplace_back(names[i], r);
      }
    }
  }

  for (RawWord* w : titles) {
    name.titles.push_back(w->text);
    NameWord nw;
    nw.text = w->text;
    nw.role = WordRole::title;
    nw.name_like_title =
        w->name_like_title && (w->segment == first || (catalog && w->segment == second));
    nw.script = w->script;
    out.words.push_back(std::move(nw));
  }
  for (auto& [w, role] : assigned) {
    switch (role) {
      case WordRole::given:
        name.given.push_back(w->text);
        break;
      case WordRole::patronymic:
        if (!name.patronymic.empty()) name.patronymic += ' ';
        name.patronymic += w->text;
        break;
      case WordRole::family:
        name.family.push_back(w->text);
        break;
      case WordRole::title:
        break;
    }
    NameWord nw;
    nw.text = w->text;
    nw.role = role;
    nw.initial = w->initial;
    nw.particle = w->particle;
    nw.suffix = w->suffix;
    nw.script = w->script;
    out.words.push_back(std::move(nw));
  }
  if (name.given.empty() && name.family.empty() && name.patronymic.empty()) {
    return make_error(ErrorCode::parse_error, "no name in the text, only titles", raw[0].offset);
  }
  auto script = text::detect_script(text);
  name.script = script ? *script : text::Script::none;
  return out;
}

}  // namespace names_detail

bool PersonName::is_initial(std::string_view part) noexcept {
  if (part.empty()) return false;
  const auto d = text::detail::decode_utf8(part, 0);
  if (d.problem != text::detail::Utf8Problem::none ||
      !u_isalpha(static_cast<UChar32>(d.code_point)))
    return false;
  std::size_t i = d.length;
  while (i < part.size()) {  // combining marks of the letter, then an optional period
    const auto m = text::detail::decode_utf8(part, i);
    if (m.problem != text::detail::Utf8Problem::none) return false;
    if (m.code_point == '.' && i + 1 == part.size()) return true;
    if ((U_GET_GC_MASK(static_cast<UChar32>(m.code_point)) & U_GC_M_MASK) == 0) return false;
    i += m.length;
  }
  return true;
}

namespace {
void append_words(std::string& out, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (!out.empty() && out.back() != ' ') out += ' ';
    out += w;
  }
}
}  // namespace

std::string PersonName::display() const {
  std::string out;
  append_words(out, titles);
  append_words(out, given);
  if (!patronymic.empty()) append_words(out, {patronymic});
  append_words(out, family);
  return out;
}

std::string PersonName::sort_form() const {
  std::string out;
  append_words(out, family);
  std::string rest;
  append_words(rest, given);
  if (!patronymic.empty()) append_words(rest, {patronymic});
  if (!rest.empty()) {
    if (!out.empty()) out += ", ";
    out += rest;
  }
  if (!titles.empty()) {
    std::string t;
    append_words(t, titles);
    if (!out.empty()) out += ", ";
    out += t;
  }
  return out;
}

Result<PersonName> parse_person_name(std::string_view text) {
  auto parsed = names_detail::parse_name(text, names_detail::thread_segmenter());
  if (!parsed) return std::move(parsed).error();
  return std::move(parsed->name);
}

}  // namespace archive
