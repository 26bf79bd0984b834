// Normalization and folding: NFC for what is stored, NFKC for what is compared, Persian letter
// unification, and the search fold that makes Bağırov, BAGIROV and bagirov one key.
#include "archive/text/normalize.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace archive::text {
namespace {

const std::string kZwnj = "\xE2\x80\x8C";    // U+200C ZERO WIDTH NON-JOINER
const std::string kZwj = "\xE2\x80\x8D";     // U+200D ZERO WIDTH JOINER
const std::string kLrm = "\xE2\x80\x8E";     // U+200E LEFT-TO-RIGHT MARK
const std::string kRlm = "\xE2\x80\x8F";     // U+200F RIGHT-TO-LEFT MARK
const std::string kTatweel = "\xD9\x80";     // U+0640 ARABIC TATWEEL
const std::string kAcute = "\xCC\x81";       // U+0301 COMBINING ACUTE ACCENT
const std::string kBreve = "\xCC\x86";       // U+0306 COMBINING BREVE
const std::string kMaddaAbove = "\xD9\x93";  // U+0653 ARABIC MADDA ABOVE
const std::string kHamzaAbove = "\xD9\x94";  // U+0654 ARABIC HAMZA ABOVE

// Titles, names and dates from the seed collection and their Russian and Persian forms.
const std::vector<std::string>& seed_strings() {
  static const std::vector<std::string> strings = {
      "Iran-Soviet Relations",
      "Telegram from the CC CP of Azerbaijan to M.D. Bagirov on the Soviet-Iranian agreement",
      "Decree of the CC CPSU Politburo to Mir Bagirov CC Secretary of the Communist Party of "
      "Azerbaijan, 'Measures to Organize a Separatist Movement in Southern Azerbaijan'",
      "Letter, Mohammed Reza Pahlavi to Generalissimo Stalin",
      "Resolution of the CC of the People's Party of Iran of 1 March 1957",
      "Following Naser Fakhr Arai's attempt to kill the Shah in February 1949",
      "Мир Джафар Багиров",
      "Мир Джафар Аббас оглы Багиров",
      "БАГИРОВ",
      "И.В. Сталин",
      "Ёлкин",
      "Постановление Политбюро ЦК ВКП(б) «Мероприятия по организации сепаратистского движения "
      "в Южном Азербайджане», 6 июля 1945 г.",
      "محمدرضا پهلوی",
      "محمد رضا شاه پهلوی",
      "۱۵ شهریور ۱۳۲۵",
      "١٥ شهريور ١٣٢٥",
      "ناصر فخرآرائی",
      "حزب تودهٔ ایران",
      "كميته مركزي",
      "می" + kZwnj + "خواهم",
      "تهـــران",
      "مُحَمَّد",
      "فاطمة",
      "آذربایجان",
      "أحمد قوام",
      "Bağırov",
      "Mir Cəfər Abbas oğlu Bağırov",
      "Mossadegh",
      "Mosaddegh",
      "Straße",
      "Łódź",
      "ﬁnal",
      "ＣＣ ＣＰＳＵ",
      "ﻻ",
      "Ελλάδα",
      "Հայաստան",
      "Ⅳ",
      "e" + kAcute,
      "и" + kBreve,
      "İstanbul",
      "ΣΊΣΥΦΟΣ",
      "Æsop Þór Søren Đorđe",
      "१९४६",
      "",
  };
  return strings;
}

// --- to_nfc ------------------------------------------------------------------------------

TEST(ToNfc, ComposesADecomposedLatinLetter) {
  EXPECT_EQ(to_nfc("Pe" + kAcute + "rez").value(), "Pérez");
  EXPECT_EQ(to_nfc("e" + kAcute).value(), "\xC3\xA9");
}

TEST(ToNfc, ComposesCyrillicShortI) {
  EXPECT_EQ(to_nfc("Андре" + std::string("и") + kBreve).value(), "Андрей");
  EXPECT_EQ(to_nfc("и" + kBreve).value(), "\xD0\xB9");
}

TEST(ToNfc, ComposesAlefWithMadda) {
  EXPECT_EQ(to_nfc("ا" + kMaddaAbove + "ذربایجان").value(), "آذربایجان");
}

TEST(ToNfc, LeavesComposedTextAsIs) {
  for (const std::string_view text :
       {"Мир Джафар Багиров", "محمدرضا پهلوی", "Naser Fakhr Arai", "Bağırov", ""}) {
    EXPECT_EQ(to_nfc(text).value(), text);
  }
}

TEST(ToNfc, KeepsCompatibilityCharacters) {
  EXPECT_EQ(to_nfc("ﬁ").value(), "ﬁ");
  EXPECT_EQ(to_nfc("ＣＣ").value(), "ＣＣ");
  EXPECT_EQ(to_nfc("ﻻ").value(), "ﻻ");
}

TEST(ToNfc, RejectsInvalidUtf8WithItsOffset) {
  const auto r = to_nfc("Мир\x80");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(6));
}

