// The phonetic code of a name word, its match keys, and the word similarity behind match().
//
// 1. Latin form (latin_form): every scheme's romanization of a word (or the Latin word
//    itself) is rewritten so that letters whose diacritic carries a sound become what
//    English-language and Russian sources write (š ş → sh, ž ż → zh, č ć → ch, ř → rzh,
//    ğ → gh, ə → a, đ → dj, ñ → ny, ü → yu, ö → yo, ę → en, ą → on; in an Azerbaijani or
//    Turkish word, known by ə ı ğ İ, also c → dzh, ç → ch, x → kh, q → g), then folded
//    (text::fold: case, other diacritics, ı → i) and stripped to letters, '-' between parts:
//    Bağırov → baghirov, Cəfər → dzhafar, Nur al-Din → nur-al-din. A romanization of Persian
//    is only folded (its ż, ş, ṣ are Arabic z and s sounds).
//
// 2. Phonetic code (phonetic_codes): spelling conventions collapse into one symbol each,
//    longest match first, left to right, after y → i (and an initial ye → e, Yegor/Egor):
//      shch → SC     sch sh sz → S     tsch tch ch cz cs → C     dzh zh dj → J
//      ts tz tts → T     kh → h   gh → g   ph → f   th → t   ck → k   dz → z   x → ks
//      w → v   eau → o   ou oo → u   ee ie → i   ae oe → e   Mc- → mak-   -cki → -tski
//      Italian gi/ci (ggi/cci) before a, o, u → J/C; cc before e, i → C; gn + vowel → ni
//    then doubled symbols merge (Mosaddegh/Mossadegh; Kiyanuri → kianuri). j, c and q stay
//    themselves: j is i (Jewgeni) or J (Jafar), c is k, ts or s, q is k or g. The Arabic
//    article between parts becomes "e" plus the next part's first symbol (nur-al-din,
//    nur-ud-din → nuredin = Nureddin); a word starting with it gets a second code without it
//    (al-Sadr → esadr, sadr). A Latin word with an ending Russian drops (Latin -us, -ius;
//    French -ier, -ault, -aux) also gets the code without it (Urbanus ~ Урбан).
//
// 3. Keys: the consonant skeleton drops the vowels (a e i o u, so also y), a final h after a
//    vowel (Zadeh/Zade), reads a final f after o or e as v (-off/-ov), and merges doubles
//    again: Bagirov, Baghirov, Bağırov, Bagiroff → bgrv; Bakirov → bkrv; پهلوی → phlv.
//    Ambiguous letters give one skeleton per reading (j → J or nothing, q → k or g, c → k, T
//    or s; a Persian-derived form also without v, since و is v or u/o), at most six. The
//    vowel-aware key keeps a '.' for each run of vowels (Bagirov → b.g.r.v, Bagrov →
//    b.gr.v), so names with the same consonants but another syllable shape stay apart.
//
// 4. Similarity (code_similarity): a weighted edit distance over the codes. A substitution
//    between spellings of one sound costs little (vowel for vowel 0.15–0.3, doubled for the
//    first letter of the name; c/k 0.2, q/k 0.2, q/g 0.3, j/J 0.2, j/i 0.2, S/s 0.3, v/f 0.3,
//    v/u 0.3, C/t 0.35, s/z 0.4, h/g 0.4, …); any other consonant for another costs 1, so g/k,
//    b/p, d/t, l/r stay distinct. Inserting or deleting: h or j 0.3; i or u next to a vowel
//    (a glide: Daisy/Дэйзи) 0.1; another vowel next to a vowel 0.25; a final e 0.25; a vowel
//    at either end 0.4; a vowel between two consonants 0.9 (Bagirov/Bagrov differ in a
//    syllable); any vowel missing from a Persian-derived form 0.15 (short vowels are not
//    written); a final t, d, s or z 0.6 (Gaspard/Гаспар); another consonant 1. With L the
//    larger weighted length (consonant 1, vowel 0.6):
//        similarity = max(0, 1 − 1.75 · cost / L)
//    so one wrong consonant in a seven-letter name (Bagirov/Bakirov, cost 1, L 5.8) gives
//    0.70 and a dropped inner vowel (Bagirov/Bagrov) 0.73, below kNameMatchThreshold, while
//    spelling variants stay well above it (Mohammad/Mohammed 0.94, Jafar/Dzhafar 0.92).
#include "names/match_phonetic.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "archive/text/normalize.hpp"
#include "names/name_parse.hpp"
#include "text/utf8_decode.hpp"

