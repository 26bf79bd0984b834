// parse_edtf: the Library of Congress EDTF specification (2019, the ISO 8601-2 profile), levels
// 0-2 — its own examples valid and invalid, strict bounds, levels, canonical printing, the
// round trip, error offsets and generated values. The test vectors of the public data set are
// in edtf_vectors_test.cpp (an accuracy test).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "archive/date/fuzzy_date.hpp"
#include "date/round_trip.hpp"

namespace archive {
namespace {

// ---- helpers --------------------------------------------------------------------------------

// A valid EDTF example: its level and strict bounds (DayBound::to_string(): "YYYY-MM-DD",
// ".." for an open end, "" for an unknown end).
struct Valid {
  const char* text;
  int level;
  const char* earliest;
  const char* latest;
};

::testing::AssertionResult parses_as(const Valid& v) {
  const auto parsed = parse_edtf(v.text);
  if (!parsed) {
    return ::testing::AssertionFailure()
           << "'" << v.text << "' rejected: " << parsed.error().describe();
  }
  const int level = parsed->level();
  const std::string earliest = parsed->earliest().to_string();
  const std::string latest = parsed->latest().to_string();
  if (level != v.level || earliest != v.earliest || latest != v.latest) {
    return ::testing::AssertionFailure()
           << "'" << v.text << "': level " << level << ", bounds '" << earliest << "'..'" << latest
           << "'; expected level " << v.level << ", bounds '" << v.earliest << "'..'" << v.latest
           << "'";
  }
  return ::testing::AssertionSuccess();
}

using archive_test::round_trips;

// An invalid example and where its error points (nullopt: anywhere within the text).
struct Invalid {
  const char* text;
  std::optional<std::size_t> offset;
  const char* reason_part;  // a phrase the message contains ("" for any)
};

::testing::AssertionResult rejects(const Invalid& c) {
  const std::string_view text = c.text;
  const auto parsed = parse_edtf(text);
  if (parsed) {
    return ::testing::AssertionFailure()
           << "'" << text << "' accepted as '" << parsed->to_edtf() << "'";
  }
  const Error& e = parsed.error();
  if (e.code != ErrorCode::parse_error) {
    return ::testing::AssertionFailure() << "'" << text << "': code " << to_string(e.code);
  }
  if (!e.offset || *e.offset > text.size()) {
    return ::testing::AssertionFailure() << "'" << text << "': offset outside the text";
  }
  if (c.offset && *e.offset != *c.offset) {
    return ::testing::AssertionFailure()
           << "'" << text << "': " << e.describe() << "; expected byte " << *c.offset;
  }
  if (e.message.find(c.reason_part) == std::string::npos) {
    return ::testing::AssertionFailure() << "'" << text << "': " << e.describe()
                                         << "; expected it to say '" << c.reason_part << "'";
  }
  return ::testing::AssertionSuccess();
}

// ---- the specification's examples, level 0 ----------------------------------------------------

const Valid kLevel0[] = {
    // Date: complete, reduced to month, reduced to year.
    {"1985-04-12", 0, "1985-04-12", "1985-04-12"},
    {"1985-04", 0, "1985-04-01", "1985-04-30"},
    {"1985", 0, "1985-01-01", "1985-12-31"},
    {"2001-02-03", 0, "2001-02-03", "2001-02-03"},
    {"2008-12", 0, "2008-12-01", "2008-12-31"},
    {"2008", 0, "2008-01-01", "2008-12-31"},
    {"0000", 0, "0000-01-01", "0000-12-31"},
    {"2000-02", 0, "2000-02-01", "2000-02-29"},
    {"1900-02", 0, "1900-02-01", "1900-02-28"},
    // Date and time: local, UTC, offsets (extended ±hh:mm, hours only, basic ±hhmm); the bounds
    // are the day.
    {"1985-04-12T23:20:30", 0, "1985-04-12", "1985-04-12"},
    {"1985-04-12T23:20:30Z", 0, "1985-04-12", "1985-04-12"},
    {"1985-04-12T23:20:30-04", 0, "1985-04-12", "1985-04-12"},
    {"1985-04-12T23:20:30+04:30", 0, "1985-04-12", "1985-04-12"},
    {"1985-04-12T23:20:30+0430", 0, "1985-04-12", "1985-04-12"},
    {"2001-02-03T09:30:01", 0, "2001-02-03", "2001-02-03"},
    {"2004-01-01T10:10:10Z", 0, "2004-01-01", "2004-01-01"},
    {"2004-01-01T10:10:10+05:00", 0, "2004-01-01", "2004-01-01"},
    {"2016-05-02T16:54:59.042Z", 0, "2016-05-02", "2016-05-02"},
    {"2016-05-02T24:00:00", 0, "2016-05-02", "2016-05-02"},
    {"2016-05-02T16:54:59+14:00", 0, "2016-05-02", "2016-05-02"},
    {"2016-05-02T16:54:59-12:00", 0, "2016-05-02", "2016-05-02"},
    // Time interval: date/date at any precision.
    {"1964/2008", 0, "1964-01-01", "2008-12-31"},
    {"2004-06/2006-08", 0, "2004-06-01", "2006-08-31"},
    {"2004-02-01/2005-02-08", 0, "2004-02-01", "2005-02-08"},
    {"2004-02-01/2005-02", 0, "2004-02-01", "2005-02-28"},
    {"2004-02-01/2005", 0, "2004-02-01", "2005-12-31"},
    {"2005/2006-02", 0, "2005-01-01", "2006-02-28"},
    {"1945/1945", 0, "1945-01-01", "1945-12-31"},
    {"1945-07-01/1945-07", 0, "1945-07-01", "1945-07-31"},
    // ISO 8601-1 reduced precision to the century (as edtf.js reads it; not in the LoC lists).
    {"19", 0, "1900-01-01", "1999-12-31"},
};

TEST(EdtfTest, Level0ExamplesParseWithLevelAndBounds) {
  for (const Valid& v : kLevel0)
    EXPECT_TRUE(parses_as(v));
}

// ---- level 1 ----------------------------------------------------------------------------------

const Valid kLevel1[] = {
    // Letter-prefixed calendar year.
    {"Y170000002", 1, "+170000002-01-01", "+170000002-12-31"},
    {"Y-170000002", 1, "-170000002-01-01", "-170000002-12-31"},
    {"Y10000", 1, "+10000-01-01", "+10000-12-31"},
    // Seasons 21-24, Northern Hemisphere meteorological; winter runs into the next year.
    {"2001-21", 1, "2001-03-01", "2001-05-31"},
    {"2001-22", 1, "2001-06-01", "2001-08-31"},
    {"2001-23", 1, "2001-09-01", "2001-11-30"},
    {"2001-24", 1, "2001-12-01", "2002-02-28"},
    {"2010-24", 1, "2010-12-01", "2011-02-28"},
    {"2011-24", 1, "2011-12-01", "2012-02-29"},
    {"1946-21", 1, "1946-03-01", "1946-05-31"},
    // Qualification of a date (complete): qualifiers never move the strict bounds.
    {"1984?", 1, "1984-01-01", "1984-12-31"},
    {"2004-06~", 1, "2004-06-01", "2004-06-30"},
    {"2004-06-11%", 1, "2004-06-11", "2004-06-11"},
    {"1945~", 1, "1945-01-01", "1945-12-31"},
    // Unspecified digits from the right.
    {"201X", 1, "2010-01-01", "2019-12-31"},
    {"20XX", 1, "2000-01-01", "2099-12-31"},
    {"194X", 1, "1940-01-01", "1949-12-31"},
    {"2004-XX", 1, "2004-01-01", "2004-12-31"},
    {"1985-04-XX", 1, "1985-04-01", "1985-04-30"},
    {"1985-XX-XX", 1, "1985-01-01", "1985-12-31"},
    {"2000-02-XX", 1, "2000-02-01", "2000-02-29"},
    {"XXXX", 1, "0000-01-01", "9999-12-31"},
    // Extended interval: open ("..") and unknown ("") ends.
    {"1985-04-12/..", 1, "1985-04-12", ".."},
    {"1985-04/..", 1, "1985-04-01", ".."},
    {"1985/..", 1, "1985-01-01", ".."},
    {"../1985-04-12", 1, "..", "1985-04-12"},
    {"../1985-04", 1, "..", "1985-04-30"},
    {"../1985", 1, "..", "1985-12-31"},
    {"1985-04-12/", 1, "1985-04-12", ""},
    {"1985-04/", 1, "1985-04-01", ""},
    {"1985/", 1, "1985-01-01", ""},
    {"/1985-04-12", 1, "", "1985-04-12"},
    {"/1985-04", 1, "", "1985-04-30"},
    {"/1985", 1, "", "1985-12-31"},
    // The issue text lists "1945/" among the inputs to reject, but the specification's Level 1
    // "Extended Interval" allows an empty (unknown) end exactly like its example "1985/", and
    // every source of the public EDTF test vectors marks "1985/" valid. So "1945/" is valid: from
    // 1945
    // to an unknown end.
    {"1945/", 1, "1945-01-01", ""},
    {"/1946", 1, "", "1946-12-31"},
    {"../1946", 1, "..", "1946-12-31"},
    // Qualified dates inside intervals (level 1 in edtf-validate and edtf.js).
    {"1984?/2004-06~", 1, "1984-01-01", "2004-06-30"},
    {"1984~/2004~", 1, "1984-01-01", "2004-12-31"},
    // Negative calendar year.
    {"-1985", 1, "-1985-01-01", "-1985-12-31"},
    {"-0001", 1, "-0001-01-01", "-0001-12-31"},
    {"-0044-03-15", 1, "-0044-03-15", "-0044-03-15"},
};

TEST(EdtfTest, Level1ExamplesParseWithLevelAndBounds) {
  for (const Valid& v : kLevel1)
    EXPECT_TRUE(parses_as(v));
}

// ---- level 2 ----------------------------------------------------------------------------------

const Valid kLevel2[] = {
    // Exponential year.
    {"Y-17E7", 2, "-170000000-01-01", "-170000000-12-31"},
    {"Y17E7", 2, "+170000000-01-01", "+170000000-12-31"},
    // Significant digits: the year is estimated, its span is what the digits leave open.
    {"1950S2", 2, "1900-01-01", "1999-12-31"},
    {"1953S3", 2, "1950-01-01", "1959-12-31"},
    {"Y171010000S3", 2, "+171000000-01-01", "+171999999-12-31"},
    {"Y3388E2S3", 2, "+338000-01-01", "+338999-12-31"},
    {"Y-171010000S2", 2, "-179999999-01-01", "-170000000-12-31"},
    // Sub-year groupings 25-41.
    {"2001-25", 2, "2001-03-01", "2001-05-31"},  // spring, Northern Hemisphere
    {"2001-26", 2, "2001-06-01", "2001-08-31"},
    {"2001-27", 2, "2001-09-01", "2001-11-30"},
    {"2001-28", 2, "2001-12-01", "2002-02-28"},
    {"2001-29", 2, "2001-09-01", "2001-11-30"},  // spring, Southern Hemisphere
    {"2001-30", 2, "2001-12-01", "2002-02-28"},
    {"2001-31", 2, "2001-03-01", "2001-05-31"},
    {"2001-32", 2, "2001-06-01", "2001-08-31"},
    {"2001-33", 2, "2001-01-01", "2001-03-31"},  // quarters
    {"2001-34", 2, "2001-04-01", "2001-06-30"},
    {"2001-35", 2, "2001-07-01", "2001-09-30"},
    {"2001-36", 2, "2001-10-01", "2001-12-31"},
    {"2001-37", 2, "2001-01-01", "2001-04-30"},  // quadrimesters
    {"2001-38", 2, "2001-05-01", "2001-08-31"},
    {"2001-39", 2, "2001-09-01", "2001-12-31"},
    {"2001-40", 2, "2001-01-01", "2001-06-30"},  // semesters
    {"2001-41", 2, "2001-07-01", "2001-12-31"},
    // Sets: one of [..], all of {..}, with ranges and open ends.
    {"[1667,1668,1670..1672]", 2, "1667-01-01", "1672-12-31"},
    {"[..1760-12-03]", 2, "..", "1760-12-03"},
    {"[1760-12..]", 2, "1760-12-01", ".."},
    {"[1760-01,1760-02,1760-12..]", 2, "1760-01-01", ".."},
    {"[1667,1760-12]", 2, "1667-01-01", "1760-12-31"},
    {"[..1984]", 2, "..", "1984-12-31"},
    {"{1667,1668,1670..1672}", 2, "1667-01-01", "1672-12-31"},
    {"{1960,1961-12}", 2, "1960-01-01", "1961-12-31"},
    {"{..1984}", 2, "..", "1984-12-31"},
    {"[1945..1947]", 2, "1945-01-01", "1947-12-31"},
    // Group qualification (to the left of the qualifier) and component qualification.
    {"2004?-06-11", 2, "2004-06-11", "2004-06-11"},
    {"2004-06~-11", 2, "2004-06-11", "2004-06-11"},
    {"?2004-06-~11", 2, "2004-06-11", "2004-06-11"},
    {"2004-%06-11", 2, "2004-06-11", "2004-06-11"},
    {"2004?-06-~11", 2, "2004-06-11", "2004-06-11"},
    // Unspecified digits anywhere.
    {"156X-12-25", 2, "1560-12-25", "1569-12-25"},
    {"15XX-12-25", 2, "1500-12-25", "1599-12-25"},
    {"XXXX-12-XX", 2, "0000-12-01", "9999-12-31"},
    {"1XXX-XX", 2, "1000-01-01", "1999-12-31"},
    {"1XXX-12", 2, "1000-12-01", "1999-12-31"},
    {"1984-1X", 2, "1984-10-01", "1984-12-31"},
    // Interval with qualified ends.
    {"2004-06-~01/2004-06-~20", 2, "2004-06-01", "2004-06-20"},
    // ISO 8601-2 decade (three digits).
    {"193", 2, "1930-01-01", "1939-12-31"},
};

TEST(EdtfTest, Level2ExamplesParseWithLevelAndBounds) {
  for (const Valid& v : kLevel2)
    EXPECT_TRUE(parses_as(v));
}

TEST(EdtfTest, UnspecifiedDigitsInAnIntervalAreLevel2) {
  EXPECT_TRUE(parses_as({"2004-06-XX/2004-07-03", 2, "2004-06-01", "2004-07-03"}));
  EXPECT_TRUE(parses_as({"198X/199X", 2, "1980-01-01", "1999-12-31"}));
}

// ---- canonical printing -----------------------------------------------------------------------

TEST(EdtfTest, CanonicalFormOfSpecificationExamples) {
  struct Case {
    const char* text;
    const char* canonical;
  };
  const Case cases[] = {
      {"1985-04-12", "1985-04-12"},
      {"1985-04-12T23:20:30-04", "1985-04-12T23:20:30-04:00"},
      {"1985-04-12T23:20:30+0430", "1985-04-12T23:20:30+04:30"},
      {"1985-04-12T23:20:30Z", "1985-04-12T23:20:30Z"},
      {"2016-05-02T16:54:59.042", "2016-05-02T16:54:59.042"},
      {"2004-06-11%", "2004-06-11%"},
      {"2004-06~", "2004-06~"},
      // A qualifier applies to its component and every component to its left; a qualification
      // that is not uniform is printed component by component from the left.
      {"2004?-06-11", "?2004-06-11"},
      {"2004-06~-11", "~2004-~06-11"},
      {"?2004-06-~11", "?2004-06-~11"},
      {"2004-%06-11", "2004-%06-11"},
      {"?2004-?06-?11", "2004-06-11?"},
      {"%2001", "2001%"},
      {"Y17E7", "Y17E7"},
      {"Y3388E2S3", "Y3388E2S3"},
      {"1950S2", "1950S2"},
      {"[1667,1668,1670..1672]", "[1667, 1668, 1670..1672]"},
      {"{1960,1961-12}", "{1960, 1961-12}"},
      {"[..1760-12-03]", "[..1760-12-03]"},
      {"1985/", "1985/"},
      {"/1985", "/1985"},
      {"../1985", "../1985"},
      {"[1760-12..]", "[1760-12..]"},
      {"{1760..}", "{1760..}"},
  };
  for (const Case& c : cases) {
    const auto parsed = parse_edtf(c.text);
    ASSERT_TRUE(parsed.has_value()) << c.text << ": " << parsed.error().describe();
    EXPECT_EQ(parsed->to_edtf(), c.canonical) << c.text;
  }
}

// ---- the round trip ---------------------------------------------------------------------------

TEST(EdtfTest, EveryValidExampleRoundTripsThroughItsCanonicalForm) {
  for (const Valid& v : kLevel0)
    EXPECT_TRUE(round_trips(v.text));
  for (const Valid& v : kLevel1)
    EXPECT_TRUE(round_trips(v.text));
  for (const Valid& v : kLevel2)
    EXPECT_TRUE(round_trips(v.text));
}

// ---- invalid examples -------------------------------------------------------------------------

const Invalid kInvalid[] = {
    // Months, days and divisions that do not exist.
    {"1945-13", 5, "month 13"},
    {"2016-13-08", 5, "month 13"},
    {"2016-00", 5, "month 0"},
    {"2001-20", 5, "month 20"},
    {"2001-42", 5, "month 42"},
    {"2016-05-00", 8, "day 0"},
    {"2016-05-32", 8, "day 32"},
    {"1945-02-30", std::nullopt, "no such day"},
    {"2016-02-30", std::nullopt, "no such day"},
    {"2015-02-29", std::nullopt, "no such day"},
    {"1900-02-29", std::nullopt, "no such day"},
    {"2016-04-31", std::nullopt, "no such day"},
    {"156X-09-31", std::nullopt, "no such day"},
    {"15XX-02-3X", std::nullopt, "no such day"},
    {"15XX-2X-25", 5, "no month matches"},
    {"1985-21-01", 7, "season"},
    // A qualifier must qualify something.
    {"2004-06-~", 9, "day"},
    {"2004-~", 6, "month"},
    // Years: four digits, or 'Y' with more than four; no negative zero; no '+'.
    {"Y1945", 1, "more than four digits"},
    {"Y-9999", 2, "more than four digits"},
    {"Y00001", 1, "leading zeros"},
    {"12345", 0, "'Y' prefix"},
    {"-0000", 0, "negative year zero"},
    {"-0000-01-01", 0, "negative year zero"},
    {"-00", 0, "negative year zero"},
    {"+2006", 0, "year"},
    {"1", 0, "year"},
    {"19X", 0, "unspecified digits"},
    {"Y17E7-12-26", 5, "month"},
    {"1950S0", 6, "significant digits"},
    {"Y17E0", 5, "exponent"},
    // Times: only in a single full date, extended format, valid fields.
    {"2012-10-10T1:10:10", 11, "hour"},
    {"2012-10-10T10:1:10", 14, "minute"},
    {"1985-04-12T23:20:30z", 19, "unexpected character"},
    {"1985-04-12t23:20:30", 10, "unexpected character"},
    {"2016-05-02T24:00:01", std::nullopt, "24:00:00"},
    {"2016-05-02T00:61:00", 14, "minute"},
    {"2016-05-02T01:01:60", 17, "second"},
    {"2016-05-02T12:00:00-00:00", 19, "-00:00"},
    {"2016-05-02T12:00:00-12:01", 19, "offset"},
    {"2016-05-02T12:00:00+14:01", 19, "offset"},
    {"2016-05-02T12:00:00+15", 20, "offset"},
    {"1985-04T10:00:00", 7, "full date"},
    {"2004?-06-11T10:00:00", 11, "qualified"},
    {"2005-07-25T10:10:10Z/2006-01-01", 10, "time"},
    // Whitespace and stray characters.
    {"", 0, "empty"},
    {" 1985", 0, "year"},
    {"1985 ", 4, "unexpected character"},
    {"1863-03 -29", 7, "unexpected character"},
    {"not a edtf string", 0, "year"},
    {"2004-(06)?-11", 5, "month"},
    {"2001-21^southernHemisphere", 7, "unexpected character"},
    // Intervals: one '/', ends in order.
    {"1985/1986/1987", 9, "exactly one '/'"},
    {"2012///4444", 5, "exactly one '/'"},
    {"1946/1945", 4, "ends before it begins"},
    {"2012-24/2012-21", 7, "ends before it begins"},
    {"0000/-0001", 4, "ends before it begins"},
    {"2000/12-12", 7, "unexpected character"},
    {"Y-61000/-2000", std::nullopt, "'Y' year"},
    {"1985../1986", 4, "unexpected character"},
    // Sets: closed by the matching bracket, elements in order, open ends only at the ends.
    {"[1999", 5, "close the set"},
    {"{1999", 5, "close the set"},
    {"[1999}", 5, "expected ',' or ']'"},
    {"{1999]", 5, "expected ',' or '}'"},
    {"[]", 1, "year"},
    {"[..]", 3, "year"},
    {"[1760..1750]", std::nullopt, "ends before it begins"},
    {"[1760.., 1770]", std::nullopt, "last element"},
    {"[1760, ..1770]", std::nullopt, "first element"},
    {"[1 760-01, 1760-02]", 1, "year"},
    {"[1760]x", 6, "after the set"},
};

TEST(EdtfTest, InvalidExamplesAreRejectedWithOffsetAndReason) {
  for (const Invalid& c : kInvalid)
    EXPECT_TRUE(rejects(c));
}

TEST(EdtfTest, MonthErrorPointsAtTheMonth) {
  const auto r = parse_edtf("1945-13");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::parse_error);
  EXPECT_EQ(r.error().offset, std::size_t{5});
  EXPECT_EQ(r.error().describe(), "month 13 is not 01–12 or a division 21–41 (at byte 5)");
}

TEST(EdtfTest, ErrorsInsideAnIntervalPointIntoTheInput) {
  // The offset of an error in the end date counts from the start of the whole text.
  const auto r = parse_edtf("1945-07/1946-13");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().offset, std::size_t{13});
  const auto s = parse_edtf("[1945, 1946-13]");
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().offset, std::size_t{12});
}