// --- to_nfkc -----------------------------------------------------------------------------

TEST(ToNfkc, ExpandsTheFiLigature) {
  EXPECT_EQ(to_nfkc("ﬁnal").value(), "final");
}

TEST(ToNfkc, TurnsFullWidthIntoAscii) {
  EXPECT_EQ(to_nfkc("ＣＣ ＣＰＳＵ").value(), "CC CPSU");
  EXPECT_EQ(to_nfkc("１９４６").value(), "1946");
}

TEST(ToNfkc, KeepsCase) {
  EXPECT_EQ(to_nfkc("Stalin").value(), "Stalin");
  EXPECT_EQ(to_nfkc("Ⅳ").value(), "IV");
}

TEST(ToNfkc, TurnsArabicPresentationFormsIntoLetters) {
  EXPECT_EQ(to_nfkc("ﻻ").value(), "لا");
  EXPECT_EQ(to_nfkc("ﺑﺎﻗﺮﻭﻑ").value(), "باقروف");
}

TEST(ToNfkc, ComposesLikeNfc) {
  EXPECT_EQ(to_nfkc("e" + kAcute).value(), "é");
  EXPECT_EQ(to_nfkc("Мир Джафар Багиров").value(), "Мир Джафар Багиров");
}

TEST(ToNfkc, RejectsInvalidUtf8WithItsOffset) {
  const auto r = to_nfkc("ﻻ\xE2\x82");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(3));
}

// --- unify_persian -----------------------------------------------------------------------

TEST(UnifyPersian, TurnsArabicYehAndAlefMaksuraIntoPersianYeh) {
  EXPECT_EQ(unify_persian("علي").value(), "علی");
  EXPECT_EQ(unify_persian("موسى").value(), "موسی");
  EXPECT_EQ(unify_persian("كميته مركزي").value(), "کمیته مرکزی");
}

TEST(UnifyPersian, TurnsArabicKafIntoKeheh) {
  EXPECT_EQ(unify_persian("كرمانشاه").value(), "کرمانشاه");
}

TEST(UnifyPersian, TurnsHamzatedAndWaslaAlefsIntoPlainAlef) {
  EXPECT_EQ(unify_persian("أحمد قوام").value(), "احمد قوام");
  EXPECT_EQ(unify_persian("إيران").value(), "ایران");
  EXPECT_EQ(unify_persian("\xD9\xB1").value(), "ا");  // U+0671 ALEF WASLA
}

TEST(UnifyPersian, KeepsAlefMadda) {
  EXPECT_EQ(unify_persian("آذربایجان").value(), "آذربایجان");
  EXPECT_EQ(unify_persian("ناصر فخرآرائی").value(), "ناصر فخرآرائی");
}

TEST(UnifyPersian, ComposesADecomposedAlefMaddaAndKeepsIt) {
  EXPECT_EQ(unify_persian("ا" + kMaddaAbove + "ذربایجان").value(), "آذربایجان");
}

TEST(UnifyPersian, RemovesTatweel) {
  EXPECT_EQ(unify_persian("تهـــران").value(), "تهران");
  EXPECT_EQ(unify_persian(kTatweel).value(), "");
}

TEST(UnifyPersian, KeepsOneZwnjBetweenLetters) {
  const std::string word = "می" + kZwnj + "خواهم";
  EXPECT_EQ(unify_persian(word).value(), word);
}

