// Script detection: which writing system a string or a code point is in, so that the names
// part can pick a transliteration source (Cyrillic → Russian, Arabic → Persian).
#include "archive/text/script.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <type_traits>

namespace archive::text {
namespace {

// The detected script's name, so that failures print "arabic" rather than a byte.
std::string detected(std::string_view text) {
  const Result<Script> r = detect_script(text);
  EXPECT_TRUE(r.has_value()) << text;
  return r ? to_string(*r) : "(error)";
}

// --- to_string ---------------------------------------------------------------------------

TEST(ScriptToString, NamesEveryScript) {
  EXPECT_EQ(to_string(Script::none), "none");
  EXPECT_EQ(to_string(Script::latin), "latin");
  EXPECT_EQ(to_string(Script::cyrillic), "cyrillic");
  EXPECT_EQ(to_string(Script::arabic), "arabic");
  EXPECT_EQ(to_string(Script::mixed), "mixed");
  EXPECT_EQ(to_string(Script::other), "other");
}

static_assert(std::is_same_v<decltype(to_string(Script::latin)), const std::string&>);

TEST(ScriptNames, EveryScriptIsReadByItsName) {
  for (Script s : {Script::none, Script::latin, Script::cyrillic, Script::arabic, Script::mixed,
                   Script::other}) {
    EXPECT_EQ(parse_script(to_string(s)).value(), s) << to_string(s);
  }
}

TEST(ScriptNames, UnknownNamesAreRefusedNamingTheScripts) {
  for (const char* name : {"", "Latin", "greek", "latin "}) {
    const Result<Script> r = parse_script(name);
    ASSERT_FALSE(r.has_value()) << name;
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(r.error().message, "unknown script '" + std::string(name) +
                                     "' (expected none, latin, cyrillic, arabic, mixed or other)");
  }
}

TEST(ScriptToString, AnOutOfRangeValueIsNone) {
  EXPECT_EQ(to_string(static_cast<Script>(200)), "none");
}

// --- script_of ---------------------------------------------------------------------------

TEST(ScriptOf, AsciiLettersAreLatin) {
  for (char32_t c = 'a'; c <= 'z'; ++c)
    EXPECT_EQ(to_string(script_of(c)), "latin") << static_cast<unsigned>(c);
  for (char32_t c = 'A'; c <= 'Z'; ++c)
    EXPECT_EQ(to_string(script_of(c)), "latin") << static_cast<unsigned>(c);
}

TEST(ScriptOf, AsciiDigitsPunctuationAndSpacesAreNone) {
  for (char32_t c = 0; c < 0x80; ++c) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter) {
      EXPECT_EQ(to_string(script_of(c)), "none") << static_cast<unsigned>(c);
    }
  }
}

TEST(ScriptOf, AzerbaijaniLatinLettersAreLatin) {
  EXPECT_EQ(to_string(script_of(U'ğ')), "latin");
  EXPECT_EQ(to_string(script_of(U'ı')), "latin");
  EXPECT_EQ(to_string(script_of(U'ə')), "latin");
  EXPECT_EQ(to_string(script_of(U'Ə')), "latin");
  EXPECT_EQ(to_string(script_of(U'ß')), "latin");
}

TEST(ScriptOf, CyrillicLetters) {
  EXPECT_EQ(to_string(script_of(U'Б')), "cyrillic");
  EXPECT_EQ(to_string(script_of(U'й')), "cyrillic");
  EXPECT_EQ(to_string(script_of(U'ё')), "cyrillic");
  EXPECT_EQ(to_string(script_of(U'ғ')), "cyrillic");  // Azerbaijani Cyrillic
}

TEST(ScriptOf, ArabicScriptLetters) {
  EXPECT_EQ(to_string(script_of(U'م')), "arabic");
  EXPECT_EQ(to_string(script_of(U'پ')), "arabic");
  EXPECT_EQ(to_string(script_of(U'ی')), "arabic");
  EXPECT_EQ(to_string(script_of(U'ك')), "arabic");
  EXPECT_EQ(to_string(script_of(U'\uFEFB')), "arabic");  // ﻻ presentation form
}

