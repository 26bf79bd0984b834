// JSON Lines import/export: round trips, every fixed field, and the bad inputs the issue
// names (unknown type, missing id, wrong types, truncated JSON, invalid UTF-8, huge lines,
// numbers out of range, a raw NUL before trailing bytes, duplicate keys).
#include "archive/io/jsonl.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <string>

#include "archive/date/parse_date.hpp"

namespace archive {
namespace {

ImportResult read(const std::string& text, bool strict = false) {
  std::istringstream in(text);
  ImportOptions options;
  options.strict = strict;
  auto r = read_jsonl(in, "test.jsonl", options);
  EXPECT_TRUE(r.has_value());
  return r ? std::move(*r) : ImportResult{};
}

std::size_t count(const ImportResult& r, Severity s) {
  return static_cast<std::size_t>(std::count_if(
      r.issues.begin(), r.issues.end(), [&](const ImportIssue& i) { return i.severity == s; }));
}

std::string all(const ImportResult& r) {
  std::string out;
  for (const auto& i : r.issues)
    out += i.describe() + "\n";
  return out;
}

FuzzyDate date(const char* text) {
  auto d = parse_date(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d ? *d : FuzzyDate{};
}

Records sample() {
  Records r;
  Organization politburo;
  politburo.id = OrganizationId("org-politburo");
  politburo.name = NameVariant{"CC CPSU Politburo", text::Script::latin, std::nullopt, ""};
  politburo.variants.push_back(
      NameVariant{"Политбюро ЦК ВКП(б)", text::Script::cyrillic, std::nullopt, "seed page"});
  politburo.existed = date("1919/1952");
  politburo.identifiers.wikidata = "Q106437";
  r.organizations.push_back(politburo);

  Person bagirov;
  bagirov.id = PersonId("person-bagirov");
  bagirov.name = NameVariant{"Mir Jafar Bagirov", text::Script::latin, Scheme::popular, "LCNAF"};
  bagirov.variants.push_back(
      NameVariant{"Мир Джафар Багиров", text::Script::cyrillic, std::nullopt, ""});
  bagirov.variants.push_back(NameVariant{"Bağırov", text::Script::latin, std::nullopt, ""});
  bagirov.born = date("1896");
  bagirov.died = date("1956");
  bagirov.positions.push_back(Position{"First Secretary of the Communist Party of Azerbaijan",
                                       std::nullopt, date("1933/1953")});
  bagirov.affiliations.push_back(OrganizationId("org-politburo"));
  bagirov.identifiers = AuthorityIds{"12345", "Q1343224", "n12345"};
  bagirov.note = "Led Soviet Azerbaijan.";
  r.people.push_back(bagirov);

  Person qavam;
  qavam.id = PersonId("person-qavam");
  qavam.name = NameVariant{"Ahmad Qavam", text::Script::latin, std::nullopt, ""};
  qavam.variants.push_back(NameVariant{"احمد قوام", text::Script::arabic, std::nullopt, ""});
  r.people.push_back(qavam);

  Collection c;
  c.id = CollectionId("coll-azerbaijan-crisis");
  c.title = "The Azerbaijan Crisis";
  c.description = "Soviet and Iranian documents.";
  c.image_caption = "Tabriz, 1946";
  c.parent = CollectionId("coll-cold-war");
  c.related.push_back(CollectionId("coll-cold-war"));
  c.documents.push_back(DocumentId("doc-1"));
  c.documents.push_back(DocumentId("doc-2"));
  r.collections.push_back(c);
  Collection parent;
  parent.id = CollectionId("coll-cold-war");
  parent.title = "Cold War";
  r.collections.push_back(parent);

  Document d1;
  d1.id = DocumentId("doc-1");
  d1.title = "Decree of the CC CPSU Politburo";
  d1.date = date("July 6, 1945");
  d1.date.set_note("from the registry stamp");
  d1.summary = "Measures to organize a separatist movement in Southern Azerbaijan.";
  d1.doc_type = "decree";
  d1.languages = {"ru"};
  d1.translations = {"en"};
  d1.agents.push_back(AgentLink{OrganizationId("org-politburo"), AgentRole::author});
  d1.agents.push_back(AgentLink{PersonId("person-bagirov"), AgentRole::recipient});
  d1.places = {"Tabriz"};
  d1.subjects = {"Azerbaijan Crisis"};
  d1.collections.push_back(CollectionId("coll-azerbaijan-crisis"));
  d1.source = SourceCitation{"State Archive", "f. 1, op. 89, d. 90, ll. 4-5"};
  d1.classification = "Top Secret";
  d1.rights = "Public domain";
  d1.related.push_back(DocumentId("doc-2"));
  d1.views = 1234;
  d1.created = std::chrono::sys_days(std::chrono::year(2026) / 11 / 27);
  d1.modified = std::chrono::sys_days(std::chrono::year(2026) / 11 / 28) + std::chrono::hours(13) +
                std::chrono::minutes(5) + std::chrono::seconds(9);
  r.documents.push_back(d1);

  Document d2;
  d2.id = DocumentId("doc-2");
  d2.title = "نامه قوام";
  d2.date = date("۱۵ شهریور ۱۳۲۵");
  d2.languages = {"fa"};
  d2.agents.push_back(AgentLink{PersonId("person-qavam"), AgentRole::author});
  r.documents.push_back(d2);

  Document d3;
  d3.id = DocumentId("doc-3");
  d3.title = "Телеграмма Сталину";
  d3.date = date("n.d.");
  r.documents.push_back(d3);
  return r;
}

std::string write(const Records& r) {
  std::ostringstream out;
  auto w = write_jsonl(out, r);
  EXPECT_TRUE(w.has_value());
  return out.str();
}

TEST(JsonlTest, RoundTripGivesEqualRecords) {
  const Records original = sample();
  const std::string text = write(original);
  const ImportResult back = read(text);
  EXPECT_EQ(count(back, Severity::error), 0u) << all(back);
  EXPECT_EQ(back.rejected, 0u);
  EXPECT_EQ(back.records, original) << text;
  // Dates keep their expression, calendar and note.
  ASSERT_EQ(back.records.documents.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_TRUE(back.records.documents[i].date.identical(original.documents[i].date)) << i;
  EXPECT_EQ(back.records.documents[0].date.provenance().original, "July 6, 1945");
  EXPECT_EQ(back.records.documents[0].date.provenance().note, "from the registry stamp");
  EXPECT_EQ(back.records.documents[1].date.provenance().calendar, Calendar::persian);
  // Writing again gives the same text.
  EXPECT_EQ(write(back.records), text);
}

TEST(JsonlTest, WritesFixedFieldNamesAndOmitsEmptyOnes) {
  const std::string text = write(sample());
  for (const char* field :
       {"\"type\":\"document\"",
        "\"id\":\"doc-1\"",
        "\"title\":",
        "\"date\":\"July 6, 1945\"",
        "\"summary\":",
        "\"doc_type\":\"decree\"",
        "\"languages\":[\"ru\"]",
        "\"agents\":[{\"id\":\"org-politburo\",\"kind\":\"organization\",\"role\":\"author\"}",
        "\"collections\":[\"coll-azerbaijan-crisis\"]",
        "\"views\":1234",
        "\"created\":\"2026-11-27T00:00:00Z\"",
        "\"modified\":\"2026-11-28T13:05:09Z\"",
        "\"type\":\"collection\"",
        "\"description\":",
        "\"related\":[\"coll-cold-war\"]",
        "\"parent\":\"coll-cold-war\"",
        "\"type\":\"person\"",
        "\"name\":\"Mir Jafar Bagirov\"",
        "\"variants\":[\"Мир Джафар Багиров\"",
        "\"born\":\"1896\"",
        "\"died\":\"1956\"",
        "\"type\":\"organization\"",
        "\"date\":\"n.d.\""}) {
    EXPECT_NE(text.find(field), std::string::npos) << field << "\n" << text;
  }
  // doc-3 has no summary, agents or views: none written.
  const auto line3 = text.substr(text.find("\"id\":\"doc-3\""));
  const auto end3 = line3.find('\n');
  EXPECT_EQ(line3.substr(0, end3).find("summary"), std::string::npos);
  EXPECT_EQ(line3.substr(0, end3).find("views"), std::string::npos);
}

TEST(JsonlTest, ReadsEveryFixedField) {
  const std::string text =
      R"({"type":"organization","id":"org-p","name":"Politburo","variants":["Политбюро"]})"
      "\n"
      R"({"type":"person","id":"person-b","name":"Mir Jafar Bagirov","variants":["Багиров"],)"
      R"("born":"1896","died":"1956"})"
      "\n"
      R"({"type":"collection","id":"coll-a","title":"A","description":"D","related":["coll-b"],)"
      R"("parent":"coll-b"})"
      "\n"
      R"({"type":"collection","id":"coll-b","title":"B"})"
      "\n"
      R"({"type":"document","id":"doc-1","title":"T","date":"6 июля 1945 г.","summary":"S",)"
      R"("doc_type":"telegram","languages":["ru","az"],"agents":[{"id":"org-p","role":"author"},)"
      R"({"id":"person-b","role":"signatory"}],"collections":["coll-a"],"views":7})";
  const ImportResult r = read(text);
  EXPECT_EQ(count(r, Severity::error), 0u) << all(r);
  EXPECT_EQ(count(r, Severity::warning), 0u) << all(r);
  ASSERT_EQ(r.records.size(), 5u);
  const Document& d = r.records.documents.at(0);
  EXPECT_EQ(d.title, "T");
  EXPECT_EQ(d.date.to_edtf(), "1945-07-06");
  EXPECT_EQ(d.summary, "S");
  EXPECT_EQ(d.doc_type, "telegram");
  EXPECT_EQ(d.languages, (std::vector<std::string>{"ru", "az"}));
  ASSERT_EQ(d.agents.size(), 2u);
  EXPECT_EQ(d.agents[0], (AgentLink{OrganizationId("org-p"), AgentRole::author}));
  EXPECT_EQ(d.agents[1], (AgentLink{PersonId("person-b"), AgentRole::signatory}));
  EXPECT_EQ(d.collections, std::vector<CollectionId>{CollectionId("coll-a")});
  EXPECT_EQ(d.views, 7u);
  const Collection& c = r.records.collections.at(0);
  EXPECT_EQ(c.description, "D");
  EXPECT_EQ(c.related, std::vector<CollectionId>{CollectionId("coll-b")});
  EXPECT_EQ(c.parent, CollectionId("coll-b"));
  const Person& p = r.records.people.at(0);
  EXPECT_EQ(p.name.form, "Mir Jafar Bagirov");
  ASSERT_EQ(p.variants.size(), 1u);
  EXPECT_EQ(p.variants[0].script, text::Script::cyrillic);
  EXPECT_EQ(p.born.to_edtf(), "1896");
  EXPECT_EQ(p.died.to_edtf(), "1956");
  EXPECT_EQ(r.records.organizations.at(0).variants.at(0).form, "Политбюро");
}

TEST(JsonlTest, UnknownTypeIsAnError) {
  const ImportResult r = read(R"({"type":"painting","id":"x"})"
                              "\n"
                              R"({"type":"collection","id":"coll-a","title":"A"})");
  EXPECT_EQ(r.rejected, 1u);
  ASSERT_EQ(count(r, Severity::error), 1u) << all(r);
  EXPECT_EQ(r.issues[0].line, 1u);
  EXPECT_EQ(r.issues[0].field, "type");
  EXPECT_NE(r.issues[0].message.find("painting"), std::string::npos);
  EXPECT_EQ(r.records.collections.size(), 1u);
}

TEST(JsonlTest, MissingTypeAndMissingIdAreErrors) {
  const ImportResult r = read(R"({"id":"doc-1","title":"T"})"
                              "\n"
                              R"({"type":"document","title":"T"})");
  EXPECT_EQ(r.rejected, 2u);
  ASSERT_GE(r.issues.size(), 2u) << all(r);
  EXPECT_EQ(r.issues[0].describe(), "test.jsonl:1: type: missing");
  EXPECT_EQ(r.issues[1].describe(), "test.jsonl:2: id: missing");
  EXPECT_EQ(r.records.size(), 0u);
}

TEST(JsonlTest, WrongJsonTypesAreErrors) {
  const ImportResult r =
      read(R"({"type":"document","id":"doc-1","title":"T","views":"many"})"
           "\n"
           R"({"type":"document","id":"doc-2","title":"T","languages":"ru"})"
           "\n"
           R"({"type":"document","id":"doc-3","title":"T","views":-3})"
           "\n"
           R"({"type":"document","id":"doc-4","title":["T"]})"
           "\n"
           R"({"type":"document","id":"doc-5","title":"T","agents":[{"id":"p","role":"king"}]})"
           "\n"
           R"([1,2,3])");
  EXPECT_EQ(r.rejected, 6u) << all(r);
  EXPECT_EQ(r.records.size(), 0u);
  EXPECT_EQ(r.issues.at(0).describe(),
            "test.jsonl:1: views: expected a non-negative integer, got string");
  EXPECT_EQ(r.issues.at(1).field, "languages");
  EXPECT_EQ(r.issues.at(2).field, "views");
  EXPECT_EQ(r.issues.at(3).field, "title");
  EXPECT_EQ(r.issues.at(4).field, "agents[0].role");
  EXPECT_EQ(r.issues.at(5).line, 6u);
}

TEST(JsonlTest, TruncatedJsonNamesLineAndColumn) {
  const ImportResult r = read(R"({"type":"collection","id":"coll-a","title":"A"})"
                              "\n"
                              R"({"type":"document","id":"doc-1","title":"Tele)");
  EXPECT_EQ(r.rejected, 1u);
  ASSERT_EQ(r.issues.size(), 1u) << all(r);
  EXPECT_EQ(r.issues[0].line, 2u);
  EXPECT_GT(r.issues[0].column, 30u);
  EXPECT_NE(r.issues[0].message.find("invalid JSON"), std::string::npos);
  EXPECT_EQ(r.issues[0].describe().rfind("test.jsonl:2:", 0), 0u) << r.issues[0].describe();
  EXPECT_EQ(r.records.collections.size(), 1u);
}

TEST(JsonlTest, InvalidUtf8NamesLineAndByte) {
  std::string line = R"({"type":"document","id":"doc-1","title":"ab)";
  const std::size_t bad = line.size() + 1;  // 1-based byte of the bad byte
  line += "\xff\xfe\"}";
  const ImportResult r = read("\n" + line + "\n");
  EXPECT_EQ(r.rejected, 1u);
  ASSERT_EQ(r.issues.size(), 1u) << all(r);
  EXPECT_EQ(r.issues[0].line, 2u);
  EXPECT_EQ(r.issues[0].column, bad);
  EXPECT_NE(r.issues[0].message.find("UTF-8"), std::string::npos) << r.issues[0].message;
}

TEST(JsonlTest, BlankLinesAreSkipped) {
  const ImportResult r = read(
      "\n   \n"
      R"({"type":"collection","id":"coll-a","title":"A"})"
      "\r\n\n");
  EXPECT_TRUE(r.issues.empty()) << all(r);
  EXPECT_EQ(r.records.collections.size(), 1u);
}

TEST(JsonlTest, HundredMegabyteLineIsReportedNotRead) {
  std::string text = R"({"type":"collection","id":"coll-a","title":"A"})"
                     "\n";
  text += R"({"type":"document","id":"doc-1","title":")";
  text.append(std::size_t{100} << 20, 'x');
  text += "\"}\n";
  text += R"({"type":"collection","id":"coll-b","title":"B"})"
          "\n";
  const ImportResult r = read(text);
  EXPECT_EQ(r.rejected, 1u);
  ASSERT_EQ(r.issues.size(), 1u) << r.issues.size();
  EXPECT_EQ(r.issues[0].line, 2u);
  EXPECT_NE(r.issues[0].message.find("longer than the limit"), std::string::npos);
  EXPECT_EQ(r.records.collections.size(), 2u);
}

TEST(JsonlTest, UnreadableDateIsKeptWithAWarning) {
  const std::string line = R"({"type":"document","id":"doc-1","title":"T","date":"Juyl 6, 1945"})";
  const ImportResult lenient = read(line);
  ASSERT_EQ(lenient.records.documents.size(), 1u) << all(lenient);
  const Document& d = lenient.records.documents[0];
  EXPECT_TRUE(d.date.is_undated());
  EXPECT_EQ(d.date.provenance().original, "Juyl 6, 1945");
  EXPECT_FALSE(d.date_error.empty());
  EXPECT_EQ(count(lenient, Severity::warning), 1u) << all(lenient);
  EXPECT_EQ(lenient.issues.at(0).field, "date");
  // Written back as it was.
  EXPECT_NE(write(lenient.records).find("\"date\":\"Juyl 6, 1945\""), std::string::npos);
  EXPECT_EQ(read(write(lenient.records)).records, lenient.records);

  const ImportResult strict = read(line, true);
  EXPECT_TRUE(strict.stopped);
  EXPECT_EQ(strict.records.size(), 0u);
  EXPECT_EQ(count(strict, Severity::error), 1u);
}

TEST(JsonlTest, ExplicitUnknownDatesAreNotErrors) {
  const ImportResult r =
      read(R"({"type":"document","id":"doc-1","title":"T","date":"date not known"})"
           "\n"
           R"({"type":"document","id":"doc-2","title":"T","date":"n.d."})"
           "\n"
           R"({"type":"document","id":"doc-3","title":"T","date":"undated"})",
           true);
  EXPECT_TRUE(r.issues.empty()) << all(r);
  ASSERT_EQ(r.records.documents.size(), 3u);
  for (const auto& d : r.records.documents) {
    EXPECT_TRUE(d.date.is_undated());
    EXPECT_TRUE(d.date_error.empty());
  }
}

TEST(JsonlTest, StrictStopsAtFirstErrorKeepingWhatWasRead) {
  const std::string text = R"({"type":"collection","id":"coll-a","title":"A"})"
                           "\n"
                           R"({"type":"collection","id":"coll-b","title":"B","related":7})"
                           "\n"
                           R"({"type":"collection","id":"coll-c","title":"C"})"
                           "\n";
  const ImportResult strict = read(text, true);
  EXPECT_TRUE(strict.stopped);
  EXPECT_EQ(strict.rejected, 1u);
  ASSERT_EQ(strict.records.collections.size(), 1u);
  EXPECT_EQ(strict.records.collections[0].id, CollectionId("coll-a"));

  const ImportResult lenient = read(text);
  EXPECT_FALSE(lenient.stopped);
  EXPECT_EQ(lenient.rejected, 1u);
  EXPECT_EQ(lenient.records.collections.size(), 2u);
}

TEST(JsonlTest, LenientKeepsGoodRecordsAndReportsEveryBadOne) {
  const ImportResult r = read(R"({"type":"collection","id":"coll-a","title":"A"})"
                              "\n{oops\n"
                              R"({"type":"collection","id":" Bad Id!","title":"B"})"
                              "\n"
                              R"({"type":"collection","id":"coll-a","title":"again"})"
                              "\n"
                              R"({"type":"collection","id":"coll-c","title":"C"})");
  EXPECT_EQ(r.rejected, 3u) << all(r);
  EXPECT_EQ(count(r, Severity::error), 3u) << all(r);
  EXPECT_EQ(r.records.collections.size(), 2u);
  EXPECT_EQ(r.issues.at(1).line, 3u);
  EXPECT_EQ(r.issues.at(2).line, 4u);
  EXPECT_NE(r.issues.at(2).message.find("duplicate"), std::string::npos);
}

TEST(JsonlTest, AgentIdKindIsResolvedAfterReadingEverything) {
  // The organization comes after the document that names it; an unknown id stays a person.
  const ImportResult r = read(
      R"({"type":"document","id":"doc-1","title":"T","agents":[{"id":"org-p","role":"author"},{"id":"person-x","role":"mentioned"}]})"
      "\n"
      R"({"type":"organization","id":"org-p","name":"Politburo"})");
  ASSERT_EQ(r.records.documents.size(), 1u) << all(r);
  const auto& agents = r.records.documents[0].agents;
  ASSERT_EQ(agents.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<OrganizationId>(agents[0].id));
  EXPECT_TRUE(std::holds_alternative<PersonId>(agents[1].id));
  EXPECT_EQ(count(r, Severity::error), 0u) << all(r);
  ASSERT_EQ(count(r, Severity::warning), 1u) << all(r);
  EXPECT_NE(r.issues[0].message.find("person-x"), std::string::npos);
  EXPECT_EQ(r.issues[0].line, 1u);
}

TEST(JsonlTest, AgentNamesResolveToPeopleOrCreateThem) {
  const ImportResult r = read(
      R"({"type":"document","id":"doc-1","title":"T","agents":[{"name":"M.D. Bagirov","role":"recipient"},{"name":"Ahmad Qavam","role":"author"},{"name":"احمد قوام","role":"mentioned"}]})"
      "\n"
      R"({"type":"person","id":"person-bagirov","name":"Mir Jafar Bagirov"})"
      "\n"
      R"({"type":"person","id":"person-ahmad-qavam","name":"Someone Else"})");
  EXPECT_EQ(count(r, Severity::error), 0u) << all(r);
  ASSERT_EQ(r.records.documents.size(), 1u);
  const auto& agents = r.records.documents[0].agents;
  ASSERT_EQ(agents.size(), 3u);
  EXPECT_EQ(agents[0].id, AgentId(PersonId("person-bagirov")));
  EXPECT_EQ(agents[0].role, AgentRole::recipient);
  // A new person, its id a slug made unique against the batch.
  ASSERT_EQ(r.records.people.size(), 3u) << all(r);
  const Person& created = r.records.people.back();
  EXPECT_EQ(created.id, PersonId("person-ahmad-qavam-2"));
  EXPECT_EQ(created.name.form, "Ahmad Qavam");
  EXPECT_EQ(agents[1].id, AgentId(created.id));
  // The Persian spelling of the same name finds the person just created.
  EXPECT_EQ(agents[2].id, AgentId(created.id));
}

TEST(JsonlTest, NameFormsCarryScriptSchemeAndSource) {
  const ImportResult r = read(
      R"({"type":"person","id":"person-b","name":"Bagirov","variants":["Bagirov M.D."],)"
      R"("name_forms":[{"form":"Bagirov","script":"latin","scheme":"bgn-pcgn","source":"LCNAF"}]})");
  ASSERT_EQ(r.records.people.size(), 1u) << all(r);
  const Person& p = r.records.people[0];
  EXPECT_EQ(p.name.scheme, Scheme::bgn_pcgn);
  EXPECT_EQ(p.name.source, "LCNAF");
  EXPECT_EQ(read(write(r.records)).records, r.records);

  // A form that is neither the name nor a listed variant is one more variant.
  const ImportResult more =
      read(R"({"type":"person","id":"person-b","name":"Bagirov","name_forms":)"
           R"([{"form":"Mir Džafar Bagirov","scheme":"iso9","source":"GOST"}]})");
  ASSERT_EQ(more.records.people.size(), 1u) << all(more);
  ASSERT_EQ(more.records.people[0].variants.size(), 1u);
  EXPECT_EQ(more.records.people[0].variants[0].form, "Mir Džafar Bagirov");
  EXPECT_EQ(more.records.people[0].variants[0].scheme, Scheme::iso9);
  EXPECT_EQ(more.records.people[0].variants[0].script, text::Script::latin);
  EXPECT_EQ(read(write(more.records)).records, more.records);

  const ImportResult bad =
      read(R"({"type":"person","id":"person-b","name":"B","name_forms":[{"form":""}]})");
  EXPECT_EQ(bad.rejected, 1u);
  EXPECT_EQ(bad.issues.at(0).field, "name_forms[0].form");
}

TEST(JsonlTest, AnUnknownScriptOrSchemeIsAnErrorNamingTheKnownOnes) {
  const ImportResult r = read(R"({"type":"person","id":"person-b","name":"Bagirov","name_forms":)"
                              R"([{"form":"Bagirov","script":"Latin","scheme":"loc"}]})");
  EXPECT_EQ(r.rejected, 1u);
  ASSERT_EQ(r.issues.size(), 2u) << all(r);
  EXPECT_EQ(r.issues[0].field, "name_forms[0].script");
  EXPECT_EQ(r.issues[0].message,
            "unknown script 'Latin' (expected none, latin, cyrillic, arabic, mixed or other)");
  EXPECT_EQ(r.issues[1].field, "name_forms[0].scheme");
  EXPECT_EQ(r.issues[1].message,
            "unknown scheme 'loc' (expected bgn-pcgn, ala-lc, iso9 or popular)");
}

TEST(JsonlTest, UnknownFieldsAreWarnings) {
  const ImportResult r = read(R"({"type":"collection","id":"coll-a","title":"A","colour":"red"})");
  EXPECT_EQ(r.records.collections.size(), 1u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].describe(), "warning: test.jsonl:1: colour: unknown field, ignored");
}

TEST(JsonlTest, DescribeFormat) {
  ImportIssue i{Severity::error, "records.jsonl", 12, 5, "date", "cannot read"};
  EXPECT_EQ(i.describe(), "records.jsonl:12:5: date: cannot read");
  i.severity = Severity::warning;
  i.column = 0;
  EXPECT_EQ(i.describe(), "warning: records.jsonl:12: date: cannot read");
}

TEST(JsonlTest, MissingFileIsAnIoError) {
  auto r = read_jsonl_file("/nonexistent/records.jsonl");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::io_error);
}