TEST(UnifyPersian, CollapsesARunOfZwnj) {
  EXPECT_EQ(unify_persian("می" + kZwnj + kZwnj + kZwnj + "خواهم").value(), "می" + kZwnj + "خواهم");
}

TEST(UnifyPersian, DropsZwnjAtAWordsEdge) {
  EXPECT_EQ(unify_persian(kZwnj + "می").value(), "می");
  EXPECT_EQ(unify_persian("می" + kZwnj).value(), "می");
  EXPECT_EQ(unify_persian("می" + kZwnj + " خواهم").value(), "می خواهم");
  EXPECT_EQ(unify_persian("می " + kZwnj + "خواهم").value(), "می خواهم");
  EXPECT_EQ(unify_persian(kZwnj).value(), "");
}

TEST(UnifyPersian, DropsTatweelBetweenZwnjAndLetters) {
  EXPECT_EQ(unify_persian("کتاب" + kZwnj + kTatweel + "ها").value(), "کتاب" + kZwnj + "ها");
}

TEST(UnifyPersian, KeepsZwnjAfterAVowelMarkInsideAWord) {
  const std::string word = "خانه" + kHamzaAbove + kZwnj + "ها";
  EXPECT_EQ(unify_persian(word).value(), word);
}

TEST(UnifyPersian, TurnsPersianAndArabicIndicDigitsIntoAscii) {
  EXPECT_EQ(unify_persian("۱۵ شهریور ۱۳۲۵").value(), "15 شهریور 1325");
  EXPECT_EQ(unify_persian("١٥ شهريور ١٣٢٥").value(), "15 شهریور 1325");
  EXPECT_EQ(unify_persian("۰۱۲۳۴۵۶۷۸۹").value(), "0123456789");
  EXPECT_EQ(unify_persian("٠١٢٣٤٥٦٧٨٩").value(), "0123456789");
}

TEST(UnifyPersian, KeepsHarakatAndTehMarbuta) {
  EXPECT_EQ(unify_persian("مُحَمَّد").value(), "مُحَمَّد");
  EXPECT_EQ(unify_persian("فاطمة").value(), "فاطمة");
}

TEST(UnifyPersian, LeavesCyrillicAndLatinUntouched) {
  for (const std::string_view text :
       {"Мир Джафар Багиров", "Bağırov", "Naser Fakhr Arai", "CC CPSU Politburo", "1946"}) {
    EXPECT_EQ(unify_persian(text).value(), text);
  }
  // A ZWNJ between Latin letters is between letters, so it stays.
  EXPECT_EQ(unify_persian("a" + kZwnj + "b").value(), "a" + kZwnj + "b");
}

TEST(UnifyPersian, GivesNfc) {
  EXPECT_EQ(unify_persian("Pe" + kAcute + "rez").value(), "Pérez");
}

TEST(UnifyPersian, GivesNfcWhenRemovingTatweelBringsAMarkToItsLetter) {
  EXPECT_EQ(unify_persian("ا" + kTatweel + kMaddaAbove).value(), "آ");
  EXPECT_EQ(unify_persian("و" + kTatweel + kHamzaAbove).value(), "ؤ");
}

TEST(UnifyPersian, IsIdempotentOnTheSeed) {
  for (const std::string& text : seed_strings()) {
    const std::string once = unify_persian(text).value();
    EXPECT_EQ(unify_persian(once).value(), once) << text;
  }
}

TEST(UnifyPersian, RejectsInvalidUtf8WithItsOffset) {
  const auto r = unify_persian("محمدرضا\xFF");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(14));
}

// --- fold --------------------------------------------------------------------------------

TEST(Fold, RemovesLatinDiacriticsAndFoldsDotlessI) {
  EXPECT_EQ(fold("Bağırov").value(), "bagirov");
  EXPECT_EQ(fold("BAĞIROV").value(), "bagirov");
  EXPECT_EQ(fold("Mir Cəfər Abbas oğlu").value(), "mir cəfər abbas oglu");
  EXPECT_EQ(fold("İstanbul").value(), "istanbul");
}

