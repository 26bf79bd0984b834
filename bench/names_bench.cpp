// Benchmarks of the names part. items_per_second is the figure to read.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <archive/names/match.hpp>
#include <archive/names/transliterator.hpp>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// --- romanization ---
//
// Romanizations per second of one name token (one word), per language and scheme:
//  - cold: every call gets a token the Transliterator has not seen (a real token from the
//    public name data plus a distinct two-letter ending), so it pays the ICU transform, and
//    for Persian the lexicon lookup and the rule-based fallback, every time;
//  - cached: 512 real tokens over and over, served from the per-thread cache after the first
//    round (validation, NFC, word scan, cache lookup, re-capitalization).
// The tokens are the Cyrillic and Arabic-script sides of names/names_ru.tsv and names_ar.tsv
// in the optional public test data set (ARCHIVE_SHARED_DATA_DIR; Arabic-script tokens
// romanized as Persian); without the data set a small built-in list is used and the context
// says so. The *_Threads variants run 4 threads on one
// shared Transliterator (each thread has its own ICU clones and cache).

namespace names_bench {

using archive::NameLanguage;
using archive::RomanizeOptions;
using archive::Scheme;
using archive::Transliterator;

const char* const kRussianFallback[] = {"Багиров",  "Молотов", "Хрущёв", "Ельцин", "Джугашвили",
                                        "Вячеслав", "Никита",  "Борис",  "Иосиф",  "Джафар"};
const char* const kPersianFallback[] = {"محمدرضا",  "پهلوی", "کیانوری", "مصدق",  "حسین",
                                        "نورالدین", "اشرف",  "قوام",    "زاهدی", "بختیار"};

// The `column`-th field of each data line of a TSV file in the data set's names/ folder.
std::vector<std::string> read_column(const char* file, std::size_t column) {
  std::vector<std::string> values;
  std::ifstream in(std::filesystem::path(ARCHIVE_SHARED_DATA_DIR) / "names" / file);
  std::string line;
  if (!std::getline(in, line)) return values;  // header
  while (std::getline(in, line)) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < column && start != std::string::npos; ++i) {
      start = line.find('\t', start);
      if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) continue;
    const std::size_t end = line.find('\t', start);
    std::string value = line.substr(start, end == std::string::npos ? end : end - start);
    if (!value.empty() && value.find(' ') == std::string::npos) values.push_back(std::move(value));
  }
  return values;
}

struct Tokens {
  std::vector<std::string> russian;
  std::vector<std::string> persian;
  bool from_shared_data = false;
};

