// UTF-8 validation and repair: every text entry point validates first, so these are the
// rules that keep ill-formed text out of the archive.
#include "archive/text/utf8.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace archive::text {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string bytes(std::initializer_list<unsigned char> list) {
  std::string out;
  for (const unsigned char b : list)
    out += static_cast<char>(b);
  return out;
}

std::string replacements(int count) {
  std::string out;
  for (int i = 0; i < count; ++i)
    out += kReplacement;
  return out;
}

// --- well-formed text --------------------------------------------------------------------

TEST(ValidateUtf8, AcceptsTheSeedsNamesInThreeScripts) {
  for (const std::string_view text :
       {"Мир Джафар Багиров", "محمدرضا پهلوی", "Naser Fakhr Arai", "CC CPSU Politburo",
        "۱۵ شهریور ۱۳۲۵", "Telegram from the CC CP of Azerbaijan to M.D. Bagirov",
        "Bağırov Mir Cəfər Abbas oğlu", "می‌خواهم"}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(validate_utf8(text).has_value());
    EXPECT_TRUE(is_valid_utf8(text));
  }
}

TEST(ValidateUtf8, AcceptsEmptyText) {
  EXPECT_TRUE(validate_utf8("").has_value());
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(ValidateUtf8, AcceptsFourByteCharacters) {
  EXPECT_TRUE(is_valid_utf8("Iran \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7 1946"));  // flag of Iran
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));                            // U+1F600
  EXPECT_TRUE(validate_utf8("\xF0\x9F\x93\x9C Decree").has_value());         // U+1F4DC scroll
}

TEST(ValidateUtf8, AcceptsNulBytes) {
  const std::string with_nul("Stalin\0Molotov", 14);
  ASSERT_EQ(with_nul.size(), 14u);
  EXPECT_TRUE(validate_utf8(with_nul).has_value());
  EXPECT_TRUE(is_valid_utf8(with_nul));
  EXPECT_TRUE(is_valid_utf8(std::string(3, '\0')));
}

TEST(ValidateUtf8, AcceptsTheBoundaryCodePointsOfEachLength) {
  for (const std::string& text : {
           bytes({0x7F}),                    // U+007F
           bytes({0xC2, 0x80}),              // U+0080, first two-byte
           bytes({0xDF, 0xBF}),              // U+07FF, last two-byte
           bytes({0xE0, 0xA0, 0x80}),        // U+0800, first three-byte
           bytes({0xED, 0x9F, 0xBF}),        // U+D7FF, just below the surrogates
           bytes({0xEE, 0x80, 0x80}),        // U+E000, just above them
           bytes({0xEF, 0xBF, 0xBF}),        // U+FFFF
           bytes({0xF0, 0x90, 0x80, 0x80}),  // U+10000, first four-byte
           bytes({0xF4, 0x8F, 0xBF, 0xBF}),  // U+10FFFF, the last code point
       }) {
    EXPECT_TRUE(validate_utf8(text).has_value()) << testing::PrintToString(text);
    EXPECT_TRUE(is_valid_utf8(text)) << testing::PrintToString(text);
  }
}

// --- ill-formed text: the exact offset and message ----------------------------------------

struct IllFormed {
  const char* name;
  std::string text;
  std::size_t offset;
  std::string message;
};

void PrintTo(const IllFormed& c, std::ostream* os) {
  *os << c.name;
}

class ValidateUtf8IllFormed : public testing::TestWithParam<IllFormed> {};