TEST(JsonlTest, WritingInvalidUtf8IsAnError) {
  Records r;
  Collection c;
  c.id = CollectionId("coll-a");
  c.title = "bad \xff";
  r.collections.push_back(c);
  std::ostringstream out;
  auto w = write_jsonl(out, r);
  ASSERT_FALSE(w.has_value());
  EXPECT_EQ(w.error().code, ErrorCode::invalid_utf8);
}

TEST(JsonlTest, DatesTheExpressionWouldNotReproduceAreWrittenExactly) {
  Records r;
  Person p;
  p.id = PersonId("person-bagirov");
  p.name.form = "Mir Jafar Bagirov";
  p.born = parse_edtf("1895-09-17").value();  // no expression: written as EDTF, read back as is
  p.died = parse_edtf("1956-05-26").value();
  p.died.set_provenance({"26 May 1956", Calendar::gregorian, "executed in Baku"});
  Position position{"First Secretary", std::nullopt, parse_edtf("1933/1953").value()};
  position.date.set_provenance({"1933–1953", Calendar::julian, ""});  // calendar not implied
  p.positions.push_back(position);
  r.people.push_back(p);
  const auto text = write(r);
  EXPECT_NE(text.find("\"born\":{\"edtf\":\"1895-09-17\"}"), std::string::npos) << text;
  EXPECT_NE(text.find("\"note\":\"executed in Baku\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"calendar\":\"julian\""), std::string::npos) << text;
  const auto back = read(text);
  ASSERT_EQ(back.records.people.size(), 1u) << all(back);
  const auto& q = back.records.people[0];
  EXPECT_TRUE(q.born.identical(p.born));
  EXPECT_TRUE(q.died.identical(p.died));
  EXPECT_TRUE(q.positions[0].date.identical(p.positions[0].date));
  EXPECT_EQ(write(back.records), text);
}

