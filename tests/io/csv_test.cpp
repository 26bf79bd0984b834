// CSV import: the default and custom mappings, RFC 4180 quoting, BOM, CRLF, bad input.
#include "archive/io/csv.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "archive/date/parse_date.hpp"
#include "archive/model.hpp"

namespace archive {
namespace {

ImportResult read(const std::string& csv, const ImportOptions& options = {},
                  const CsvMapping& mapping = CsvMapping::defaults()) {
  std::istringstream in(csv);
  return read_csv(in, "sheet.csv", mapping, options).value();
}

TEST(Csv, HeaderAndDefaultMapping) {
  const ImportResult r = read(
      "Identifier,Title,Date,Description,Type,Language,Creator,Subject,Coverage,views,"
      "collections,repository,reference,Notes\n"
      "doc-1,Decree,\"July 6, 1945\",Постановление,decree,ru;az,org-politburo; "
      "person-bagirov (recipient),Separatism;Oil,Tabriz;Baku,4870,coll-a,GAPPOD,\"f. 1, op. "
      "89\",ignored\n");
  ASSERT_EQ(r.records.documents.size(), 1U);
  const Document& d = r.records.documents[0];
  EXPECT_EQ(d.id.str(), "doc-1");
  EXPECT_EQ(d.title, "Decree");
  EXPECT_EQ(d.date, parse_edtf("1945-07-06").value());
  EXPECT_EQ(d.date.provenance().original, "July 6, 1945");
  EXPECT_EQ(d.summary, "Постановление");
  EXPECT_EQ(d.doc_type, "decree");
  EXPECT_EQ(d.languages, (std::vector<std::string>{"ru", "az"}));
  ASSERT_EQ(d.agents.size(), 2U);
  EXPECT_EQ(d.agents[0], (AgentLink{OrganizationId("org-politburo"), AgentRole::author}));
  EXPECT_EQ(d.agents[1], (AgentLink{PersonId("person-bagirov"), AgentRole::recipient}));
  EXPECT_EQ(d.subjects, (std::vector<std::string>{"Separatism", "Oil"}));
  EXPECT_EQ(d.places, (std::vector<std::string>{"Tabriz", "Baku"}));
  EXPECT_EQ(d.views, 4870U);
  EXPECT_EQ(d.collections, std::vector<CollectionId>{CollectionId("coll-a")});
  EXPECT_EQ(d.source.repository, "GAPPOD");
  EXPECT_EQ(d.source.reference, "f. 1, op. 89");
  // "Notes" is not mapped: one warning on the header.
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].severity, Severity::warning);
  EXPECT_EQ(r.issues[0].line, 1U);
  EXPECT_EQ(r.issues[0].column, 14U);
}

TEST(Csv, CustomMapping) {
  CsvMapping m;
  m.columns = {
      {"Shelfmark", "id"}, {"Heading", "title"}, {"Written", "date"}, {"People", "agents"}};
  const ImportResult r = read(
      "shelfmark,HEADING , Written,People\n"
      "doc-2,Letter,۱۵ شهریور ۱۳۲۵,person-pishevari:signatory;Mir Jafar Bagirov (recipient)\n",
      {}, m);
  ASSERT_EQ(r.records.documents.size(), 1U) << r.issues.front().describe();
  const Document& d = r.records.documents[0];
  EXPECT_EQ(d.id.str(), "doc-2");
  EXPECT_EQ(d.title, "Letter");
  EXPECT_EQ(d.date.provenance().calendar, Calendar::persian);
  ASSERT_EQ(d.agents.size(), 2U);
  EXPECT_EQ(d.agents[0], (AgentLink{PersonId("person-pishevari"), AgentRole::signatory}));
  EXPECT_EQ(d.agents[1], (AgentLink{PersonId("person-mir-jafar-bagirov"), AgentRole::recipient}));
  ASSERT_EQ(r.records.people.size(), 1U);
  EXPECT_EQ(r.records.people[0].name.form, "Mir Jafar Bagirov");
  EXPECT_TRUE(r.issues.empty());
}

TEST(Csv, QuotedFieldsCommasNewlinesDoubledQuotesBomCrlf) {
  const ImportResult r = read(
      "\xEF\xBB\xBFid,title,summary\r\n"
      "doc-1,\"Decree, on \"\"measures\"\"\",\"line one\r\nline two\"\r\n"
      "\r\n"
      "doc-2,Second,plain\r\n");
  ASSERT_EQ(r.records.documents.size(), 2U);
  EXPECT_EQ(r.records.documents[0].title, "Decree, on \"measures\"");
  EXPECT_EQ(r.records.documents[0].summary, "line one\nline two");
  EXPECT_EQ(r.records.documents[1].id.str(), "doc-2");
  EXPECT_TRUE(r.issues.empty());
}

TEST(Csv, LinesCountEmbeddedNewlines) {
  const ImportResult r = read(
      "id,title,views\n"
      "doc-1,\"a\nb\nc\",1\n"
      "doc-2,B,many\n");
  ASSERT_EQ(r.records.documents.size(), 1U);
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].line, 5U);
  EXPECT_EQ(r.issues[0].column, 3U);
  EXPECT_EQ(r.issues[0].field, "views");
  EXPECT_EQ(r.rejected, 1U);
}