TEST(ScriptOf, LettersOfOtherScriptsAreOther) {
  EXPECT_EQ(to_string(script_of(U'λ')), "other");
  EXPECT_EQ(to_string(script_of(U'Ա')), "other");  // Armenian
  EXPECT_EQ(to_string(script_of(U'ა')), "other");  // Georgian
  EXPECT_EQ(to_string(script_of(U'日')), "other");
}

TEST(ScriptOf, SharedAndInheritedCharactersAreNone) {
  EXPECT_EQ(to_string(script_of(U'\u200C')), "none");  // ZWNJ
  EXPECT_EQ(to_string(script_of(U'\u0301')), "none");  // combining acute
  EXPECT_EQ(to_string(script_of(U'\u064E')), "none");  // fatha
  EXPECT_EQ(to_string(script_of(U'\u0640')), "none");  // tatweel
  EXPECT_EQ(to_string(script_of(U'،')), "none");       // Arabic comma
  EXPECT_EQ(to_string(script_of(U'«')), "none");
  EXPECT_EQ(to_string(script_of(U'—')), "none");
  EXPECT_EQ(to_string(script_of(U'\u00A0')), "none");
  EXPECT_EQ(to_string(script_of(U'１')), "none");  // full-width digit
}

TEST(ScriptOf, DigitsOfOtherScriptsAreNone) {
  EXPECT_EQ(to_string(script_of(U'\u0967')), "none");  // Devanagari one
  EXPECT_EQ(to_string(script_of(U'\u0E51')), "none");  // Thai one
}

TEST(ScriptOf, PersianAndArabicIndicDigitsAreNone) {
  EXPECT_EQ(to_string(script_of(U'۱')), "none");
  EXPECT_EQ(to_string(script_of(U'۵')), "none");
  EXPECT_EQ(to_string(script_of(U'١')), "none");
}

TEST(ScriptOf, ArabicPunctuationAndCyrillicMarksAreNone) {
  EXPECT_EQ(to_string(script_of(U'\u06D4')), "none");  // ۔ ARABIC FULL STOP
  EXPECT_EQ(to_string(script_of(U'\u066A')), "none");  // ٪ ARABIC PERCENT SIGN
  EXPECT_EQ(to_string(script_of(U'\u066B')), "none");  // ٫ ARABIC DECIMAL SEPARATOR
  EXPECT_EQ(to_string(script_of(U'\u0483')), "none");  // COMBINING CYRILLIC TITLO
}

TEST(ScriptOf, NonCharactersAndUnassignedAreNone) {
  EXPECT_EQ(to_string(script_of(U'\uFFFF')), "none");
  EXPECT_EQ(to_string(script_of(static_cast<char32_t>(0x10FFFF))), "none");
  EXPECT_EQ(to_string(script_of(static_cast<char32_t>(0x110000))), "none");
}

// --- detect_script -----------------------------------------------------------------------

TEST(DetectScript, RussianIsCyrillic) {
  EXPECT_EQ(detected("Мир Джафар Багиров"), "cyrillic");
  EXPECT_EQ(detected("И.В. Сталин"), "cyrillic");
  EXPECT_EQ(detected("Постановление Политбюро ЦК ВКП(б), 6 июля 1945 г."), "cyrillic");
}

TEST(DetectScript, EnglishAndTransliterationsAreLatin) {
  EXPECT_EQ(detected("Naser Fakhr Arai"), "latin");
  EXPECT_EQ(detected("CC CPSU Politburo"), "latin");
  EXPECT_EQ(detected("Resolution of the CC of the People's Party of Iran of 1 March 1957"),
            "latin");
  EXPECT_EQ(detected("Mossadegh"), "latin");
}

TEST(DetectScript, AzerbaijaniLatinIsLatin) {
  EXPECT_EQ(detected("Bağırov"), "latin");
  EXPECT_EQ(detected("Mir Cəfər Abbas oğlu Bağırov"), "latin");
  EXPECT_EQ(detected("ə"), "latin");
}

