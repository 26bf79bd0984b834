// Cross-script name matching: name_keys, match and NameMatcher.
//
// A name is parsed (names_detail::parse_name) and each word romanized under every scheme
// (Transliterator::romanize; a Latin word is taken as written), giving its Latin forms and
// their phonetic codes (match_phonetic.cpp, which also documents the keys and the word
// similarity). Titles are dropped, except the ones that are also name parts (Mir, Mirza,
// Seyyed, Agha, Khan, Haji), which become optional words. A particle written on its own is
// joined to the word after it (de Gaulle, ibn Sina), which also matches without it.
//
// The score of two names:
//  1. Word similarity s(x, y): for two words the best code_similarity over their codes; an
//     initial and a word 0.9 when the initial can begin the word (M. ~ Mir, D. ~ Dzhafar,
//     including across scripts), else 0; two initials 1 when they agree, else 0.
//  2. Each word has a weight: 1 for given and family names, 0.6 for a patronymic, 0.5 for an
//     initial or an optional title word. A pair weighs w = (w_x + w_y) / 2.
//  3. Alignment, order-insensitive: every non-optional word of one name is paired with a
//     distinct word of the other (a non-optional one, or an optional one standing in for it:
//     "M." ~ Mir), maximizing Σ w·s by an exact search over assignments, in both directions
//     (names are cut at 10 words). The first name's optional words then pair with a left-over
//     word when s ≥ 0.8, and are ignored otherwise.
//  4. score = Σ w·s / (Σ w·(1 + max(0, 0.6 − s) / 0.6) + 0.15 · Σ w_missing)
//     where the sums run over pairs and w_missing over the other name's non-optional words
//     left unpaired. A word one name lacks costs little: "Bagirov" ~ "Mir Jafar Bagirov" 0.87
//     (a name that does not mention a given name still names the person), while a pair that
//     disagrees (s < 0.6) counts up to twice its weight.
//  5. Weakest pair: a name matches no better than its worst pair of words, plus 0.02 for each
//     other pair with s ≥ 0.9; but never below half the score of step 4, so names sharing
//     some words still rank above names sharing none. A different given name, patronymic or
//     family name therefore fails the match however much else agrees: "Mir Jafar Bakirov" ~
//     "Mir Jafar Bagirov" 0.72, "Ashraf Pahlavi" ~ "Mohammad Reza Pahlavi" 0.16,
//     "Mohammad Ali Pahlavi" ~ "Mohammad Reza Pahlavi" 0.25.
//  6. Compounds: two adjacent words of one name may stand for one word of the other
//     (Mohammad Reza ~ محمدرضا, Nur al-Din ~ Nureddin): a merge is taken when the joined
//     codes match a word of the other name (s ≥ 0.8) better than either part by 0.05; the
//     score is the better of the merged and unmerged alignments.
// The pair is put in a canonical order first, so match(a, b) == match(b, a) exactly; a name
// always scores 1 against itself.
//
// kNameMatchThreshold = 0.75: for single words it is the word similarity at which one wrong
// consonant (Bagirov/Bakirov 0.70) or a dropped inner vowel (Bagirov/Bagrov 0.73) no longer
// matches, while romanization variants (Baghirov, Bağırov, Mir Dzhafar, Kyanuri/Kianuri,
// Mohammed/Mohammad) score 0.9 or more. Measured (tests/names/match_data_test.cpp): on 3,000
// Wikidata Latin/Cyrillic token pairs of the public test data set, drawn as its reference
// scorer draws them, recall 0.885 with no false match on 3,000 negatives; on the seed's people in
// every script, 197 of 198 true pairs and no false one.
#include "archive/names/match.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "archive/text/normalize.hpp"
#include "names/match_phonetic.hpp"
#include "names/name_parse.hpp"

