// Dublin Core: oai_dc export and import round trips, OAI-PMH responses, bad XML.
#include "archive/io/dublin_core.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "archive/date/parse_date.hpp"
#include "archive/model.hpp"

namespace archive {
namespace {

FuzzyDate written(std::string_view text) {
  return parse_date(text).value();
}

Records seed_documents() {
  Records r;
  Document decree;
  decree.id = DocumentId("doc-1945-07-06-politburo-decree");
  decree.title =
      "Decree of the CC CPSU Politburo to Mir Bagirov CC Secretary of the Communist Party of "
      "Azerbaijan, 'Measures to Organize a Separatist Movement in Southern Azerbaijan'";
  decree.date = written("6 июля 1945 г.");
  decree.summary = "Постановление Политбюро ЦК ВКП(б) о мерах по организации движения.";
  decree.doc_type = "decree";
  decree.languages = {"ru"};
  decree.agents = {{OrganizationId("org-politburo"), AgentRole::author},
                   {PersonId("person-bagirov"), AgentRole::recipient}};
  decree.collections = {CollectionId("coll-iran-soviet-relations")};
  decree.subjects = {"Separatism", "Azerbaijan Crisis"};
  decree.places = {"Tabriz", "Baku"};
  decree.source = {"State Archive of Political Parties and Public Movements of Azerbaijan",
                   "f. 1, op. 89, d. 90, ll. 4-5"};
  decree.rights = "Translated for CWIHP by Gary Goldberg";
  decree.related = {DocumentId("doc-1945-09-pishevari")};
  decree.classification = "Top Secret";  // not carried
  r.documents.push_back(decree);

  Document letter;
  letter.id = DocumentId("doc-1946-pishevari-letter");
  letter.title = "نامه پیشه‌وری به باقروف";
  letter.date = written("۱۵ شهریور ۱۳۲۵");
  letter.doc_type = "letter";
  letter.languages = {"fa", "az"};
  letter.agents = {{PersonId("person-pishevari"), AgentRole::signatory},
                   {PersonId("person-bagirov"), AgentRole::recipient},
                   {PersonId("person-stalin"), AgentRole::mentioned},
                   {PersonId("person-ghavam"), AgentRole::author}};
  r.documents.push_back(letter);

  Document fuzzy;
  fuzzy.id = DocumentId("doc-spring-1946");
  fuzzy.title = "Report, spring 1946";
  fuzzy.date = written("Spring 1946");
  fuzzy.source.reference = "f. 1, op. 90";
  r.documents.push_back(fuzzy);

  Document approx;
  approx.id = DocumentId("doc-c1945");
  approx.title = "Undated note";
  approx.date = parse_edtf("1945~").value();  // no original
  r.documents.push_back(approx);

  Document undated;
  undated.id = DocumentId("doc-nd");
  undated.title = "Note";
  undated.date = written("n.d.");
  r.documents.push_back(undated);
  return r;
}

// The fields Dublin Core does not carry, cleared.
Document carried(Document d) {
  d.classification.clear();
  d.translations.clear();
  d.views = 0;
  d.created.reset();
  d.modified.reset();
  return d;
}

ImportResult read(const std::string& xml, const ImportOptions& options = {}) {
  std::istringstream in(xml);
  return read_oai_dc(in, "test.xml", options).value();
}

TEST(DublinCore, SingleRecordRoundTrip) {
  const Records seed = seed_documents();
  for (const Document& d : seed.documents) {
    const std::string xml = to_oai_dc(d).value();
    EXPECT_NE(xml.find("<oai_dc:dc"), std::string::npos);
    const ImportResult back = read(xml);
    ASSERT_EQ(back.records.documents.size(), 1U) << xml;
    EXPECT_TRUE(back.issues.empty()) << back.issues.front().describe();
    const Document& got = back.records.documents.front();
    EXPECT_EQ(got, carried(d)) << xml;
    if (d.date.provenance().original.empty() && !d.date.is_undated()) {
      // No original: the EDTF text written becomes the original read back.
      EXPECT_EQ(got.date.provenance().original, d.date.to_edtf());
    } else {
      EXPECT_TRUE(got.date.identical(d.date)) << xml;
    }
  }
}

TEST(DublinCore, ListRecordsRoundTrip) {
  const Records seed = seed_documents();
  std::ostringstream out;
  ASSERT_TRUE(write_oai_dc(out, seed).has_value());
  const std::string xml = out.str();
  EXPECT_NE(xml.find("<ListRecords>"), std::string::npos);
  EXPECT_NE(xml.find("6 июля 1945 г."), std::string::npos);
  EXPECT_NE(xml.find("<dc:date>1945-07-06</dc:date>"), std::string::npos);
  const ImportResult back = read(xml);
  ASSERT_EQ(back.records.documents.size(), seed.documents.size());
  for (std::size_t i = 0; i < seed.documents.size(); ++i) {
    EXPECT_EQ(back.records.documents[i], carried(seed.documents[i]));
  }
  EXPECT_EQ(back.rejected, 0U);
}

TEST(DublinCore, ReadsForeignListRecords) {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
 <ListRecords>
  <record><header><identifier>oai:x:1</identifier></header>
   <metadata>
    <d:dc xmlns:d="http://www.openarchives.org/OAI/2.0/oai_dc/"
          xmlns:e="http://purl.org/dc/elements/1.1/">
     <e:identifier>http://example.org/1</e:identifier>
     <e:identifier>doc-a</e:identifier>
     <e:title>  First  </e:title>
     <e:date>July 6, 1945</e:date>
     <e:creator>Bagirov, Mir Jafar</e:creator>
    </d:dc>
   </metadata></record>
  <record><header status="deleted"><identifier>oai:x:2</identifier></header></record>
  <record><header><identifier>oai:x:3</identifier></header>
   <metadata>
    <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
               xmlns:dc="http://purl.org/dc/elements/1.1/">
     <dc:identifier>doc-b</dc:identifier>
     <dc:title>Second</dc:title>
     <dc:relation>collection:coll-x</dc:relation>
    </oai_dc:dc>
   </metadata></record>
  <record><metadata>
    <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
               xmlns:dc="http://purl.org/dc/elements/1.1/">
     <dc:identifier>doc-c</dc:identifier>
     <dc:title>Third</dc:title>
    </oai_dc:dc>
  </metadata></record>
 </ListRecords>
</OAI-PMH>)";
  const ImportResult r = read(xml);
  ASSERT_EQ(r.records.documents.size(), 3U);
  EXPECT_EQ(r.records.documents[0].id.str(), "doc-a");
  EXPECT_EQ(r.records.documents[0].title, "First");
  EXPECT_EQ(r.records.documents[0].date, parse_edtf("1945-07-06").value());
  EXPECT_EQ(r.records.documents[1].collections, std::vector<CollectionId>{CollectionId("coll-x")});
  // The creator that is a name, not an id, is reported and not kept.
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].severity, Severity::warning);
  EXPECT_EQ(r.issues[0].line, 6U);
}

