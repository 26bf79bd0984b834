// Transliterator: the schemes' own tables letter by letter, their published examples, the
// seed's names in every script, capitalization, the Persian lexicon, errors and threads. The
// measured check on the public data set's Wikidata name pairs is transliterator_data_test.cpp.
#include "archive/names/transliterator.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "archive/text/normalize.hpp"

namespace archive {
namespace {

const Transliterator& tr() {
  return Transliterator::shared();
}

std::string romanize(std::string_view text, Scheme scheme,
                     NameLanguage from = NameLanguage::automatic, bool ties = true) {
  RomanizeOptions options;
  options.scheme = scheme;
  options.from = from;
  options.ala_lc_ties = ties;
  Result<std::string> r = tr().romanize(text, options);
  EXPECT_TRUE(r.has_value()) << text << ": " << (r ? "" : r.error().describe());
  return r ? *r : std::string("<error>");
}

std::string popular(std::string_view text) {
  return romanize(text, Scheme::popular);
}
std::string bgn(std::string_view text) {
  return romanize(text, Scheme::bgn_pcgn);
}
std::string ala(std::string_view text) {
  return romanize(text, Scheme::ala_lc);
}
std::string ala_no_ties(std::string_view text) {
  return romanize(text, Scheme::ala_lc, NameLanguage::automatic, false);
}
std::string iso9(std::string_view text) {
  return romanize(text, Scheme::iso9);
}

std::string fold(std::string_view text) {
  return text::fold(text).value();
}

// --- scheme names -------------------------------------------------------------------------

static_assert(std::is_same_v<decltype(to_string(Scheme::iso9)), const std::string&>);

TEST(TransliteratorSchemes, NamesRoundTrip) {
  for (Scheme s : {Scheme::bgn_pcgn, Scheme::ala_lc, Scheme::iso9, Scheme::popular}) {
    Result<Scheme> parsed = parse_scheme(to_string(s));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(to_string(Scheme::bgn_pcgn), "bgn-pcgn");
  EXPECT_EQ(to_string(Scheme::ala_lc), "ala-lc");
  EXPECT_EQ(to_string(Scheme::iso9), "iso9");
  EXPECT_EQ(to_string(Scheme::popular), "popular");
  Result<Scheme> bad = parse_scheme("loc");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(bad.error().message, "unknown scheme 'loc'");
  for (const char* name : {"", "BGN-PCGN", "bgn_pcgn", "iso 9"}) {
    EXPECT_FALSE(parse_scheme(name).has_value()) << name;
  }
  EXPECT_EQ(to_string(static_cast<Scheme>(200)), "popular");
}

// --- Russian: every letter under every scheme ---------------------------------------------

// One letter of the Russian alphabet and its value under each scheme, after a consonant (д) so
// that no word-initial or post-vowel rule applies; the contextual values have their own tests.
struct LetterRow {
  const char* letter;
  const char* bgn;      // BGN/PCGN 1947 (ICU Russian-Latin/BGN)
  const char* ala;      // ALA-LC 2012, with ties
  const char* iso9;     // ISO 9:1995 / GOST 7.79 system A
  const char* popular;  // archive's popular scheme
};

// Sources: the BGN/PCGN Russian table (е, ё after consonants; ъ ʺ, ь ʹ; э after a consonant
// written ·e, the table's optional separator, which ICU applies); the ALA-LC Russian table
// (ĭ, ė, t͡s, i͡u, i͡a; a final hard sign is not romanized); ISO 9:1995 table 1.
// clang-format off
constexpr LetterRow kRussianLetters[] = {
    // letter  BGN/PCGN  ALA-LC   ISO 9  popular
    {"а", "a",     "a",     "a",   "a"},
    {"б", "b",     "b",     "b",   "b"},
    {"в", "v",     "v",     "v",   "v"},
    {"г", "g",     "g",     "g",   "g"},
    {"д", "d",     "d",     "d",   "d"},
    {"е", "e",     "e",     "e",   "e"},
    {"ё", "ë",     "ë",     "ë",   "yo"},
    {"ж", "zh",    "zh",    "ž",   "zh"},
    {"з", "z",     "z",     "z",   "z"},
    {"и", "i",     "i",     "i",   "i"},
    {"й", "y",     "ĭ",     "j",   "y"},
    {"к", "k",     "k",     "k",   "k"},
    {"л", "l",     "l",     "l",   "l"},
    {"м", "m",     "m",     "m",   "m"},
    {"н", "n",     "n",     "n",   "n"},
    {"о", "o",     "o",     "o",   "o"},
    {"п", "p",     "p",     "p",   "p"},
    {"р", "r",     "r",     "r",   "r"},
    {"с", "s",     "s",     "s",   "s"},
    {"т", "t",     "t",     "t",   "t"},
    {"у", "u",     "u",     "u",   "u"},
    {"ф", "f",     "f",     "f",   "f"},
    {"х", "kh",    "kh",    "h",   "kh"},
    {"ц", "ts",    "t͡s",   "c",   "ts"},
    {"ч", "ch",    "ch",    "č",   "ch"},
    {"ш", "sh",    "sh",    "š",   "sh"},
    {"щ", "shch",  "shch",  "ŝ",   "shch"},
    {"ъ", "ʺ",     "",      "ʺ",   ""},
    {"ы", "y",     "y",     "y",   "y"},
    {"ь", "ʹ",     "ʹ",     "ʹ",   ""},
    {"э", "·e",    "ė",     "è",   "e"},
    {"ю", "yu",    "i͡u",   "û",   "yu"},
    {"я", "ya",    "i͡a",   "â",   "ya"},
};
// clang-format on

TEST(TransliteratorRussian, EveryLetterUnderEveryScheme) {
  for (const LetterRow& row : kRussianLetters) {
    const std::string word = std::string("д") + row.letter;
    SCOPED_TRACE(word);
    EXPECT_EQ(bgn(word), std::string("d") + row.bgn);
    EXPECT_EQ(ala(word), std::string("d") + row.ala);
    EXPECT_EQ(iso9(word), std::string("d") + row.iso9);
    EXPECT_EQ(popular(word), std::string("d") + row.popular);
  }
}

TEST(TransliteratorRussian, CapitalLettersKeepTheirCase) {
  // Each capital alone is title case; two of them are an all-caps word.
  EXPECT_EQ(bgn("Щ"), "Shch");
  EXPECT_EQ(popular("Ж"), "Zh");
  EXPECT_EQ(ala("Ю"), "I͡U");
  EXPECT_EQ(iso9("Щ"), "Ŝ");
  EXPECT_EQ(ala("ЩЮ"), "SHCHI͡U");
  EXPECT_EQ(iso9("ЁЖ"), "ËŽ");
  EXPECT_EQ(popular("ЦЧ"), "TSCH");
}

TEST(TransliteratorRussian, AlaLcTableExamples) {
  // The examples printed in the ALA-LC Russian table (2012).
  const std::pair<const char*, const char*> examples[] = {
      {"Азов", "Azov"},
      {"Кубань", "Kubanʹ"},
      {"Ульяновск", "Ulʹi͡anovsk"},
      {"Грозный", "Groznyĭ"},
      {"Дзержинский", "Dzerzhinskiĭ"},
      {"Елизово", "Elizovo"},
      {"Ёлкин", "Ëlkin"},
      {"Озёрный", "Ozërnyĭ"},
      {"Лужники", "Luzhniki"},
      {"Вязьма", "Vi͡azʹma"},
      {"Йошкар-Ола", "Ĭoshkar-Ola"},
      {"Бийск", "Biĭsk"},
      {"Енисейск", "Eniseĭsk"},
      {"Менделеев", "Mendeleev"},
      {"Красноярск", "Krasnoi͡arsk"},
      {"Северобайкальск", "Severobaĭkalʹsk"},
      {"Чайковский", "Chaĭkovskiĭ"},
      {"Мытищи", "Mytishchi"},
      {"Хабаровск", "Khabarovsk"},
      {"Цимлянск", "T͡Simli͡ansk"},
      {"Ельцин", "Elʹt͡sin"},
      {"Шахтёрск", "Shakhtërsk"},
      {"Щёлково", "Shchëlkovo"},
      {"Подъездной", "Podʺezdnoĭ"},
      {"Ыттык-Кёль", "Yttyk-Këlʹ"},
      {"Тюмень", "Ti͡umenʹ"},
      {"Электрогорск", "Ėlektrogorsk"},
      {"Радиоэлектроника", "Radioėlektronika"},
      {"Юбилейный", "I͡Ubileĭnyĭ"},
      {"Ключевская", "Kli͡uchevskai͡a"},
      {"Якутск", "I͡Akutsk"},
      {"Брянск", "Bri͡ansk"},
  };
  for (const auto& [cyrillic, latin] : examples)
    EXPECT_EQ(ala(cyrillic), latin) << cyrillic;
}

TEST(TransliteratorRussian, AlaLcWithoutTies) {
  EXPECT_EQ(ala_no_ties("Цимлянск"), "Tsimliansk");
  EXPECT_EQ(ala_no_ties("Юбилейный"), "Iubileĭnyĭ");
  EXPECT_EQ(ala_no_ties("Ключевская"), "Kliuchevskaia");
  EXPECT_EQ(ala_no_ties("Ельцин"), "Elʹtsin");
  EXPECT_EQ(ala_no_ties("ЮРИЙ"), "IURIĬ");
}

TEST(TransliteratorRussian, AlaLcPreReformLettersAndFinalHardSign) {
  EXPECT_EQ(ala("Градъ"), "Grad");  // a final hard sign is not romanized
  EXPECT_EQ(ala("объ"), "ob");
  EXPECT_EQ(ala("съезд"), "sʺezd");
  EXPECT_EQ(ala("і"), "ī");
  EXPECT_EQ(ala("ѣ"), "i͡e");
  EXPECT_EQ(ala("ѳ"), "ḟ");
  EXPECT_EQ(ala("ѵ"), "ẏ");
}

TEST(TransliteratorRussian, Iso9Examples) {
  // GOST 7.79-2000 system A (= ISO 9:1995) examples.
  const std::pair<const char*, const char*> examples[] = {
      {"ёлка", "ëlka"},         {"журнал", "žurnal"},   {"первый", "pervyj"},
      {"общество", "obŝestvo"}, {"товарищ", "tovariŝ"}, {"химический", "himičeskij"},
      {"центр", "centr"},       {"часы", "časy"},       {"школа", "škola"},
      {"щит", "ŝit"},           {"съезд", "sʺezd"},     {"альбом", "alʹbom"},
      {"это", "èto"},           {"южный", "ûžnyj"},     {"яма", "âma"},
  };
  for (const auto& [cyrillic, latin] : examples)
    EXPECT_EQ(iso9(cyrillic), latin) << cyrillic;
  // Table 2 (pre-1918) and table 1's Ukrainian and Belarusian letters.
  EXPECT_EQ(iso9("ѣ і ѳ ѵ"), "ě ì f̀ ỳ");
  EXPECT_EQ(iso9("є ї ґ ў"), "ê ï g̀ ŭ");
}

TEST(TransliteratorRussian, BgnPcgnContexts) {
  // е and ё are ye and yë at the start of a word and after a vowel, й, ъ or ь.
  EXPECT_EQ(bgn("Ельцин"), "Yelʹtsin");
  EXPECT_EQ(bgn("Ёлкин"), "Yëlkin");
  EXPECT_EQ(bgn("Объединение"), "Obʺyedineniye");
  EXPECT_EQ(bgn("Подъезд"), "Podʺyezd");
  EXPECT_EQ(bgn("Андреев"), "Andreyev");
  EXPECT_EQ(bgn("Хрущёв"), "Khrushchëv");
  EXPECT_EQ(bgn("Юрий"), "Yuriy");
  EXPECT_EQ(bgn("Вячеслав"), "Vyacheslav");
  // The optional middle dot that tells тс from ц and шч from щ.
  EXPECT_EQ(bgn("Якутск"), "Yakut·sk");
}

TEST(TransliteratorRussian, PopularForms) {
  const std::pair<const char*, const char*> examples[] = {
      {"Хрущёв", "Khrushchev"},  // ё after a hushing consonant is e
      {"Хрущев", "Khrushchev"},
      {"Горбачёв", "Gorbachev"},
      {"Ельцин", "Yeltsin"},  // initial Е is Ye; ь is dropped
      {"Ёлкин", "Yolkin"},
      {"Фёдор", "Fyodor"},  // ё after other consonants is yo
      {"Пётр", "Pyotr"},
      {"Вячеслав", "Vyacheslav"},
      {"Джугашвили", "Dzhugashvili"},
      {"Молотов", "Molotov"},
      {"Багиров", "Bagirov"},
      {"Дмитрий", "Dmitry"},  // -ий and -ый at the end of a word are -y
      {"Юрий", "Yury"},
      {"Достоевский", "Dostoyevsky"},
      {"Белый", "Bely"},
      {"Мария", "Maria"},        // -ия at the end is -ia
      {"Васильев", "Vasilyev"},  // ье is ye
      {"Ильич", "Ilyich"},       // ьи is yi
      {"Андреев", "Andreyev"},   // е after a vowel is ye ...
      {"Дмитриев", "Dmitriev"},  // ... but after и it stays e
      {"Подъезд", "Podyezd"},    // ъе is ye, ъ dropped
      {"Игорь", "Igor"},
      {"Майер", "Mayer"},  // й is y, and the е after it stays e
      {"Щукин", "Shchukin"},
      {"Цветаева", "Tsvetayeva"},
      {"Жуков", "Zhukov"},
      {"Эренбург", "Erenburg"},
      {"Татьяна", "Tatyana"},
  };
  for (const auto& [cyrillic, latin] : examples)
    EXPECT_EQ(popular(cyrillic), latin) << cyrillic;
}

TEST(TransliteratorRussian, Capitalization) {
  EXPECT_EQ(popular("ХРУЩЁВ"), "KHRUSHCHEV");
  EXPECT_EQ(popular("БАГИРОВ Мир Джафар"), "BAGIROV Mir Dzhafar");
  EXPECT_EQ(popular("багиров"), "bagirov");
  EXPECT_EQ(bgn("ЕЛЬЦИН"), "YELʹTSIN");
  EXPECT_EQ(ala("ЦИМЛЯНСК"), "T͡SIMLI͡ANSK");
  EXPECT_EQ(popular("МакДональд"), "MakDonald");
  EXPECT_EQ(popular("М.Д. Багиров"), "M.D. Bagirov");
  EXPECT_EQ(popular("Римский-Корсаков"), "Rimsky-Korsakov");
  // Stress marks are not part of the spelling.
  EXPECT_EQ(popular("Моло\u0301тов"), "Molotov");
}

// --- the seed's names ---------------------------------------------------------------------

TEST(TransliteratorSeed, RussianNames) {
  EXPECT_EQ(popular("Мир Джафар Багиров"), "Mir Dzhafar Bagirov");
  EXPECT_EQ(popular("Вячеслав Молотов"), "Vyacheslav Molotov");
  EXPECT_EQ(popular("Никита Хрущёв"), "Nikita Khrushchev");
  EXPECT_EQ(popular("Борис Ельцин"), "Boris Yeltsin");
  EXPECT_EQ(popular("Иосиф Джугашвили"), "Iosif Dzhugashvili");

  EXPECT_EQ(bgn("Мир Джафар Багиров"), "Mir Dzhafar Bagirov");
  EXPECT_EQ(bgn("Никита Хрущёв"), "Nikita Khrushchëv");
  EXPECT_EQ(bgn("Борис Ельцин"), "Boris Yelʹtsin");
  EXPECT_EQ(ala("Вячеслав Молотов"), "Vi͡acheslav Molotov");
  EXPECT_EQ(ala("Борис Ельцин"), "Boris Elʹt͡sin");
  EXPECT_EQ(ala_no_ties("Вячеслав Молотов"), "Viacheslav Molotov");
  EXPECT_EQ(iso9("Никита Хрущёв"), "Nikita Hruŝëv");
  EXPECT_EQ(iso9("Иосиф Джугашвили"), "Iosif Džugašvili");
  EXPECT_EQ(iso9("Вячеслав Молотов"), "Vâčeslav Molotov");
}

TEST(TransliteratorSeed, PersianNames) {
  EXPECT_EQ(popular("محمدرضا پهلوی"), "Mohammad Reza Pahlavi");
  EXPECT_EQ(popular("نورالدین کیانوری"), "Nureddin Kianuri");
  EXPECT_EQ(popular("اشرف پهلوی"), "Ashraf Pahlavi");
  EXPECT_EQ(popular("محمد مصدق"), "Mohammad Mosaddegh");
  EXPECT_EQ(popular("حسین"), "Hossein");

  EXPECT_EQ(bgn("محمدرضا پهلوی"), "Moḩammad Reẕā Pahlavī");
  EXPECT_EQ(bgn("نورالدین کیانوری"), "Nūr od Dīn Kīānūrī");
  EXPECT_EQ(bgn("محمد مصدق"), "Moḩammad Moşaddeq");
  EXPECT_EQ(bgn("حسین"), "Ḩoseyn");

  EXPECT_EQ(ala("محمدرضا پهلوی"), "Muḥammad Riżā Pahlavī");
  EXPECT_EQ(ala("نورالدین کیانوری"), "Nūr al-Dīn Kiyānūrī");
  EXPECT_EQ(ala("اشرف پهلوی"), "Ashraf Pahlavī");
  EXPECT_EQ(ala("محمد مصدق"), "Muḥammad Muṣaddiq");
  EXPECT_EQ(ala("حسین"), "Ḥusayn");
}

TEST(TransliteratorSeed, AzerbaijaniCyrillic) {
  // A text with Azerbaijani letters is romanized as Azerbaijani: the English forms under
  // popular, the Azerbaijani Latin alphabet under BGN/PCGN (BGN/PCGN 1993 agreement).
  EXPECT_EQ(popular("Мир Ҹәфәр Бағыров"), "Mir Jafar Baghirov");
  EXPECT_EQ(popular("Һејдәр Әлијев"), "Heydar Aliyev");
  EXPECT_EQ(bgn("Мир Ҹәфәр Бағыров"), "Mir Cəfər Bağırov");
  EXPECT_EQ(bgn("Һејдәр Әлијев"), "Heydər Əliyev");
  // ALA-LC Azerbaijani and ISO 9 table 3 values for the eight letters.
  EXPECT_EQ(ala("ә ғ ј ҝ ө ү һ ҹ"), "ă gh ı̐ ġ ȯ u̇ ḣ j");
  EXPECT_EQ(iso9("ә ғ ј ҝ ө ү һ ҹ"), "a̋ ġ ǰ k̂ ô ù ḥ ĉ");
  // Bağırov, Багиров and Бағыров meet once folded.
  EXPECT_EQ(fold(popular("Багиров")), fold("Bağırov"));
  EXPECT_EQ(fold(bgn("Бағыров")), fold("Bağırov"));
  EXPECT_EQ(fold(popular("Бағыров")), "baghirov");
}

// --- Persian ------------------------------------------------------------------------------

TEST(TransliteratorPersian, LexiconIsLoaded) {
  EXPECT_GE(tr().persian_lexicon_size(), 300u);
}

// Every entry of the shipped lexicon file romanizes to its own forms (no split or fallback
// shadows a whole-word entry).
TEST(TransliteratorPersian, EveryLexiconEntryRomanizesToItsForms) {
  const std::filesystem::path path =
      std::filesystem::path(ARCHIVE_SOURCE_DIR) / "src/names/data/persian_names.tsv";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << path;
  std::string line;
  bool header = false;
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      f.push_back(line.substr(start, tab - start));
    }
    f.push_back(line.substr(start));
    ASSERT_EQ(f.size(), 6u) << line;
    if (f[4] == "suffix" || f[0] == "و") continue;  // not words of their own
    const auto expected = [&](const std::string& form) {
      if (form.front() != '+') return form;
      std::string s = form.substr(1);
      s[0] = static_cast<char>(s[0] - ('a' - 'A'));
      return s;
    };
    EXPECT_EQ(popular(f[0]), expected(f[1])) << f[0];
    EXPECT_EQ(bgn(f[0]), expected(f[2])) << f[0];
    EXPECT_EQ(ala(f[0]), expected(f[3])) << f[0];
    ++checked;
  }
  EXPECT_GE(checked, 300u);
}

TEST(TransliteratorPersian, CompoundsAreSplitOverLexiconEntries) {
  EXPECT_EQ(popular("محمدرضا"), "Mohammad Reza");
  EXPECT_EQ(popular("محمدعلی فروغی"), "Mohammad Ali Foroughi");
  EXPECT_EQ(popular("غلامحسین"), "Gholam Hossein");
  EXPECT_EQ(popular("میرحسین موسوی"), "Mir Hossein Mousavi");
  EXPECT_EQ(ala("غلامرضا"), "Ghulām Riżā");
  // Suffixes attach: -i, -ei, -zadeh, -nejad.
  EXPECT_EQ(popular("حسینی"), "Hosseini");
  EXPECT_EQ(popular("تهرانی"), "Tehrani");
  EXPECT_EQ(popular("رضایی"), "Rezaei");
  EXPECT_EQ(popular("رضائی"), "Rezaei");
  EXPECT_EQ(bgn("رضایی"), "Reẕā’ī");
  EXPECT_EQ(popular("علیزاده"), "Alizadeh");
  EXPECT_EQ(ala("علیزاده"), "ʻAlīzādah");
  // The article with its noun: -ollah, -eddin, os-Saltaneh.
  EXPECT_EQ(popular("روح‌الله"), "Ruhollah");
  EXPECT_EQ(popular("روحالله"), "Ruhollah");
  EXPECT_EQ(bgn("عبدالله"), "‘Abdollāh");
  EXPECT_EQ(ala("عبدالله"), "ʻAbd Allāh");
  EXPECT_EQ(popular("شمس‌الدین"), "Shamseddin");
  EXPECT_EQ(ala("شمس‌الدین"), "Shams al-Dīn");
  EXPECT_EQ(popular("قوام‌السلطنه"), "Qavam os-Saltaneh");
  // A ZWNJ and a space split the same compound the same way.
  EXPECT_EQ(popular("محمد‌رضا"), "Mohammad Reza");
  EXPECT_EQ(popular("احمدی‌نژاد"), "Ahmadinejad");
}

TEST(TransliteratorPersian, SpellingVariantsFindTheSameEntry) {
  EXPECT_EQ(popular("كريم"), "Karim");     // Arabic kaf and yeh
  EXPECT_EQ(popular("مُحَمَّد"), "Mohammad");  // harakat
  EXPECT_EQ(popular("آقا"), "Agha");
  EXPECT_EQ(popular("اقا"), "Agha");  // alef without madda
  EXPECT_EQ(popular("ضیاءالدین"), "Ziaeddin");
  EXPECT_EQ(popular("پهـلوی"), "Pahlavi");  // tatweel
  EXPECT_EQ(popular("رزم‌آرا"), "Razmara");
  EXPECT_EQ(popular("\uFEE3\uFEA4\uFEE4\uFEAA"), "Mohammad");  // presentation forms ﻣﺤﻤﺪ
}

TEST(TransliteratorPersian, WordsOutsideTheLexiconKeepOnlyWrittenVowels) {
  // No short vowels: consonants, ا و ی as long vowels (or v, y next to a vowel letter),
  // a final silent ه as -eh / -ah.
  EXPECT_EQ(popular("پرستو"), "Prstu");
  EXPECT_EQ(bgn("پرستو"), "Prstū");
  EXPECT_EQ(ala("پرستو"), "Prstū");
  EXPECT_EQ(popular("داستان"), "Dastan");
  EXPECT_EQ(bgn("خانواده"), "Khānvādeh");
  EXPECT_EQ(ala("خانواده"), "Khānvādah");
  EXPECT_EQ(popular("ویدا"), "Vida");
  EXPECT_EQ(popular("قلی"), "Qli");  // ق starts a word as q, gh elsewhere
  EXPECT_EQ(popular("صدق"), "Sdgh");
  EXPECT_EQ(bgn("ثابت"), "S̄ābt");
  EXPECT_EQ(ala("ثابت"), "S̱ābt");
  EXPECT_EQ(ala("ظهیر"), "Ẓhīr");
  EXPECT_EQ(bgn("ظهیر"), "Z̧hīr");
  EXPECT_EQ(ala("عطا"), "ʻṬā");
  // Harakat, when written, give their vowels; shadda doubles the letter.
  EXPECT_EQ(popular("بَهمَن"), "Bahman");
  EXPECT_EQ(ala("بَهمَن"), "Bahman");
  EXPECT_EQ(popular("مکّه"), "Mkkeh");
}

TEST(TransliteratorPersian, PunctuationAndDigits) {
  EXPECT_EQ(popular("اشرف پهلوی، ۱۳۲۵"), "Ashraf Pahlavi, 1325");
  EXPECT_EQ(popular("حسین؟"), "Hossein?");
}

TEST(TransliteratorPersian, ArabicUsesTheArabicTables) {
  const NameLanguage arabic = NameLanguage::arabic;
  EXPECT_EQ(romanize("القاهرة", Scheme::ala_lc, arabic), "al-Qāhrah");
  EXPECT_EQ(romanize("القاهرة", Scheme::popular, arabic), "al-Qahra");
  EXPECT_EQ(romanize("القاهرة", Scheme::bgn_pcgn, arabic), "Al Qāhrah");
  EXPECT_EQ(romanize("الشارقة", Scheme::bgn_pcgn, arabic), "Ash Shārqah");
  EXPECT_EQ(romanize("عبد الرحمن", Scheme::bgn_pcgn, arabic), "‘Bd ar Rḩmn");
  EXPECT_EQ(romanize("ذكر", Scheme::ala_lc, arabic), "Dhkr");    // ذ is dh in Arabic ...
  EXPECT_EQ(romanize("ذکر", Scheme::ala_lc), "Ẕkr");             // ... and ẕ in Persian
  EXPECT_EQ(romanize("وليد", Scheme::popular, arabic), "Wlid");  // no short vowels
  EXPECT_EQ(romanize("مصطفى", Scheme::ala_lc, arabic), "Mṣṭfá");
  EXPECT_EQ(romanize("الله", Scheme::ala_lc, arabic), "Allāh");
}

// --- everything else ----------------------------------------------------------------------

TEST(TransliteratorText, LatinIsReturnedAsNfc) {
  EXPECT_EQ(popular("Mohammad Reza Pahlavi"), "Mohammad Reza Pahlavi");
  EXPECT_EQ(bgn("Bag\u0306irov"), "Ba\u011Firov");  // NFD in, NFC out
  EXPECT_EQ(iso9("M.D. Bagirov, 1945"), "M.D. Bagirov, 1945");
  EXPECT_EQ(popular(""), "");
  EXPECT_EQ(popular("1945–1957"), "1945–1957");
}

TEST(TransliteratorText, MixedScriptsEachWordByItsScript) {
  EXPECT_EQ(popular("Generalissimo Сталин and محمدرضا"), "Generalissimo Stalin and Mohammad Reza");
  // `from` names the language of its own script; other scripts are still detected.
  EXPECT_EQ(romanize("Багиров", Scheme::popular, NameLanguage::persian), "Bagirov");
  EXPECT_EQ(romanize("پهلوی", Scheme::popular, NameLanguage::russian), "Pahlavi");
}

TEST(TransliteratorText, OtherCyrillicLettersGoThroughIcuCyrillicLatin) {
  EXPECT_EQ(popular("Ђорђе"), "Dorde");  // Serbian: ICU Cyrillic-Latin, then ASCII
  EXPECT_EQ(bgn("Ђорђе"), "Đorđe");
  EXPECT_EQ(iso9("Ђорђе"), "Đorđe");
}

TEST(TransliteratorErrors, InvalidUtf8) {
  for (Scheme s : {Scheme::bgn_pcgn, Scheme::ala_lc, Scheme::iso9, Scheme::popular}) {
    RomanizeOptions options;
    options.scheme = s;
    Result<std::string> r = tr().romanize("Баги\xD0ров", options);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
    EXPECT_EQ(r.error().offset, std::optional<std::size_t>(8));
  }
  RomanizeOptions options;
  Result<std::string> r = tr().romanize("\xFFپهلوی", options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(0));
}

TEST(TransliteratorErrors, Iso9ForPersianIsUnsupported) {
  RomanizeOptions options;
  options.scheme = Scheme::iso9;
  options.from = NameLanguage::persian;
  Result<std::string> r = tr().romanize("Bagirov", options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::unsupported);

  options.from = NameLanguage::automatic;
  r = tr().romanize("Mir محمد", options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::unsupported);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(4));