namespace archive {

namespace names_detail {
namespace {

constexpr double kGivenWeight = 1.0;
constexpr double kPatronymicWeight = 0.6;
constexpr double kInitialWeight = 0.5;
constexpr double kOptionalWeight = 0.5;
constexpr double kInitialSimilarity = 0.9;
constexpr double kConflictBelow = 0.6;    // pairs below this similarity count against a match
constexpr double kMissingCost = 0.15;     // per unit weight of a word the other name lacks
constexpr double kJoinSimilarity = 0.8;   // for optional words and compound merges
constexpr double kStrongPair = 0.9;       // a pair of words that clearly agree
constexpr double kSupportPerPair = 0.02;  // how far each such pair lifts the weakest one
constexpr std::size_t kMaxUnits = 10;     // words per name aligned (the search is 2^this wide)
constexpr std::size_t kMaxCodes = 8;      // phonetic codes kept per word
constexpr std::size_t kCacheLimit = 1 << 14;

// The romanized forms of one written word.
struct WordForms {
  std::vector<std::string> forms;  // latin_form of each scheme's romanization, in scheme order
  std::vector<std::string> codes;  // their distinct phonetic codes
  std::string plain;               // text::fold of a Latin word, when ASCII and unlike forms
  bool persian = false;            // romanized from Arabic script (short vowels unwritten)
};

void add_codes(std::string_view form, std::vector<std::string>& codes) {
  std::vector<std::string> fresh;
  phonetic_codes(form, fresh);
  for (std::string& c : fresh) {
    if (codes.size() < kMaxCodes && std::find(codes.begin(), codes.end(), c) == codes.end())
      codes.push_back(std::move(c));
  }
}

WordForms make_forms(std::string_view word, text::Script script, const Transliterator& t) {
  WordForms w;
  auto add_form = [&](std::string form) {
    if (form.empty()) return;
    add_codes(form, w.codes);
    w.forms.push_back(std::move(form));
  };
  if (script == text::Script::latin || script == text::Script::none) {
    add_form(latin_form(word));
    if (!w.forms.empty()) ending_variant_codes(w.forms[0], w.codes);
    // The plain fold as a key too (Bağırov → bagirov beside baghirov), when it is ASCII.
    if (auto plain = text::fold(word)) {
      std::string letters;
      const bool ascii = std::none_of(plain->begin(), plain->end(),
                                      [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      for (char c : *plain) {
        if (ascii && c >= 'a' && c <= 'z') letters += c;
      }
      if (!letters.empty() && (w.forms.empty() || letters != w.forms[0])) w.plain = letters;
    }
    return w;
  }
  w.persian = script == text::Script::arabic;
  for (Scheme s : {Scheme::popular, Scheme::bgn_pcgn, Scheme::ala_lc, Scheme::iso9}) {
    if (w.persian && s == Scheme::iso9) continue;
    RomanizeOptions options;
    options.scheme = s;
    options.ala_lc_ties = false;
    if (auto latin = t.romanize(word, options)) add_form(latin_form(*latin, w.persian));
  }
  if (w.forms.empty()) add_form(latin_form(word));
  return w;
}

// Per-thread cache of word forms under the shared transliterator (the only one whose
// lexicon cannot change: it is reachable only as const). Cleared when it grows too large.
std::shared_ptr<const WordForms> forms_of(const std::string& word, text::Script script,
                                          const Transliterator& t) {
  if (&t != &Transliterator::shared()) {
    return std::make_shared<const WordForms>(make_forms(word, script, t));
  }
  thread_local std::unordered_map<std::string, std::shared_ptr<const WordForms>> cache;
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() >= kCacheLimit) cache.clear();
  auto made = std::make_shared<const WordForms>(make_forms(word, script, t));
  cache.emplace(word, made);
  return made;
}

// A word (or a particle with its word) as the alignment sees it.
struct Unit {
  std::vector<std::string> codes;
  std::vector<std::string> forms;  // for keys: Latin forms without separators
  std::string first;               // first_symbols of the codes
  double weight = kGivenWeight;
  bool initial = false;
  bool optional = false;
  bool persian = false;
};

struct Prepared {
  std::string text;
  std::vector<Unit> units;
};

std::string without_dashes(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '-') out += c;
  }
  return out;
}

void finish_unit(Unit& u) {
  for (const std::string& c : u.codes) {
    for (char f : first_symbols(c)) {
      if (u.first.find(f) == std::string::npos) u.first += f;
    }
  }
}

Result<Prepared> prepare(std::string_view text, const Transliterator& t) {
  auto parsed = parse_name(text, thread_segmenter());
  if (!parsed) return std::move(parsed).error();
  Prepared p;
  p.text.assign(text);
  const std::vector<NameWord>& words = parsed->words;
  for (std::size_t i = 0; i < words.size() && p.units.size() < kMaxUnits; ++i) {
    const NameWord& w = words[i];
    if (w.suffix) continue;
    if (w.role == WordRole::title && !w.name_like_title) continue;
    Unit u;
    u.initial = w.initial;
    u.optional = w.role == WordRole::title;
    u.weight = u.optional                       ? kOptionalWeight
               : w.initial                      ? kInitialWeight
               : w.role == WordRole::patronymic ? kPatronymicWeight
                                                : kGivenWeight;
    const auto forms = forms_of(w.text, w.script, t);
    u.persian = forms->persian;
    const bool joins = w.particle && i + 1 < words.size() && !words[i + 1].initial &&
                       words[i + 1].role != WordRole::title;
    if (joins) {  // "de Gaulle": the particle with its word, and the word alone
      const NameWord& next = words[++i];
      const auto next_forms = forms_of(next.text, next.script, t);
      u.persian = u.persian || next_forms->persian;
      u.weight = next.role == WordRole::patronymic ? kPatronymicWeight : kGivenWeight;
      for (const std::string& a : forms->forms) {
        for (const std::string& b : next_forms->forms) {
          if (u.forms.size() >= kMaxCodes) break;
          std::string joined = a + "-" + b;
          add_codes(joined, u.codes);
          u.forms.push_back(without_dashes(joined));
        }
      }
      for (const std::string& c : next_forms->codes) {
        if (u.codes.size() < kMaxCodes &&
            std::find(u.codes.begin(), u.codes.end(), c) == u.codes.end())
          u.codes.push_back(c);
      }
      for (const std::string& f : next_forms->forms)
        u.forms.push_back(without_dashes(f));
      if (!next_forms->plain.empty()) u.forms.push_back(next_forms->plain);
    } else {
      u.codes = forms->codes;
      for (const std::string& f : forms->forms)
        u.forms.push_back(without_dashes(f));
      if (!forms->plain.empty()) u.forms.push_back(forms->plain);
    }
    if (u.codes.empty()) {  // no Latin letter to read (a word of modifier letters): as written
      u.codes.push_back(text::fold(w.text).value_or(w.text));
      u.forms.push_back(u.codes.back());
    }
    finish_unit(u);
    p.units.push_back(std::move(u));
  }
  return p;
}

// How alike two units are; a result at or below `floor` may be given as 0.
double unit_similarity(const Unit& x, const Unit& y, double floor = 0.0) {
  if (x.initial && y.initial) {
    return initial_fits(x.first, y.first) || initial_fits(y.first, x.first) ? 1.0 : 0.0;
  }
  if (x.initial) return initial_fits(x.first, y.first) ? kInitialSimilarity : 0.0;
  if (y.initial) return initial_fits(y.first, x.first) ? kInitialSimilarity : 0.0;
  double best = 0;
  for (const std::string& a : x.codes) {
    for (const std::string& b : y.codes) {
      best = std::max(best, code_similarity(a, x.persian, b, y.persian, std::max(best, floor)));
      if (best >= 1.0) return 1.0;
    }
  }
  return best;
}

// One orientation of the alignment: every real unit of `small` is paired with a distinct unit
// of `large` (a real one, or an optional one standing in for it: "M." ~ Mir), maximizing
// Σ w·s; then the optional units of `small` pair with what is left when they agree. Returns
// the score as described at the top, or -1 when `small` has more real units than `large`
// has units.
// The word similarities of two names, computed once for both orientations.
struct Similarities {
  const std::vector<Unit>& a;
  const std::vector<Unit>& b;
  std::vector<double> values;  // a.size() × b.size()
  Similarities(const std::vector<Unit>& x, const std::vector<Unit>& y)
      : a(x), b(y), values(x.size() * y.size()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      for (std::size_t j = 0; j < b.size(); ++j)
        values[i * b.size() + j] = unit_similarity(a[i], b[j]);
    }
  }
};

double align_oriented(const Similarities& all, bool a_is_small) {
  const std::vector<Unit>& small = a_is_small ? all.a : all.b;
  const std::vector<Unit>& large = a_is_small ? all.b : all.a;
  auto similarity = [&](std::size_t i, std::size_t j) {
    return a_is_small ? all.values[i * all.b.size() + j] : all.values[j * all.b.size() + i];
  };
  std::vector<std::size_t> rs, os;
  for (std::size_t i = 0; i < small.size(); ++i)
    (small[i].optional ? os : rs).push_back(i);
  const std::size_t m = rs.size(), n = large.size();
  if (m > n) return -1.0;

  std::vector<double> sim(m * n), weight(m * n);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      sim[i * n + j] = similarity(rs[i], j);
      weight[i * n + j] = (small[rs[i]].weight + large[j].weight) / 2;
    }
  }
  // dp over the units of `large` in order and the set of `small` units already paired.
  const std::size_t width = std::size_t{1} << m, full = width - 1;
  std::vector<double> dp((n + 1) * width, -1.0);
  std::vector<std::int8_t> choice((n + 1) * width, -1);  // small unit paired with j, or -1
  dp[0] = 0;
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t mask = 0; mask < width; ++mask) {
      const double here = dp[j * width + mask];
      if (here < 0) continue;
      if (here > dp[(j + 1) * width + mask]) {
        dp[(j + 1) * width + mask] = here;
        choice[(j + 1) * width + mask] = -1;
      }
      for (std::size_t i = 0; i < m; ++i) {
        if (mask & (std::size_t{1} << i)) continue;
        const std::size_t next = mask | (std::size_t{1} << i);
        const double value = here + weight[i * n + j] * sim[i * n + j] + 1e-9;
        if (value > dp[(j + 1) * width + next]) {
          dp[(j + 1) * width + next] = value;
          choice[(j + 1) * width + next] = static_cast<std::int8_t>(i);
        }
      }
    }
  }
  if (dp[n * width + full] < 0) return -1.0;

  std::vector<bool> large_paired(n, false);
  double numerator = 0, denominator = 0;
  double worst = 1.0;      // the weakest pair
  std::size_t strong = 0;  // pairs that agree well
  for (std::size_t j = n, mask = full; j > 0; --j) {
    const int i = choice[j * width + mask];
    if (i < 0) continue;
    const auto k = static_cast<std::size_t>(i);
    const double s = sim[k * n + (j - 1)], w = weight[k * n + (j - 1)];
    numerator += w * s;
    denominator += w * (1.0 + std::max(0.0, kConflictBelow - s) / kConflictBelow);
    worst = std::min(worst, s);
    strong += s >= kStrongPair ? 1 : 0;
    large_paired[j - 1] = true;
    mask &= ~(std::size_t{1} << k);
  }

  // Optional units of `small` (Mir, Seyyed): pair with a left-over unit when they agree.
  for (std::size_t o : os) {
    double best = kJoinSimilarity;
    std::size_t best_j = n;
    for (std::size_t j = 0; j < n; ++j) {
      if (large_paired[j]) continue;
      const double s = similarity(o, j);
      if (s >= best) best = s, best_j = j;
    }
    if (best_j == n) continue;
    const double w = (small[o].weight + large[best_j].weight) / 2;
    numerator += w * best;
    denominator += w;
    large_paired[best_j] = true;
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (!large_paired[j] && !large[j].optional) denominator += kMissingCost * large[j].weight;
  }
  if (denominator <= 0) return 0.0;
  double result = numerator / denominator;
  // A name matches no better than its weakest pair of words, give or take the support of the
  // others: "Mir Jafar Bakirov" is not "Mir Jafar Bagirov".
  if (m > 0) {
    const double others = static_cast<double>(strong - (worst >= kStrongPair ? 1 : 0));
    const double cap = worst + kSupportPerPair * others;
    // …but a name sharing some words still ranks above one sharing none.
    result = std::min(result, std::max(cap, result / 2));
  }
  return std::clamp(result, 0.0, 1.0);
}