TEST(JsonlTest, ExactDateFormErrorsNameTheField) {
  const auto back = read(
      R"({"type":"person","id":"person-x","name":"X","born":{"edtf":"1945-13","calendar":"mayan"}})");
  EXPECT_NE(all(back).find("born.calendar"), std::string::npos) << all(back);
  const auto bad_edtf =
      read(R"({"type":"person","id":"person-x","name":"X","born":{"edtf":"1945-13"}})");
  EXPECT_NE(all(bad_edtf).find("born.edtf: not EDTF"), std::string::npos) << all(bad_edtf);
}

TEST(JsonlTest, AgentKindKeepsOrganizationsOutsideTheBatch) {
  const auto back = read(
      R"({"type":"document","id":"doc-1","title":"Decree","agents":[{"id":"org-politburo","kind":"organization","role":"author"},{"id":"person-stalin"}]})");
  ASSERT_EQ(back.records.documents.size(), 1u) << all(back);
  const auto& agents = back.records.documents[0].agents;
  ASSERT_EQ(agents.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<OrganizationId>(agents[0].id));
  EXPECT_TRUE(std::holds_alternative<PersonId>(agents[1].id));
  const auto bad = read(
      R"({"type":"document","id":"doc-1","title":"Decree","agents":[{"id":"org-x","kind":"party"}]})");
  EXPECT_NE(all(bad).find("agents[0].kind: unknown kind 'party'"), std::string::npos) << all(bad);
}