TEST(EdtfTest, ImpossibleDayIsReportedAtTheDay) {
  struct Case {
    const char* text;
    std::size_t offset;
  };
  for (const Case& c :
       {Case{"1945-02-30", 8}, Case{"1945-02-30/1946", 8}, Case{"1946/1945-02-30", 13}}) {
    const auto r = parse_edtf(c.text);
    ASSERT_FALSE(r.has_value()) << c.text;
    EXPECT_EQ(r.error().offset, c.offset) << c.text << ": " << r.error().describe();
  }
}

TEST(EdtfTest, ParseNeverThrowsAndLeavesProvenanceEmpty) {
  const auto r = parse_edtf("1945-07-06");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->provenance(), Provenance{});
  EXPECT_NO_THROW((void)parse_edtf(std::string(100000, '[')));
  EXPECT_NO_THROW((void)parse_edtf(std::string(100000, '9')));
  EXPECT_FALSE(parse_edtf(std::string_view("1945\0", 5)).has_value());
}

// ---- the value parsed -------------------------------------------------------------------------

TEST(EdtfTest, DateFieldsOfAQualifiedUnspecifiedDate) {
  const auto r = parse_edtf("?2004-06-~1X");
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  ASSERT_EQ(r->kind(), FuzzyDate::Kind::date);
  const EdtfDate& d = *r->date();
  EXPECT_EQ(d.year, 2004);
  EXPECT_EQ(d.month, 6);
  EXPECT_EQ(d.day, 10);
  EXPECT_EQ(d.precision, Precision::day);
  EXPECT_EQ(d.unspecified, 0b1000'0000);  // the day's units digit
  EXPECT_EQ(d.year_qualifier, Qualifier::uncertain);
  EXPECT_EQ(d.month_qualifier, Qualifier::none);
  EXPECT_EQ(d.day_qualifier, Qualifier::approximate);
  EXPECT_EQ(r->earliest().to_string(), "2004-06-10");
  EXPECT_EQ(r->latest().to_string(), "2004-06-19");
}

TEST(EdtfTest, UnspecifiedDigitBitsAsDocumented) {
  // The example of EdtfDate::unspecified: the year's tens and units, the month's units.
  const auto r = parse_edtf("19XX-1X");
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  ASSERT_EQ(r->kind(), FuzzyDate::Kind::date);
  EXPECT_EQ(r->date()->unspecified, 0b0010'1100);
  EXPECT_EQ(r->date()->year, 1900);
  EXPECT_EQ(r->date()->month, 10);
  EXPECT_EQ(r->to_edtf(), "19XX-1X");
}

TEST(EdtfTest, QualifierToTheRightCoversEarlierComponents) {
  const auto r = parse_edtf("2004-06~-11");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->date()->year_qualifier, Qualifier::approximate);
  EXPECT_EQ(r->date()->month_qualifier, Qualifier::approximate);
  EXPECT_EQ(r->date()->day_qualifier, Qualifier::none);
  const auto all = parse_edtf("2004-06-11%");
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->date()->year_qualifier, Qualifier::both);
  EXPECT_EQ(all->date()->month_qualifier, Qualifier::both);
  EXPECT_EQ(all->date()->day_qualifier, Qualifier::both);
  // Written differently, the same date.
  EXPECT_EQ(parse_edtf("?2004-?06-?11").value(), parse_edtf("2004-06-11?").value());
  EXPECT_EQ(parse_edtf("%2001").value(), parse_edtf("2001%").value());
}