TEST(Csv, MissingColumn) {
  const ImportResult r = read("id,date\ndoc-1,1945\n");
  EXPECT_TRUE(r.records.documents.empty());
  ASSERT_FALSE(r.issues.empty());
  EXPECT_EQ(r.issues[0].field, "title");
  EXPECT_EQ(r.issues[0].severity, Severity::error);

  // A short row: the missing cells are empty, with a warning.
  const ImportResult short_row = read("id,title,summary\ndoc-1,T\n");
  ASSERT_EQ(short_row.records.documents.size(), 1U);
  ASSERT_EQ(short_row.issues.size(), 1U);
  EXPECT_EQ(short_row.issues[0].severity, Severity::warning);
  EXPECT_EQ(short_row.issues[0].line, 2U);
}

TEST(Csv, UnterminatedQuoteNamesWhereTheFieldBegan) {
  const ImportResult r = read("id,title\ndoc-1,A\ndoc-2,\"never\nclosed\n\n");
  ASSERT_EQ(r.records.documents.size(), 1U);
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].line, 3U);
  EXPECT_EQ(r.issues[0].column, 2U);
  EXPECT_NE(r.issues[0].message.find("unterminated"), std::string::npos);
  EXPECT_NE(r.issues[0].describe().find("sheet.csv:3:2"), std::string::npos);
}

TEST(Csv, InvalidUtf8NamesLineAndColumn) {
  const ImportResult r = read("id,title,summary\ndoc-1,A,ok\ndoc-2,B,\"x\ny\xC3(\"\n");
  ASSERT_EQ(r.records.documents.size(), 1U);
  ASSERT_EQ(r.issues.size(), 1U);
  EXPECT_EQ(r.issues[0].line, 4U);
  EXPECT_EQ(r.issues[0].column, 3U);
  EXPECT_NE(r.issues[0].message.find("UTF-8"), std::string::npos);
}

TEST(Csv, UnreadableDateKeptWithWarningOrErrorWhenStrict) {
  const std::string csv = "id,title,date\ndoc-1,A,Juyl 6 1945\ndoc-2,B,n.d.\n";
  const ImportResult lenient = read(csv);
  ASSERT_EQ(lenient.records.documents.size(), 2U);
  const Document& d = lenient.records.documents[0];
  EXPECT_TRUE(d.date.is_undated());
  EXPECT_EQ(d.date.provenance().original, "Juyl 6 1945");
  EXPECT_FALSE(d.date_error.empty());
  // "n.d." is the explicit unknown date, not an error.
  EXPECT_TRUE(lenient.records.documents[1].date_error.empty());
  ASSERT_EQ(lenient.issues.size(), 1U);
  EXPECT_EQ(lenient.issues[0].severity, Severity::warning);
  EXPECT_EQ(lenient.issues[0].line, 2U);
  EXPECT_EQ(lenient.issues[0].column, 3U);
  EXPECT_EQ(lenient.issues[0].field, "date");

  const ImportResult strict = read(csv, {.strict = true});
  EXPECT_TRUE(strict.records.documents.empty());
  EXPECT_TRUE(strict.stopped);
  ASSERT_EQ(strict.issues.size(), 1U);
  EXPECT_EQ(strict.issues[0].severity, Severity::error);
}

TEST(Csv, StrictStopsLenientReportsEvery) {
  const std::string csv =
      "id,title,agents\n"
      "doc-1,A,\n"
      "Bad\tId,B,\n"
      "doc-3,C,person-x (boss)\n"
      "doc-4,D,\n";
  const ImportResult lenient = read(csv);
  EXPECT_EQ(lenient.records.documents.size(), 2U);
  EXPECT_EQ(lenient.rejected, 2U);
  EXPECT_FALSE(lenient.stopped);
  ASSERT_EQ(lenient.issues.size(), 2U);
  EXPECT_EQ(lenient.issues[0].line, 3U);
  EXPECT_EQ(lenient.issues[0].field, "id");
  EXPECT_EQ(lenient.issues[1].line, 4U);
  EXPECT_EQ(lenient.issues[1].field, "agents");

  const ImportResult strict = read(csv, {.strict = true});
  EXPECT_EQ(strict.records.documents.size(), 1U);
  EXPECT_EQ(strict.rejected, 1U);
  EXPECT_TRUE(strict.stopped);
  EXPECT_EQ(strict.issues.size(), 1U);
}

TEST(Csv, ReadingADirectoryIsAnIoErrorNotAnException) {
  std::ifstream in(testing::TempDir(), std::ios::binary);
  ASSERT_TRUE(in.is_open());  // opening a directory succeeds on Linux; reading it fails
  const auto r = read_csv(in, "sheet.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::io_error);
  EXPECT_NE(r.error().message.find("sheet.csv"), std::string::npos);
}

}  // namespace
}  // namespace archive