// The score of two names' units: the better orientation.
double align(const std::vector<Unit>& a, const std::vector<Unit>& b) {
  const Similarities all(a, b);
  return std::max({align_oriented(all, true), align_oriented(all, false), 0.0});
}

// Joins adjacent words of `x` that together match one word of `y` better than apart.
bool merge_compounds(std::vector<Unit>& x, const std::vector<Unit>& y) {
  bool merged = false;
  std::vector<Unit> out;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const bool mergeable = i + 1 < x.size() && !x[i].initial && !x[i].optional &&
                           !x[i + 1].initial && !x[i + 1].optional;
    if (mergeable) {
      Unit joined;
      joined.persian = x[i].persian || x[i + 1].persian;
      joined.weight = std::max(x[i].weight, x[i + 1].weight);
      for (const std::string& a : x[i].codes) {
        for (const std::string& b : x[i + 1].codes) {
          if (joined.codes.size() >= kMaxCodes) break;
          std::string c = a + b;
          if (!a.empty() && !b.empty() && a.back() == b.front()) c.erase(a.size(), 1);
          if (std::find(joined.codes.begin(), joined.codes.end(), c) == joined.codes.end())
            joined.codes.push_back(std::move(c));
        }
      }
      finish_unit(joined);
      bool take = false;
      for (const Unit& other : y) {
        if (other.initial || other.optional) continue;
        // A compound starts as its first part does (a quick test before the edit distance).
        if (!initial_fits(x[i].first, other.first) && !initial_fits(other.first, x[i].first))
          continue;
        const double s = unit_similarity(joined, other, kJoinSimilarity - 1e-9);
        if (s >= kJoinSimilarity &&
            s > std::max(unit_similarity(x[i], other), unit_similarity(x[i + 1], other)) + 0.05) {
          take = true;
          break;
        }
      }
      if (take) {
        out.push_back(std::move(joined));
        merged = true;
        ++i;
        continue;
      }
    }
    out.push_back(x[i]);
  }
  if (merged) x = std::move(out);
  return merged;
}