TEST(Fold, LowercasesAscii) {
  EXPECT_EQ(fold("BAGIROV").value(), "bagirov");
  EXPECT_EQ(fold("CC CPSU Politburo").value(), "cc cpsu politburo");
}

TEST(Fold, ChangesOnlyTheCaseOfTransliterationVariants) {
  EXPECT_EQ(fold("Mossadegh").value(), "mossadegh");
  EXPECT_EQ(fold("Mosaddegh").value(), "mosaddegh");
  EXPECT_NE(fold("Mossadegh").value(), fold("Mosaddegh").value());
}

TEST(Fold, FoldsCyrillicYoToYe) {
  EXPECT_EQ(fold("Ёлкин").value(), "елкин");
  EXPECT_EQ(fold("ёлкин").value(), "елкин");
  EXPECT_EQ(fold("Хрущёв").value(), "хрущев");
}

TEST(Fold, KeepsTheBreveOfRussianShortI) {
  EXPECT_EQ(fold("Й").value(), "й");
  EXPECT_EQ(fold("Андрей").value(), "андрей");
  EXPECT_EQ(fold("Йошкар-Ола").value(), "йошкар-ола");
  EXPECT_EQ(fold("и" + kBreve).value(), "й");
  EXPECT_NE(fold("Андрей").value(), fold("Андреи").value());
}

TEST(Fold, RemovesOtherBreves) {
  EXPECT_EQ(fold("Ўзбекистон").value(), "узбекистон");
  EXPECT_EQ(fold("Bră").value(), "bra");
}

TEST(Fold, FoldsCyrillicCase) {
  EXPECT_EQ(fold("Мир Джафар Багиров").value(), "мир джафар багиров");
  EXPECT_EQ(fold("БАГИРОВ").value(), "багиров");
  EXPECT_EQ(fold("И.В. Сталин").value(), "и.в. сталин");
}

TEST(Fold, ExpandsSharpS) {
  EXPECT_EQ(fold("Straße").value(), "strasse");
  EXPECT_EQ(fold("STRAẞE").value(), "strasse");
}

TEST(Fold, FoldsLettersWithoutADecomposition) {
  EXPECT_EQ(fold("Łódź").value(), "lodz");
  EXPECT_EQ(fold("Æsop Þór Søren Đorđe").value(), "aesop thor soren dorde");
  EXPECT_EQ(fold("œ").value(), "oe");
  EXPECT_EQ(fold("ħ ŧ").value(), "h t");
}

TEST(Fold, AppliesCompatibilityMappings) {
  EXPECT_EQ(fold("ﬁnal").value(), "final");
  EXPECT_EQ(fold("ＣＣ ＣＰＳＵ").value(), "cc cpsu");
  EXPECT_EQ(fold("Ⅳ").value(), "iv");
  EXPECT_EQ(fold("ﻻ").value(), "لا");
}

TEST(Fold, FoldsGreek) {
  EXPECT_EQ(fold("Ελλάδα").value(), "ελλαδα");
  EXPECT_EQ(fold("ΣΊΣΥΦΟΣ").value(), "σισυφοσ");
}

TEST(Fold, RemovesHarakat) {
  EXPECT_EQ(fold("مُحَمَّد").value(), "محمد");
  EXPECT_EQ(fold("مُحَمَّد").value(), fold("محمد").value());
  EXPECT_EQ(fold("كِتَابٌ").value(), "کتاب");
}

TEST(Fold, TurnsTehMarbutaAndHehVariantsIntoHeh) {
  EXPECT_EQ(fold("فاطمة").value(), "فاطمه");
  EXPECT_EQ(fold("\xDB\x80").value(), "ه");  // U+06C0 HEH WITH YEH ABOVE
  EXPECT_EQ(fold("\xDA\xBE").value(), "ه");  // U+06BE HEH DOACHASHMEE
  EXPECT_EQ(fold("\xDB\x81").value(), "ه");  // U+06C1 HEH GOAL
  EXPECT_EQ(fold("\xDB\x83").value(), "ه");  // U+06C3 TEH MARBUTA GOAL
  EXPECT_EQ(fold("حزب تودهٔ ایران").value(), "حزب توده ایران");
}