namespace archive::names_detail {

namespace {

constexpr std::size_t kMaxCode = 48;      // longer codes are cut (a name word is far shorter)
constexpr std::size_t kMaxSkeletons = 6;  // readings of ambiguous letters per code
constexpr double kScale = 1.75;           // how fast similarity falls with edit cost

bool is_vowel(char c) noexcept {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool is_ascii_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Replacement before folding for letters whose diacritic carries a sound.
const char* premap(char32_t cp, bool turkic) noexcept {
  if (turkic) {
    switch (cp) {
      case U'c':
      case U'C':
        return "dzh";
      case U'ç':
      case U'Ç':
        return "ch";
      case U'x':
      case U'X':
        return "kh";
      case U'q':
      case U'Q':
        return "g";
      default:
        break;
    }
  }
  switch (cp) {
    case U'š':
    case U'Š':
    case U'ş':
    case U'Ş':
    case U'ș':
    case U'Ș':
      return "sh";
    case U'ž':
    case U'Ž':
    case U'ż':
    case U'Ż':
      return "zh";
    case U'č':
    case U'Č':
    case U'ć':
    case U'Ć':
    case U'ĉ':
    case U'Ĉ':
      return "ch";
    case U'ř':
    case U'Ř':
      return "rzh";
    case U'ğ':
    case U'Ğ':
      return "gh";
    case U'ə':
    case U'Ə':
      return "a";
    case U'đ':
    case U'Đ':
      return "dj";
    case U'ñ':
    case U'Ñ':
      return "ny";
    case U'ţ':
    case U'Ţ':
    case U'ț':
    case U'Ț':
      return "ts";
    case U'ŝ':
    case U'Ŝ':
      return "shch";  // ISO 9 щ
    case U'ü':
    case U'Ü':
      return "yu";  // as Russian writes it: Zürich → Цюрих, Gül → Гюль
    case U'ö':
    case U'Ö':
      return "yo";
    case U'ę':
    case U'Ę':
      return "en";  // Polish nasal vowels: Sędziwój → Сендзивой
    case U'ą':
    case U'Ą':
      return "on";
    default:
      return nullptr;
  }
}

bool is_turkic_letter(char32_t cp) noexcept {
  return cp == U'ə' || cp == U'Ə' || cp == U'ı' || cp == U'ğ' || cp == U'Ğ' || cp == U'İ';
}

bool is_separator(char32_t cp) noexcept {
  return cp == ' ' || cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x00A0 || cp == '_';
}

// One part of a Latin form (letters only) → phonetic code, doubles not yet merged.
void encode_part(std::string_view s, std::string& out) {
  struct Rule {
    std::string_view from, to;
  };
  static constexpr std::array<Rule, 30> kRules = {{
      {"shch", "SC"}, {"eau", "o"}, {"tts", "T"}, {"tsch", "C"}, {"sch", "S"}, {"tch", "C"},
      {"dzh", "J"},   {"sh", "S"},  {"sz", "S"},  {"zh", "J"},   {"dj", "J"},  {"dz", "z"},
      {"ch", "C"},    {"cz", "C"},  {"cs", "C"},  {"kh", "h"},   {"gh", "g"},  {"ph", "f"},
      {"th", "t"},    {"ck", "k"},  {"ts", "T"},  {"tz", "T"},   {"ou", "u"},  {"oo", "u"},
      {"ee", "i"},    {"ie", "i"},  {"ae", "e"},  {"oe", "e"},   {"x", "ks"},  {"w", "v"},
  }};
  std::string written(s);
  if (written.size() > 3 && written[0] == 'm' && written[1] == 'c')
    written.replace(0, 2, "mak");  // McGee → Макги
  // Polish and Czech -cki/-cký: the c is ts (Brodecki → Бродецкий), not the ck of Beck.
  if (written.size() > 4 && written.compare(written.size() - 3, 3, "cki") == 0)
    written.replace(written.size() - 3, 1, "ts");
  // Russian initial Е is Ye in some schemes, E in others (Yegor, Egor): one spelling.
  if (written.size() > 2 && written[0] == 'y' && written[1] == 'e') written.erase(0, 1);
  std::string t = written;
  std::replace(t.begin(), t.end(), 'y', 'i');
  const std::string_view v = t;
  const auto back_vowel = [&](std::size_t k) {
    return k < v.size() && (v[k] == 'a' || v[k] == 'o' || v[k] == 'u');
  };
  for (std::size_t i = 0; i < v.size();) {
    // Italian: gi, ci (ggi, cci) before a, o, u are J and C, the i silent (Giulietta,
    // Reggiani, Cagnacci); cc before e, i is C; gn before a vowel is ni (Magnani, Segni).
    const char c = v[i];
    if (c == 'g' || c == 'c') {
      const std::size_t doubled = i + 1 < v.size() && v[i + 1] == c ? 1 : 0;
      if (i + doubled + 1 < v.size() && written[i + doubled + 1] == 'i' &&
          back_vowel(i + doubled + 2)) {
        out += c == 'g' ? 'J' : 'C';
        i += doubled + 2;
        continue;
      }
      if (c == 'c' && doubled == 1 && i + 2 < v.size() && (v[i + 2] == 'e' || v[i + 2] == 'i')) {
        out += 'C';
        i += 2;
        continue;
      }
      if (c == 'g' && i + 2 < v.size() && v[i + 1] == 'n' && is_vowel(v[i + 2]) && i > 0) {
        out += v[i + 2] == 'i' ? "n" : "ni";
        i += 2;
        continue;
      }
    }
    bool done = false;
    for (const Rule& r : kRules) {
      if (v.compare(i, r.from.size(), r.from) == 0) {
        out += r.to;
        i += r.from.size();
        done = true;
        break;
      }
    }
    if (!done) out += v[i++];
  }
}

void merge_doubles(std::string& code) {
  std::size_t w = 0;
  for (std::size_t r = 0; r < code.size(); ++r) {
    if (w > 0 && code[w - 1] == code[r] && is_ascii_alpha(code[r])) continue;
    code[w++] = code[r];
  }
  code.resize(w);
  if (code.size() > kMaxCode) code.resize(kMaxCode);
}

// ---- weighted edit distance ----

double vowel_substitution(char a, char b) noexcept {
  const auto pair = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
  if (pair('e', 'i') || pair('o', 'u')) return 0.15;
  if (pair('a', 'o') || pair('a', 'e')) return 0.2;
  return 0.3;
}

double substitution_cost(char a, char b) noexcept {
  if (a == b) return 0;
  if (is_vowel(a) && is_vowel(b)) return vowel_substitution(a, b);
  struct Pair {
    char x, y;
    double cost;
  };
  static constexpr std::array<Pair, 28> kPairs = {{
      {'c', 'k', 0.2}, {'c', 'T', 0.3},  {'c', 's', 0.4}, {'c', 'C', 0.3}, {'q', 'k', 0.2},
      {'q', 'g', 0.3}, {'j', 'J', 0.2},  {'j', 'i', 0.2}, {'j', 'e', 0.5}, {'j', 'z', 0.35},
      {'J', 'z', 0.5}, {'J', 'C', 0.6},  {'J', 'S', 0.6}, {'S', 's', 0.3}, {'S', 'C', 0.4},
      {'C', 'h', 0.4}, {'C', 't', 0.35}, {'C', 'T', 0.3}, {'C', 'k', 0.5}, {'T', 't', 0.5},
      {'T', 'z', 0.4}, {'T', 's', 0.5},  {'s', 'z', 0.4}, {'h', 'g', 0.4}, {'v', 'f', 0.3},
      {'v', 'u', 0.3}, {'v', 'b', 0.7},  {'j', 'h', 0.5},
  }};
  for (const Pair& p : kPairs) {
    if ((p.x == a && p.y == b) || (p.x == b && p.y == a)) return p.cost;
  }
  return 1.0;
}

// substitution_cost for every pair of ASCII symbols, built once; other bytes cost 1.
struct SubstitutionTable {
  std::array<std::array<float, 128>, 128> cost{};
  SubstitutionTable() {
    for (int a = 0; a < 128; ++a) {
      for (int b = 0; b < 128; ++b)
        cost[a][b] =
            static_cast<float>(substitution_cost(static_cast<char>(a), static_cast<char>(b)));
    }
  }
};
const SubstitutionTable& substitution_table() {
  static const SubstitutionTable table;
  return table;
}

double substitution(const SubstitutionTable& table, char a, char b) noexcept {
  const auto x = static_cast<unsigned char>(a), y = static_cast<unsigned char>(b);
  if ((x | y) >= 128) return x == y ? 0.0 : 1.0;
  return table.cost[x][y];
}

// Cost of code[i] having no counterpart in the other code.
double indel(std::string_view code, std::size_t i, bool other_persian) noexcept {
  const char c = code[i];
  const bool last = i + 1 == code.size();
  if (c == 'h' || c == 'j') return 0.3;
  if (!is_vowel(c)) {
    // Final consonants many orthographies write but do not say (Gaspard/Гаспар, Mosset).
    if (last && i > 0 && (c == 't' || c == 'd' || c == 's' || c == 'z')) return 0.6;
    return 1.0;
  }
  if (other_persian) return 0.15;
  const bool prev_vowel = i > 0 && (is_vowel(code[i - 1]) || code[i - 1] == 'j');
  const bool next_vowel = !last && (is_vowel(code[i + 1]) || code[i + 1] == 'j');
  // A glide next to a vowel (Daisy/Дэйзи, Lowen/Лоуэн), a final silent e (Thyne/Тайн).
  if ((c == 'i' || c == 'u') && (prev_vowel || next_vowel)) return 0.1;
  if (c == 'e' && last && i > 0) return 0.25;
  if (prev_vowel || next_vowel) return 0.25;
  if (i == 0 || last) return 0.4;
  return 0.9;
}

bool final_f_is_v(std::string_view code, std::size_t i) noexcept {
  return i + 1 == code.size() && i > 0 && (code[i - 1] == 'o' || code[i - 1] == 'e');
}

double weighted_length(std::string_view code) noexcept {
  double l = 0;
  for (char c : code)
    l += is_vowel(c) ? 0.6 : 1.0;
  return l;
}

}  // namespace

std::string latin_form(std::string_view latin, bool from_persian) {
  std::string nfc_buffer;
  std::string_view source = latin;
  const bool ascii = std::all_of(latin.begin(), latin.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    if (auto nfc = text::to_nfc(latin)) {
      nfc_buffer = std::move(*nfc);
      source = nfc_buffer;
    }
  }
  bool turkic = false;
  if (!ascii) {
    for (std::size_t i = 0; i < source.size();) {
      const auto d = text::detail::decode_utf8(source, i);
      if (is_turkic_letter(d.code_point)) turkic = true;
      i += d.length;
    }
  }
  std::string mapped;
  mapped.reserve(source.size() + 8);
  for (std::size_t i = 0; i < source.size();) {
    const auto d = text::detail::decode_utf8(source, i);
    if (const char* r = from_persian ? nullptr : premap(d.code_point, turkic)) {
      mapped += r;
    } else {
      mapped.append(source.substr(i, d.length));
    }
    i += d.length;
  }
  std::string folded;
  if (!text::fold_into(mapped, folded)) return {};
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    const auto d = text::detail::decode_utf8(folded, i);
    const auto cp = static_cast<UChar32>(d.code_point);
    if (is_separator(d.code_point)) {
      if (!out.empty() && out.back() != '-') out += '-';
    } else if (d.code_point < 0x80 ? is_ascii_alpha(static_cast<char>(d.code_point))
                                   : (u_isalpha(cp) && u_charType(cp) != U_MODIFIER_LETTER)) {
      out.append(folded, i, d.length);
    }
    i += d.length;
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out;
}

void phonetic_codes(std::string_view form, std::vector<std::string>& out) {
  std::array<std::string_view, 8> parts;
  std::size_t n = 0;
  for (std::size_t start = 0; start <= form.size() && n < parts.size();) {
    std::size_t dash = form.find('-', start);
    if (dash == std::string_view::npos) dash = form.size();
    if (dash > start) parts[n++] = form.substr(start, dash - start);
    start = dash + 1;
  }
  if (n == 0) return;
  std::array<std::string, 8> codes;
  for (std::size_t i = 0; i < n; ++i)
    encode_part(parts[i], codes[i]);
  std::string joined;
  const bool leading_article = n > 1 && is_arabic_article(parts[0]);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 1 < n && is_arabic_article(parts[i]) && !codes[i + 1].empty()) {
      joined += 'e';  // the article as it sounds before the next part: ad-Din, as-Saltaneh
      joined += codes[i + 1][0];
    } else {
      joined += codes[i];
    }
  }
  merge_doubles(joined);
  out.push_back(joined);
  if (leading_article) {
    std::string stripped;
    for (std::size_t i = 1; i < n; ++i)
      stripped += codes[i];
    merge_doubles(stripped);
    if (!stripped.empty()) out.push_back(std::move(stripped));
  }
}

