// Records for storage tests: every field filled (Cyrillic, Persian, long text, every date
// form), every optional field empty, and generated documents in bulk.
#pragma once

#include <cstdio>
#include <string>

#include "archive/date.hpp"
#include "archive/model.hpp"

namespace archive_test {

inline archive::FuzzyDate edtf(std::string_view text, std::string original = {},
                               archive::Calendar calendar = archive::Calendar::gregorian,
                               std::string note = {}) {
  auto date = archive::parse_edtf(text).value();
  date.set_provenance({std::move(original), calendar, std::move(note)});
  return date;
}

inline std::chrono::sys_seconds at(long long seconds) {
  return std::chrono::sys_seconds{std::chrono::seconds{seconds}};
}

/// The Politburo decree of 6 July 1945 with every field filled.
inline archive::Document full_document() {
  using namespace archive;
  Document d;
  d.id = DocumentId("doc-1945-07-06-politburo-decree");
  d.title =
      "Decree of the USSR State Defense Committee on Soviet Measures to Establish a "
      "Separatist Movement in Northern Iran";
  d.date = edtf("1945-07-06", "6 июля 1945 г.", Calendar::gregorian, "from the decree's heading");
  d.summary =
      "Постановление ГКО о мероприятиях по организации сепаратистского движения в Южном "
      "Азербайджане. تصمیم کمیته دفاع دولتی اتحاد شوروی";
  d.doc_type = "decree";
  d.languages = {"ru"};
  d.translations = {"en", "fa"};
  d.agents = {{PersonId("person-stalin"), AgentRole::signatory},
              {OrganizationId("org-cc-cpsu-politburo"), AgentRole::author},
              {PersonId("person-bagirov"), AgentRole::recipient},
              {PersonId("person-molotov"), AgentRole::mentioned}};
  d.places = {"Tabriz", "Тебриз", "تبریز"};
  d.subjects = {"Azerbaijan crisis", "separatism"};
  d.collections = {CollectionId("coll-iran-1945-1946"), CollectionId("coll-soviet-azerbaijan")};
  d.source = {"State Archive of Political Parties and Public Movements of Azerbaijan",
              "f. 1, op. 89, d. 90, ll. 4-5"};
  d.classification = "Совершенно секретно (Top Secret)";
  d.rights = "Translated by Gary Goldberg; public domain in Azerbaijan";
  d.related = {DocumentId("doc-1945-10-08-bagirov-letter"), DocumentId("doc-1946-03-24-molotov")};
  d.views = 12345;
  d.created = at(1700000000);
  d.modified = at(1760000000);
  return d;
}

/// A document with only what is required: an id and a title.
inline archive::Document minimal_document(std::string id = "doc-minimal") {
  archive::Document d;
  d.id = archive::DocumentId(std::move(id));
  d.title = "Telegram";
  return d;
}

inline archive::Collection full_collection() {
  using namespace archive;
  Collection c;
  c.id = CollectionId("coll-iran-1945-1946");
  c.title = "The Iranian Crisis of 1945–1946 — Иранский кризис — بحران ایران";
  c.description = std::string(100'000, 'x') + " Azərbaycan ə ğ ı ö ü ç ş";  // long text
  c.image_caption = "Mir Jafar Bagirov (Мир Джафар Багиров) in Baku, 1945";
  c.parent = CollectionId("coll-cold-war-origins");
  c.related = {CollectionId("coll-soviet-azerbaijan"), CollectionId("coll-tudeh-party")};
  c.documents = {DocumentId("doc-1945-07-06-politburo-decree"),
                 DocumentId("doc-1945-10-08-bagirov-letter")};
  return c;
}

inline archive::Person full_person() {
  using namespace archive;
  Person p;
  p.id = PersonId("person-bagirov");
  p.name = {"Mir Jafar Baghirov", text::Script::latin, Scheme::popular, "seed page"};
  p.variants = {{"Багиров, Мир Джафар Аббасович", text::Script::cyrillic, std::nullopt, "BSE"},
                {"Bagirov, M. D.", text::Script::latin, Scheme::ala_lc, "LCNAF"},
                {"Mir Cəfər Bağırov", text::Script::latin, std::nullopt, "az.wikipedia"},
                {"میرجعفر باقروف", text::Script::arabic, std::nullopt, ""}};
  p.born = edtf("1895-09-17", "۲۶ شهریور ۱۲۷۴", Calendar::persian);
  p.died = edtf("1956-05-26");
  p.positions = {{"First Secretary of the Communist Party of Azerbaijan",
                  OrganizationId("org-cp-azerbaijan"), edtf("1933/1953", "1933–1953")},
                 {"Member of the Presidium", std::nullopt, edtf("1953-03~/1953-07")}};
  p.affiliations = {OrganizationId("org-cp-azerbaijan"), OrganizationId("org-cc-cpsu")};
  p.identifiers = {"41845489", "Q317207", "n85000000"};
  p.note = "Executed in Baku in 1956.";
  return p;
}

inline archive::Person minimal_person(std::string id = "person-minimal") {
  archive::Person p;
  p.id = archive::PersonId(std::move(id));
  p.name.form = "Kianuri";
  return p;
}

inline archive::Organization full_organization() {
  using namespace archive;
  Organization o;
  o.id = OrganizationId("org-tudeh");
  o.name = {"Tudeh Party of Iran", text::Script::latin, std::nullopt, "seed page"};
  o.variants = {{"حزب توده ایران", text::Script::arabic, std::nullopt, ""},
                {"Народная партия Ирана", text::Script::cyrillic, std::nullopt, "BSE"}};
  o.existed = edtf("1941-10-02/..", "10 مهر ۱۳۲۰", Calendar::persian, "founded in Tehran");
  o.parent = OrganizationId("org-comintern");
  o.identifiers = {"", "Q1136009", ""};
  return o;
}

inline archive::Organization minimal_organization(std::string id = "org-minimal") {
  archive::Organization o;
  o.id = archive::OrganizationId(std::move(id));
  o.name.form = "Politburo";
  return o;
}

/// Generated document number `n`: small, distinct, dated in 1945–1956.
inline archive::Document generated_document(int n) {
  using namespace archive;
  Document d;
  char id[32];
  std::snprintf(id, sizeof id, "doc-%08d", n);
  d.id = DocumentId(id);
  d.title = "Telegram " + std::to_string(n) + " from Baku to Moscow — телеграмма";
  d.date = FuzzyDate::from_day(Day::from_civil(1945 + n % 12, static_cast<unsigned>(1 + n % 12),
                                               static_cast<unsigned>(1 + n % 28)));
  d.doc_type = "telegram";
  d.languages = {"ru"};
  d.agents = {{PersonId("person-bagirov"), AgentRole::author},
              {PersonId("person-stalin"), AgentRole::recipient}};
  d.subjects = {"Azerbaijan crisis"};
  d.collections = {CollectionId("coll-iran-1945-1946")};
  d.views = static_cast<std::uint64_t>(n);
  return d;
}

}  // namespace archive_test