TEST(Fold, TurnsEveryAlefIntoPlainAlef) {
  EXPECT_EQ(fold("آذربایجان").value(), "اذربایجان");
  EXPECT_EQ(fold("أحمد").value(), "احمد");
  EXPECT_EQ(fold("إيران").value(), "ایران");
  EXPECT_EQ(fold("\xD9\xB1").value(), "ا");
}

TEST(Fold, AppliesPersianLetterUnification) {
  EXPECT_EQ(fold("علي").value(), "علی");
  EXPECT_EQ(fold("موسى").value(), "موسی");
  EXPECT_EQ(fold("كرمانشاه").value(), "کرمانشاه");
  EXPECT_EQ(fold("تهـــران").value(), "تهران");
  EXPECT_EQ(fold("كميته مركزي").value(), fold("کمیته مرکزی").value());
}

TEST(Fold, RemovesZwnjSoJoinedAndUnjoinedSpellingsMatch) {
  EXPECT_EQ(fold("می" + kZwnj + "خواهم").value(), "میخواهم");
  EXPECT_EQ(fold("می" + kZwnj + "خواهم").value(), fold("میخواهم").value());
}

TEST(Fold, RemovesZwjAndBidiMarks) {
  EXPECT_EQ(fold(kRlm + "محمدرضا" + kZwj + kLrm).value(), "محمدرضا");
  EXPECT_EQ(fold("Stalin" + kLrm).value(), "stalin");
  EXPECT_EQ(fold("\xD8\x9C"
                 "1946")
                .value(),
            "1946");  // U+061C ARABIC LETTER MARK
}

TEST(Fold, TurnsDigitsOfEveryScriptIntoAscii) {
  EXPECT_EQ(fold("۱۵ شهریور ۱۳۲۵").value(), "15 شهریور 1325");
  EXPECT_EQ(fold("١٩٤٦").value(), "1946");
  EXPECT_EQ(fold("१९४६").value(), "1946");           // Devanagari
  EXPECT_EQ(fold("১৯৪৬").value(), "1946");           // Bengali
  EXPECT_EQ(fold("１９４５").value(), "1945");       // full-width
  EXPECT_EQ(fold("\xF0\x9D\x9F\x8F").value(), "1");  // U+1D7CF MATHEMATICAL BOLD DIGIT ONE
}

TEST(Fold, LeavesLettersWithoutDiacriticsAlone) {
  EXPECT_EQ(fold("Հայաստան").value(), "հայաստան");
  EXPECT_EQ(fold("محمدرضا پهلوی").value(), "محمدرضا پهلوی");
}

TEST(Fold, OfEmptyTextIsEmpty) {
  EXPECT_EQ(fold("").value(), "");
}

TEST(Fold, KeepsNulBytes) {
  EXPECT_EQ(fold(std::string("A\0B", 3)).value(), std::string("a\0b", 3));
  EXPECT_EQ(fold(std::string("Ё\0", 3)).value(), std::string("е\0", 3));
}

TEST(Fold, AsciiFastPathAgreesWithTheIcuPath) {
  // An appended LRM forces the ICU path and is itself removed by the fold, so both paths must
  // give the same key for every ASCII character and for the seed's English strings.
  for (int c = 0; c < 0x80; ++c) {
    const std::string ascii(1, static_cast<char>(c));
    ASSERT_EQ(fold(ascii).value(), fold(ascii + kLrm).value()) << "character " << c;
  }
  for (const std::string& text : seed_strings()) {
    bool ascii = true;
    for (const char c : text)
      ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii) continue;
    EXPECT_EQ(fold(text).value(), fold(text + kLrm).value()) << text;
    EXPECT_EQ(fold(text).value(), fold(kZwnj + text).value()) << text;
  }
  EXPECT_EQ(fold("Stalin").value(), "stalin");
  EXPECT_EQ(fold("Stalin" + kAcute).value(), "stalin");
}

TEST(Fold, IsIdempotent) {
  for (const std::string& text : seed_strings()) {
    const std::string once = fold(text).value();
    EXPECT_EQ(fold(once).value(), once) << text;
  }
}