void ending_variant_codes(std::string_view form, std::vector<std::string>& out) {
  if (form.size() < 6 || form.find('-') != std::string_view::npos) return;
  struct Ending {
    std::string_view written, said;
  };
  static constexpr std::array<Ending, 5> kEndings = {{
      {"ius", "i"},   // Latin: Vatinius → Ватиний
      {"us", ""},     // Latin: Urbanus → Урбан
      {"ier", "ie"},  // French: Fortier → Фортье
      {"ault", "o"},  // French: Hainault → Эно
      {"aux", "o"},
  }};
  for (const Ending& e : kEndings) {
    if (form.size() < e.written.size() + 3 ||
        form.substr(form.size() - e.written.size()) != e.written)
      continue;
    std::string shorter(form.substr(0, form.size() - e.written.size()));
    shorter += e.said;
    std::string code;
    encode_part(shorter, code);
    merge_doubles(code);
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
    return;
  }
}

void skeleton_keys(std::string_view code, bool from_persian, std::vector<std::string>& out) {
  // Each reading is a string of choices; expand ambiguous letters breadth-first.
  std::array<std::string, kMaxSkeletons> readings;
  std::size_t count = 1;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (is_vowel(c)) continue;
    if (c == 'h' && i > 0 && i + 1 == code.size() && is_vowel(code[i - 1])) continue;
    std::string_view options;
    switch (c) {
      case 'j':
        options = "J_";  // '_' = nothing
        break;
      case 'q':
        options = "kg";
        break;
      case 'c':
        options = "kTs";
        break;
      case 'v':
        options = from_persian ? "v_" : "v";
        break;
      case 'f':  // -off, -eff are -ov, -ev (Romanoff)
        options = final_f_is_v(code, i) ? "v" : "f";
        break;
      default:
        options = std::string_view(&code[i], 1);
        break;
    }
    const std::size_t base = count;
    for (std::size_t o = 1; o < options.size() && count < kMaxSkeletons; ++o) {
      for (std::size_t r = 0; r < base && count < kMaxSkeletons; ++r)
        readings[count++] = readings[r] + options[o];
    }
    for (std::size_t r = 0; r < base; ++r)
      readings[r] += options[0];
  }
  for (std::size_t r = 0; r < count; ++r) {
    std::string& s = readings[r];
    s.erase(std::remove(s.begin(), s.end(), '_'), s.end());
    merge_doubles(s);
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
}

