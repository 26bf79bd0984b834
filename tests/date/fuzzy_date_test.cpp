// FuzzyDate as a value: copying, equality, the documented total order, hashing, provenance,
// kinds, levels, precision, qualifiers, bounds (strict and widened) and the relations search
// uses (possibly_overlaps, certainly_within, match_strength).
#include "archive/date/fuzzy_date.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace archive {
namespace {

FuzzyDate edtf(const char* text) {
  auto parsed = parse_edtf(text);
  if (!parsed) {
    ADD_FAILURE() << "'" << text << "': " << parsed.error().describe();
    return FuzzyDate{};
  }
  return std::move(parsed).value();
}

Day day(std::int64_t y, unsigned m, unsigned d) {
  return Day::from_civil(y, m, d);
}

DayRange closed(Day first, Day last) {
  return DayRange{first, last};
}

std::string show(const FuzzyDate& f) {
  return f.is_undated() ? "(undated)" : f.to_edtf();
}

// The seed collection's dates, in their documented order: open or unknown starts first, then
// by earliest day, latest day, precision (coarser first) and canonical text; undated last.
const char* const kSeedOrder[] = {"../1946",    "/1946",      "194X",       "1945",
                                  "1945~",      "1945-07-06", "1945-07-14", "1946-04-12",
                                  "1946-09-05", "1957-03-01"};

std::vector<FuzzyDate> seed_dates() {
  std::vector<FuzzyDate> dates;
  for (const char* text : kSeedOrder)
    dates.push_back(edtf(text));
  dates.push_back(FuzzyDate{});
  return dates;
}

// ---- a regular value type ---------------------------------------------------------------------

TEST(FuzzyDateTest, DefaultIsUndated) {
  const FuzzyDate undated;
  EXPECT_TRUE(undated.is_undated());
  EXPECT_EQ(undated.kind(), FuzzyDate::Kind::undated);
  EXPECT_EQ(undated.to_edtf(), "");
  EXPECT_EQ(undated.level(), -1);
  EXPECT_EQ(undated.precision(), Precision::day);
  EXPECT_EQ(undated.date(), nullptr);
  EXPECT_TRUE(undated.elements().empty());
  EXPECT_EQ(undated.earliest(), DayBound::unknown());
  EXPECT_EQ(undated.latest(), DayBound::unknown());
  EXPECT_FALSE(undated.is_uncertain());
  EXPECT_FALSE(undated.is_approximate());
  EXPECT_EQ(undated, FuzzyDate{});
}

TEST(FuzzyDateTest, CopiesAreEqualAndIndependent) {
  FuzzyDate original = edtf("[1945-07-06, 1946..1947]");
  original.set_provenance({"6 July 1945 or 1946–47", Calendar::gregorian, "two drafts"});
  FuzzyDate copy = original;
  EXPECT_EQ(copy, original);
  EXPECT_TRUE(copy.identical(original));
  copy.set_note("changed");
  EXPECT_EQ(original.provenance().note, "two drafts");
  EXPECT_FALSE(copy.identical(original));
  EXPECT_EQ(copy, original);  // the note is not part of the date

  FuzzyDate assigned;
  assigned = original;
  EXPECT_TRUE(assigned.identical(original));
  FuzzyDate moved = std::move(assigned);
  EXPECT_TRUE(moved.identical(original));
}

TEST(FuzzyDateTest, EqualityComparesTheDate) {
  EXPECT_EQ(edtf("1945-07-06"), edtf("1945-07-06"));
  EXPECT_NE(edtf("1945-07-06"), edtf("1945-07-14"));
  EXPECT_NE(edtf("1945"), edtf("1945~"));
  EXPECT_NE(edtf("1945"), edtf("1945?"));
  EXPECT_NE(edtf("1945"), edtf("1945-XX"));            // same bounds, other precision
  EXPECT_NE(edtf("1945/1946"), edtf("[1945..1946]"));  // same bounds, other kind
  EXPECT_NE(edtf("[1945, 1946]"), edtf("{1945, 1946}"));
  EXPECT_NE(edtf("1945/"), edtf("1945/.."));
  EXPECT_NE(edtf("1945-07-06"), FuzzyDate{});
  // One date written two ways is one value.
  EXPECT_EQ(edtf("?2004-?06-?11"), edtf("2004-06-11?"));
  EXPECT_EQ(edtf("[1667,1668]"), edtf("[1667, 1668]"));
}

TEST(FuzzyDateTest, ProvenanceIsKeptButNotPartOfEquality) {
  FuzzyDate telegram = edtf("1945-07-06");
  telegram.set_provenance({"6 июля 1945 г.", Calendar::gregorian, ""});
  telegram.set_note("date of receipt");
  EXPECT_EQ(telegram.provenance().original, "6 июля 1945 г.");
  EXPECT_EQ(telegram.provenance().calendar, Calendar::gregorian);
  EXPECT_EQ(telegram.provenance().note, "date of receipt");

  FuzzyDate letter = edtf("1945-07-06");
  letter.set_provenance({"23 June 1945 (O.S.)", Calendar::julian, "inferred from the content"});
  EXPECT_EQ(telegram, letter);
  EXPECT_EQ(telegram <=> letter, std::strong_ordering::equal);
  EXPECT_EQ(hash_value(telegram), hash_value(letter));
  EXPECT_FALSE(telegram.identical(letter));
  EXPECT_TRUE(telegram.identical(telegram));
  EXPECT_EQ(telegram.to_edtf(), "1945-07-06");  // the canonical text carries no provenance
}

// ---- the total order --------------------------------------------------------------------------

TEST(FuzzyDateTest, SeedDatesSortInTheDocumentedOrder) {
  std::vector<FuzzyDate> dates = seed_dates();
  std::mt19937 rng(1945);
  for (int round = 0; round < 50; ++round) {
    std::shuffle(dates.begin(), dates.end(), rng);
    std::sort(dates.begin(), dates.end());
    std::vector<std::string> texts;
    for (const FuzzyDate& f : dates)
      texts.push_back(show(f));
    ASSERT_EQ(texts, (std::vector<std::string>{"../1946", "/1946", "194X", "1945", "1945~",
                                               "1945-07-06", "1945-07-14", "1946-04-12",
                                               "1946-09-05", "1957-03-01", "(undated)"}));
  }
}

TEST(FuzzyDateTest, StableSortKeepsTheOrderOfEqualDates) {
  // Equal dates from different catalogers keep their input order under std::stable_sort.
  std::vector<FuzzyDate> dates;
  int n = 0;
  for (const char* text : {"1946-04-12", "1945", "1946-04-12", "1945", "1946-04-12"}) {
    dates.push_back(edtf(text));
    dates.back().set_note(std::to_string(n++));
  }
  dates.push_back(FuzzyDate{}.set_note("undated 1"));
  dates.push_back(FuzzyDate{}.set_note("undated 2"));
  std::stable_sort(dates.begin(), dates.end());
  std::vector<std::string> notes;
  for (const FuzzyDate& f : dates)
    notes.push_back(f.provenance().note);
  EXPECT_EQ(notes, (std::vector<std::string>{"1", "3", "0", "2", "4", "undated 1", "undated 2"}));
}

TEST(FuzzyDateTest, OrderKeysInTurn) {
  // Earliest bound first …
  EXPECT_LT(edtf("1945"), edtf("1945-07-06"));
  EXPECT_LT(edtf("1944-12-31"), edtf("1945"));
  EXPECT_LT(edtf("-0044-03-15"), edtf("0000"));
  // … then the latest bound (an open or unknown end last) …
  EXPECT_LT(edtf("1945-01"), edtf("1945"));
  EXPECT_LT(edtf("1945"), edtf("1945/1946"));
  EXPECT_LT(edtf("1945/1946"), edtf("1945/"));
  EXPECT_LT(edtf("1945/1946"), edtf("1945/.."));
  // … then precision, coarser first (same bounds 1945-01-01..1945-12-31) …
  EXPECT_LT(edtf("1945"), edtf("1945-XX"));
  EXPECT_LT(edtf("1945-XX"), edtf("1945-XX-XX"));
  EXPECT_LT(edtf("194"), edtf("194X"));
  // … then the canonical text.
  EXPECT_LT(edtf("1945"), edtf("1945?"));
  EXPECT_LT(edtf("1945?"), edtf("1945~"));
  EXPECT_LT(edtf("1945/1946"), edtf("[1945..1946]"));
  // Undated values are last, after open ends too.
  EXPECT_LT(edtf("1945/.."), FuzzyDate{});
  EXPECT_LT(edtf("../.."), FuzzyDate{});
  EXPECT_EQ(FuzzyDate{} <=> FuzzyDate{}, std::strong_ordering::equal);
}

TEST(FuzzyDateTest, OrderIsATotalOrderConsistentWithEquality) {
  std::vector<FuzzyDate> dates = seed_dates();
  for (const char* text : {"1945?",
                           "1945%",
                           "1945-XX",
                           "194",
                           "19",
                           "1946-21",
                           "1945-07-06T10:00:00Z",
                           "1945-07-06/1945-07-14",
                           "[1945, 1946]",
                           "{1945, 1946}",
                           "[..1946]",
                           "1945/",
                           "1945/..",
                           "../..",
                           "/",
                           "Y17E7",
                           "Y-17E7",
                           "-0044-03-15",
                           "1950S2",
                           "19XX",
                           "?1945-07-~06"})
    dates.push_back(edtf(text));
  for (const FuzzyDate& a : dates) {
    for (const FuzzyDate& b : dates) {
      const auto ab = a <=> b;
      const auto ba = b <=> a;
      EXPECT_EQ(ab == 0, a == b) << show(a) << " vs " << show(b);
      EXPECT_EQ((ab < 0), (ba > 0)) << show(a) << " vs " << show(b);
      for (const FuzzyDate& c : dates) {
        if (a < b && b < c) {
          EXPECT_LT(a, c) << show(a) << " < " << show(b) << " < " << show(c);
        }
      }
    }
  }
}

// ---- hashing ----------------------------------------------------------------------------------

TEST(FuzzyDateTest, HashIsConsistentWithEquality) {
  EXPECT_EQ(std::hash<FuzzyDate>{}(edtf("?2004-?06-?11")),
            std::hash<FuzzyDate>{}(edtf("2004-06-11?")));
  EXPECT_EQ(hash_value(edtf("[1667,1668]")), hash_value(edtf("[1667, 1668]")));
  EXPECT_EQ(hash_value(FuzzyDate{}), hash_value(FuzzyDate{}));
  std::unordered_set<FuzzyDate> set;
  for (const FuzzyDate& f : seed_dates())
    set.insert(f);
  for (const FuzzyDate& f : seed_dates())
    set.insert(f);
  set.insert(edtf("1945-07-06"));
  EXPECT_EQ(set.size(), 11u);
  EXPECT_EQ(set.count(edtf("1945~")), 1u);
  EXPECT_EQ(set.count(edtf("1945?")), 0u);
  EXPECT_EQ(set.count(FuzzyDate{}), 1u);
}

TEST(FuzzyDateTest, HashSeparatesCommonDistinctValues) {
  // Not required by the contract, but a hash that collides on these would make sets slow.
  std::unordered_set<std::size_t> hashes;
  for (const FuzzyDate& f : seed_dates())
    hashes.insert(hash_value(f));
  EXPECT_EQ(hashes.size(), 11u);
}

// ---- constructing values ----------------------------------------------------------------------

TEST(FuzzyDateTest, FromDayIsTheDayAtDayPrecision) {
  const FuzzyDate f = FuzzyDate::from_day(day(1945, 7, 6));
  EXPECT_EQ(f, edtf("1945-07-06"));
  EXPECT_EQ(f.kind(), FuzzyDate::Kind::date);
  EXPECT_EQ(f.precision(), Precision::day);
  EXPECT_EQ(f.earliest(), DayBound::of(day(1945, 7, 6)));
  EXPECT_EQ(f.latest(), DayBound::of(day(1945, 7, 6)));
  EXPECT_EQ(f.level(), 0);
  EXPECT_EQ(FuzzyDate::from_day(day(-44, 3, 15)), edtf("-0044-03-15"));
  EXPECT_EQ(FuzzyDate::from_day(day(-44, 3, 15)).level(), 1);
  EXPECT_EQ(FuzzyDate::from_day(day(0, 1, 1)).to_edtf(), "0000-01-01");
}

TEST(FuzzyDateTest, FromDaysIsAnIntervalOfDays) {
  const FuzzyDate f = FuzzyDate::from_days(day(1945, 7, 6), day(1945, 7, 14));
  EXPECT_EQ(f, edtf("1945-07-06/1945-07-14"));
  EXPECT_EQ(f.kind(), FuzzyDate::Kind::interval);
  EXPECT_EQ(f.earliest(), DayBound::of(day(1945, 7, 6)));
  EXPECT_EQ(f.latest(), DayBound::of(day(1945, 7, 14)));
  EXPECT_EQ(f.to_edtf(), "1945-07-06/1945-07-14");
  // One day is a date, not an interval.
  EXPECT_EQ(FuzzyDate::from_days(day(1945, 7, 6), day(1945, 7, 6)),
            FuzzyDate::from_day(day(1945, 7, 6)));
}

TEST(FuzzyDateTest, FromDayValuesRoundTripThroughEdtf) {
  for (const Day d : {day(1945, 7, 6), day(-44, 3, 15), day(9999, 12, 31), day(-9999, 1, 1),
                      day(12000, 1, 1), day(-12000, 1, 1)}) {
    const FuzzyDate f = FuzzyDate::from_day(d);
    const auto again = parse_edtf(f.to_edtf());
    EXPECT_TRUE(again.has_value() && *again == f)
        << d.to_string() << " prints as '" << f.to_edtf()
        << "': " << (again ? "reparses as " + again->to_edtf() : again.error().describe());
  }
}

TEST(FuzzyDateTest, FromDateValidatesLikeTheParser) {
  EdtfDate d;
  d.year = 1945;
  d.month = 2;
  d.day = 30;
  d.precision = Precision::day;
  const auto f = FuzzyDate::from_date(d);
  ASSERT_FALSE(f.has_value());
  EXPECT_EQ(f.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(f.error().message.find("1945-02-30"), std::string::npos);

  d.day = 28;
  ASSERT_TRUE(FuzzyDate::from_date(d).has_value());
  EXPECT_EQ(FuzzyDate::from_date(d).value(), edtf("1945-02-28"));

  EdtfDate season;
  season.year = 1946;
  season.month = 21;
  season.precision = Precision::season;
  EXPECT_EQ(FuzzyDate::from_date(season).value(), edtf("1946-21"));
  season.month = 42;
  EXPECT_FALSE(FuzzyDate::from_date(season).has_value());
}

TEST(FuzzyDateTest, FromIntervalAndFromSetValidate) {
  using Endpoint = FuzzyDate::Endpoint;
  const Endpoint y1945{Endpoint::Type::date, *edtf("1945").date()};
  const Endpoint y1946{Endpoint::Type::date, *edtf("1946").date()};
  EXPECT_EQ(FuzzyDate::from_interval(y1945, y1946).value(), edtf("1945/1946"));
  EXPECT_EQ(FuzzyDate::from_interval(Endpoint{Endpoint::Type::unknown, {}}, y1946).value(),
            edtf("/1946"));
  EXPECT_EQ(FuzzyDate::from_interval(Endpoint{Endpoint::Type::open, {}}, y1946).value(),
            edtf("../1946"));
  const auto backwards = FuzzyDate::from_interval(y1946, y1945);
  ASSERT_FALSE(backwards.has_value());
  EXPECT_EQ(backwards.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(backwards.error().message, "the interval ends before it begins");

  const FuzzyDate::SetElement one{y1945, {}, false};
  const FuzzyDate::SetElement range{y1945, y1946, true};
  EXPECT_EQ(FuzzyDate::from_set(FuzzyDate::Kind::one_of, {one}).value(), edtf("[1945]"));
  EXPECT_EQ(FuzzyDate::from_set(FuzzyDate::Kind::all_of, {range}).value(), edtf("{1945..1946}"));
  EXPECT_FALSE(FuzzyDate::from_set(FuzzyDate::Kind::one_of, {}).has_value());
  EXPECT_FALSE(FuzzyDate::from_set(FuzzyDate::Kind::interval, {one}).has_value());
  EXPECT_FALSE(
      FuzzyDate::from_set(FuzzyDate::Kind::one_of, {FuzzyDate::SetElement{y1946, y1945, true}})
          .has_value());
}

TEST(FuzzyDateTest, ConstructedValuesAgreeWithTheirCanonicalText) {
  std::vector<EdtfDate> dates(4);
  dates[0].year = 1945;
  dates[0].month = 5;
  dates[1].year = -5;
  dates[2].year = 12000;
  dates[3].year = 1945;
  dates[3].y_prefix = true;
  for (const EdtfDate& d : dates) {
    const auto f = FuzzyDate::from_date(d);
    if (!f) continue;  // rejecting is fine
    const auto again = parse_edtf(f->to_edtf());
    EXPECT_TRUE(again.has_value() && *again == *f)
        << "year " << d.year << " prints as '" << f->to_edtf()
        << "': " << (again ? "reparses to a different value" : again.error().describe());
    if (again) {
      EXPECT_EQ((*again <=> *f) == 0, *again == *f) << f->to_edtf();
    }
  }
}

// ---- kinds, levels, precision, qualifiers -----------------------------------------------------

TEST(FuzzyDateTest, Kinds) {
  EXPECT_EQ(edtf("1945-07-06").kind(), FuzzyDate::Kind::date);
  EXPECT_NE(edtf("1945-07-06").date(), nullptr);
  EXPECT_EQ(edtf("1945/1946").kind(), FuzzyDate::Kind::interval);
  EXPECT_EQ(edtf("1945/1946").date(), nullptr);
  EXPECT_EQ(edtf("[1945, 1946]").kind(), FuzzyDate::Kind::one_of);
  EXPECT_EQ(edtf("{1945, 1946}").kind(), FuzzyDate::Kind::all_of);
  EXPECT_EQ(FuzzyDate{}.kind(), FuzzyDate::Kind::undated);
}

TEST(FuzzyDateTest, LevelIsTheLowestLevelOfTheCanonicalForm) {
  EXPECT_EQ(edtf("1945-07-06").level(), 0);
  EXPECT_EQ(edtf("1945-07-06T10:00:00Z").level(), 0);
  EXPECT_EQ(edtf("1945/1946").level(), 0);
  EXPECT_EQ(edtf("1945~").level(), 1);
  EXPECT_EQ(edtf("194X").level(), 1);
  EXPECT_EQ(edtf("1945/").level(), 1);
  EXPECT_EQ(edtf("../1946").level(), 1);
  EXPECT_EQ(edtf("1946-21").level(), 1);
  EXPECT_EQ(edtf("Y170000002").level(), 1);
  EXPECT_EQ(edtf("-1945").level(), 1);
  EXPECT_EQ(edtf("[1945, 1946]").level(), 2);
  EXPECT_EQ(edtf("1945?-07").level(), 2);
  EXPECT_EQ(edtf("1946-33").level(), 2);
  EXPECT_EQ(edtf("1950S2").level(), 2);
  EXPECT_EQ(edtf("1945/1946?-07").level(), 2);
  // "%2001" needs level-2 syntax as written but its canonical form "2001%" is level 1.
  EXPECT_EQ(edtf("%2001").level(), 1);
  EXPECT_EQ(FuzzyDate{}.level(), -1);
}

TEST(FuzzyDateTest, PrecisionIsTheCoarsestOfItsDates) {
  EXPECT_EQ(edtf("19").precision(), Precision::century);
  EXPECT_EQ(edtf("194").precision(), Precision::decade);
  EXPECT_EQ(edtf("1945").precision(), Precision::year);
  EXPECT_EQ(edtf("194X").precision(), Precision::year);
  EXPECT_EQ(edtf("1946-21").precision(), Precision::season);
  EXPECT_EQ(edtf("1946-34").precision(), Precision::season);
  EXPECT_EQ(edtf("1945-07").precision(), Precision::month);
  EXPECT_EQ(edtf("1945-07-06").precision(), Precision::day);
  EXPECT_EQ(edtf("1945-07-06T10:00:00").precision(), Precision::day);
  EXPECT_EQ(edtf("1945-07-06/1946").precision(), Precision::year);
  EXPECT_EQ(edtf("1945-07-06/..").precision(), Precision::day);
  EXPECT_EQ(edtf("[1945-07-06, 1946-05]").precision(), Precision::month);
  EXPECT_EQ(FuzzyDate{}.precision(), Precision::day);
}

TEST(FuzzyDateTest, UncertainAndApproximate) {
  struct Case {
    const char* text;
    bool uncertain;
    bool approximate;
  };
  for (const Case& c : {Case{"1945", false, false}, Case{"1945?", true, false},
                        Case{"1945~", false, true}, Case{"1945%", true, true},
                        Case{"1945-07-~06", false, true}, Case{"?1945-07-06", true, false},
                        Case{"1945?/1946~", true, true}, Case{"1945/1946?", true, false},
                        Case{"[1945?, 1946]", true, false}, Case{"{1945, 1946~}", false, true},
                        Case{"194X", false, false}, Case{"1950S2", false, false}}) {
    const FuzzyDate f = edtf(c.text);
    EXPECT_EQ(f.is_uncertain(), c.uncertain) << c.text;
    EXPECT_EQ(f.is_approximate(), c.approximate) << c.text;
  }
}

// ---- bounds -----------------------------------------------------------------------------------

TEST(FuzzyDateTest, QualifiersDoNotMoveStrictBounds) {
  for (const char* text : {"1945", "1945?", "1945~", "1945%", "?1945", "~1945"}) {
    EXPECT_EQ(edtf(text).earliest(), DayBound::of(day(1945, 1, 1))) << text;
    EXPECT_EQ(edtf(text).latest(), DayBound::of(day(1945, 12, 31))) << text;
  }
}

TEST(FuzzyDateTest, BoundsOfIntervalsAndSets) {
  EXPECT_EQ(edtf("1945-07/1946-04-12").earliest(), DayBound::of(day(1945, 7, 1)));
  EXPECT_EQ(edtf("1945-07/1946-04-12").latest(), DayBound::of(day(1946, 4, 12)));
  EXPECT_EQ(edtf("/1946").earliest(), DayBound::unknown());
  EXPECT_EQ(edtf("../1946").earliest(), DayBound::open());
  EXPECT_EQ(edtf("1945/").latest(), DayBound::unknown());
  EXPECT_EQ(edtf("1945/..").latest(), DayBound::open());
  EXPECT_EQ(edtf("[1946, 1945-07-06]").earliest(), DayBound::of(day(1945, 7, 6)));
  EXPECT_EQ(edtf("[1946, 1945-07-06]").latest(), DayBound::of(day(1946, 12, 31)));
  EXPECT_EQ(edtf("{..1945, 1946}").earliest(), DayBound::open());
  EXPECT_EQ(edtf("{1945, 1946..}").latest(), DayBound::open());
  EXPECT_EQ(DayBound::open().to_string(), "..");
  EXPECT_EQ(DayBound::unknown().to_string(), "");
  EXPECT_EQ(DayBound::of(day(-44, 3, 15)).to_string(), "-0044-03-15");
}

TEST(FuzzyDateTest, WidenedBoundsOfApproximateValues) {
  // The documented example: "1945~" widens by a year on each side.
  EXPECT_EQ(edtf("1945~").widened_earliest(), DayBound::of(day(1944, 1, 1)));
  EXPECT_EQ(edtf("1945~").widened_latest(), DayBound::of(day(1946, 12, 31)));
  EXPECT_EQ(edtf("1945%").widened_earliest(), DayBound::of(day(1944, 1, 1)));
  EXPECT_EQ(edtf("1945%").widened_latest(), DayBound::of(day(1946, 12, 31)));
  // An approximate day widens by 7 days.
  EXPECT_EQ(edtf("2004-06-~11").widened_earliest(), DayBound::of(day(2004, 6, 4)));
  EXPECT_EQ(edtf("2004-06-~11").widened_latest(), DayBound::of(day(2004, 6, 18)));
  // Uncertain-only and exact values keep their strict bounds.
  for (const char* text : {"1945?", "1945", "1945-07-06", "194X"}) {
    EXPECT_EQ(edtf(text).widened_earliest(), edtf(text).earliest()) << text;
    EXPECT_EQ(edtf(text).widened_latest(), edtf(text).latest()) << text;
  }
  // Each end of an interval widens by its own qualifier.
  EXPECT_EQ(edtf("1945/1946~").widened_earliest(), DayBound::of(day(1945, 1, 1)));
  EXPECT_EQ(edtf("1945/1946~").widened_latest(), DayBound::of(day(1947, 12, 31)));
  EXPECT_EQ(edtf("1945~/..").widened_latest(), DayBound::open());
  EXPECT_EQ(FuzzyDate{}.widened_earliest(), DayBound::unknown());
  // Widening never narrows.
  for (const char* text : {"1945~", "2000-02-29~", "2004-06-~11", "1945-07~", "1945?/1946%"}) {
    const FuzzyDate f = edtf(text);
    EXPECT_LE(f.widened_earliest().day, f.earliest().day) << text;
    EXPECT_GE(f.widened_latest().day, f.latest().day) << text;
  }
}

// ---- relations --------------------------------------------------------------------------------

TEST(FuzzyDateTest, DayInsideAndOutsideClosedRanges) {
  const FuzzyDate f = edtf("1945-07-06");
  EXPECT_TRUE(f.possibly_overlaps(closed(day(1945, 7, 1), day(1945, 7, 31))));
  EXPECT_TRUE(f.certainly_within(closed(day(1945, 7, 1), day(1945, 7, 31))));
  EXPECT_TRUE(f.certainly_within(closed(day(1945, 7, 6), day(1945, 7, 6))));  // inclusive ends
  EXPECT_FALSE(f.possibly_overlaps(closed(day(1945, 7, 7), day(1945, 7, 31))));
  EXPECT_FALSE(f.certainly_within(closed(day(1945, 7, 7), day(1945, 7, 31))));
  EXPECT_FALSE(f.possibly_overlaps(closed(day(1945, 6, 1), day(1945, 7, 5))));
}

TEST(FuzzyDateTest, YearAgainstHalfOpenAndUnboundedRanges) {
  const FuzzyDate f = edtf("1945");
  const DayRange from_july{day(1945, 7, 1), std::nullopt};
  const DayRange until_july{std::nullopt, day(1945, 7, 1)};
  const DayRange from_1945{day(1945, 1, 1), std::nullopt};
  const DayRange everything{};
  EXPECT_TRUE(f.possibly_overlaps(from_july));
  EXPECT_FALSE(f.certainly_within(from_july));
  EXPECT_TRUE(f.possibly_overlaps(until_july));
  EXPECT_FALSE(f.certainly_within(until_july));
  EXPECT_TRUE(f.certainly_within(from_1945));
  EXPECT_TRUE(f.possibly_overlaps(everything));
  EXPECT_TRUE(f.certainly_within(everything));
  EXPECT_FALSE(f.possibly_overlaps(DayRange{day(1946, 1, 1), std::nullopt}));
  EXPECT_FALSE(f.possibly_overlaps(DayRange{std::nullopt, day(1944, 12, 31)}));
}

TEST(FuzzyDateTest, IntervalsWithOpenAndUnknownEnds) {
  const DayRange in_1900{day(1900, 1, 1), day(1900, 12, 31)};
  const DayRange from_1947{day(1947, 1, 1), std::nullopt};
  const DayRange until_1946{std::nullopt, day(1946, 12, 31)};
  for (const char* text : {"/1946", "../1946"}) {
    const FuzzyDate f = edtf(text);
    // An unknown or open start may lie before any day.
    EXPECT_TRUE(f.possibly_overlaps(in_1900)) << text;
    EXPECT_FALSE(f.possibly_overlaps(from_1947)) << text;
    EXPECT_FALSE(f.certainly_within(closed(day(1000, 1, 1), day(1946, 12, 31)))) << text;
    EXPECT_TRUE(f.certainly_within(until_1946)) << text;  // unbounded on the open side
    EXPECT_FALSE(f.certainly_within(DayRange{std::nullopt, day(1946, 6, 30)})) << text;
  }
  for (const char* text : {"1945/", "1945/.."}) {
    const FuzzyDate f = edtf(text);
    EXPECT_TRUE(f.possibly_overlaps(closed(day(2000, 1, 1), day(2000, 12, 31)))) << text;
    EXPECT_FALSE(f.possibly_overlaps(closed(day(1900, 1, 1), day(1944, 12, 31)))) << text;
    EXPECT_FALSE(f.certainly_within(closed(day(1945, 1, 1), day(2100, 12, 31)))) << text;
    EXPECT_TRUE(f.certainly_within(DayRange{day(1945, 1, 1), std::nullopt})) << text;
  }
  const FuzzyDate both_open = edtf("../..");
  EXPECT_TRUE(both_open.possibly_overlaps(in_1900));
  EXPECT_FALSE(both_open.certainly_within(in_1900));
  EXPECT_TRUE(both_open.certainly_within(DayRange{}));
}

TEST(FuzzyDateTest, SetsOverlapThroughTheirElements) {
  const DayRange in_1945{day(1945, 1, 1), day(1945, 12, 31)};
  for (const char* text : {"[1944, 1946]", "{1944, 1946}"}) {
    const FuzzyDate f = edtf(text);
    // The gap between the elements is no reading of the date.
    EXPECT_FALSE(f.possibly_overlaps(in_1945)) << text;
    EXPECT_EQ(f.match_strength(in_1945), 0.0) << text;
    EXPECT_TRUE(f.possibly_overlaps(closed(day(1946, 6, 1), day(1946, 6, 30)))) << text;
    EXPECT_TRUE(f.certainly_within(closed(day(1944, 1, 1), day(1946, 12, 31)))) << text;
    EXPECT_FALSE(f.certainly_within(closed(day(1944, 1, 1), day(1946, 6, 30)))) << text;
  }
  EXPECT_TRUE(edtf("[1944, 1945-03..1945-05]").possibly_overlaps(in_1945));
  EXPECT_TRUE(edtf("[..1760-12-03]").possibly_overlaps(closed(day(1700, 1, 1), day(1700, 12, 31))));
  EXPECT_FALSE(
      edtf("[..1760-12-03]").possibly_overlaps(closed(day(1760, 12, 4), day(1800, 12, 31))));
  EXPECT_TRUE(edtf("[1760-12..]").possibly_overlaps(closed(day(1900, 1, 1), day(1900, 1, 1))));
}

TEST(FuzzyDateTest, UndatedValuesMatchNothing) {
  const FuzzyDate undated;
  EXPECT_FALSE(undated.possibly_overlaps(DayRange{}));
  EXPECT_FALSE(undated.certainly_within(DayRange{}));
  EXPECT_EQ(undated.match_strength(DayRange{}), 0.0);
  EXPECT_EQ(undated.match_strength(closed(day(1945, 1, 1), day(1945, 12, 31))), 0.0);
}

TEST(FuzzyDateTest, MatchStrengthIsTheShareOfTheSpanInTheRange) {
  const DayRange second_half{day(1945, 7, 1), day(1945, 12, 31)};
  // An exact day inside the range matches fully.
  EXPECT_DOUBLE_EQ(edtf("1945-07-06").match_strength(second_half), 1.0);
  EXPECT_DOUBLE_EQ(edtf("1945-07-06/1945-07-14").match_strength(second_half), 1.0);
  // A year overlapping half a year: 184 of its 365 days.
  EXPECT_DOUBLE_EQ(edtf("1945").match_strength(second_half), 184.0 / 365.0);
  // June-August 1945: 62 of 92 days.
  EXPECT_DOUBLE_EQ(edtf("1945-06/1945-08").match_strength(second_half), 62.0 / 92.0);
  EXPECT_DOUBLE_EQ(edtf("1945").match_strength(DayRange{}), 1.0);
  EXPECT_EQ(edtf("1944").match_strength(second_half), 0.0);
}

TEST(FuzzyDateTest, QualifiedDatesMatchLessStrongly) {
  const DayRange second_half{day(1945, 7, 1), day(1945, 12, 31)};
  const double plain = edtf("1945").match_strength(second_half);
  EXPECT_DOUBLE_EQ(edtf("1945?").match_strength(second_half), 0.8 * plain);
  EXPECT_DOUBLE_EQ(edtf("1945~").match_strength(second_half), 0.8 * plain);
  EXPECT_DOUBLE_EQ(edtf("1945%").match_strength(second_half), 0.7 * plain);
  EXPECT_DOUBLE_EQ(edtf("1945?/1945~").match_strength(second_half), 0.7 * plain);
  EXPECT_DOUBLE_EQ(edtf("1945-07-06?").match_strength(second_half), 0.8);
  EXPECT_LT(edtf("1945-07-06~").match_strength(second_half),
            edtf("1945-07-06").match_strength(second_half));
}

TEST(FuzzyDateTest, OpenOrUnknownSpansMatchWeakly) {
  const DayRange in_1945{day(1945, 1, 1), day(1945, 12, 31)};
  EXPECT_DOUBLE_EQ(edtf("/1946").match_strength(in_1945), 0.1);
  EXPECT_DOUBLE_EQ(edtf("../1946").match_strength(in_1945), 0.1);
  EXPECT_DOUBLE_EQ(edtf("1945/").match_strength(in_1945), 0.1);
  EXPECT_DOUBLE_EQ(edtf("1945~/..").match_strength(in_1945), 0.1 * 0.8);
  EXPECT_EQ(edtf("1946/").match_strength(in_1945), 0.0);
}

TEST(FuzzyDateTest, MatchStrengthStaysInTheUnitInterval) {
  std::vector<FuzzyDate> dates = seed_dates();
  for (const char* text : {"1945%", "[1944, 1945-08]", "{1944, 1946}", "1946-24", "19", "194",
                           "1950S2", "Y17E7", "1945-XX-1X", "2004-06-~11", "../.."})
    dates.push_back(edtf(text));
  const DayRange ranges[] = {DayRange{},
                             {day(1945, 7, 1), day(1945, 12, 31)},
                             {day(1946, 3, 1), std::nullopt},
                             {std::nullopt, day(1900, 1, 1)},
                             {day(1945, 7, 6), day(1945, 7, 6)}};
  for (const FuzzyDate& f : dates) {
    for (const DayRange& r : ranges) {
      const double s = f.match_strength(r);
      EXPECT_GE(s, 0.0) << show(f);
      EXPECT_LE(s, 1.0) << show(f);
      EXPECT_EQ(s > 0.0, f.possibly_overlaps(r)) << show(f);
      if (f.certainly_within(r) && !f.is_uncertain() && !f.is_approximate() &&
          f.earliest().is_day() && f.latest().is_day()) {
        EXPECT_DOUBLE_EQ(s, 1.0) << show(f);
      }
    }
  }
}

}  // namespace
}  // namespace archive
