// parse_date: the dates catalogers write, in English, Russian and Persian — the seed
// collection's dates, real catalog conventions (Tate, Colby, python-edtf's phrases, AACR2
// brackets, Russian archival and Persian usage), the four calendars, the documented
// conventions (parts, before/after, abbreviated range ends), errors with offsets and the round
// trip through EDTF. How much of the public data set's catalog expressions it reads as the catalogs
// do is measured in parse_date_data_test.cpp (an accuracy test).
#include "archive/date/parse_date.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "archive/date/calendar.hpp"
#include "archive/date/fuzzy_date.hpp"

namespace archive {
namespace {

// ---- helpers --------------------------------------------------------------------------------

// An expression and the canonical EDTF of what it means (to_edtf(); "" for undated).
struct Reading {
  const char* text;
  const char* edtf;
};

::testing::AssertionResult reads_as(const Reading& r, const DateParseOptions& options = {}) {
  const auto parsed = parse_date(r.text, options);
  if (!parsed) {
    return ::testing::AssertionFailure()
           << "'" << r.text << "' rejected: " << parsed.error().describe();
  }
  const std::string edtf = parsed->to_edtf();
  if (edtf != r.edtf) {
    return ::testing::AssertionFailure()
           << "'" << r.text << "' read as '" << edtf << "', expected '" << r.edtf << "'";
  }
  if (parsed->provenance().original != r.text) {
    return ::testing::AssertionFailure() << "'" << r.text << "': provenance lost the original";
  }
  // The canonical EDTF reads back to an equal value.
  if (!parsed->is_undated()) {
    const auto again = parse_edtf(edtf);
    if (!again || *again != *parsed) {
      return ::testing::AssertionFailure()
             << "'" << r.text << "': '" << edtf << "' does not round-trip";
    }
  }
  return ::testing::AssertionSuccess();
}

void expect_readings(const std::vector<Reading>& readings, const DateParseOptions& options = {}) {
  for (const Reading& r : readings)
    EXPECT_TRUE(reads_as(r, options));
}

// An expression in another calendar, the calendar recorded, and its Gregorian bounds.
struct Converted {
  const char* text;
  Calendar calendar;
  const char* earliest;
  const char* latest;
};

void expect_converted(const std::vector<Converted>& cases, const DateParseOptions& options = {}) {
  for (const Converted& c : cases) {
    SCOPED_TRACE(c.text);
    const auto parsed = parse_date(c.text, options);
    ASSERT_TRUE(parsed) << parsed.error().describe();
    EXPECT_EQ(parsed->provenance().calendar, c.calendar);
    EXPECT_EQ(parsed->provenance().original, c.text);
    EXPECT_EQ(parsed->earliest().to_string(), c.earliest);
    EXPECT_EQ(parsed->latest().to_string(), c.latest);
  }
}

// Text parse_date must refuse, and the byte offset of what it could not place.
struct Refused {
  const char* text;
  ErrorCode code;
  std::size_t offset;
};

void expect_refused(const std::vector<Refused>& cases) {
  for (const Refused& c : cases) {
    SCOPED_TRACE(c.text);
    const auto parsed = parse_date(c.text);
    ASSERT_FALSE(parsed) << "read as '" << parsed->to_edtf() << "'";
    EXPECT_EQ(parsed.error().code, c.code) << parsed.error().describe();
    ASSERT_TRUE(parsed.error().offset.has_value());
    EXPECT_EQ(*parsed.error().offset, c.offset) << parsed.error().describe();
    EXPECT_FALSE(parsed.error().message.empty());
  }
}

std::string day_of(Calendar calendar, std::int64_t y, unsigned m, unsigned d) {
  const auto day = to_day(calendar, CalendarDate{y, m, d});
  return day ? day->to_string() : "invalid";
}

std::string last_day_of(Calendar calendar, std::int64_t y, unsigned m) {
  const auto days = days_in_month(calendar, y, m);
  return days ? day_of(calendar, y, m, *days) : "invalid";
}

// ---- the seed collection --------------------------------------------------------------------

TEST(ParseDateSeed, ReadsTheCollectionPageDates) {
  expect_readings({
      {"April 12, 1946", "1946-04-12"},
      {"July 6, 1945", "1945-07-06"},
      {"July 14, 1945", "1945-07-14"},
      {"September 5, 1946", "1946-09-05"},
      {"March 1, 1957", "1957-03-01"},
      {"February 1949", "1949-02"},
      {"1945-1957", "1945/1957"},
  });
}

TEST(ParseDateSeed, ReadsTheSameDatesInRussianAndPersian) {
  expect_readings({
      {"12 апреля 1946 г.", "1946-04-12"},
      {"6 июля 1945 г.", "1945-07-06"},
      {"14 июля 1945 года", "1945-07-14"},
      {"5 сентября 1946", "1946-09-05"},
      {"1 марта 1957 г.", "1957-03-01"},
      {"февраль 1949 г.", "1949-02"},
      {"۱۲ آوریل ۱۹۴۶", "1946-04-12"},
      {"۶ ژوئیه ۱۹۴۵", "1945-07-06"},
      {"۱۴ جولای ۱۹۴۵", "1945-07-14"},
      {"۵ سپتامبر ۱۹۴۶", "1946-09-05"},
      {"۱ مارس ۱۹۵۷", "1957-03-01"},
      {"فوریه ۱۹۴۹", "1949-02"},
  });
}

// ---- English --------------------------------------------------------------------------------

TEST(ParseDateEnglish, ReadsFullDatesInTheCommonOrders) {
  expect_readings({
      {"July 6, 1945", "1945-07-06"},
      {"July 6 1945", "1945-07-06"},
      {"Jul. 6, 1945", "1945-07-06"},
      {"July 6th, 1945", "1945-07-06"},
      {"6 July 1945", "1945-07-06"},
      {"6th July 1945", "1945-07-06"},
      {"the 6th of July, 1945", "1945-07-06"},
      {"1945 July 6", "1945-07-06"},  // DACS
      {"JULY 6, 1945", "1945-07-06"},
      {"Sept. 5, 1946", "1946-09-05"},
      {"July 1945", "1945-07"},
      {"July, 1945", "1945-07"},
      {"1945 July", "1945-07"},
      {"January 12", "XXXX-01-12"},
      {"January", "XXXX-01"},
  });
}

TEST(ParseDateEnglish, ReadsNumericDatesOnlyWhenUnambiguous) {
  expect_readings({
      {"6.7.1945", "1945-07-06"},  // day first with dots
      {"06.07.1945", "1945-07-06"},
      {"1945-07-06", "1945-07-06"},
      {"1945.07.06", "1945-07-06"},
      {"25/12/1945", "1945-12-25"},  // 25 cannot be a month
      {"12/25/1945", "1945-12-25"},
      {"7/7/1945", "1945-07-07"},
      {"7/2008", "2008-07"},
      {"07.1945", "1945-07"},
      {"c. 1945-07-06", "1945-07-06~"},
  });
}

TEST(ParseDateEnglish, ReadsApproximateAndUncertainDates) {
  expect_readings({
      {"c. 1945", "1945~"},
      {"c.1945", "1945~"},
      {"c1860", "1860~"},
      {"ca. 1860", "1860~"},
      {"ca1860", "1860~"},
      {"circa 1945", "1945~"},
      {"approx. 1945", "1945~"},
      {"about 1860", "1860~"},
      {"1860 approximately", "1860~"},
      {"c .1957", "1957~"},
      {"~ Feb 1812", "1812-02~"},
      {"1945?", "1945?"},
      {"?1945", "1945?"},
      {"[1945?]", "1945?"},
      {"[1945]", "1945"},
      {"[ca. 1945]", "1945~"},
      {"1862 (uncertain)", "1862?"},
      {"maybe 1862", "1862?"},
      {"1862 guess", "1862?"},
      {"?c.1674", "1674%"},
      {"uncertain: approx 1862", "1862%"},
      {"ca. 1860s?", "186X%"},
      {"July 6, 1945?", "1945-07-06?"},
  });
}

TEST(ParseDateEnglish, ReadsDecadesAndCenturies) {
  expect_readings({
      {"1940s", "194X"},
      {"1940's", "194X"},
      {"the 1940s", "194X"},
      {"ca. 1940s", "194X~"},
      {"the forties", "194X"},
      {"'40s", "194X"},
      {"1800s", "18XX"},  // "the 1800s": the nineteenth century
      {"19th century", "18XX"},
      {"the 19th century", "18XX"},
      {"nineteenth century", "18XX"},
      {"19th c.", "18XX"},
      {"19c", "18XX"},
      {"15c.", "14XX"},
      {"20th century", "19XX"},
      {"1st century", "00XX"},
      {"19th century?", "18XX?"},
      {"c.19c?", "18XX%"},
      {"2nd century BCE", "-01XX"},
      {"1st century BC", "-00XX"},
      {"[194-]", "194X"},  // AACR2
      {"[194-?]", "194X?"},
      {"[19--]", "19XX"},
  });
}

TEST(ParseDateEnglish, ReadsPartsAsDocumentedThirdsHalvesAndQuarters) {
  expect_readings({
      {"early 1940s", "1940/1943"},
      {"mid 1940s", "1944/1946"},
      {"mid-1940s", "1944/1946"},
      {"late 1940s", "1947/1949"},
      {"early 20th century", "1900/1933"},
      {"mid 20th century", "1934/1966"},
      {"late 18th C", "1767/1799"},
      {"first half of the 19th century", "1800/1849"},
      {"second quarter of the 19th century", "1825/1849"},
      {"early 1946", "1946-37"},  // quadrimesters
      {"mid 1946", "1946-38"},
      {"late 1946", "1946-39"},
      {"first half of 1946", "1946-40"},  // semesters
      {"second half of 1946", "1946-41"},
      {"first quarter of 1946", "1946-33"},
      {"early July 1945", "1945-07-01/1945-07-10"},
      {"mid July 1945", "1945-07-11/1945-07-20"},
      {"late July 1945", "1945-07-21/1945-07-31"},
      {"late February 1948", "1948-02-21/1948-02-29"},
      {"early spring 1946", "1946-03"},
      {"late winter 1946", "1947-02"},
      {"late 1960s–early 1970s", "1967/1973"},
      {"late 19th–early 20th century", "1867/1933"},
      {"mid-20th century", "1934/1966"},
  });
}

TEST(ParseDateEnglish, ReadsSeasons) {
  expect_readings({
      {"Spring 1946", "1946-21"},
      {"Summer 1872", "1872-22"},
      {"Autumn 1872", "1872-23"},
      {"Fall 1872", "1872-23"},
      {"Winter 1872", "1872-24"},
      {"spring of 1946", "1946-21"},
      {"about Spring 1849", "1849-21~"},
      {"Spring–Summer 1946", "1946-21/1946-22"},
      {"winter 1945/46", "1945-24"},  // the one winter across the two years
      {"Winter 1945–1946", "1945-24"},
  });
}

TEST(ParseDateEnglish, ReadsRangesWithAbbreviatedEnds) {
  expect_readings({
      {"1945-1946", "1945/1946"},
      {"1945–1946", "1945/1946"},
      {"1945 - 1946", "1945/1946"},
      {"1945–46", "1945/1946"},
      {"1945-46", "1945/1946"},
      {"1826–7", "1826/1827"},
      {"1910-30", "1910/1930"},  // not EDTF's division 30: a later year is a range end
      {"1945/1946", "1945/1946"},
      {"1945 to 1947", "1945/1947"},
      {"from 1945 to 1947", "1945/1947"},
      {"from 1945 until 1947", "1945/1947"},
      {"between 1945 and 1947", "1945/1947"},
      {"c.1830–5", "1830~/1835~"},
      {"?c.1779–80", "1779%/1780%"},
      {"1856-ca. 1865", "1856/1865~"},
      {"1868-1871?", "1868/1871?"},
      {"1794–c.1830–5", "1794/1835"},  // "c." is on the middle date only
      {"July–August 1945", "1945-07/1945-08"},
      {"6–14 July 1945", "1945-07-06/1945-07-14"},
      {"July 6–14, 1945", "1945-07-06/1945-07-14"},
      {"6 July – 14 August 1945", "1945-07-06/1945-08-14"},
      {"1940s–1950s", "194X/195X"},
      {"17th–19th centuries", "16XX/18XX"},
      {"1600 January 1 - 1699 December 31 (gregorian)", "1600-01-01/1699-12-31"},
  });
}

TEST(ParseDateEnglish, ReadsBeforeAndAfterAsIntervalsWithAnUnknownEnd) {
  expect_readings({
      {"before 1945", "/1945"},
      {"earlier than 1928", "/1928"},
      {"before January 1928", "/1928-01"},
      {"before approx January 18 1928", "/1928-01-18~"},
      {"not after 1945", "/1945"},
      {"after 1945", "1945/"},
      {"later than 1928", "1928/"},
      {"after approx Summer 1928", "1928-22~/"},
      {"after about the 1920s", "192X~/"},
      {"before the 19th century", "/18XX"},
      {"1596 or after", "1596/"},
      {"c.1793 or earlier", "/1793~"},
      {"c.1829–33, or later", "1829~/"},
      {"from 1945", "1945/"},
      {"pre-1945", "/1945"},
      {"post-1945", "1945/"},
  });
}

TEST(ParseDateEnglish, ReadsEraMarks) {
  expect_readings({
      {"1 AD", "0001"},
      {"A.D. 1066", "1066"},
      {"17 CE", "0017"},
      {"127 CE", "0127"},
      {"c1270 CE", "1270~"},
      {"64 BCE", "-0063"},  // astronomical: 1 BCE is year 0
      {"44 B.C.", "-0043"},
      {"894", "0894"},  // a three-digit number is a year, not ISO 8601-2's decade
  });
}

// ---- catalog conventions (Tate, Colby, python-edtf) ------------------------------------------

TEST(ParseDateCatalog, ReadsMuseumConventions) {
  expect_readings({
      {"c.1830–5", "1830~/1835~"},
      {"?c.1674", "1674%"},
      {"exhibited 1807", "1807"},
      {"?exhibited 1807", "1807?"},
      {"published c.1830–5", "1830~/1835~"},
      {"1826–7, reprinted 1892", "1826/1827"},
      {"1863, printed ca. 1866", "{1863, 1866~}"},
      {"1851-1852; printed 1853-1854", "{1851..1852, 1853..1854}"},
      {"1962, reworked 1963", "{1962, 1963}"},
      {"1949, cast 1950–1", "1949"},
      {"1914, later cast", "1914"},
      {"2003 (PRINTED 2004)", "2003"},
      {"1861-67 (later print)", "1861/1867"},
      {"1933, this version c.1936–7", "1933"},
      {"1774 or 5", "[1774, 1775]"},
      {"1831 or 2", "[1831, 1832]"},
      {"1863 or 1864", "[1863, 1864]"},
      {"c.1833 or 1840", "[1833~, 1840]"},
      {"1828 (or 1836)", "[1828, 1836]"},
      {"1983, 1989", "{1983, 1989}"},
      {"1831 and 1834", "{1831, 1834}"},
      {"1891 AND 1895", "{1891, 1895}"},
      {"c.1803, c.1805–10", "{1803~, 1805~..1810~}"},
      {"active 1820–40", "1820/1840"},
      {"born 1930", "1930"},
      {"ca. 1940s", "194X~"},
      {"Early 1870s", "1870/1873"},
      {"19th century", "18XX"},
      {"c .1957", "1957~"},
      {"ca. late 1965-1969", "1965-39~/1969~"},
      {"1915–23, reconstruction by Richard Hamilton 1965–6", "1915/1923"},
      {"2002, with additions 2004", "2002"},
      {"the year 1800", "1800"},
      {"year in the 1860s", "186X"},
      {"day in January 1872", "1872-01"},
  });
}

TEST(ParseDateCatalog, ReadsUndatedAsTheUndatedValue) {
  for (const char* text :
       {"n.d.", "nd", "[n.d.]", "undated", "Undated", "no date", "date not known", "date unknown",
        "s.d.", "б.д.", "б. д.", "[б.д.]", "без даты", "дата неизвестна", "بی‌تاریخ",
        "بی تاریخ", "بدون تاریخ", "بی‌تا"}) {
    SCOPED_TRACE(text);
    const auto parsed = parse_date(text);
    ASSERT_TRUE(parsed) << parsed.error().describe();
    EXPECT_TRUE(parsed->is_undated());
    EXPECT_EQ(*parsed, FuzzyDate{});
    EXPECT_EQ(parsed->provenance().original, text);
  }
}

// ---- Russian --------------------------------------------------------------------------------

TEST(ParseDateRussian, ReadsGenitiveAndNominativeMonths) {
  expect_readings({
      {"6 июля 1945 г.", "1945-07-06"},
      {"6 июля 1945 года", "1945-07-06"},
      {"6 июля 1945г.", "1945-07-06"},
      {"1 января 1946", "1946-01-01"},
      {"31 декабря 1945 г.", "1945-12-31"},
      {"6 янв. 1946 г.", "1946-01-06"},
      {"июль 1945 г.", "1945-07"},
      {"в июле 1945 г.", "1945-07"},
      {"ИЮЛЬ 1945", "1945-07"},
      {"12.04.1946", "1946-04-12"},
      {"12.04.1946 г.", "1946-04-12"},
      {"1945 г.", "1945"},
      {"в 1945 году", "1945"},
  });
}

TEST(ParseDateRussian, ReadsArchivalConventions) {
  expect_readings({
      {"около 1945 г.", "1945~"},
      {"ок. 1945 г.", "1945~"},
      {"примерно 1945", "1945~"},
      {"1945 г.?", "1945?"},
      {"[1945 г.]", "1945"},
      {"вероятно 1945 г.", "1945?"},
      {"1945–1946 гг.", "1945/1946"},
      {"с 1945 по 1947 г.", "1945/1947"},
      {"с июля по август 1945 г.", "1945-07/1945-08"},
      {"6–14 июля 1945 г.", "1945-07-06/1945-07-14"},
      {"между 1945 и 1947 гг.", "1945/1947"},
      {"до 1917 г.", "/1917"},
      {"не позднее 1947 г.", "/1947"},
      {"после 1945 г.", "1945/"},
      {"не ранее 1945 г.", "1945/"},
      {"1940-е годы", "194X"},
      {"1940-е гг.", "194X"},
      {"в 1940-х годах", "194X"},
      {"40-е годы", "194X"},
      {"40-х годов XIX века", "184X"},
      {"сороковые годы", "194X"},
      {"XX век", "19XX"},
      {"ХХ век", "19XX"},  // Cyrillic Х
      {"XIX в.", "18XX"},
      {"XIX–XX вв.", "18XX/19XX"},
      {"20-й век", "19XX"},
      {"начало XX века", "1900/1933"},
      {"середина XIX века", "1834/1866"},
      {"конец 1940-х годов", "1947/1949"},
      {"в начале 1946 года", "1946-37"},
      {"конец 1945 г.", "1945-39"},
      {"первая половина XIX века", "1800/1849"},
      {"вторая половина 1946 г.", "1946-41"},
      {"весна 1946 г.", "1946-21"},
      {"весной 1946 г.", "1946-21"},
      {"летом 1946 года", "1946-22"},
      {"осень 1946", "1946-23"},
      {"зима 1946", "1946-24"},
      {"зима 1945/46 гг.", "1945-24"},
      {"6-го июля 1945 г.", "1945-07-06"},
      {"64 г. до н. э.", "-0063"},
      {"конец XIX – начало XX века", "1867/1933"},
      {"1-я половина 1946 г.", "1946-40"},
      {"2-я половина XIX века", "1850/1899"},
      {"3-я четверть XIX в.", "1850/1874"},
      {"кон. 1945 г.", "1945-39"},
      {"нач. XX в.", "1900/1933"},
  });
}

// ---- Persian --------------------------------------------------------------------------------

TEST(ParseDatePersian, ReadsSolarHijriMonthsWithNativeDigits) {
  expect_converted({
      {"۱۵ شهریور ۱۳۲۵", Calendar::persian, "1946-09-06", "1946-09-06"},
      {"15 شهریور 1325", Calendar::persian, "1946-09-06", "1946-09-06"},
      {"١٥ شهریور ١٣٢٥", Calendar::persian, "1946-09-06", "1946-09-06"},  // Arabic-Indic
      {"۱ فروردین ۱۳۲۵", Calendar::persian, "1946-03-21", "1946-03-21"},
      {"اول فروردین ۱۳۲۵", Calendar::persian, "1946-03-21", "1946-03-21"},
      {"پانزدهم شهریور ۱۳۲۵", Calendar::persian, "1946-09-06", "1946-09-06"},
      {"بیست و پنجم شهریور ۱۳۲۵", Calendar::persian, "1946-09-16", "1946-09-16"},
      {"۱۵ شهریور ماه ۱۳۲۵", Calendar::persian, "1946-09-06", "1946-09-06"},
      {"۱۵ شهریور ۱۳۲۵ ه.ش.", Calendar::persian, "1946-09-06", "1946-09-06"},
      {"شهریور ۱۳۲۵", Calendar::persian, "1946-08-23", "1946-09-22"},
      {"۳۰ اسفند ۱۳۲۵", Calendar::persian, "1947-03-21", "1947-03-21"},  // a leap year
      {"1 Farvardin 1325", Calendar::persian, "1946-03-21", "1946-03-21"},
      {"15 Shahrivar 1325", Calendar::persian, "1946-09-06", "1946-09-06"},
      {"1 фарвардина 1325", Calendar::persian, "1946-03-21", "1946-03-21"},
  });
}

TEST(ParseDatePersian, ReadsSolarHijriYearsSeasonsAndPartsAsGregorianDays) {
  expect_converted({
      {"۱۳۲۵ ه.ش.", Calendar::persian, "1946-03-21", "1947-03-21"},
      {"۱۳۲۵ ش", Calendar::persian, "1946-03-21", "1947-03-21"},
      {"سال ۱۳۲۵ شمسی", Calendar::persian, "1946-03-21", "1947-03-21"},
      {"1325 SH", Calendar::persian, "1946-03-21", "1947-03-21"},
      {"بهار ۱۳۲۵", Calendar::persian, "1946-03-21", "1946-06-21"},
      {"تابستان ۱۳۲۵", Calendar::persian, "1946-06-22", "1946-09-22"},
      {"زمستان ۱۳۲۵", Calendar::persian, "1946-12-22", "1947-03-21"},
      {"حدود ۱۳۲۵ ه.ش.", Calendar::persian, "1946-03-21", "1947-03-21"},
      {"اوایل ۱۳۲۵ ه.ش.", Calendar::persian, "1946-03-21", "1946-07-22"},
      {"اواخر شهریور ۱۳۲۵", Calendar::persian, "1946-09-12", "1946-09-22"},
      {"دهه ۱۳۲۰ ه.ش.", Calendar::persian, "1941-03-21", "1951-03-21"},
      {"از ۱۳۲۰ تا ۱۳۲۵ ه.ش.", Calendar::persian, "1941-03-21", "1947-03-21"},
      {"بین ۱۳۲۰ و ۱۳۲۵ ه.ش.", Calendar::persian, "1941-03-21", "1947-03-21"},
      {"قبل از ۱۳۲۵ ه.ش.", Calendar::persian, "", "1947-03-21"},
      {"بعد از ۱۳۲۵ ه.ش.", Calendar::persian, "1946-03-21", ""},
      {"۱۳۲۵/۰۶/۱۵ ه.ش.", Calendar::persian, "1946-09-06", "1946-09-06"},
      {"در سال‌های ۱۳۲۰ تا ۱۳۲۵ ه.ش.", Calendar::persian, "1941-03-21",
       "1947-03-21"},
      {"نیمه دوم ۱۳۲۵ ه.ش.", Calendar::persian, "1946-09-23", "1947-03-21"},
  });
  // Approximate Solar Hijri dates keep the qualifier on both ends.
  EXPECT_TRUE(reads_as({"حدود ۱۳۲۵ ه.ش.", "1946-03-21~/1947-03-21~"}));
  EXPECT_TRUE(reads_as({"۱۵ شهریور ۱۳۲۵؟", "1946-09-06?"}));
}

TEST(ParseDatePersian, ReadsGregorianMonthsCenturiesAndUndated) {
  expect_readings({
      {"۶ ژوئیه ۱۹۴۵", "1945-07-06"},
      {"۶ جولای ۱۹۴۵", "1945-07-06"},
      {"۱۰ مه ۱۹۴۶", "1946-05-10"},
      {"۱۰ می ۱۹۴۶", "1946-05-10"},
      {"اوت ۱۹۴۶", "1946-08"},
      {"آگوست ۱۹۴۶", "1946-08"},
      {"۱ ژانویه ۱۹۴۶", "1946-01-01"},
      {"دسامبر ۱۹۴۵", "1945-12"},
      {"قرن بیستم", "19XX"},
      {"قرن ۲۰", "19XX"},
      {"قرن نوزدهم میلادی", "18XX"},
      {"اوایل قرن بیستم", "1900/1933"},
      {"دهه ۱۹۴۰", "194X"},
      {"حدود ۱۹۴۵", "1945~"},
      {"احتمالاً ۱۹۴۵", "1945?"},
      {"٦ يوليو ١٩٤٥", "1945-07-06"},  // Arabic month name, Arabic-Indic digits
  });
}

TEST(ParseDatePersian, BareYearsFollowTheCalendarOption) {
  DateParseOptions persian;
  persian.calendar = Calendar::persian;
  expect_converted(
      {
          {"۱۳۲۵", Calendar::persian, "1946-03-21", "1947-03-21"},
          {"۱۳۲۵/۶/۱۵", Calendar::persian, "1946-09-06", "1946-09-06"},
          {"۱۳۲۰ تا ۱۳۲۵", Calendar::persian, "1941-03-21", "1947-03-21"},
          // Gregorian month names stay Gregorian whatever the option says.
          {"۶ ژوئیه ۱۹۴۵", Calendar::gregorian, "1945-07-06", "1945-07-06"},
      },
      persian);
  EXPECT_TRUE(reads_as({"۱۳۲۵", "1325"}));  // the default calendar is Gregorian
}

TEST(ParseDateWeekdays, AcceptsAWeekdayThatMatchesTheDateAndRefusesOneThatDoesNot) {
  expect_readings({
      {"Friday, July 6, 1945", "1945-07-06"},
      {"Fri. 6 July 1945", "1945-07-06"},
      {"пятница, 6 июля 1945 г.", "1945-07-06"},
      {"جمعه ۱۵ شهریور ۱۳۲۵", "1946-09-06"},
  });
  expect_refused({
      {"Monday, July 6, 1945", ErrorCode::parse_error, 0},
      {"понедельник, 6 июля 1945 г.", ErrorCode::parse_error, 0},
      {"Friday, 1945", ErrorCode::parse_error, 0},
  });
  const auto wrong = parse_date("Monday, July 6, 1945");
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("Friday"), std::string::npos) << wrong.error().message;
}

// ---- Calendars ------------------------------------------------------------------------------

TEST(ParseDateCalendars, ConvertsJulianOldStyleDates) {
  expect_converted({
      {"24 October 1917 (O.S.)", Calendar::julian, "1917-11-06", "1917-11-06"},
      {"25 October 1917 O.S.", Calendar::julian, "1917-11-07", "1917-11-07"},
      {"25 October 1917 Old Style", Calendar::julian, "1917-11-07", "1917-11-07"},
      {"24 октября 1917 г. (ст. ст.)", Calendar::julian, "1917-11-06", "1917-11-06"},
      {"25 октября 1917 г. по ст. ст.", Calendar::julian, "1917-11-07", "1917-11-07"},
      {"25 октября 1917 г. по старому стилю", Calendar::julian, "1917-11-07", "1917-11-07"},
      {"October 1917 O.S.", Calendar::julian, "1917-10-14", "1917-11-13"},
      {"1035 May 29 (julian)", Calendar::julian, "1035-06-04", "1035-06-04"},
      {"1013 (julian)", Calendar::julian, "1013-01-07", "1014-01-06"},
      {"7 November 1917 N.S.", Calendar::gregorian, "1917-11-07", "1917-11-07"},
  });
  DateParseOptions julian;
  julian.calendar = Calendar::julian;
  expect_converted({{"25 October 1917", Calendar::julian, "1917-11-07", "1917-11-07"}}, julian);
}

TEST(ParseDateCalendars, ConvertsLunarHijriDatesThroughTheCalendarPart) {
  expect_converted({
      {"15 Ramadan 1364", Calendar::hijri, day_of(Calendar::hijri, 1364, 9, 15).c_str(),
       day_of(Calendar::hijri, 1364, 9, 15).c_str()},
      {"۱۵ رمضان ۱۳۶۴", Calendar::hijri, day_of(Calendar::hijri, 1364, 9, 15).c_str(),
       day_of(Calendar::hijri, 1364, 9, 15).c_str()},
      {"1 Muharram 1365 AH", Calendar::hijri, day_of(Calendar::hijri, 1365, 1, 1).c_str(),
       day_of(Calendar::hijri, 1365, 1, 1).c_str()},
      {"1364 AH", Calendar::hijri, day_of(Calendar::hijri, 1364, 1, 1).c_str(), "1945-12-05"},
      {"۱۳۶۴ ه.ق.", Calendar::hijri, day_of(Calendar::hijri, 1364, 1, 1).c_str(), "1945-12-05"},
      {"رمضان ۱۳۶۴ ق", Calendar::hijri, day_of(Calendar::hijri, 1364, 9, 1).c_str(),
       last_day_of(Calendar::hijri, 1364, 9).c_str()},
      // ISMI's labels (undate's examples/ismi, as in the public data set's dates_natural).
      {"901 Rabīʿ I 14 (islamic)", Calendar::hijri, "1495-12-11", "1495-12-11"},
      {"884 (islamic)", Calendar::hijri, "1479-04-03", "1480-03-21"},
      {"900 Muḥarram 1 - 999 Ḏu al-Ḥijjaẗ 29 (islamic)", Calendar::hijri, "1494-10-11",
       "1591-10-18"},
  });
}

TEST(ParseDateCalendars, RefusesAMarkThatContradictsTheMonthName) {
  EXPECT_FALSE(parse_date("15 Shahrivar 1325 AH"));
  EXPECT_FALSE(parse_date("6 July 1945 SH"));
  EXPECT_FALSE(parse_date("Spring 1364 AH"));  // lunar years have no seasons
}

// ---- options --------------------------------------------------------------------------------

TEST(ParseDateOptions, AGivenLanguageLimitsTheWordsRead) {
  DateParseOptions english;
  english.language = DateLanguage::english;
  EXPECT_TRUE(parse_date("July 6, 1945", english));
  EXPECT_TRUE(parse_date("c. 1945", english));
  EXPECT_FALSE(parse_date("6 июля 1945", english));
  DateParseOptions russian;
  russian.language = DateLanguage::russian;
  EXPECT_TRUE(parse_date("6 июля 1945", russian));
  EXPECT_FALSE(parse_date("July 6, 1945", russian));
  DateParseOptions persian;
  persian.language = DateLanguage::persian;
  EXPECT_TRUE(parse_date("۱۵ شهریور ۱۳۲۵", persian));
  EXPECT_FALSE(parse_date("6 июля 1945", persian));
}

// ---- EDTF -----------------------------------------------------------------------------------

TEST(ParseDateEdtf, TakesValidEdtfAsIs) {
  for (const char* text :
       {"1945", "1945-07-06", "1946-21", "194X", "19XX", "1945~", "1945?", "1945%", "1945/1947",
        "../1945", "1945/..", "/1945", "1945/", "[1667, 1668, 1670..1672]", "{1960, 1961-12}",
        "Y170000002", "-0044-03-15", "1985-04-12T23:20:30Z", "2004-06-~11"}) {
    SCOPED_TRACE(text);
    const auto edtf = parse_edtf(text);
    const auto parsed = parse_date(text);
    if (!edtf) {
      EXPECT_FALSE(parsed.has_value() && parsed->to_edtf() == text);
      continue;
    }
    ASSERT_TRUE(parsed) << parsed.error().describe();
    EXPECT_EQ(*parsed, *edtf);
    EXPECT_EQ(parsed->provenance().original, text);
    EXPECT_EQ(parsed->provenance().calendar, Calendar::gregorian);
  }
}

// ---- errors ---------------------------------------------------------------------------------

TEST(ParseDateErrors, RefusesWhatItCannotReadWithTheOffsetOfTheWord) {
  expect_refused({
      {"", ErrorCode::parse_error, 0},
      {"   ", ErrorCode::parse_error, 0},
      {"hello", ErrorCode::parse_error, 0},
      {"this isn't a date", ErrorCode::parse_error, 0},
      {"1945 hello", ErrorCode::parse_error, 5},
      {"1945, hello", ErrorCode::parse_error, 6},
      {"1945 (hello)", ErrorCode::parse_error, 6},
      {"July 6, 1945, Moscow", ErrorCode::parse_error, 14},
      {"July 6, 1945 blah", ErrorCode::parse_error, 13},
      {"6 июля 1945 года хм", ErrorCode::parse_error, 25},
      {"attica 1802", ErrorCode::parse_error, 0},
      {"February 30, 1945", ErrorCode::parse_error, 9},
      {"32 июля 1945", ErrorCode::parse_error, 0},
      {"29 февраля 1945 г.", ErrorCode::parse_error, 0},
      {"30 اسفند 1327", ErrorCode::parse_error, 0},  // 1327 SH is a common year
      {"31.04.1945", ErrorCode::parse_error, 0},
      {"6.13.1945", ErrorCode::parse_error, 2},
      {"10/7/2008", ErrorCode::parse_error, 0},  // day/month or month/day
      {"90", ErrorCode::parse_error, 0},         // which century?
      {"1946–1945", ErrorCode::parse_error, 7},
      {"1798–5", ErrorCode::parse_error, 7},
      {"between 1945", ErrorCode::parse_error, 12},
      {"1945 or 1946 and 1947", ErrorCode::parse_error, 13},
      {"c.18799–1802", ErrorCode::parse_error, 2},
      {"\xff 1945", ErrorCode::invalid_utf8, 0},
      {"1945 \xe2\x80", ErrorCode::invalid_utf8, 5},
  });
}

// ---- properties -----------------------------------------------------------------------------

TEST(ParseDateProperties, BoundsAreOrderedAndEdtfRoundTrips) {
  const char* texts[] = {
      "July 6, 1945", "c.1830–5",          "early 1940s",      "Spring 1946",
      "19th century", "before 1945",       "1774 or 5",        "۱۵ شهریور ۱۳۲۵",
      "بهار ۱۳۲۵",    "XIX–XX вв.",        "late July 1945",   "24 October 1917 (O.S.)",
      "1364 AH",      "c.1803, c.1805–10", "mid 20th century", "2nd century BCE",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    const auto parsed = parse_date(text);
    if (!parsed) continue;  // a deliberately odd spelling above may be refused
    const DayBound lo = parsed->earliest();
    const DayBound hi = parsed->latest();
    if (lo.is_day() && hi.is_day()) {
      EXPECT_LE(lo.day, hi.day);
    }
    const auto again = parse_edtf(parsed->to_edtf());
    ASSERT_TRUE(again) << parsed->to_edtf();
    EXPECT_EQ(*again, *parsed);
  }
}

TEST(ParseDateProperties, IsSafeToCallFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 500; ++i) {
        const auto a = parse_date("۱۵ شهریور ۱۳۲۵");
        const auto b = parse_date("6 июля 1945 г.");
        const auto c = parse_date("c.1830–5, reprinted 1892");
        if (!a || !b || !c || a->to_edtf() != "1946-09-06" || b->to_edtf() != "1945-07-06" ||
            c->to_edtf() != "1830~/1835~") {
          ++failures[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& th : threads)
    th.join();
  for (const int f : failures)
    EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace archive