std::string vowel_key(std::string_view code) {
  std::string key;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == 'h' && i > 0 && i + 1 == code.size() && is_vowel(code[i - 1])) continue;
    if (is_vowel(c)) {
      if (key.empty() || key.back() != '.') key += '.';
      continue;
    }
    if (c == 'j') c = 'J';
    if (c == 'q' || c == 'c') c = 'k';
    if (c == 'f' && final_f_is_v(code, i)) c = 'v';
    if (!key.empty() && key.back() == c) continue;
    key += c;
  }
  return key;
}

double code_similarity(std::string_view a, bool a_persian, std::string_view b, bool b_persian,
                       double floor) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t n = std::min(a.size(), kMaxCode), m = std::min(b.size(), kMaxCode);
  a = a.substr(0, n);
  b = b.substr(0, m);
  const double length = std::max(weighted_length(a), weighted_length(b));
  // The edit cost above which the similarity cannot beat `floor`; every symbol beyond the
  // shorter code costs at least 0.1, and a row's minimum never decreases further down.
  const double budget = (1.0 - std::max(floor, 0.0)) * length / kScale;
  if (0.1 * static_cast<double>(n > m ? n - m : m - n) >= budget) return 0.0;

  const SubstitutionTable& table = substitution_table();
  std::array<double, kMaxCode + 1> prev{}, cur{};
  std::array<double, kMaxCode> del_a{}, ins_b{};
  for (std::size_t i = 0; i < n; ++i)
    del_a[i] = indel(a, i, b_persian);
  for (std::size_t j = 0; j < m; ++j)
    ins_b[j] = indel(b, j, a_persian);
  prev[0] = 0;
  for (std::size_t j = 1; j <= m; ++j)
    prev[j] = prev[j - 1] + ins_b[j - 1];
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + del_a[i - 1];
    double row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      double sub = substitution(table, a[i - 1], b[j - 1]);
      // A name's first vowel, when it starts the name, is its most stable (Igor/Egor).
      if (i == 1 && j == 1 && is_vowel(a[0]) && is_vowel(b[0])) sub *= 2;
      cur[j] = std::min({prev[j] + del_a[i - 1], cur[j - 1] + ins_b[j - 1], prev[j - 1] + sub});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min >= budget) return 0.0;
    std::swap(prev, cur);
  }
  return std::max(0.0, 1.0 - kScale * prev[m] / length);
}

std::string first_symbols(std::string_view code) {
  std::string out;
  if (code.empty()) return out;
  out += code[0];
  // Yu, Ya, Ye: the vowel after the i of y is what an initial may show (Ю. for Yuri).
  if (code[0] == 'i' && code.size() > 1 && is_vowel(code[1])) out += code[1];
  return out;
}

bool initial_fits(std::string_view initial_first, std::string_view word_first) noexcept {
  for (char i : initial_first) {
    for (char w : word_first) {
      if (i == w || substitution_cost(i, w) <= 0.3) return true;
      // An initial shows the first letter of a digraph: D. for Dzhafar, Z. for Zhukov,
      // K. for Khrushchev, S. for Shcherbakov, T. for Tsvetaeva, C. for Chernov.
      if ((i == 'd' && (w == 'J' || w == 'j')) || (i == 'z' && w == 'J') ||
          (i == 'k' && w == 'h') || (i == 's' && w == 'S') || (i == 't' && w == 'T') ||
          (i == 'c' && (w == 'C' || w == 'S')) || (i == 'e' && w == 'i') || (i == 'i' && w == 'e'))
        return true;
    }
  }
  return false;
}

}  // namespace archive::names_detail