std::size_t real_units(const std::vector<Unit>& units) {
  return static_cast<std::size_t>(
      std::count_if(units.begin(), units.end(), [](const Unit& u) { return !u.optional; }));
}

double score(const Prepared& first, const Prepared& second) {
  // Canonical order, so the score is symmetric to the last bit.
  const Prepared& a = first.text <= second.text ? first : second;
  const Prepared& b = first.text <= second.text ? second : first;
  double best = align(a.units, b.units);
  if (best < 1.0 && (real_units(a.units) > 1 || real_units(b.units) > 1)) {
    std::vector<Unit> ma = a.units, mb = b.units;
    const bool changed_a = merge_compounds(ma, b.units);
    const bool changed_b = merge_compounds(mb, a.units);
    if (changed_a || changed_b) best = std::max(best, align(ma, mb));
  }
  return best;
}

void unit_keys(const Unit& u, std::vector<std::string>& keys) {
  for (const std::string& f : u.forms) {
    if (!f.empty()) keys.push_back(f);
  }
  std::vector<std::string> skeletons;
  for (const std::string& c : u.codes) {
    skeleton_keys(c, u.persian, skeletons);
    keys.push_back("vk:" + vowel_key(c));
  }
  for (const std::string& s : skeletons)
    keys.push_back("sk:" + s);
}