// A number a double cannot hold (1e999, a number of 100,000 digits) once escaped the reader as
// nlohmann::json::out_of_range and aborted the program; now it is a problem like any other,
// named by line, column and field, whether the field is read (views) or unknown.
TEST(JsonlTest, OutOfRangeNumberIsAProblemNamingLineColumnAndField) {
  const std::string telegram =
      R"({"type":"document","id":"doc-1945-07-06-stalin-bagirov",)"
      R"("title":"Telegram from Stalin to Bagirov","date":"July 6, 1945","views":1e999})";
  const std::string molotov = R"({"type":"person","id":"person-molotov",)"
                              R"("name":"Vyacheslav Molotov","weight":-1e999})";
  const std::string digits(100000, '9');
  const std::string decree = R"({"type":"document","id":"doc-1945-07-06-politburo-decree",)"
                             R"("title":"Decree of the CC CPSU Politburo","archive_number":)" +
                             digits + "}";
  const std::string bagirov =
      R"({"type":"person","id":"person-bagirov","name":"Mir Jafar Bagirov","views":1e-999})";
  const ImportResult r = read(telegram + "\n" + molotov + "\n" + decree + "\n" + bagirov + "\n");

  EXPECT_EQ(r.rejected, 3u) << all(r);
  ASSERT_EQ(count(r, Severity::error), 3u) << all(r);
  EXPECT_EQ(r.issues.at(0).describe(),
            "test.jsonl:1:" + std::to_string(telegram.find("1e999") + 1) +
                ": views: number 1e999 is out of range (its magnitude is above 1.8e308)");
  EXPECT_EQ(r.issues.at(1).describe(),
            "test.jsonl:2:" + std::to_string(molotov.find("-1e999") + 1) +
                ": weight: number -1e999 is out of range (its magnitude is above 1.8e308)");
  EXPECT_EQ(r.issues.at(2).describe(),
            "test.jsonl:3:" + std::to_string(decree.find(digits) + 1) +
                ": archive_number: number 99999999999999999999… (100000 characters) is out of "
                "range (its magnitude is above 1.8e308)");
  // Reading went on: an underflowing number is 0 and only an unknown field here.
  ASSERT_EQ(r.records.people.size(), 1u) << all(r);
  EXPECT_EQ(r.records.people[0].name.form, "Mir Jafar Bagirov");
  EXPECT_NE(all(r).find("warning: test.jsonl:4: views: unknown field, ignored"), std::string::npos)
      << all(r);

  const ImportResult strict = read(telegram + "\n" + bagirov + "\n", true);
  EXPECT_TRUE(strict.stopped);
  EXPECT_EQ(strict.records.size(), 0u);
}