TEST(EdtfTest, TimeFieldsAreKept) {
  const auto r = parse_edtf("1985-04-12T23:20:30.25-04:30");
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  const EdtfDate& d = *r->date();
  EXPECT_EQ(d.zone, EdtfDate::Zone::offset);
  EXPECT_EQ(d.hour, 23);
  EXPECT_EQ(d.minute, 20);
  EXPECT_EQ(d.second, 30);
  EXPECT_EQ(d.fraction, 25u);
  EXPECT_EQ(d.fraction_digits, 2);
  EXPECT_EQ(d.offset_minutes, -270);
  EXPECT_EQ(parse_edtf("1985-04-12T23:20:30Z")->date()->zone, EdtfDate::Zone::utc);
  EXPECT_EQ(parse_edtf("1985-04-12T23:20:30")->date()->zone, EdtfDate::Zone::local);
  EXPECT_EQ(parse_edtf("1985-04-12")->date()->zone, EdtfDate::Zone::none);
  // Different times of one day are different values with the same bounds.
  EXPECT_NE(parse_edtf("1985-04-12T23:20:30Z").value(), parse_edtf("1985-04-12").value());
}

TEST(EdtfTest, KindsOfParsedValues) {
  EXPECT_EQ(parse_edtf("1945")->kind(), FuzzyDate::Kind::date);
  EXPECT_EQ(parse_edtf("1945/1946")->kind(), FuzzyDate::Kind::interval);
  EXPECT_EQ(parse_edtf("[1945, 1946]")->kind(), FuzzyDate::Kind::one_of);
  EXPECT_EQ(parse_edtf("{1945, 1946}")->kind(), FuzzyDate::Kind::all_of);
  const auto open = parse_edtf("../1946");
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->start().type, FuzzyDate::Endpoint::Type::open);
  EXPECT_EQ(open->end().type, FuzzyDate::Endpoint::Type::date);
  const auto unknown = parse_edtf("1945/");
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(unknown->end().type, FuzzyDate::Endpoint::Type::unknown);
  const auto set = parse_edtf("[..1760-12-03, 1770, 1780..1782]");
  ASSERT_TRUE(set.has_value());
  ASSERT_EQ(set->elements().size(), 3u);
  EXPECT_TRUE(set->elements()[0].range);
  EXPECT_EQ(set->elements()[0].first.type, FuzzyDate::Endpoint::Type::open);
  EXPECT_FALSE(set->elements()[1].range);
  EXPECT_TRUE(set->elements()[2].range);
  EXPECT_EQ(set->elements()[2].last.date.year, 1782);
}