// Keys NameMatcher indexes a unit under: its consonant skeletons, or its vowel keys when it
// has no consonant.
void lookup_keys(const Unit& u, std::vector<std::string>& keys) {
  if (u.initial || u.optional) return;
  std::vector<std::string> skeletons;
  for (const std::string& c : u.codes)
    skeleton_keys(c, u.persian, skeletons);
  if (skeletons.empty()) {
    for (const std::string& c : u.codes)
      keys.push_back("vk:" + vowel_key(c));
  }
  for (const std::string& s : skeletons)
    keys.push_back("sk:" + s);
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace
}  // namespace names_detail

using names_detail::Prepared;

Result<std::vector<std::string>> name_keys(std::string_view name,
                                           const Transliterator& transliterator) {
  auto p = names_detail::prepare(name, transliterator);
  if (!p) return std::move(p).error();
  std::vector<std::string> keys;
  for (const names_detail::Unit& u : p->units) {
    if (u.initial || u.optional) continue;  // titles are left out; an initial is too common
    names_detail::unit_keys(u, keys);
  }
  names_detail::sort_unique(keys);
  return keys;
}

Result<double> match(std::string_view a, std::string_view b, const Transliterator& transliterator) {
  auto pa = names_detail::prepare(a, transliterator);
  if (!pa) return std::move(pa).error();
  auto pb = names_detail::prepare(b, transliterator);
  if (!pb) return std::move(pb).error();
  return names_detail::score(*pa, *pb);
}

