// Word segmentation: words, numbers and initials with exact byte offsets, for English, Russian
// and Persian text such as the seed collection's titles.
#include "archive/text/segmenter.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "archive/io/jsonl.hpp"
#include "archive/model/records.hpp"

namespace archive::text {

// Readable failure messages: `Bagirov@46 word latin`.
void PrintTo(const Token& token, std::ostream* os) {
  static constexpr const char* kKinds[] = {"word", "number", "initial"};
  *os << '"' << token.text << "\"@" << token.offset << ' ' << kKinds[static_cast<int>(token.kind)]
      << ' ' << to_string(token.script);
}

namespace {

const std::string kZwnj = "\xE2\x80\x8C";

constexpr TokenKind kWord = TokenKind::word;
constexpr TokenKind kNumber = TokenKind::number;
constexpr TokenKind kInitial = TokenKind::initial;

std::vector<Token> segment(std::string_view text) {
  Segmenter segmenter;
  Result<std::vector<Token>> tokens = segmenter.segment(text);
  EXPECT_TRUE(tokens.has_value()) << (tokens ? "" : tokens.error().describe());
  return std::move(tokens).value_or(std::vector<Token>{});
}

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens)
    out.emplace_back(t.text);
  return out;
}

// Every token is a view into `text` at its offset, and tokens come in order without overlap.
void expect_offsets_consistent(std::string_view text, const std::vector<Token>& tokens) {
  std::size_t previous_end = 0;
  for (const Token& t : tokens) {
    ASSERT_LE(t.offset + t.text.size(), text.size()) << testing::PrintToString(t);
    EXPECT_EQ(text.substr(t.offset, t.text.size()), t.text) << testing::PrintToString(t);
    EXPECT_EQ(t.text.data(), text.data() + t.offset) << testing::PrintToString(t);
    EXPECT_GE(t.offset, previous_end) << testing::PrintToString(t);
    EXPECT_FALSE(t.text.empty());
    previous_end = t.offset + t.text.size();
  }
}

// --- the seed's sentences ----------------------------------------------------------------

TEST(Segmenter, SplitsAnEnglishTitleIntoWordsWithOffsets) {
  const std::string title =
      "Telegram from the CC CP of Azerbaijan to M.D. Bagirov on the Soviet-Iranian agreement";
  const std::vector<Token> tokens = segment(title);
  const std::vector<Token> expected = {
      {"Telegram", 0, kWord, Script::latin},    {"from", 9, kWord, Script::latin},
      {"the", 14, kWord, Script::latin},        {"CC", 18, kWord, Script::latin},
      {"CP", 21, kWord, Script::latin},         {"of", 24, kWord, Script::latin},
      {"Azerbaijan", 27, kWord, Script::latin}, {"to", 38, kWord, Script::latin},
      {"M", 41, kInitial, Script::latin},       {"D", 43, kInitial, Script::latin},
      {"Bagirov", 46, kWord, Script::latin},    {"on", 54, kWord, Script::latin},
      {"the", 57, kWord, Script::latin},        {"Soviet", 61, kWord, Script::latin},
      {"Iranian", 68, kWord, Script::latin},    {"agreement", 76, kWord, Script::latin},
  };
  EXPECT_EQ(tokens, expected);
  expect_offsets_consistent(title, tokens);
}

TEST(Segmenter, SplitsARussianTitleIntoWordsWithOffsets) {
  const std::string title =
      "Телеграмма ЦК КП Азербайджана М.Д. Багирову о советско-иранском соглашении";
  const std::vector<Token> tokens = segment(title);
  const std::vector<Token> expected = {
      {"Телеграмма", 0, kWord, Script::cyrillic},   {"ЦК", 21, kWord, Script::cyrillic},
      {"КП", 26, kWord, Script::cyrillic},          {"Азербайджана", 31, kWord, Script::cyrillic},
      {"М", 56, kInitial, Script::cyrillic},        {"Д", 59, kInitial, Script::cyrillic},
      {"Багирову", 63, kWord, Script::cyrillic},    {"о", 80, kWord, Script::cyrillic},
      {"советско", 83, kWord, Script::cyrillic},    {"иранском", 100, kWord, Script::cyrillic},
      {"соглашении", 117, kWord, Script::cyrillic},
  };
  EXPECT_EQ(tokens, expected);
  expect_offsets_consistent(title, tokens);
}