TEST(Fold, GivesTheSameKeyForTheSeedsNameInEveryLatinSpelling) {
  const std::string key = fold("bagirov").value();
  for (const std::string_view spelling : {"Bagirov", "BAGIROV", "Bağırov", "BAĞIROV", "Bağirov"}) {
    EXPECT_EQ(fold(spelling).value(), key) << spelling;
  }
}

TEST(Fold, RejectsInvalidUtf8WithItsOffset) {
  const auto r = fold("Bağırov\xC0\x80");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(9));

  const auto persian = fold("۱۵ شهریور \xED\xA0\x80");
  ASSERT_FALSE(persian.has_value());
  EXPECT_EQ(persian.error().offset, std::optional<std::size_t>(18));
}

// --- fold_into ---------------------------------------------------------------------------

TEST(FoldInto, GivesTheSameAsFold) {
  std::string out;
  for (const std::string& text : seed_strings()) {
    ASSERT_TRUE(fold_into(text, out).has_value()) << text;
    EXPECT_EQ(out, fold(text).value()) << text;
  }
}

TEST(Fold, FastAlphabetPathAgreesWithTheFullPath) {
  // Plain Russian and Persian letters fold without ICU; a trailing "ß" forces the full ICU
  // path, which folds it to "ss" and cannot change what precedes it. Both must agree for every
  // code point of the Cyrillic and Arabic blocks, upper and lower case alike.
  std::string one;
  for (char32_t cp = 0x0400; cp <= 0x06FF; ++cp) {
    if (cp >= 0x0500 && cp < 0x0600) continue;
    one.clear();
    if (cp < 0x800) {
      one += static_cast<char>(0xC0 | (cp >> 6));
      one += static_cast<char>(0x80 | (cp & 0x3F));
    }
    const auto fast = fold(one);
    const auto full = fold(one + "\xC3\x9F");
    ASSERT_TRUE(fast.has_value() && full.has_value());
    EXPECT_EQ(*fast + "ss", *full) << "U+" << std::hex << static_cast<unsigned>(cp);
  }
}

TEST(FoldInto, AcceptsItsOwnBufferAsInput) {
  std::string buffer = "Mir Cəfər Bağırov";
  ASSERT_TRUE(fold_into(buffer, buffer).has_value());
  EXPECT_EQ(buffer, "mir cəfər bagirov");
  buffer = "BAGIROV";
  ASSERT_TRUE(fold_into(std::string_view(buffer).substr(0, 3), buffer).has_value());
  EXPECT_EQ(buffer, "bag");
}

TEST(FoldInto, ReplacesTheBuffersContent) {
  std::string out = "stale content from the previous term";
  ASSERT_TRUE(fold_into("Bagirov", out).has_value());
  EXPECT_EQ(out, "bagirov");
  ASSERT_TRUE(fold_into("Багиров", out).has_value());
  EXPECT_EQ(out, "багиров");
  ASSERT_TRUE(fold_into("", out).has_value());
  EXPECT_EQ(out, "");
}

TEST(FoldInto, ReusesTheBuffersCapacity) {
  std::string out;
  out.reserve(256);
  const char* const storage = out.data();
  const std::size_t capacity = out.capacity();
  for (const std::string_view text :
       {"Stalin", "Мир Джафар Багиров", "محمدرضا پهلوی", "Bağırov", "۱۵ شهریور ۱۳۲۵"}) {
    ASSERT_TRUE(fold_into(text, out).has_value()) << text;
    EXPECT_EQ(out.data(), storage) << text;
    EXPECT_EQ(out.capacity(), capacity) << text;
  }
  EXPECT_EQ(out, "15 شهریور 1325");
}

TEST(FoldInto, LeavesTheBufferEmptyOnError) {
  std::string out = "bagirov";
  const Result<void> r = fold_into("Bağırov\xFF", out);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(9));
  EXPECT_EQ(out, "");

  out = "stalin";
  const Result<void> ascii_then_bad = fold_into("Stalin\x80", out);
  ASSERT_FALSE(ascii_then_bad.has_value());
  EXPECT_EQ(ascii_then_bad.error().offset, std::optional<std::size_t>(6));
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace archive::text