TEST(DublinCore, MalformedXmlNamesLineAndColumn) {
  const std::string xml =
      "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\">\n"
      "  <dc:title>x</dc:titel>\n"
      "</oai_dc:dc>\n";
  const ImportResult r = read(xml);
  EXPECT_TRUE(r.records.documents.empty());
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].severity, Severity::error);
  EXPECT_EQ(r.issues[0].line, 2U);
  EXPECT_GT(r.issues[0].column, 1U);
  EXPECT_NE(r.issues[0].message.find("malformed XML"), std::string::npos);
  EXPECT_NE(r.issues[0].describe().find("test.xml:2:"), std::string::npos);
}

TEST(DublinCore, RecordWithoutIdentifierIsAnError) {
  Document a;
  a.id = DocumentId("doc-a");
  a.title = "A";
  const std::string good = to_oai_dc(a).value();
  std::string xml =
      "<r>\n" + good +
      "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>No id</dc:title></oai_dc:dc>\n" +
      good + "</r>";
  const ImportResult lenient = read(xml);
  EXPECT_EQ(lenient.records.documents.size(), 2U);
  EXPECT_EQ(lenient.rejected, 1U);
  EXPECT_FALSE(lenient.stopped);
  ASSERT_EQ(lenient.issues.size(), 1U);
  EXPECT_EQ(lenient.issues[0].field, "id");
  EXPECT_EQ(lenient.issues[0].severity, Severity::error);

  const ImportResult strict = read(xml, {.strict = true});
  EXPECT_EQ(strict.records.documents.size(), 1U);
  EXPECT_TRUE(strict.stopped);
}