TEST(Segmenter, SplitsAPersianTitleIntoWordsAndNumbersWithOffsets) {
  // The letter of 5 September 1946 (14 Shahrivar 1325 in the Solar Hijri calendar).
  const std::string title = "نامهٔ محمدرضا پهلوی به ژنرالیسیمو استالین، ۱۴ شهریور ۱۳۲۵";
  const std::vector<Token> tokens = segment(title);
  const std::vector<Token> expected = {
      {"نامهٔ", 0, kWord, Script::arabic},        {"محمدرضا", 11, kWord, Script::arabic},
      {"پهلوی", 26, kWord, Script::arabic},      {"به", 37, kWord, Script::arabic},
      {"ژنرالیسیمو", 42, kWord, Script::arabic}, {"استالین", 63, kWord, Script::arabic},
      {"۱۴", 80, kNumber, Script::none},         {"شهریور", 85, kWord, Script::arabic},
      {"۱۳۲۵", 98, kNumber, Script::none},
  };
  EXPECT_EQ(tokens, expected);
  expect_offsets_consistent(title, tokens);
}

TEST(Segmenter, SplitsTheSeedsNamesInThreeScripts) {
  EXPECT_EQ(texts(segment("Мир Джафар Багиров")),
            (std::vector<std::string>{"Мир", "Джафар", "Багиров"}));
  EXPECT_EQ(texts(segment("محمدرضا پهلوی")), (std::vector<std::string>{"محمدرضا", "پهلوی"}));
  EXPECT_EQ(texts(segment("ناصر فخرآرائی")), (std::vector<std::string>{"ناصر", "فخرآرائی"}));
  EXPECT_EQ(texts(segment("Naser Fakhr Arai")),
            (std::vector<std::string>{"Naser", "Fakhr", "Arai"}));
  EXPECT_EQ(texts(segment("Mir Cəfər Abbas oğlu Bağırov")),
            (std::vector<std::string>{"Mir", "Cəfər", "Abbas", "oğlu", "Bağırov"}));
}

TEST(Segmenter, LeavesOutPunctuationAndSpaces) {
  const std::string caption =
      "(Image: Stalin, Mohammad Reza Shah, and Molotov at Tehran Conference, 1943).";
  const std::vector<Token> tokens = segment(caption);
  EXPECT_EQ(texts(tokens),
            (std::vector<std::string>{"Image", "Stalin", "Mohammad", "Reza", "Shah", "and",
                                      "Molotov", "at", "Tehran", "Conference", "1943"}));
  ASSERT_EQ(tokens.size(), 11u);
  EXPECT_EQ(tokens[0].offset, 1u);
  EXPECT_EQ(tokens[10].offset, 70u);
  expect_offsets_consistent(caption, tokens);
}

TEST(Segmenter, LeavesOutQuotesAndGuillemets) {
  EXPECT_EQ(texts(segment("'Measures to Organize a Separatist Movement in Southern Azerbaijan'")),
            (std::vector<std::string>{"Measures", "to", "Organize", "a", "Separatist", "Movement",
                                      "in", "Southern", "Azerbaijan"}));
  const std::string russian = "«Мероприятия по организации сепаратистского движения»";
  const std::vector<Token> tokens = segment(russian);
  EXPECT_EQ(texts(tokens), (std::vector<std::string>{"Мероприятия", "по", "организации",
                                                     "сепаратистского", "движения"}));
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens[0].offset, 2u);  // after the two bytes of «
}

TEST(Segmenter, GivesNoTokensForPunctuationSpacesAndSymbols) {
  EXPECT_EQ(segment(" , . ; : ! ? - ( ) \" ' « » — ، ؟ \t\n").size(), 0u);
  EXPECT_EQ(segment("\xF0\x9F\x98\x80 \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7").size(), 0u);  // emoji
}