  options.from = NameLanguage::arabic;
  EXPECT_FALSE(tr().romanize("محمد", options).has_value());
  options.from = NameLanguage::russian;
  EXPECT_TRUE(tr().romanize("Багиров", options).has_value());
}

TEST(TransliteratorLexicon, AddPersianName) {
  Transliterator t = Transliterator::create().value();
  const std::size_t before = t.persian_lexicon_size();
  RomanizeOptions popular_options;
  RomanizeOptions bgn_options;
  bgn_options.scheme = Scheme::bgn_pcgn;
  // Romanized (and cached) before the entry exists: the vowel-less form.
  EXPECT_EQ(t.romanize("نیکخواه", popular_options).value(), "Nikkhvah");

  ASSERT_TRUE(t.add_persian_name("نیکخواه", "Nikkhah").has_value());
  EXPECT_EQ(t.persian_lexicon_size(), before + 1);
  EXPECT_EQ(t.romanize("نیکخواه", popular_options).value(), "Nikkhah");
  EXPECT_EQ(t.romanize("نیکخواه", bgn_options).value(), "Nikkhah");  // defaults to popular
  EXPECT_EQ(t.romanize("نیکخواهی", popular_options).value(), "Nikkhahi");

  // Replacing an entry, with every form given.
  ASSERT_TRUE(t.add_persian_name("مصدق", "Mossadegh", "Moşaddeq", "Muṣaddiq").has_value());
  EXPECT_EQ(t.persian_lexicon_size(), before + 1);
  EXPECT_EQ(t.romanize("محمد مصدق", popular_options).value(), "Mohammad Mossadegh");
  EXPECT_EQ(t.romanize("محمد مصدق", bgn_options).value(), "Moḩammad Moşaddeq");
  // Other instances are not affected.
  EXPECT_EQ(popular("مصدق"), "Mosaddegh");

  EXPECT_EQ(t.add_persian_name("Mosaddegh", "Mosaddegh").error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(t.add_persian_name("محمد رضا", "Mohammad Reza").error().code,
            ErrorCode::invalid_argument);
  EXPECT_EQ(t.add_persian_name("مصدق", "").error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(t.add_persian_name("\xD9", "x").error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(t.add_persian_name("مصدق", "M\xFF").error().code, ErrorCode::invalid_utf8);
}

TEST(TransliteratorHandle, MoveAndShared) {
  Transliterator a = Transliterator::create().value();
  EXPECT_EQ(a.romanize("Молотов").value(), "Molotov");
  Transliterator b = std::move(a);
  EXPECT_EQ(b.romanize("Молотов").value(), "Molotov");
  Transliterator c = Transliterator::create().value();
  c = std::move(b);
  EXPECT_EQ(c.romanize("پهلوی").value(), "Pahlavi");
  EXPECT_EQ(&Transliterator::shared(), &Transliterator::shared());
}

TEST(TransliteratorThreads, ManyThreadsRomanizeAtOnce) {
  const std::vector<std::string> inputs = {
      "Мир Джафар Багиров", "Вячеслав Молотов", "Никита Хрущёв", "Борис Ельцин", "Иосиф Джугашвили",
      "محمدرضا پهلوی",      "نورالدین کیانوری", "اشرف پهلوی",    "محمد مصدق",    "حسین",
      "Мир Ҹәфәр Бағыров",  "Цимлянск",
  };
  const Scheme schemes[] = {Scheme::popular, Scheme::bgn_pcgn, Scheme::ala_lc};
  std::vector<std::string> expected;
  for (const std::string& input : inputs) {
    for (Scheme s : schemes)
      expected.push_back(romanize(input, s));
  }
  // Each thread uses the shared instance and one of its own; both must agree with the above.
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < 8; ++k) {
    threads.emplace_back([&, k] {
      Transliterator own = Transliterator::create().value();
      for (int round = 0; round < 50; ++round) {
        const Transliterator& t = (round + k) % 2 == 0 ? Transliterator::shared() : own;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          const std::size_t input = (i + static_cast<std::size_t>(k)) % inputs.size();
          for (std::size_t si = 0; si < std::size(schemes); ++si) {
            RomanizeOptions options;
            options.scheme = schemes[si];
            Result<std::string> r = t.romanize(inputs[input], options);
            if (!r || *r != expected[input * std::size(schemes) + si]) ++mismatches;
          }
        }
      }
    });
  }
  for (std::thread& t : threads)
    t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace archive