TEST(JsonlTest, ViewsBeyondTheLargestCountAreAnError) {
  const ImportResult r =
      read(R"({"type":"document","id":"doc-1945-07-06","title":"Telegram from Stalin to Bagirov",)"
           R"("views":99999999999999999999})");
  EXPECT_EQ(r.rejected, 1u);
  ASSERT_EQ(r.issues.size(), 1u) << all(r);
  EXPECT_EQ(r.issues[0].describe(),
            "test.jsonl:1: views: expected a non-negative integer up to 18446744073709551615, "
            "got 1e+20");
}

// nlohmann-json takes a raw NUL for the end of the text: what followed it on the line was
// dropped without a word.
TEST(JsonlTest, RawNulIsAnErrorNamingItsByteOffset) {
  const std::string telegram =
      R"({"type":"document","id":"doc-1945-07-06-stalin-bagirov","title":"Telegram from Stalin to Bagirov"})";
  std::string garbage = telegram;
  garbage += '\0';
  garbage += R"(,"type":"person","name":"Vyacheslav Molotov"})";
  std::string in_title = R"({"type":"document","id":"doc-2","title":"Tele)";
  const std::size_t nul_in_title = in_title.size();
  in_title += '\0';
  in_title += R"(gram"})";
  const std::string molotov =
      R"({"type":"person","id":"person-molotov","name":"Vyacheslav Molotov"})";
  const ImportResult r = read(garbage + "\n" + in_title + "\n" + telegram + '\0' + "\n" + molotov);

  EXPECT_EQ(r.rejected, 3u) << all(r);
  ASSERT_EQ(r.issues.size(), 3u) << all(r);
  const std::string offset = std::to_string(telegram.size());
  EXPECT_EQ(r.issues[0].describe(), "test.jsonl:1:" + std::to_string(telegram.size() + 1) +
                                        ": invalid JSON: raw NUL byte at byte offset " + offset +
                                        " of the line (JSON has none; in a string write \\u0000)");
  EXPECT_EQ(r.issues[1].line, 2u);
  EXPECT_EQ(r.issues[1].column, nul_in_title + 1);
  EXPECT_NE(r.issues[1].message.find("byte offset " + std::to_string(nul_in_title)),
            std::string::npos)
      << r.issues[1].message;
  EXPECT_EQ(r.issues[2].line, 3u);
  EXPECT_NE(r.issues[2].message.find("byte offset " + offset), std::string::npos);
  EXPECT_TRUE(r.records.documents.empty());
  ASSERT_EQ(r.records.people.size(), 1u);
  EXPECT_EQ(r.records.people[0].name.form, "Vyacheslav Molotov");
}

