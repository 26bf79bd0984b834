// The query language: every construct, every error (with its offset), the canonical writer
// and the builder.
#include "archive/query/query.hpp"

#include <gtest/gtest.h>

#include <string>
#include <type_traits>

namespace archive {
namespace {

using Kind = QueryNode::Kind;

Query parse_ok(std::string_view text) {
  auto q = parse_query(text);
  EXPECT_TRUE(q.has_value()) << text << ": " << (q ? "" : q.error().describe());
  return q ? *q : Query{};
}

Error parse_error(std::string_view text) {
  auto q = parse_query(text);
  EXPECT_FALSE(q.has_value()) << text << " parsed as " << (q ? q->to_string() : "");
  return q ? Error{} : q.error();
}

Day day(int y, unsigned m, unsigned d) {
  return Day::from_civil(y, m, d);
}

TEST(QueryParse, BareWordsAreAllRequired) {
  auto q = parse_ok("stalin molotov");
  EXPECT_EQ(q.root, query::all_of({query::word("stalin"), query::word("molotov")}));
  EXPECT_EQ(q.sort, SortOrder::relevance);
  EXPECT_EQ(parse_ok("Сталин").root, query::word("Сталин"));
  EXPECT_EQ(parse_ok("  کیانوری  ").root, query::word("کیانوری"));
}

TEST(QueryParse, AndKeywordMeansWhatJuxtapositionMeans) {
  EXPECT_EQ(parse_ok("stalin AND molotov").root, parse_ok("stalin molotov").root);
}

TEST(QueryParse, PhrasesKeepTheirWordsAndEscapes) {
  EXPECT_EQ(parse_ok("\"red army\"").root, query::phrase("red army"));
  EXPECT_EQ(parse_ok(R"("the \"Tudeh\" party")").root, query::phrase("the \"Tudeh\" party"));
  EXPECT_EQ(parse_ok("\"Мир Джафар Багиров\" decree").root,
            query::all_of({query::phrase("Мир Джафар Багиров"), query::word("decree")}));
}

TEST(QueryParse, OrBindsTighterThanJuxtaposition) {
  auto q = parse_ok("decree stalin OR molotov");
  EXPECT_EQ(q.root,
            query::all_of({query::word("decree"),
                           query::any_of({query::word("stalin"), query::word("molotov")})}));
  EXPECT_EQ(
      parse_ok("bagirov OR baghirov OR Багиров").root,
      query::any_of({query::word("bagirov"), query::word("baghirov"), query::word("Багиров")}));
  // Lowercase "or" is a word.
  EXPECT_EQ(parse_ok("war or peace").root.children.size(), 3u);
}

TEST(QueryParse, MinusExcludesWordsPhrasesFieldsAndGroups) {
  EXPECT_EQ(parse_ok("decree -telegram").root,
            query::all_of({query::word("decree"), query::exclude(query::word("telegram"))}));
  EXPECT_EQ(parse_ok("-\"red army\"").root, query::exclude(query::phrase("red army")));
  EXPECT_EQ(parse_ok("-type:telegram").root,
            query::exclude(query::word("telegram", QueryField::doc_type)));
  EXPECT_EQ(parse_ok("-(a OR b)").root,
            query::exclude(query::any_of({query::word("a"), query::word("b")})));
  // A hyphen inside a word is part of it.
  EXPECT_EQ(parse_ok("Soviet-Iranian").root, query::word("Soviet-Iranian"));
}

TEST(QueryParse, ParenthesesGroup) {
  auto q = parse_ok("(stalin OR molotov) (decree OR resolution)");
  ASSERT_EQ(q.root.kind, Kind::all_of);
  ASSERT_EQ(q.root.children.size(), 2u);
  EXPECT_EQ(q.root.children[0].kind, Kind::any_of);
  EXPECT_EQ(q.root.children[1].kind, Kind::any_of);
  EXPECT_EQ(parse_ok("((stalin))").root, query::word("stalin"));
  EXPECT_EQ(parse_ok("a (b c)").root,
            query::all_of({query::word("a"), query::all_of({query::word("b"), query::word("c")})}));
}

TEST(QueryParse, FieldsTakeAWordOrAQuotedValue) {
  EXPECT_EQ(parse_ok("title:decree").root, query::word("decree", QueryField::title));
  EXPECT_EQ(parse_ok("title:\"red army\"").root, query::phrase("red army", QueryField::title));
  EXPECT_EQ(parse_ok("person:bagirov").root, query::person("bagirov"));
  EXPECT_EQ(parse_ok("person:\"M.D. Bagirov\"").root, query::person("M.D. Bagirov"));
  EXPECT_EQ(parse_ok("org:politburo").root, query::organization("politburo"));
  EXPECT_EQ(parse_ok("collection:coll-iran-1945-1946").root,
            query::collection("coll-iran-1945-1946"));
  EXPECT_EQ(parse_ok("type:telegram").root, query::doc_type("telegram"));
  EXPECT_EQ(parse_ok("lang:fa").root, query::language("fa"));
  EXPECT_EQ(parse_ok("TITLE:decree").root, query::word("decree", QueryField::title));
  // A colon after something that is not a field name is part of a word.
  EXPECT_EQ(parse_ok("10:30").root, query::word("10:30"));
}

TEST(QueryParse, DateRangesPossiblyOverlap) {
  auto q = parse_ok("date:1945..1946");
  ASSERT_EQ(q.root.kind, Kind::date_range);
  EXPECT_EQ(q.root.date_match, DateMatch::possibly_overlaps);
  EXPECT_EQ(q.root.range.first, day(1945, 1, 1));
  EXPECT_EQ(q.root.range.last, day(1946, 12, 31));
  EXPECT_EQ(q.root.text, "1945..1946");
}

TEST(QueryParse, DateRangesCertainlyWithin) {
  auto q = parse_ok("date:=1945..1946");
  EXPECT_EQ(q.root.date_match, DateMatch::certainly_within);
  EXPECT_EQ(q.root.range.first, day(1945, 1, 1));
}

TEST(QueryParse, DateBoundsAreAnythingParseDateReads) {
  auto q = parse_ok("date:\"July 1945\"..\"Spring 1946\"");
  EXPECT_EQ(q.root.range.first, day(1945, 7, 1));
  EXPECT_EQ(q.root.range.last, day(1946, 5, 31));
  auto persian = parse_ok("date:\"۱۵ شهریور ۱۳۲۵\"");
  EXPECT_EQ(persian.root.range.first, day(1946, 9, 6));
  EXPECT_EQ(persian.root.range.last, day(1946, 9, 6));
  auto russian = parse_ok("date:=\"6 июля 1945 г.\"..1945-12");
  EXPECT_EQ(russian.root.range.first, day(1945, 7, 6));
  EXPECT_EQ(russian.root.range.last, day(1945, 12, 31));
  auto single = parse_ok("date:1940s");
  EXPECT_EQ(single.root.range.first, day(1940, 1, 1));
  EXPECT_EQ(single.root.range.last, day(1949, 12, 31));
}

TEST(QueryParse, DateRangesMayBeOpenOnOneSide) {
  auto from = parse_ok("date:1953..");
  EXPECT_EQ(from.root.range.first, day(1953, 1, 1));
  EXPECT_FALSE(from.root.range.last.has_value());
  auto to = parse_ok("date:..1945-07");
  EXPECT_FALSE(to.root.range.first.has_value());
  EXPECT_EQ(to.root.range.last, day(1945, 7, 31));
}

TEST(QueryParse, DateUnknownAsksForUndatedDocuments) {
  EXPECT_EQ(parse_ok("date:unknown").root, query::date_unknown());
  EXPECT_EQ(parse_ok("telegram -date:unknown").root,
            query::all_of({query::word("telegram"), query::exclude(query::date_unknown())}));
}

TEST(QueryParse, SortOrders) {
  EXPECT_EQ(parse_ok("stalin sort:date").sort, SortOrder::date_ascending);
  EXPECT_EQ(parse_ok("sort:-date stalin").sort, SortOrder::date_descending);
  EXPECT_EQ(parse_ok("stalin sort:popularity").sort, SortOrder::popularity);
  EXPECT_EQ(parse_ok("stalin sort:relevance").sort, SortOrder::relevance);
  // Sort alone: every document, in that order (the seed's "Popular Documents").
  auto all = parse_ok("sort:popularity");
  EXPECT_EQ(all.root.kind, Kind::all_of);
  EXPECT_TRUE(all.root.children.empty());
}

static_assert(std::is_same_v<decltype(to_string(QueryField::title)), const std::string&>);
static_assert(std::is_same_v<decltype(to_string(SortOrder::popularity)), const std::string&>);

TEST(QueryParse, EveryFieldAndSortIsReadByTheNameItIsWrittenWith) {
  for (auto field : {QueryField::title, QueryField::person, QueryField::organization,
                     QueryField::collection, QueryField::doc_type, QueryField::language}) {
    const auto q = parse_ok(to_string(field) + ":stalin");
    EXPECT_EQ(q.root.field, field) << to_string(field);
  }
  EXPECT_EQ(to_string(QueryField::any), "");
  EXPECT_EQ(to_string(QueryField::organization), "org");
  for (auto order : {SortOrder::relevance, SortOrder::date_ascending, SortOrder::date_descending,
                     SortOrder::popularity}) {
    EXPECT_EQ(parse_ok("stalin sort:" + to_string(order)).sort, order) << to_string(order);
  }
  EXPECT_EQ(to_string(SortOrder::date_descending), "-date");
  EXPECT_EQ(parse_error("sort:Date").message,
            "unknown sort 'Date' (expected relevance, date, -date or popularity)");
  EXPECT_EQ(parse_error("any:stalin").message,
            "unknown field 'any:' (expected title, person, org, collection, type, lang, date or "
            "sort)");
}

TEST(QueryErrors, EachNamesTheProblemAndWhere) {
  struct Case {
    std::string_view text;
    std::size_t offset;
    std::string_view message;
  };
  const Case cases[] = {
      {"", 0, "empty query"},
      {"   ", 0, "empty query"},
      {"(stalin", 0, "'(' without a matching ')'"},
      {"stalin)", 6, "')' without a matching '('"},
      {"a (b", 2, "'(' without a matching ')'"},
      {"()", 0, "empty parentheses"},
      {"\"red army", 0, "'\"' without a closing '\"'"},
      {"a \"\"", 2, "empty quotes"},
      {"stalin OR", 7, "'OR' needs a term after it"},
      {"OR stalin", 0, "'OR' needs a term before it"},
      {"a OR OR b", 2, "'OR' needs a term after it"},
      {"stalin AND", 7, "'AND' needs a term after it"},
      {"- stalin", 0, "'-' must be followed by what to exclude"},
      {"a -OR b", 2, "'-' must be followed by what to exclude"},
      {"person:(bagirov)", 0, "'person:' needs a value"},
      {"colour:red", 0, "unknown field 'colour:'"},
      {"title: decree", 0, "'title:' needs a value"},
      {"date:", 0, "'date:' needs a range"},
      {"date:..", 5, "'..' needs a date on at least one side"},
      {"date:1946..1945", 5, "the range ends (1945-12-31) before it begins (1946-01-01)"},
      {"date:=unknown", 0, "date:=unknown is not a range"},
      {"date:\"Juyl 1945\"", 6, "cannot read the date 'Juyl 1945'"},
      {"date:1945..n.d.", 11, "has no latest day"},
      {"sort:views", 5, "unknown sort 'views'"},
      {"a sort:date sort:date", 12, "a query has one sort: order"},
      {"(a sort:date)", 3, "sort: belongs outside parentheses"},
  };
  for (const auto& c : cases) {
    auto e = parse_error(c.text);
    EXPECT_EQ(e.code, ErrorCode::parse_error) << c.text;
    EXPECT_EQ(e.offset, c.offset) << c.text << ": " << e.message;
    EXPECT_NE(e.message.find(c.message), std::string::npos) << c.text << ": " << e.message;
  }
}

// A word, phrase or field value that folds to no term would match every document (or, after
// '-', none): the parser refuses it where it stands, as it refuses "".
TEST(QueryErrors, WordsWithNothingToSearchForAreRefusedWhereTheyStand) {
  struct Case {
    std::string_view text;
    std::size_t offset;
    std::string_view shown;
  };
  const Case cases[] = {
      {"%", 0, "'%'"},
      {"*", 0, "'*'"},
      {":", 0, "':'"},
      {"stalin OR %", 10, "'%'"},
      {"bagirov -*", 9, "'*'"},
      {"molotov AND ...", 12, "'...'"},
      {"(stalin OR (molotov %))", 20, "'%'"},
      {"telegram -(bagirov OR ~~)", 22, "'~~'"},
      {"\"% %\"", 0, "the phrase '% %'"},
      {"telegram -\"* *\"", 10, "the phrase '* *'"},
      {"title:%", 6, "'%'"},
      {"title:\"- -\"", 6, "the phrase '- -'"},
      {"person:%", 7, "'%'"},
      {"org:\"...\"", 4, "the phrase '...'"},
      {"collection:*", 11, "'*'"},
      {"bagirov -person:*", 16, "'*'"},
  };
  for (const auto& c : cases) {
    auto e = parse_error(c.text);
    EXPECT_EQ(e.code, ErrorCode::parse_error) << c.text;
    EXPECT_EQ(e.offset, c.offset) << c.text << ": " << e.message;
    EXPECT_EQ(e.message, std::string(c.shown) + " has no letters or digits to search for")
        << c.text;
  }
  EXPECT_EQ(parse_error("stalin OR %").describe(),
            "'%' has no letters or digits to search for (at byte 10)");
}

TEST(QueryErrors, ARefusedWordIsShownShortened) {
  const auto e = parse_error("stalin " + std::string(5000, '*'));
  EXPECT_EQ(e.offset, 7u);
  EXPECT_LT(e.message.size(), 120u) << e.message;
  EXPECT_NE(e.message.find("has no letters or digits"), std::string::npos) << e.message;
}

TEST(QueryParse, WordsWithLettersOrDigitsAmongPunctuationAreKept) {
  // Punctuation around or inside a searchable word, ids with their dashes and colons, digits
  // of every script, and exact type: and lang: values (compared whole, not searched as words).
  for (std::string_view text :
       {"stalin,", "M.D.", "(molotov)", "\"M.D. Bagirov\"", "«Сталин»", "1945", "۱۳۲۵",
        "person:person-bagirov", "org:org-politburo", "collection:coll-iran-1945-1946",
        "collection:q:123", "type:%", "lang:*", "title:decree!"}) {
    parse_ok(text);
  }
}

TEST(QueryParse, AWordLongerThanTheTermLimitIsKept) {
  const std::string word(200, 'x');
  auto q = parse_ok("bagirov " + word);
  ASSERT_EQ(q.root.children.size(), 2u);
  EXPECT_EQ(q.root.children[1], query::word(word));
}

TEST(QueryErrors, InvalidUtf8IsReportedAtTheBadByte) {
  auto e = parse_error("stalin \xC3\x28");
  EXPECT_EQ(e.code, ErrorCode::invalid_utf8);
  EXPECT_EQ(e.offset, 7u);
}

TEST(QueryErrors, HostileQueriesHitLimitsNotTheStack) {
  EXPECT_NE(parse_error(std::string(100'000, '(')).message.find("longer than"), std::string::npos);
  auto deep = parse_error(std::string(1000, '(') + "a" + std::string(1000, ')'));
  EXPECT_NE(deep.message.find("nests deeper"), std::string::npos) << deep.message;
  auto minus = parse_error(std::string(1000, '-') + "a");
  EXPECT_NE(minus.message.find("nests deeper"), std::string::npos) << minus.message;
  std::string many;
  for (int i = 0; i < 300; ++i)
    many += "w" + std::to_string(i) + " ";
  EXPECT_NE(parse_error(many).message.find("more than 256 terms"), std::string::npos);
}

TEST(QueryWrite, TheWrittenFormOfAQueryAtTheTermLimitParsesBack) {
  // 128 pairs "a OR b" side by side: 256 terms, no parentheses. The written form groups each
  // pair in parentheses; groups are not terms, so it stays within the limit (a fuzzing find).
  std::string text;
  for (int i = 0; i < 128; ++i)
    text += "a" + std::to_string(i) + " OR b" + std::to_string(i) + " ";
  auto q = parse_query(text);
  ASSERT_TRUE(q.has_value()) << q.error().message;
  const auto written = q->to_string();
  auto again = parse_query(written);
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(*again, *q);
}

TEST(QueryWrite, ParsingTheWrittenFormGivesTheSameQuery) {
  for (std::string_view text : {
           "stalin",
           "stalin molotov",
           "decree stalin OR molotov",
           "\"red army\" -telegram",
           "-(a OR b) c",
           "title:\"red army\" person:\"M.D. Bagirov\" org:politburo",
           "collection:coll-iran-1945-1946 type:telegram lang:fa",
           "date:1945..1946",
           "date:=\"July 1945\"..\"Spring 1946\"",
           "date:..1945-07 date:1953..",
           "date:unknown sort:-date",
           "sort:popularity",
           R"(a "\"quoted\"" b)",
           "(a b) (c OR (d e))",
           "org:politbur:o= title:-x",
           "decree OR\"red army\"",
       }) {
    auto q = parse_ok(text);
    auto again = parse_ok(q.to_string());
    EXPECT_EQ(again, q) << text << " -> " << q.to_string();
  }
}

TEST(QueryWrite, CanonicalForms) {
  EXPECT_EQ(parse_ok("stalin   AND  molotov").to_string(), "stalin molotov");
  EXPECT_EQ(parse_ok("a b OR c").to_string(), "a (b OR c)");
  EXPECT_EQ(parse_ok("sort:date  stalin").to_string(), "stalin sort:date");
  EXPECT_EQ(parse_ok("TITLE:decree").to_string(), "title:decree");
}

TEST(QueryBuilder, BuildsWhatTheParserBuilds) {
  auto built = Query{query::all_of({query::word("decree"), query::person("Bagirov"),
                                    query::date_between("1945", "1946").value()}),
                     SortOrder::date_ascending};
  EXPECT_EQ(built, parse_ok("decree person:Bagirov date:1945..1946 sort:date"));
  auto quoted = query::date_between("July 1945", "", DateMatch::certainly_within).value();
  EXPECT_EQ(quoted, parse_ok("date:=\"July 1945\"..").root);
  EXPECT_EQ(query::person("M.D. Bagirov").kind, Kind::phrase);
  EXPECT_EQ(query::all_of({query::word("only")}), query::word("only"));
}

TEST(QueryBuilder, DayRangesWriteAsDays) {
  Query q{query::date_range({day(1945, 7, 6), day(1945, 7, 6)}, DateMatch::certainly_within)};
  EXPECT_EQ(q.to_string(), "date:=1945-07-06..1945-07-06");
  EXPECT_EQ(parse_ok(q.to_string()), q);
}

TEST(QueryBuilder, BadDatesAreErrors) {
  auto r = query::date_between("Juyl 1945", "1946");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::parse_error);
  EXPECT_FALSE(query::date_between("", ""));
}

}  // namespace
}  // namespace archive