const Tokens& tokens() {
  static const Tokens t = [] {
    Tokens made;
    made.russian = read_column("names_ru.tsv", 1);
    made.persian = read_column("names_ar.tsv", 1);
    for (std::vector<std::string>* list : {&made.russian, &made.persian}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    made.from_shared_data = !made.russian.empty() && !made.persian.empty();
    if (!made.from_shared_data) {
      made.russian.assign(std::begin(kRussianFallback), std::end(kRussianFallback));
      made.persian.assign(std::begin(kPersianFallback), std::end(kPersianFallback));
    }
    return made;
  }();
  return t;
}

// Two letters of the token's script that make token number `n` distinct (33 × 33 endings per
// base token; the base list is long enough that they do not repeat within a run).
void append_ending(std::string& word, std::uint64_t n, bool persian) {
  static const char* const kCyrillic[] = {"а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л",
                                          "м", "н", "о", "п", "р", "с", "т", "у", "ф", "х", "ц",
                                          "ч", "ш", "щ", "ы", "э", "ю", "я", "й", "ё", "ь", "ъ"};
  static const char* const kPersian[] = {"ا", "ب", "پ", "ت", "ث", "ج", "چ", "ح", "خ", "د", "ذ",
                                         "ر", "ز", "ژ", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ",
                                         "ف", "ق", "ک", "گ", "ل", "م", "ن", "و", "ه", "ی", "ة"};
  const char* const* letters = persian ? kPersian : kCyrillic;
  word += letters[n % 33];
  word += letters[(n / 33) % 33];
}

RomanizeOptions options_for(std::int64_t scheme, bool persian) {
  RomanizeOptions o;
  o.scheme = static_cast<Scheme>(scheme);
  o.from = persian ? NameLanguage::persian : NameLanguage::russian;
  return o;
}

void label(benchmark::State& state, bool persian) {
  std::string l = persian ? "fa " : "ru ";
  l += archive::to_string(options_for(state.range(0), persian).scheme);
  if (!tokens().from_shared_data) l += " (built-in tokens: no public test data set)";
  state.SetLabel(l);
}

void romanize_cold(benchmark::State& state, bool persian) {
  // One instance per benchmark run, so earlier runs do not warm its caches.
  const Transliterator t = Transliterator::create().value();
  const std::vector<std::string>& base = persian ? tokens().persian : tokens().russian;
  const RomanizeOptions options = options_for(state.range(0), persian);
  std::uint64_t n = static_cast<std::uint64_t>(state.thread_index()) << 32;
  std::string word;
  for (auto _ : state) {
    word = base[n % base.size()];
    append_ending(word, n / base.size(), persian);
    ++n;
    auto r = t.romanize(word, options);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  label(state, persian);
}

void romanize_cached(benchmark::State& state, bool persian) {
  const Transliterator& t = Transliterator::shared();
  const std::vector<std::string>& all = persian ? tokens().persian : tokens().russian;
  const std::vector<std::string> few(all.begin(),
                                     all.begin() + std::min<std::size_t>(512, all.size()));
  const RomanizeOptions options = options_for(state.range(0), persian);
  for (const std::string& w : few)
    benchmark::DoNotOptimize(t.romanize(w, options));
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = t.romanize(few[i], options);
    benchmark::DoNotOptimize(r);
    if (++i == few.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  label(state, persian);
}

void BM_RomanizeRussianCold(benchmark::State& state) {
  romanize_cold(state, false);
}
void BM_RomanizeRussianCached(benchmark::State& state) {
  romanize_cached(state, false);
}
void BM_RomanizePersianCold(benchmark::State& state) {
  romanize_cold(state, true);
}
void BM_RomanizePersianCached(benchmark::State& state) {
  romanize_cached(state, true);
}

void russian_schemes(benchmark::internal::Benchmark* b) {
  for (Scheme s : {Scheme::popular, Scheme::bgn_pcgn, Scheme::ala_lc, Scheme::iso9}) {
    b->Arg(static_cast<std::int64_t>(s));
  }
}
void persian_schemes(benchmark::internal::Benchmark* b) {
  for (Scheme s : {Scheme::popular, Scheme::bgn_pcgn, Scheme::ala_lc}) {
    b->Arg(static_cast<std::int64_t>(s));
  }
}

BENCHMARK(BM_RomanizeRussianCold)->Apply(russian_schemes);
BENCHMARK(BM_RomanizeRussianCached)->Apply(russian_schemes);
BENCHMARK(BM_RomanizePersianCold)->Apply(persian_schemes);
BENCHMARK(BM_RomanizePersianCached)->Apply(persian_schemes);

// Four threads on one shared instance (popular scheme): how the per-thread clones and caches
// scale. ICU serializes rule-based transliteration behind one process-wide lock, so the cold
// figure scales less than the cached one.
void BM_RomanizeRussianCold_Threads(benchmark::State& state) {
  static const Transliterator t = Transliterator::create().value();
  const std::vector<std::string>& base = tokens().russian;
  const RomanizeOptions options = options_for(static_cast<std::int64_t>(Scheme::popular), false);
  std::uint64_t n = static_cast<std::uint64_t>(state.thread_index() + 1) << 40;
  std::string word;
  for (auto _ : state) {
    word = base[n % base.size()];
    append_ending(word, n / base.size(), false);
    ++n;
    auto r = t.romanize(word, options);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
void BM_RomanizeRussianCached_Threads(benchmark::State& state) {
  romanize_cached(state, false);
}
BENCHMARK(BM_RomanizeRussianCold_Threads)->Threads(1)->Threads(4)->UseRealTime();
BENCHMARK(BM_RomanizeRussianCached_Threads)
    ->Arg(static_cast<std::int64_t>(Scheme::popular))
    ->Threads(1)
    ->Threads(4)
    ->UseRealTime();

}  // namespace names_bench

// --- matching ---
//
// Matching throughput with the shared Transliterator (whose per-thread word cache is warm
// after the first round, as in an archive where the same names come back again and again):
//  - BM_MatchTokens: match() of 3,000 Latin/Cyrillic token pairs (the first 3,000 rows of the
//    public data set's names/names_ru.tsv here), one pair per iteration;
//  - BM_MatchFullNames: match() of the seed's people written in three scripts against one
//    another (two to four words each, titles, initials, catalog order);
//  - BM_NameKeys: name_keys() of the same full names;
//  - BM_NameMatcherFind/N: NameMatcher::find() over N two-word Cyrillic names (tokens of the
//    public data set, or generated syllables without it), each query the Latin spelling of one of
//    them, so every query crosses scripts and has a true answer; the index is built once,
//    outside the timing. The counter "found" is the share of the 1,000 queries whose name is
//    among the (at most 10) results, measured once outside the timing; it is about the
//    square of the token recall, as both words must match. (The synthetic names repeat
//    tokens and near-duplicates, so the true name is often tied with others, and "first"
//    would say little.)

namespace match_bench {

using archive::NameMatcher;

struct TokenPair {
  std::string latin, cyrillic;
};

const std::vector<TokenPair>& token_pairs() {
  static const std::vector<TokenPair> pairs = [] {
    std::vector<TokenPair> made;
    const std::vector<std::string> latin = names_bench::read_column("names_ru.tsv", 0);
    const std::vector<std::string> cyrillic = names_bench::read_column("names_ru.tsv", 1);
    for (std::size_t i = 0; i < latin.size() && i < cyrillic.size(); ++i)
      made.push_back({latin[i], cyrillic[i]});
    if (made.empty()) {  // no public test data set: syllables, romanized by hand
      const char* const latin_syllables[] = {"ba", "gi", "ro", "mo", "lo", "to", "ka", "ri",
                                             "na", "se", "du", "va", "zu", "pe", "li", "kha"};
      const char* const cyrillic_syllables[] = {"ба", "ги", "ро", "мо", "ло", "то", "ка", "ри",
                                                "на", "се", "ду", "ва", "зу", "пе", "ли", "ха"};
      for (std::size_t n = 0; n < 16 * 16 * 16; ++n) {
        TokenPair p;
        for (std::size_t k = n, d = 0; d < 3; ++d, k /= 16) {
          p.latin += latin_syllables[k % 16];
          p.cyrillic += cyrillic_syllables[k % 16];
        }
        p.latin += "ov";
        p.cyrillic += "ов";
        made.push_back(std::move(p));
      }
    }
    return made;
  }();
  return pairs;
}

const std::vector<std::string>& seed_names() {
  static const std::vector<std::string> names = {"Мир Джафар Багиров",
                                                 "Mir Jafar Bagirov",
                                                 "Mir Dzhafar Bagirov",
                                                 "Mir Cəfər Bağırov",
                                                 "M.D. Bagirov",
                                                 "Багиров, Мир Джафар Аббасович",
                                                 "Nureddin Kianuri",
                                                 "Kyanuri",
                                                 "Nur al-Din Kianuri",
                                                 "نورالدین کیانوری",
                                                 "Mohammad Reza Pahlavi",
                                                 "Mohammed Reza Shah",
                                                 "محمدرضا پهلوی",
                                                 "Pahlavi, Mohammad Reza",
                                                 "Princess Ashraf Pahlavi",
                                                 "اشرف پهلوی",
                                                 "Иосиф Виссарионович Сталин",
                                                 "Generalissimo Stalin",
                                                 "Вячеслав Михайлович Молотов",
                                                 "V.M. Molotov",
                                                 "Naser Fakhr Arai",
                                                 "ناصر فخرآرایی"};
  return names;
}

void data_label(benchmark::State& state) {
  if (!names_bench::tokens().from_shared_data)
    state.SetLabel("built-in tokens: no public test data set");
}

void BM_MatchTokens(benchmark::State& state) {
  const std::vector<TokenPair>& all = token_pairs();
  const std::size_t n = std::min<std::size_t>(3000, all.size());
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = archive::match(all[i].latin, all[i].cyrillic);
    benchmark::DoNotOptimize(r);
    if (++i == n) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  data_label(state);
}
BENCHMARK(BM_MatchTokens);

void BM_MatchFullNames(benchmark::State& state) {
  const std::vector<std::string>& names = seed_names();
  std::size_t i = 0, j = 1;
  for (auto _ : state) {
    auto r = archive::match(names[i], names[j]);
    benchmark::DoNotOptimize(r);
    if (++j == names.size()) j = 0, i = (i + 1) % names.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_MatchFullNames);
BENCHMARK(BM_MatchFullNames)->Threads(4)->UseRealTime();

void BM_NameKeys(benchmark::State& state) {
  const std::vector<std::string>& names = seed_names();
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = archive::name_keys(names[i]);
    benchmark::DoNotOptimize(r);
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_NameKeys);

// N two-word names: entry k is Cyrillic "given family", its query the Latin spelling.
struct MatcherFixture {
  NameMatcher matcher;
  std::vector<std::string> queries;
  double found = 0;
};

const MatcherFixture& matcher_of(std::size_t size) {
  static std::vector<std::pair<std::size_t, std::unique_ptr<MatcherFixture>>> built;
  for (const auto& [n, f] : built) {
    if (n == size) return *f;
  }
  auto f = std::make_unique<MatcherFixture>();
  const std::vector<TokenPair>& pairs = token_pairs();
  const std::size_t count = pairs.size();
  for (std::size_t k = 0; k < size; ++k) {
    const TokenPair& given = pairs[k % count];
    const TokenPair& family = pairs[(k * 7919 + 13) % count];
    (void)f->matcher.add(k, given.cyrillic + " " + family.cyrillic);
    if (k % (size / 1000) == 0) f->queries.push_back(given.latin + " " + family.latin);
  }
  std::size_t found = 0;
  for (std::size_t q = 0; q < f->queries.size(); ++q) {
    const auto r = f->matcher.find(f->queries[q]);
    const std::uint64_t answer = q * (size / 1000);
    if (r && std::any_of(r->begin(), r->end(), [&](const auto& c) { return c.id == answer; }))
      ++found;
  }
  f->found = static_cast<double>(found) / static_cast<double>(f->queries.size());
  built.emplace_back(size, std::move(f));
  return *built.back().second;
}

void BM_NameMatcherFind(benchmark::State& state) {
  const MatcherFixture& f = matcher_of(static_cast<std::size_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = f.matcher.find(f.queries[i]);
    benchmark::DoNotOptimize(r);
    if (++i == f.queries.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["found"] = f.found;
  data_label(state);
}
BENCHMARK(BM_NameMatcherFind)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMicrosecond);

}  // namespace match_bench

}  // namespace

BENCHMARK_MAIN();