TEST(DublinCore, UnreadableDateKeptWithWarningOrErrorWhenStrict) {
  Document d;
  d.id = DocumentId("doc-bad-date");
  d.title = "Bad date";
  FuzzyDate undated;
  undated.set_provenance(Provenance{"Juyl 6, 1945", Calendar::gregorian, {}});
  d.date = undated;
  d.date_error = parse_date("Juyl 6, 1945").error().message;
  const std::string xml = to_oai_dc(d).value();
  const ImportResult lenient = read(xml);
  ASSERT_EQ(lenient.records.documents.size(), 1U);
  EXPECT_EQ(lenient.records.documents[0], d);
  EXPECT_EQ(lenient.records.documents[0].date.provenance().original, "Juyl 6, 1945");
  ASSERT_EQ(lenient.issues.size(), 1U);
  EXPECT_EQ(lenient.issues[0].severity, Severity::warning);
  EXPECT_EQ(lenient.issues[0].field, "date");

  const ImportResult strict = read(xml, {.strict = true});
  EXPECT_TRUE(strict.records.documents.empty());
  EXPECT_TRUE(strict.stopped);
  ASSERT_EQ(strict.issues.size(), 1U);
  EXPECT_EQ(strict.issues[0].severity, Severity::error);
}

// ---- hostile input ----

constexpr std::string_view kDcOpen =
    "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">";

// One oai_dc record of the 1945 telegram from Stalin to Bagirov, its title as given.
std::string telegram(std::string_view title) {
  return std::string(kDcOpen) +
         "<dc:identifier>doc-1945-07-telegram-stalin-to-bagirov</dc:identifier>" + "<dc:title>" +
         std::string(title) + "</dc:title><dc:date>1945-07-06</dc:date></oai_dc:dc>";
}

// The telegram first, then `depth` elements nested in one another, in an OAI-PMH response.
std::string telegram_then_nested(std::size_t depth) {
  std::string xml = "<OAI-PMH>\n<ListRecords>\n<record><metadata>" +
                    telegram("Telegram from Stalin to Bagirov") + "</metadata></record>\n";
  xml.reserve(xml.size() + depth * 7 + 32);
  for (std::size_t i = 0; i < depth; ++i)
    xml += "<x>";
  for (std::size_t i = 0; i < depth; ++i)
    xml += "</x>";
  xml += "\n</ListRecords>\n</OAI-PMH>\n";
  return xml;
}

TEST(DublinCore, DeeplyNestedElementsAreAnErrorNamingWhereNotACrash) {
  for (const std::size_t depth : {50'000U, 1'000'000U}) {
    const ImportResult r = read(telegram_then_nested(depth));
    EXPECT_TRUE(r.records.documents.empty()) << depth;
    EXPECT_EQ(r.issues.size(), 1U) << depth;
    if (r.issues.size() != 1U) continue;
    EXPECT_EQ(r.issues[0].severity, Severity::error);
    EXPECT_NE(r.issues[0].message.find("nested more than 256"), std::string::npos)
        << r.issues[0].message;
    // The first element too deep: <OAI-PMH>, <ListRecords> and 254 <x> are allowed.
    EXPECT_EQ(r.issues[0].line, 4U);
    EXPECT_EQ(r.issues[0].column, 254U * 3 + 1);
  }
}

TEST(DublinCore, RecordsBelowManyWrappersAreRead) {
  std::string xml;
  for (int i = 0; i < 200; ++i)
    xml += "<wrapper>";
  xml += telegram("Телеграмма Сталина Багирову");
  for (int i = 0; i < 200; ++i)
    xml += "</wrapper>";
  const ImportResult r = read(xml);
  ASSERT_EQ(r.records.documents.size(), 1U);
  EXPECT_EQ(r.records.documents[0].title, "Телеграмма Сталина Багирову");
  EXPECT_TRUE(r.issues.empty());
}

TEST(DublinCore, ReferenceToNulIsAnErrorNotATruncatedTitle) {
  const ImportResult r = read("<r>\n" + telegram("Telegram&#0; from Stalin to Bagirov") + "\n</r>");
  EXPECT_TRUE(r.records.documents.empty());
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].severity, Severity::error);
  EXPECT_EQ(r.issues[0].line, 2U);
  const std::string before = std::string(kDcOpen) +
                             "<dc:identifier>doc-1945-07-telegram-stalin-to-bagirov</dc:identifier>"
                             "<dc:title>Telegram";
  EXPECT_EQ(r.issues[0].column, before.size() + 1);
  EXPECT_NE(r.issues[0].message.find("&#0;"), std::string::npos) << r.issues[0].message;
  EXPECT_NE(r.issues[0].message.find("U+0000"), std::string::npos) << r.issues[0].message;
}