// A key given twice used to resolve last-wins: a document became a person. Now the record is
// refused, naming the key, its path and the column of its second occurrence, at any depth.
TEST(JsonlTest, DuplicateKeyIsRefusedNamingKeyAndColumn) {
  const std::string became_person =
      R"({"type":"document","id":"doc-1945-07-06-stalin-bagirov",)"
      R"("title":"Telegram from Stalin to Bagirov","type":"person","name":"Vyacheslav Molotov"})";
  const std::string role_twice =
      R"({"type":"document","id":"doc-1945-07-06","title":"Telegram from Stalin to Bagirov",)"
      R"("agents":[{"id":"person-stalin","role":"author"},)"
      R"({"id":"person-bagirov","role":"recipient","role":"author"}]})";
  const std::string deep =
      R"({"type":"document","id":"doc-1945-07-07","title":"Telegram from Stalin to Bagirov",)"
      R"("source":{"repository":"RGASPI","reference":"f. 558","reference":"f. 17"}})";
  const std::string escaped =
      R"({"type":"document","id":"doc-1945-07-08","title":"Telegram","ty\"pe":1,"ty\u0070e":"person"})";
  const std::string unknown_twice =
      R"({"type":"person","id":"person-molotov","name":"Vyacheslav Molotov","x":{"a":[{"b\"c":1,"b\"c":2}]}})";
  // The same keys in different objects are no duplicates.
  const std::string molotov =
      R"({"type":"person","id":"person-molotov","name":"Vyacheslav Molotov",)"
      R"("variants":["Вячеслав Молотов"],"name_forms":[{"form":"Vyacheslav Molotov","script":"latin"},)"
      R"({"form":"Вячеслав Молотов","script":"cyrillic"}]})";
  const ImportResult r = read(became_person + "\n" + role_twice + "\n" + deep + "\n" + escaped +
                              "\n" + unknown_twice + "\n" + molotov + "\n");

  EXPECT_EQ(r.rejected, 5u) << all(r);
  ASSERT_EQ(count(r, Severity::error), 5u) << all(r);
  auto column = [](const std::string& line, const char* key) {
    return ":" + std::to_string(line.rfind(key) + 1) + ": ";
  };
  EXPECT_EQ(r.issues.at(0).describe(),
            "test.jsonl:1" + column(became_person, R"("type")") +
                "type: duplicate key 'type' (a key may appear only once in an object)");
  EXPECT_EQ(r.issues.at(1).describe(),
            "test.jsonl:2" + column(role_twice, R"("role")") +
                "agents[1].role: duplicate key 'role' (a key may appear only once in an object)");
  EXPECT_EQ(r.issues.at(2).describe(), "test.jsonl:3" + column(deep, R"("reference")") +
                                           "source.reference: duplicate key 'reference' (a key "
                                           "may appear only once in an object)");
  EXPECT_EQ(r.issues.at(3).line, 4u);
  EXPECT_EQ(r.issues.at(3).column, escaped.find(R"("ty\u0070e")") + 1);
  EXPECT_EQ(r.issues.at(3).field, "type");
  EXPECT_EQ(r.issues.at(4).line, 5u);
  EXPECT_EQ(r.issues.at(4).column, unknown_twice.rfind(R"("b\"c")") + 1);
  EXPECT_EQ(r.issues.at(4).field, "x.a[0].b\"c");
  EXPECT_TRUE(r.records.documents.empty()) << all(r);
  ASSERT_EQ(r.records.people.size(), 1u) << all(r);
  EXPECT_EQ(r.records.people[0].variants.size(), 1u);
}

}  // namespace
}  // namespace archive