TEST(EdtfTest, SetsAcceptSpacesAroundCommas) {
  // The specification writes sets without spaces; edtf.js and python-edtf accept a space after
  // the comma, as catalogers type them. The canonical form uses ", ".
  EXPECT_EQ(parse_edtf("[1667, 1668, 1670..1672]").value(),
            parse_edtf("[1667,1668,1670..1672]").value());
  EXPECT_EQ(parse_edtf("{1960 ,  1961-12}").value(), parse_edtf("{1960,1961-12}").value());
}

// ---- generated values -------------------------------------------------------------------------

// Strict bounds of a pattern by brute force: the first and last real day whose year, month and
// day digits match. `year` is four characters of digits or X, `month`/`day` two (empty when
// absent).
std::optional<std::pair<Day, Day>> brute_bounds(bool negative, const std::string& year,
                                                const std::string& month, const std::string& day) {
  auto matches = [](const std::string& pattern, std::int64_t value, std::size_t width) {
    std::string digits = std::to_string(value);
    digits.insert(0, width - digits.size(), '0');
    for (std::size_t i = 0; i < width; ++i) {
      if (pattern[i] != 'X' && pattern[i] != digits[i]) return false;
    }
    return true;
  };
  std::optional<Day> first, last;
  for (std::int64_t magnitude = 0; magnitude <= 9999; ++magnitude) {
    if (!matches(year, magnitude, 4) || (negative && magnitude == 0)) continue;
    const std::int64_t y = negative ? -magnitude : magnitude;
    for (unsigned m = 1; m <= 12; ++m) {
      if (!month.empty() && !matches(month, m, 2)) continue;
      const unsigned length = days_in_month(y, m);
      for (unsigned d = 1; d <= length; ++d) {
        if (!day.empty() && !matches(day, d, 2)) continue;
        const Day candidate = Day::from_civil(y, m, d);
        if (!first || candidate < *first) first = candidate;
        if (!last || candidate > *last) last = candidate;
      }
    }
  }
  if (!first) return std::nullopt;
  return std::pair{*first, *last};
}