TEST(DublinCore, ReferencesToCharactersXmlDoesNotAllowAreErrors) {
  for (const std::string_view reference :
       {"&#1;", "&#x1F;", "&#x8;", "&#xFFFE;", "&#65535;", "&#xD800;", "&#xDFFF;", "&#x110000;",
        "&#4294967296;", "&#x100000000;", "&#99999999999999999999999;", "&#;", "&#x;", "&#12"}) {
    const ImportResult r = read(telegram("Телеграмма " + std::string(reference) + " Багирову"));
    EXPECT_TRUE(r.records.documents.empty()) << reference;
    ASSERT_EQ(r.issues.size(), 1U) << reference;
    EXPECT_EQ(r.issues[0].severity, Severity::error) << reference;
    EXPECT_EQ(r.issues[0].line, 1U) << reference;
    EXPECT_GT(r.issues[0].column, 1U) << reference;
  }
}

TEST(DublinCore, RawControlCharacterIsAnError) {
  for (const std::string_view control :
       {"\x01", "\x1B", "\x7F\x08", "\xEF\xBF\xBE", "\xEF\xBF\xBF"}) {
    const ImportResult r = read(telegram("Telegram" + std::string(control) + " from Stalin"));
    EXPECT_TRUE(r.records.documents.empty()) << control;
    ASSERT_EQ(r.issues.size(), 1U) << control;
    EXPECT_EQ(r.issues[0].severity, Severity::error);
    EXPECT_NE(r.issues[0].message.find("U+"), std::string::npos) << r.issues[0].message;
  }
}

TEST(DublinCore, AllowedReferencesAndMarkupThatLooksLikeThemAreText) {
  // &#0; in a comment, a CDATA section or a processing instruction is not a reference.
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<?note &#0;?>\n<!-- &#0; -->\n<r>\n" +
      telegram("<![CDATA[&#0; is not a reference]]>") +
      telegram(
          "&#x422;&#1077;&#x43B;&#x435;&#x433;&#x440;&#x430;&#x43C;&#x43C;&#x430; "
          "&#x62A;&#x644;&#x6AF;&#x631;&#x627;&#x641;&#9;&#10;&#13;&amp;") +
      "</r>\n";
  const ImportResult r = read(xml);
  ASSERT_EQ(r.records.documents.size(), 2U);
  EXPECT_EQ(r.records.documents[0].title, "&#0; is not a reference");
  EXPECT_EQ(r.records.documents[1].title, "Телеграмма تلگراف\t\n\r&");
}

// `text` (UTF-8) as UTF-16 bytes, little- or big-endian, with a byte order mark.
std::string utf16(std::u16string_view text, bool little_endian, bool bom = true) {
  std::string bytes;
  const auto put = [&](char16_t unit) {
    const auto hi = static_cast<char>(unit >> 8);
    const auto lo = static_cast<char>(unit & 0xFF);
    bytes += little_endian ? lo : hi;
    bytes += little_endian ? hi : lo;
  };
  if (bom) put(u'\xFEFF');
  for (const char16_t unit : text)
    put(unit);
  return bytes;
}