// ---- NameMatcher ----

struct NameMatcher::Impl {
  const Transliterator* transliterator;
  struct Entry {
    std::uint64_t id;
    Prepared name;
  };
  std::vector<Entry> entries;
  std::unordered_map<std::string, std::vector<std::uint32_t>> postings;  // key → entries

  explicit Impl(const Transliterator& t) : transliterator(&t) {}
};

namespace {
constexpr std::size_t kMaxScored = 2000;  // candidates scored per find, the best by shared keys
}  // namespace

NameMatcher::NameMatcher(const Transliterator& transliterator)
    : impl_(std::make_unique<Impl>(transliterator)) {}
NameMatcher::~NameMatcher() = default;
NameMatcher::NameMatcher(NameMatcher&&) noexcept = default;
NameMatcher& NameMatcher::operator=(NameMatcher&&) noexcept = default;

Result<void> NameMatcher::add(std::uint64_t id, std::string_view name) {
  assert(impl_ && "use of a moved-from NameMatcher");
  auto p = names_detail::prepare(name, *impl_->transliterator);
  if (!p) return std::move(p).error();
  std::vector<std::string> keys;
  for (const names_detail::Unit& u : p->units)
    names_detail::lookup_keys(u, keys);
  names_detail::sort_unique(keys);
  const auto index = static_cast<std::uint32_t>(impl_->entries.size());
  for (const std::string& k : keys)
    impl_->postings[k].push_back(index);
  impl_->entries.push_back(Impl::Entry{id, std::move(*p)});
  return {};
}

Result<std::vector<NameCandidate>> NameMatcher::find(std::string_view name, std::size_t limit,
                                                     double threshold) const {
  assert(impl_ && "use of a moved-from NameMatcher");
  auto query = names_detail::prepare(name, *impl_->transliterator);
  if (!query) return std::move(query).error();
  std::vector<std::string> keys;
  for (const names_detail::Unit& u : query->units)
    names_detail::lookup_keys(u, keys);
  names_detail::sort_unique(keys);

  // Candidates: entries sharing a key, weighted by how rare the shared keys are.
  thread_local std::vector<double> weight;
  thread_local std::vector<std::uint32_t> touched;
  touched.clear();
  if (weight.size() < impl_->entries.size()) weight.resize(impl_->entries.size(), 0.0);
  const double total = static_cast<double>(impl_->entries.size()) + 1;
  for (const std::string& k : keys) {
    const auto it = impl_->postings.find(k);
    if (it == impl_->postings.end()) continue;
    const double idf = std::log(total / static_cast<double>(it->second.size()));
    std::uint32_t previous = UINT32_MAX;
    for (std::uint32_t e : it->second) {
      if (e == previous) continue;
      previous = e;
      if (weight[e] == 0.0) touched.push_back(e);
      weight[e] += idf + 1e-6;
    }
  }
  if (touched.size() > kMaxScored) {
    std::nth_element(touched.begin(), touched.begin() + kMaxScored, touched.end(),
                     [&](std::uint32_t x, std::uint32_t y) {
                       return weight[x] != weight[y] ? weight[x] > weight[y] : x < y;
                     });
    for (std::size_t i = kMaxScored; i < touched.size(); ++i)
      weight[touched[i]] = 0.0;
    touched.resize(kMaxScored);
  }
  std::unordered_map<std::uint64_t, double> best;
  for (std::uint32_t e : touched) {
    weight[e] = 0.0;
    const Impl::Entry& entry = impl_->entries[e];
    const double s = names_detail::score(*query, entry.name);
    if (s < threshold) continue;
    auto [it, fresh] = best.emplace(entry.id, s);
    if (!fresh) it->second = std::max(it->second, s);
  }
  std::vector<NameCandidate> out;
  out.reserve(best.size());
  for (const auto& [id, s] : best)
    out.push_back(NameCandidate{id, s});
  std::sort(out.begin(), out.end(), [](const NameCandidate& x, const NameCandidate& y) {
    return x.score != y.score ? x.score > y.score : x.id < y.id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::size_t NameMatcher::size() const noexcept {
  return impl_ ? impl_->entries.size() : 0;
}

}  // namespace archive