// Property over generated unspecified-digit dates: parse_edtf accepts exactly the patterns some
// real day matches, its bounds are the brute-force bounds, and the value round-trips.
TEST(EdtfTest, GeneratedUnspecifiedDigitPatternsHaveBruteForceBounds) {
  std::mt19937 rng(1946);
  auto digit_or_x = [&](char digit, int x_percent) {
    return static_cast<int>(rng() % 100) < x_percent ? 'X' : digit;
  };
  int accepted = 0, rejected = 0;
  for (int i = 0; i < 300; ++i) {
    const bool negative = rng() % 5 == 0;
    std::string year = std::to_string(1000 + rng() % 9000);
    int year_x = 0;
    for (char& c : year) {
      if (year_x < 2 && (c = digit_or_x(c, 20)) == 'X') ++year_x;
    }
    const int shape = static_cast<int>(rng() % 3);  // 0 year, 1 year-month, 2 full date
    const auto m = static_cast<unsigned>(1 + rng() % 12);
    const auto d = static_cast<unsigned>(1 + rng() % 31);
    std::string month, day;
    if (shape >= 1) {
      month = {static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
      for (char& c : month)
        c = digit_or_x(c, 25);
    }
    if (shape == 2) {
      day = {static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
      for (char& c : day)
        c = digit_or_x(c, 25);
    }
    std::string text = (negative ? "-" : "") + year;
    if (!month.empty()) text += "-" + month;
    if (!day.empty()) text += "-" + day;

    const auto expected = brute_bounds(negative, year, month, day);
    const auto parsed = parse_edtf(text);
    if (!expected) {
      EXPECT_FALSE(parsed.has_value())
          << text << " matches no day but parsed as " << parsed->earliest().to_string() << ".."
          << parsed->latest().to_string();
      ++rejected;
      continue;
    }
    ++accepted;
    ASSERT_TRUE(parsed.has_value()) << text << ": " << parsed.error().describe();
    EXPECT_EQ(parsed->earliest(), DayBound::of(expected->first))
        << text << " earliest " << parsed->earliest().to_string() << ", expected "
        << expected->first.to_string();
    EXPECT_EQ(parsed->latest(), DayBound::of(expected->second))
        << text << " latest " << parsed->latest().to_string() << ", expected "
        << expected->second.to_string();
    EXPECT_TRUE(round_trips(text));
  }
  EXPECT_GT(accepted, 200);
  EXPECT_GT(rejected, 0);  // some patterns (like "XXXX-02-3X") match no day
}

// Property over generated plain dates of any year: the bounds are the date's own days, a
// qualifier does not move them, and everything round-trips.
TEST(EdtfTest, GeneratedDatesHaveExactBoundsWhateverTheirQualifiers) {
  std::mt19937_64 rng(1957);
  const char* qualifiers[] = {"", "?", "~", "%"};
  for (int i = 0; i < 3000; ++i) {
    const std::int64_t y = static_cast<std::int64_t>(rng() % 20000) - 10000;
    const auto m = static_cast<unsigned>(1 + rng() % 12);
    const auto d = static_cast<unsigned>(1 + rng() % days_in_month(y, m));
    const int shape = static_cast<int>(rng() % 3);
    std::string text = Day::from_civil(y, m, d).to_string();  // "-0044-03-15", "+12000-…"
    if (y > 9999 || y < -9999) {
      // Beyond four digits only the year can be written, with 'Y'.
      text = "Y" + std::to_string(y);
      const auto parsed = parse_edtf(text);
      ASSERT_TRUE(parsed.has_value()) << text;
      EXPECT_EQ(parsed->earliest(), DayBound::of(Day::from_civil(y, 1, 1))) << text;
      EXPECT_EQ(parsed->latest(), DayBound::of(Day::from_civil(y, 12, 31))) << text;
      EXPECT_TRUE(round_trips(text));
      continue;
    }
    Day first = Day::from_civil(y, m, d), last = first;
    if (shape == 1) {
      text.resize(text.size() - 3);
      first = Day::from_civil(y, m, 1);
      last = Day::from_civil(y, m, days_in_month(y, m));
    } else if (shape == 0) {
      text.resize(text.size() - 6);
      first = Day::from_civil(y, 1, 1);
      last = Day::from_civil(y, 12, 31);
    }
    text += qualifiers[rng() % 4];
    const auto parsed = parse_edtf(text);
    ASSERT_TRUE(parsed.has_value()) << text << ": " << parsed.error().describe();
    EXPECT_EQ(parsed->earliest(), DayBound::of(first)) << text;
    EXPECT_EQ(parsed->latest(), DayBound::of(last)) << text;
    EXPECT_EQ(parsed->level(), text.back() >= '0' && text.back() <= '9' && y >= 0 ? 0 : 1) << text;
    EXPECT_TRUE(round_trips(text));
  }
}

// Property over generated intervals: valid exactly when the start does not begin after the last
// unit of the end begins; bounds are the start's first day and the end's last day.
TEST(EdtfTest, GeneratedIntervalsOrderAndBounds) {
  std::mt19937 rng(1917);
  for (int i = 0; i < 2000; ++i) {
    const auto make = [&](std::string& text, Day& first, Day& last, Day& unit_start) {
      const std::int64_t y = 1940 + static_cast<std::int64_t>(rng() % 20);
      const auto m = static_cast<unsigned>(1 + rng() % 12);
      const auto d = static_cast<unsigned>(1 + rng() % days_in_month(y, m));
      text = Day::from_civil(y, m, d).to_string();
      first = last = unit_start = Day::from_civil(y, m, d);
      switch (rng() % 3) {
        case 0:
          text.resize(4);
          first = unit_start = Day::from_civil(y, 1, 1);
          last = Day::from_civil(y, 12, 31);
          break;
        case 1:
          text.resize(7);
          first = unit_start = Day::from_civil(y, m, 1);
          last = Day::from_civil(y, m, days_in_month(y, m));
          break;
        default:
          break;
      }
    };
    std::string a, b;
    Day a_first, a_last, a_unit, b_first, b_last, b_unit;
    make(a, a_first, a_last, a_unit);
    make(b, b_first, b_last, b_unit);
    const std::string text = a + "/" + b;
    const auto parsed = parse_edtf(text);
    const bool ordered = a_first <= b_unit;
    ASSERT_EQ(parsed.has_value(), ordered) << text;
    if (!parsed) {
      EXPECT_EQ(parsed.error().offset, a.size()) << text;
      continue;
    }
    EXPECT_EQ(parsed->earliest(), DayBound::of(a_first)) << text;
    EXPECT_EQ(parsed->latest(), DayBound::of(b_last)) << text;
    EXPECT_EQ(parsed->level(), 0) << text;
    EXPECT_TRUE(round_trips(text));
  }
}

}  // namespace
}  // namespace archive