TEST(Segmenter, GivesNoTokensForEmptyInput) {
  Segmenter segmenter;
  const Result<std::vector<Token>> tokens = segmenter.segment("");
  ASSERT_TRUE(tokens.has_value());
  EXPECT_TRUE(tokens->empty());
}

// --- numbers -----------------------------------------------------------------------------

TEST(Segmenter, MarksNumbers) {
  const std::vector<Token> expected = {
      {"July", 0, kWord, Script::latin},
      {"6", 5, kNumber, Script::none},
      {"1945", 8, kNumber, Script::none},
  };
  EXPECT_EQ(segment("July 6, 1945"), expected);
}

TEST(Segmenter, MarksPersianNumbers) {
  const std::vector<Token> expected = {
      {"۱۵", 0, kNumber, Script::none},
      {"شهریور", 5, kWord, Script::arabic},
      {"۱۳۲۵", 18, kNumber, Script::none},
  };
  EXPECT_EQ(segment("۱۵ شهریور ۱۳۲۵"), expected);
}

TEST(Segmenter, KeepsInnerSeparatorsOfANumber) {
  const std::vector<Token> expected = {
      {"2664", 0, kNumber, Script::none},   {"documents", 5, kWord, Script::latin},
      {"1,000", 16, kNumber, Script::none}, {"pages", 22, kWord, Script::latin},
      {"3.14", 29, kNumber, Script::none},
  };
  EXPECT_EQ(segment("2664 documents, 1,000 pages; 3.14"), expected);
}

TEST(Segmenter, SplitsAnIsoDateAtItsHyphens) {
  EXPECT_EQ(texts(segment("1946-04-12")), (std::vector<std::string>{"1946", "04", "12"}));
}

TEST(Segmenter, KeepsALowerCaseAbbreviationAsAWord) {
  // "г." (год, year) is an abbreviation, not an initial: initials are capitals.
  const std::vector<Token> expected = {
      {"6", 0, kNumber, Script::none},
      {"июля", 2, kWord, Script::cyrillic},
      {"1945", 11, kNumber, Script::none},
      {"г", 16, kWord, Script::cyrillic},
  };
  EXPECT_EQ(segment("6 июля 1945 г."), expected);
}

// --- initials ----------------------------------------------------------------------------

TEST(Segmenter, SplitsInitialsOfBagirov) {
  const std::vector<Token> expected = {
      {"M", 0, kInitial, Script::latin},
      {"D", 2, kInitial, Script::latin},
      {"Bagirov", 5, kWord, Script::latin},
  };
  EXPECT_EQ(segment("M.D. Bagirov"), expected);
}

TEST(Segmenter, SplitsInitialsOfStalin) {
  const std::vector<Token> expected = {
      {"J", 0, kInitial, Script::latin},
      {"V", 2, kInitial, Script::latin},
      {"Stalin", 5, kWord, Script::latin},
  };
  EXPECT_EQ(segment("J.V. Stalin"), expected);
}

TEST(Segmenter, SplitsCyrillicInitials) {
  const std::vector<Token> expected = {
      {"И", 0, kInitial, Script::cyrillic},
      {"В", 3, kInitial, Script::cyrillic},
      {"Сталин", 7, kWord, Script::cyrillic},
  };
  EXPECT_EQ(segment("И.В. Сталин"), expected);
}

TEST(Segmenter, SplitsSpacedInitials) {
  const std::vector<Token> expected = {
      {"M", 0, kInitial, Script::latin},
      {"D", 3, kInitial, Script::latin},
      {"Bagirov", 6, kWord, Script::latin},
  };
  EXPECT_EQ(segment("M. D. Bagirov"), expected);
}

TEST(Segmenter, AcceptsAFinalInitialWithoutItsPeriod) {
  const std::vector<Token> expected = {
      {"M", 0, kInitial, Script::latin},
      {"D", 2, kInitial, Script::latin},
      {"Bagirov", 4, kWord, Script::latin},
  };
  EXPECT_EQ(segment("M.D Bagirov"), expected);
}