TEST(DetectScript, PersianIsArabic) {
  EXPECT_EQ(detected("محمدرضا پهلوی"), "arabic");
  EXPECT_EQ(detected("می\u200Cخواهم"), "arabic");
  EXPECT_EQ(detected("مُحَمَّد"), "arabic");
  EXPECT_EQ(detected("ﻻ"), "arabic");
}

TEST(DetectScript, PersianWithAsciiDigitsIsArabic) {
  EXPECT_EQ(detected("15 شهریور 1325"), "arabic");
}

TEST(DetectScript, PersianDateWithPersianDigitsIsArabic) {
  EXPECT_EQ(detected("۱۵ شهریور ۱۳۲۵"), "arabic");
}

TEST(DetectScript, TwoScriptsAreMixed) {
  EXPECT_EQ(detected("Stalin Сталин"), "mixed");
  EXPECT_EQ(detected("Pahlavi پهلوی"), "mixed");
  EXPECT_EQ(detected("Багиров پهلوی"), "mixed");
  EXPECT_EQ(detected("Stalin Στάλιν"), "mixed");
  // A homoglyph attack: Latin "C" followed by Cyrillic "С".
  EXPECT_EQ(detected("C\u0421"), "mixed");
}

TEST(DetectScript, OneOtherScriptIsOther) {
  EXPECT_EQ(detected("Ελλάδα"), "other");
  EXPECT_EQ(detected("Հայաստան"), "other");
  EXPECT_EQ(detected("Ελλάδα 1946"), "other");
}

TEST(DetectScript, TwoOtherScriptsAreMixed) {
  EXPECT_EQ(detected("Ελλάδα Հայաստան"), "mixed");
}

TEST(DetectScript, NoLetterIsNone) {
  EXPECT_EQ(detected(""), "none");
  EXPECT_EQ(detected("1945"), "none");
  EXPECT_EQ(detected("12.04.1946"), "none");
  EXPECT_EQ(detected(" , . ; ! ? - ( ) \" '"), "none");
  EXPECT_EQ(detected("« — »"), "none");
  EXPECT_EQ(detected("\u060C \u061F \u061B"), "none");  // Arabic comma, ?, ;
  EXPECT_EQ(detected("\u200C"), "none");
  EXPECT_EQ(detected("\xF0\x9F\x93\x9C"), "none");  // U+1F4DC scroll
}

TEST(DetectScript, PersianDigitsAloneAreNone) {
  EXPECT_EQ(detected("۱۳۲۵"), "none");
  EXPECT_EQ(detected("١٩٤٦"), "none");
}

TEST(DetectScript, PersianDigitsBesideLatinAreNotMixed) {
  EXPECT_EQ(detected("Stalin ۱۳۲۵"), "latin");
}

TEST(DetectScript, CombiningMarksAreIgnored) {
  EXPECT_EQ(detected("e\u0301"), "latin");
  EXPECT_EQ(detected("\u0301"), "none");
  EXPECT_EQ(detected("\u064E\u0651"), "none");  // fatha, shadda
}

TEST(DetectScript, NulBytesAreIgnored) {
  EXPECT_EQ(detected(std::string("Stalin\0", 7)), "latin");
  EXPECT_EQ(detected(std::string("\0", 1)), "none");
}

TEST(DetectScript, RejectsInvalidUtf8WithItsOffset) {
  const Result<Script> r = detect_script("Багиров\xD0");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(14));

  const Result<Script> lone = detect_script("\x80");
  ASSERT_FALSE(lone.has_value());
  EXPECT_EQ(lone.error().offset, std::optional<std::size_t>(0));
}

TEST(DetectScript, RejectsInvalidUtf8EvenAfterTheAnswerIsKnown) {
  // Mixed is known after two letters; the bad byte after them must still be reported.
  const Result<Script> r = detect_script("Stalin Сталин \xFF");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(20));
}

}  // namespace
}  // namespace archive::text