constexpr std::u16string_view kUtf16Telegram =
    u"<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
    u"<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\"\n"
    u"           xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    u"  <dc:identifier>doc-1945-07-telegram-stalin-to-bagirov</dc:identifier>\n"
    u"  <dc:title>Телеграмма Сталина Багирову — تلگراف استالین به باقروف 𝕋</dc:title>\n"
    u"  <dc:creator>Stalin, I. V.</dc:creator>\n"
    u"</oai_dc:dc>\n";

TEST(DublinCore, ReadsUtf16WithAByteOrderMark) {
  for (const bool little_endian : {true, false}) {
    const ImportResult r = read(utf16(kUtf16Telegram, little_endian));
    ASSERT_EQ(r.records.documents.size(), 1U) << little_endian;
    EXPECT_EQ(r.records.documents[0].title,
              "Телеграмма Сталина Багирову — تلگراف استالین به باقروف 𝕋");
    // The creator that is a name is reported on the line of the record, as in UTF-8.
    ASSERT_EQ(r.issues.size(), 1U);
    EXPECT_EQ(r.issues[0].severity, Severity::warning);
    EXPECT_EQ(r.issues[0].line, 2U);
  }
}

TEST(DublinCore, RefusesUtf16WithoutAByteOrderMarkAndUtf32SayingWhy) {
  for (const bool little_endian : {true, false}) {
    const ImportResult r = read(utf16(kUtf16Telegram, little_endian, false));
    EXPECT_TRUE(r.records.documents.empty());
    ASSERT_EQ(r.issues.size(), 1U);
    EXPECT_EQ(r.issues[0].severity, Severity::error);
    EXPECT_NE(r.issues[0].message.find("UTF-16 without a byte order mark"), std::string::npos)
        << r.issues[0].message;
  }
  const ImportResult utf32 = read(std::string("\xFF\xFE\0\0<\0\0\0r\0\0\0/\0\0\0>\0\0\0", 20));
  EXPECT_TRUE(utf32.records.documents.empty());
  ASSERT_EQ(utf32.issues.size(), 1U);
  EXPECT_NE(utf32.issues[0].message.find("UTF-32"), std::string::npos) << utf32.issues[0].message;
}

TEST(DublinCore, Utf16WithALoneSurrogateOrAnOddLengthIsAnError) {
  std::u16string text(kUtf16Telegram);
  text.replace(text.find(u"𝕋"), 2, 1, u'\xD835');  // the high half of 𝕋 alone
  for (const std::string& bytes : {utf16(text, true), utf16(kUtf16Telegram, false) + "\n"}) {
    const ImportResult r = read(bytes);
    EXPECT_TRUE(r.records.documents.empty());
    ASSERT_EQ(r.issues.size(), 1U);
    EXPECT_EQ(r.issues[0].severity, Severity::error);
    EXPECT_NE(r.issues[0].message.find("UTF-16"), std::string::npos) << r.issues[0].message;
  }
}

TEST(DublinCore, EmptyInputIsAnError) {
  const ImportResult r = read("");
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].severity, Severity::error);
}

TEST(DublinCore, ReadingADirectoryIsAnIoErrorNotAnException) {
  std::ifstream in(testing::TempDir(), std::ios::binary);
  ASSERT_TRUE(in.is_open());  // opening a directory succeeds on Linux; reading it fails
  const auto r = read_oai_dc(in, "records.xml");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::io_error);
  EXPECT_NE(r.error().message.find("records.xml"), std::string::npos);
}

// A Records holding one copy of the telegram with `change` applied.
template <class Change>
Records telegram_with(Change change) {
  Records r;
  Document d;
  d.id = DocumentId("doc-1945-07-telegram-stalin-to-bagirov");
  d.title = "Telegram from Stalin to Bagirov";
  d.date = written("6 июля 1945 г.");
  d.subjects = {"Azerbaijan", "Separatism"};
  change(d);
  r.documents.push_back(std::move(d));
  return r;
}