TEST(Segmenter, AcceptsAnInitialWithCombiningMarks) {
  // "É." written decomposed (E + U+0301) is still one initial, marks included.
  const std::string text = "E\xCC\x81. Lastname";
  const std::vector<Token> expected = {
      {"E\xCC\x81", 0, kInitial, Script::latin},
      {"Lastname", 5, kWord, Script::latin},
  };
  EXPECT_EQ(segment(text), expected);
}

TEST(Segmenter, TrimsAZwnjThatEndsAWord) {
  // UAX #29 keeps a trailing ZWNJ inside the word; the token does not.
  const std::string text = "کیانوری" + kZwnj + " Kianuri";
  const std::vector<Token> expected = {
      {"کیانوری", 0, kWord, Script::arabic},
      {"Kianuri", 18, kWord, Script::latin},
  };
  EXPECT_EQ(segment(text), expected);
}

TEST(Segmenter, KeepsASingleLetterWithoutPeriodAsAWord) {
  const std::vector<Token> expected = {
      {"a", 0, kWord, Script::latin},
      {"Separatist", 2, kWord, Script::latin},
  };
  EXPECT_EQ(segment("a Separatist"), expected);
}

TEST(Segmenter, KeepsAnAbbreviatedWordWithAPeriodAsAWord) {
  const std::vector<Token> expected = {
      {"No", 0, kWord, Script::latin},
      {"119275", 4, kNumber, Script::none},
  };
  EXPECT_EQ(segment("No. 119275"), expected);
}

// --- words joined by ZWNJ, apostrophes and hyphens ----------------------------------------

TEST(Segmenter, KeepsAZwnjJoinedPersianWordAsOneToken) {
  const std::string text = "می" + kZwnj + "خواهم";
  const std::vector<Token> expected = {{text, 0, kWord, Script::arabic}};
  EXPECT_EQ(segment(text), expected);

  const std::string plural = "سند" + kZwnj + "ها و کتاب" + kZwnj + "ها";
  const std::vector<Token> tokens = segment(plural);
  EXPECT_EQ(texts(tokens),
            (std::vector<std::string>{"سند" + kZwnj + "ها", "و", "کتاب" + kZwnj + "ها"}));
  expect_offsets_consistent(plural, tokens);
}

TEST(Segmenter, KeepsApostrophesInsideAWord) {
  const std::string title = "Resolution of the CC of the People's Party of Iran of 1 March 1957";
  const std::vector<Token> tokens = segment(title);
  EXPECT_EQ(texts(tokens),
            (std::vector<std::string>{"Resolution", "of", "the", "CC", "of", "the", "People's",
                                      "Party", "of", "Iran", "of", "1", "March", "1957"}));
  expect_offsets_consistent(title, tokens);
  EXPECT_EQ(texts(segment("Naser Fakhr Arai's attempt")),
            (std::vector<std::string>{"Naser", "Fakhr", "Arai's", "attempt"}));
  EXPECT_EQ(texts(segment("the People\u2019s Party")),
            (std::vector<std::string>{"the", "People\u2019s", "Party"}));
}

TEST(Segmenter, SplitsAtHyphens) {
  EXPECT_EQ(texts(segment("Soviet-Iranian")), (std::vector<std::string>{"Soviet", "Iranian"}));
  EXPECT_EQ(texts(segment("Iran-Azerbaijan Crisis")),
            (std::vector<std::string>{"Iran", "Azerbaijan", "Crisis"}));
  EXPECT_EQ(texts(segment("советско-иранском")),
            (std::vector<std::string>{"советско", "иранском"}));
}

// --- scripts of tokens -------------------------------------------------------------------

TEST(Segmenter, GivesEachWordItsScript) {
  const std::vector<Token> tokens = segment("Stalin Сталин استالین Στάλιν StalinСталин");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(to_string(tokens[0].script), "latin");
  EXPECT_EQ(to_string(tokens[1].script), "cyrillic");
  EXPECT_EQ(to_string(tokens[2].script), "arabic");
  EXPECT_EQ(to_string(tokens[3].script), "other");
  EXPECT_EQ(to_string(tokens[4].script), "mixed");
}