TEST_P(ValidateUtf8IllFormed, ReportsInvalidUtf8AtTheFirstByteOfTheBadSequence) {
  const IllFormed& c = GetParam();
  const Result<void> r = validate_utf8(c.text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(c.offset));
  EXPECT_EQ(r.error().message, c.message);
  EXPECT_FALSE(is_valid_utf8(c.text));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateUtf8IllFormed,
    testing::Values(IllFormed{"stray_continuation_first",
                              "\x80"
                              "Bagirov",
                              0, "invalid UTF-8: unexpected continuation byte 0x80"},
                    IllFormed{"stray_continuation_after_cyrillic", "Мир\xBF", 6,
                              "invalid UTF-8: unexpected continuation byte 0xBF"},
                    IllFormed{"extra_continuation_after_a_letter",
                              "Ба\xB0"
                              "гиров",
                              4, "invalid UTF-8: unexpected continuation byte 0xB0"},
                    IllFormed{"truncated_two_byte_at_end", "Багиров\xD0", 14,
                              "invalid UTF-8: truncated sequence starting with byte 0xD0"},
                    IllFormed{"truncated_two_byte_mid_string",
                              "Ба\xD0"
                              "гиров",
                              4, "invalid UTF-8: truncated sequence starting with byte 0xD0"},
                    IllFormed{"truncated_two_byte_before_space", "محمدرضا\xD9 پهلوی", 14,
                              "invalid UTF-8: truncated sequence starting with byte 0xD9"},
                    IllFormed{"truncated_three_byte_at_end", "1945 \xE2\x82", 5,
                              "invalid UTF-8: truncated sequence starting with byte 0xE2"},
                    IllFormed{"truncated_three_byte_mid_string",
                              "a\xE2\x82"
                              "b",
                              1, "invalid UTF-8: truncated sequence starting with byte 0xE2"},
                    IllFormed{"three_byte_lead_alone_at_end", "Politburo\xE2", 9,
                              "invalid UTF-8: truncated sequence starting with byte 0xE2"},
                    IllFormed{"truncated_four_byte_at_end", "Stalin \xF0\x9F\x98", 7,
                              "invalid UTF-8: truncated sequence starting with byte 0xF0"},
                    IllFormed{"truncated_four_byte_mid_string", "\xF0\x9F Molotov", 0,
                              "invalid UTF-8: truncated sequence starting with byte 0xF0"},
                    IllFormed{"four_byte_lead_alone_mid_string",
                              "Iran\xF1"
                              "1946",
                              4, "invalid UTF-8: truncated sequence starting with byte 0xF1"},
                    IllFormed{"overlong_two_byte_nul", "a\xC0\x80", 1,
                              "invalid UTF-8: byte 0xC0 cannot start a character"},
                    IllFormed{"overlong_two_byte_c1", "\xC1\xBF", 0,
                              "invalid UTF-8: byte 0xC1 cannot start a character"},
                    IllFormed{"overlong_three_byte", "x\xE0\x80\x80", 1,
                              "invalid UTF-8: overlong encoding starting with byte 0xE0"},
                    IllFormed{"overlong_three_byte_u07ff", "\xE0\x9F\xBF", 0,
                              "invalid UTF-8: overlong encoding starting with byte 0xE0"},
                    IllFormed{"overlong_four_byte", "Iran \xF0\x80\x80\x80", 5,
                              "invalid UTF-8: overlong encoding starting with byte 0xF0"},
                    IllFormed{"overlong_four_byte_uffff", "\xF0\x8F\xBF\xBF", 0,
                              "invalid UTF-8: overlong encoding starting with byte 0xF0"},
                    IllFormed{"high_surrogate", "Сталин \xED\xA0\x80", 13,
                              "invalid UTF-8: encoded UTF-16 surrogate"},
                    IllFormed{"low_surrogate", "\xED\xBF\xBF", 0,
                              "invalid UTF-8: encoded UTF-16 surrogate"},
                    IllFormed{"above_u10ffff", "\xF4\x90\x80\x80", 0,
                              "invalid UTF-8: code point above U+10FFFF"},
                    IllFormed{"above_u10ffff_after_persian", "۱۳۲۵\xF4\xBF\xBF\xBF", 8,
                              "invalid UTF-8: code point above U+10FFFF"},
                    IllFormed{"byte_f5", "\xF5\x80\x80\x80", 0,
                              "invalid UTF-8: byte 0xF5 cannot start a character"},
                    IllFormed{"byte_ff_after_ascii_chunk", "CC CPSU Politburo\xFF", 17,
                              "invalid UTF-8: byte 0xFF cannot start a character"},
                    IllFormed{"first_of_two_errors_is_reported", "Naser\x80 Fakhr\xFF", 5,
                              "invalid UTF-8: unexpected continuation byte 0x80"}),
    [](const testing::TestParamInfo<IllFormed>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(ValidateUtf8, ReportsEveryByteFromF5ToFfAsUnableToStartACharacter) {
  for (int b = 0xF5; b <= 0xFF; ++b) {
    std::string text = "Arai ";
    text += static_cast<char>(b);
    text += "\x80\x80\x80";
    const Result<void> r = validate_utf8(text);
    ASSERT_FALSE(r.has_value()) << b;
    EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8) << b;
    EXPECT_EQ(r.error().offset, std::optional<std::size_t>(5)) << b;
    EXPECT_FALSE(is_valid_utf8(text)) << b;
  }
}

TEST(ValidateUtf8, RejectsEveryNonAsciiByteStandingAlone) {
  for (int b = 0x80; b <= 0xFF; ++b) {
    const std::string text(1, static_cast<char>(b));
    const Result<void> r = validate_utf8(text);
    ASSERT_FALSE(r.has_value()) << b;
    EXPECT_EQ(r.error().offset, std::optional<std::size_t>(0)) << b;
    EXPECT_FALSE(is_valid_utf8(text)) << b;
  }
}

TEST(ValidateUtf8, FindsABadByteInsideTheAsciiFastPath) {
  // Offsets inside, at the edge of, and after an eight-byte ASCII chunk.
  const std::string seed = "Naser Fakhr Arai's attempt to kill the Shah";
  for (std::size_t at : {0u, 1u, 7u, 8u, 9u, 15u, 16u, 42u}) {
    std::string text = seed;
    text[at] = '\x80';
    const Result<void> r = validate_utf8(text);
    ASSERT_FALSE(r.has_value()) << at;
    EXPECT_EQ(r.error().offset, std::optional<std::size_t>(at));
    EXPECT_FALSE(is_valid_utf8(text)) << at;
  }
}

TEST(ValidateUtf8, FindsABadByteAfterANul) {
  const std::string text("1946\0\xC3", 6);
  const Result<void> r = validate_utf8(text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(5));
}

// --- repair ------------------------------------------------------------------------------

TEST(RepairUtf8, ReturnsWellFormedTextUnchanged) {
  for (const std::string& text :
       {std::string("Мир Джафар Багиров"), std::string("محمدرضا پهلوی"),
        std::string("۱۵ شهریور ۱۳۲۵"), std::string("Naser Fakhr Arai"), std::string(),
        std::string("Stalin\0Molotov", 14), std::string("\xF4\x8F\xBF\xBF")}) {
    EXPECT_EQ(repair_utf8(text), text);
  }
}

TEST(RepairUtf8, ReplacesATruncatedSequenceWithOneReplacementCharacter) {
  EXPECT_EQ(repair_utf8("a\xE2\x82"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(repair_utf8("Stalin \xF0\x9F\x98"), "Stalin \xEF\xBF\xBD");
  EXPECT_EQ(repair_utf8("Ба\xD0"
                        "гиров"),
            "Ба\xEF\xBF\xBD"
            "гиров");
}

TEST(RepairUtf8, ReplacesEachByteOfAnOverlongOrSurrogateSeparately) {
  // E0 80 and ED A0 can never begin a well-formed sequence, so each byte is its own subpart.
  EXPECT_EQ(repair_utf8("\xC0\x80"), replacements(2));
  EXPECT_EQ(repair_utf8("\xE0\x80\x80"), replacements(3));
  EXPECT_EQ(repair_utf8("\xF0\x80\x80\x80"), replacements(4));
  EXPECT_EQ(repair_utf8("\xED\xA0\x80"), replacements(3));
  EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80"), replacements(4));
  EXPECT_EQ(repair_utf8("\xFF"), replacements(1));
}

TEST(RepairUtf8, FollowsTheUnicodeStandardsTable3_8Example) {
  // The Unicode Standard, section 3.9, "U+FFFD Substitution of Maximal Subparts".
  const std::string input =
      bytes({0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64});
  const std::string expected =
      "a" + replacements(3) + "b" + replacements(1) + "c" + replacements(2) + "d";
  EXPECT_EQ(repair_utf8(input), expected);
}

struct RepairCase {
  const char* name;
  std::string input;
  std::string expected;
};

void PrintTo(const RepairCase& c, std::ostream* os) {
  *os << c.name;
}

class RepairUtf8Standard : public testing::TestWithParam<RepairCase> {};

TEST_P(RepairUtf8Standard, SubstitutesMaximalSubparts) {
  const std::string repaired = repair_utf8(GetParam().input);
  EXPECT_EQ(repaired, GetParam().expected);
  EXPECT_TRUE(is_valid_utf8(repaired));
}

// The further examples of section 3.9 of the Unicode Standard (tables 3-9 to 3-11).
INSTANTIATE_TEST_SUITE_P(
    UnicodeTables, RepairUtf8Standard,
    testing::Values(RepairCase{"non_shortest_forms",
                               bytes({0xC0, 0xAF, 0xE0, 0x80, 0xBF, 0xF0, 0x81, 0x82, 0x41}),
                               replacements(8) + "A"},
                    RepairCase{"surrogates",
                               bytes({0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF, 0xED, 0xAF, 0x41}),
                               replacements(8) + "A"},
                    RepairCase{"other_ill_formed",
                               bytes({0xF4, 0x91, 0x92, 0x93, 0xFF, 0x41, 0x80, 0xBF, 0x42}),
                               replacements(5) + "A" + replacements(2) + "B"},
                    RepairCase{"truncated",
                               bytes({0xE1, 0x80, 0xE2, 0xF0, 0x91, 0x92, 0xF1, 0xBF, 0x41}),
                               replacements(4) + "A"}),
    [](const testing::TestParamInfo<RepairCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(RepairUtf8, KeepsTheWellFormedTextAroundABadByte) {
  EXPECT_EQ(repair_utf8("Мир\xBF Джафар"), "Мир\xEF\xBF\xBD Джафар");
  EXPECT_EQ(repair_utf8("۱۵ شهریور\xFF ۱۳۲۵"), "۱۵ شهریور\xEF\xBF\xBD ۱۳۲۵");
}

TEST(RepairUtf8, KeepsNulBytes) {
  const std::string input("\0\x80\0", 3);
  const std::string expected = std::string(1, '\0') + "\xEF\xBF\xBD" + std::string(1, '\0');
  EXPECT_EQ(repair_utf8(input), expected);
}

TEST(RepairUtf8, AlwaysGivesWellFormedText) {
  // Every one- and two-byte string.
  for (int a = 0; a <= 0xFF; ++a) {
    for (int b = 0; b <= 0xFF; ++b) {
      std::string text;
      text += static_cast<char>(a);
      text += static_cast<char>(b);
      const std::string repaired = repair_utf8(text);
      ASSERT_TRUE(is_valid_utf8(repaired)) << a << " " << b;
      if (is_valid_utf8(text)) {
        ASSERT_EQ(repaired, text) << a << " " << b;
      }
    }
  }
}

TEST(IsValidUtf8, AgreesWithValidateUtf8OnEveryTwoByteString) {
  for (int a = 0; a <= 0xFF; ++a) {
    for (int b = 0; b <= 0xFF; ++b) {
      std::string text;
      text += static_cast<char>(a);
      text += static_cast<char>(b);
      ASSERT_EQ(is_valid_utf8(text), validate_utf8(text).has_value()) << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace archive::text