TEST(DublinCore, WriterRefusesNulInsteadOfCuttingTheTitle) {
  const Records records = telegram_with(
      [](Document& d) { d.title = std::string("Telegram\0 from Stalin to Bagirov", 32); });
  std::ostringstream out;
  const Result<void> written = write_oai_dc(out, records);
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(written.error().offset, 8U);
  const std::string message = written.error().describe();
  EXPECT_NE(message.find("doc-1945-07-telegram-stalin-to-bagirov"), std::string::npos) << message;
  EXPECT_NE(message.find("title"), std::string::npos) << message;
  EXPECT_NE(message.find("U+0000"), std::string::npos) << message;
  EXPECT_TRUE(out.str().empty()) << out.str();
}

TEST(DublinCore, WriterRefusesEveryCharacterXmlDoesNotAllowNamingTheField) {
  struct Case {
    void (*change)(Document&);
    const char* field;
    ErrorCode code;
  };
  const Case cases[] = {
      {[](Document& d) { d.summary = "Телеграмма\x01"; }, "summary", ErrorCode::invalid_argument},
      {[](Document& d) { d.subjects[1] = "Oil\x1F"; }, "subjects[1]", ErrorCode::invalid_argument},
      {[](Document& d) {
         d.places = {"Baku", "Tabriz\xEF\xBF\xBE"};
       },
       "places[1]", ErrorCode::invalid_argument},
      {[](Document& d) { d.rights = "\xEF\xBF\xBF"; }, "rights", ErrorCode::invalid_argument},
      {[](Document& d) { d.source.reference = "f. 1\x0B"; }, "source.reference",
       ErrorCode::invalid_argument},
      {[](Document& d) { d.doc_type = "telegram\xED\xA0\x80"; }, "doc_type",
       ErrorCode::invalid_utf8},  // a lone surrogate
      {[](Document& d) { d.title = "\xFFTelegram"; }, "title", ErrorCode::invalid_utf8},
      {[](Document& d) { d.languages = {"ru\x7F\x02"}; }, "languages[0]",
       ErrorCode::invalid_argument},
      {[](Document& d) {
         Provenance p = d.date.provenance();
         p.original += '\x01';
         d.date.set_provenance(std::move(p));
       },
       "date.original", ErrorCode::invalid_argument},
  };
  for (const Case& c : cases) {
    std::ostringstream out;
    const Result<void> written = write_oai_dc(out, telegram_with(c.change));
    ASSERT_FALSE(written.has_value()) << c.field;
    EXPECT_EQ(written.error().code, c.code) << c.field;
    EXPECT_NE(written.error().message.find(std::string(": ") + c.field + ":"), std::string::npos)
        << written.error().message;
    EXPECT_TRUE(out.str().empty()) << c.field;
  }
}

TEST(DublinCore, SingleRecordWriterRefusesNulToo) {
  const Records records = telegram_with([](Document& d) { d.related = {DocumentId("doc-a")}; });
  ASSERT_TRUE(to_oai_dc(records.documents[0]).has_value());
  Document d = records.documents[0];
  d.summary = std::string("Срочно.\0 Секретно.", 32);
  const Result<std::string> xml = to_oai_dc(d);
  ASSERT_FALSE(xml.has_value()) << *xml;
  EXPECT_EQ(xml.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(xml.error().offset, 13U);
  EXPECT_NE(xml.error().message.find("doc-1945-07-telegram-stalin-to-bagirov"), std::string::npos)
      << xml.error().message;
  EXPECT_NE(xml.error().message.find(": summary:"), std::string::npos) << xml.error().message;
}

TEST(DublinCore, WriterKeepsTabsAndLineBreaksInsideText) {
  const Records records = telegram_with(
      [](Document& d) { d.summary = "Москва, Кремль.\n\tТов. Багирову:\nисполните немедленно."; });
  std::ostringstream out;
  ASSERT_TRUE(write_oai_dc(out, records).has_value());
  const ImportResult back = read(out.str());
  ASSERT_EQ(back.records.documents.size(), 1U);
  EXPECT_EQ(back.records.documents[0].summary, records.documents[0].summary);
}

}  // namespace
}  // namespace archive