// --- bytes -------------------------------------------------------------------------------

TEST(Segmenter, TreatsNulAsASeparator) {
  const std::string text("Stalin\0Molotov", 14);
  const std::vector<Token> expected = {
      {"Stalin", 0, kWord, Script::latin},
      {"Molotov", 7, kWord, Script::latin},
  };
  const std::vector<Token> tokens = segment(text);
  EXPECT_EQ(tokens, expected);
  expect_offsets_consistent(text, tokens);
}

TEST(Segmenter, RejectsInvalidUtf8WithItsOffset) {
  Segmenter segmenter;
  const Result<std::vector<Token>> r = segmenter.segment("M.D. Bagirov\xFF");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(12));

  const Result<std::vector<Token>> persian = segmenter.segment("محمدرضا \xD9");
  ASSERT_FALSE(persian.has_value());
  EXPECT_EQ(persian.error().offset, std::optional<std::size_t>(15));
}

// --- reuse, segment_into, moves ----------------------------------------------------------

TEST(Segmenter, GivesTheSameTokensWhenReusedOverManyInputs) {
  const std::vector<std::string> inputs = {
      "Decree of the CC CPSU Politburo to Mir Bagirov CC Secretary of the Communist Party of "
      "Azerbaijan, 'Measures to Organize a Separatist Movement in Southern Azerbaijan and Other "
      "Provinces of Northern Iran'",
      "M.D. Bagirov",
      "",
      "۱۵ شهریور ۱۳۲۵",
      "bad \xC0 byte",
      "Мир Джафар Багиров",
      "a",
      "Letter, Mohammed Reza Pahlavi to Generalissimo Stalin, Chairman of the Council of "
      "Ministers of the Union of Soviet Socialist Republics",
      "J.V. Stalin",
  };
  Segmenter reused;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& input : inputs) {
      Segmenter fresh;
      const Result<std::vector<Token>> expected = fresh.segment(input);
      const Result<std::vector<Token>> actual = reused.segment(input);
      EXPECT_EQ(actual, expected) << input;
      if (actual) expect_offsets_consistent(input, *actual);
    }
  }
}

TEST(Segmenter, SegmentIntoClearsTheVectorFirst) {
  Segmenter segmenter;
  std::vector<Token> tokens;
  ASSERT_TRUE(segmenter.segment_into("Mir Jafar Bagirov", tokens).has_value());
  ASSERT_EQ(tokens.size(), 3u);
  ASSERT_TRUE(segmenter.segment_into("J.V. Stalin", tokens).has_value());
  const std::vector<Token> expected = {
      {"J", 0, kInitial, Script::latin},
      {"V", 2, kInitial, Script::latin},
      {"Stalin", 5, kWord, Script::latin},
  };
  EXPECT_EQ(tokens, expected);
  ASSERT_TRUE(segmenter.segment_into("", tokens).has_value());
  EXPECT_TRUE(tokens.empty());
}

TEST(Segmenter, SegmentIntoReusesTheVectorsCapacity) {
  Segmenter segmenter;
  std::vector<Token> tokens;
  tokens.reserve(64);
  const Token* const storage = tokens.data();
  ASSERT_TRUE(segmenter.segment_into("Naser Fakhr Arai", tokens).has_value());
  EXPECT_EQ(tokens.data(), storage);
  EXPECT_EQ(tokens.capacity(), 64u);
  EXPECT_EQ(tokens.size(), 3u);
}

TEST(Segmenter, SegmentIntoLeavesTheVectorEmptyOnError) {
  Segmenter segmenter;
  std::vector<Token> tokens;
  ASSERT_TRUE(segmenter.segment_into("Mir Jafar Bagirov", tokens).has_value());
  const Result<void> r = segmenter.segment_into("Mir \x80", tokens);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().offset, std::optional<std::size_t>(4));
  EXPECT_TRUE(tokens.empty());
}

TEST(Segmenter, SegmentAndSegmentIntoAgree) {
  Segmenter segmenter;
  const std::string text = "Letter, Mohammed Reza Pahlavi to Generalissimo Stalin";
  std::vector<Token> into;
  ASSERT_TRUE(segmenter.segment_into(text, into).has_value());
  EXPECT_EQ(segmenter.segment(text).value(), into);
}

// A Segmenter is move-only.
static_assert(!std::is_copy_constructible_v<Segmenter>);
static_assert(!std::is_copy_assignable_v<Segmenter>);
static_assert(std::is_nothrow_move_constructible_v<Segmenter>);
static_assert(std::is_nothrow_move_assignable_v<Segmenter>);

TEST(Segmenter, WorksAfterMoveConstruction) {
  Segmenter original;
  ASSERT_TRUE(original.segment("warm up the iterator").has_value());
  Segmenter moved(std::move(original));
  const std::vector<Token> expected = {
      {"M", 0, kInitial, Script::latin},
      {"D", 2, kInitial, Script::latin},
      {"Bagirov", 5, kWord, Script::latin},
  };
  EXPECT_EQ(moved.segment("M.D. Bagirov").value(), expected);
}

TEST(Segmenter, WorksAfterMoveAssignment) {
  Segmenter source;
  ASSERT_TRUE(source.segment("Мир Джафар Багиров").has_value());
  Segmenter target;
  ASSERT_TRUE(target.segment("Iran-Soviet Relations").has_value());
  target = std::move(source);
  EXPECT_EQ(texts(target.segment("И.В. Сталин").value()),
            (std::vector<std::string>{"И", "В", "Сталин"}));
  // The moved-from object may be assigned again and used.
  source = Segmenter();
  EXPECT_EQ(texts(source.segment("Molotov").value()), (std::vector<std::string>{"Molotov"}));
}

TEST(Segmenter, KeepsWorkingAfterAnError) {
  Segmenter segmenter;
  ASSERT_FALSE(segmenter.segment("Bagirov \xED\xA0\x80").has_value());
  EXPECT_EQ(texts(segmenter.segment("Naser Fakhr Arai").value()),
            (std::vector<std::string>{"Naser", "Fakhr", "Arai"}));
}

// --- the seed page's text ------------------------------------------------------------------

// The seed page's text as the sample collection keeps it (data/sample_collection.jsonl): the
// collection's title, description and image caption, then each document's date as written, title
// and summary, one paragraph each.
std::string seed_page_text() {
  auto read = read_jsonl_file(std::filesystem::path(ARCHIVE_SOURCE_DIR) / "data" /
                              "sample_collection.jsonl");
  EXPECT_TRUE(read.has_value()) << read.error().describe();
  if (!read) return {};
  std::string page;
  for (const Collection& c : read->records.collections) {
    if (c.id.str() == "coll-iran-soviet-relations") {
      page += c.title + "\n\n" + c.description + "\n\n" + c.image_caption + "\n\n";
    }
  }
  for (const Document& d : read->records.documents) {
    page += d.date.provenance().original + "\n\n" + d.title + "\n\n" + d.summary + "\n\n";
  }
  return page;
}

TEST(Segmenter, SegmentsTheSeedCollectionPage) {
  const std::string page = seed_page_text();
  ASSERT_GT(page.size(), 2000u);

  const std::vector<Token> tokens = segment(page);
  expect_offsets_consistent(page, tokens);
  int bagirov = 0, stalin = 0, year_1946 = 0, initials = 0;
  for (const Token& t : tokens) {
    bagirov += t.text == "Bagirov";
    stalin += t.text == "Stalin";
    year_1946 += t.text == "1946" && t.kind == kNumber;
    initials += t.kind == kInitial;
    EXPECT_EQ(t.text.find_first_of(" \t\n,.;:()\""), std::string_view::npos)
        << testing::PrintToString(t);
  }
  EXPECT_EQ(bagirov, 2);    // "to M.D. Bagirov", "to Mir Bagirov"
  EXPECT_EQ(stalin, 4);     // the image caption, the letter's title, twice in its summary
  EXPECT_EQ(year_1946, 4);  // twice in the description, two documents' dates
  EXPECT_EQ(initials, 2);   // M.D. Bagirov
}

}  // namespace
}  // namespace archive::text
