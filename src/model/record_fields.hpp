// One walk over every field of a record that holds text, shared by validate()
// (model/validate.hpp) and check_record() (model/record.hpp), so the two can never disagree
// on which fields exist. A visitor provides:
//   own_id(field, text)      the record's own id
//   reference(field, text)   the id of another record it refers to
//   text(field, text)        free text
//   date(field, FuzzyDate)   a date (its written form and note are text)
//   name(field, NameVariant) a name (its form and source are text)
// Field names are the JSON Lines names ("agents[1].id", "identifiers.viaf").
#pragma once

#include <string>
#include <vector>

#include "archive/model/records.hpp"

namespace archive::detail {

template <class Visitor>
void walk_texts(Visitor& v, const std::string& field, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i)
    v.text(field + "[" + std::to_string(i) + "]", values[i]);
}

template <class Visitor, class Tag>
void walk_references(Visitor& v, const std::string& field, const std::vector<Id<Tag>>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    v.reference(field + "[" + std::to_string(i) + "]", ids[i].str());
}

template <class Visitor>
void walk_identifiers(Visitor& v, const AuthorityIds& ids) {
  v.text("identifiers.viaf", ids.viaf);
  v.text("identifiers.wikidata", ids.wikidata);
  v.text("identifiers.lcnaf", ids.lcnaf);
}

template <class Visitor>
void walk_names(Visitor& v, const NameVariant& name, const std::vector<NameVariant>& variants) {
  v.name("name", name);
  for (std::size_t i = 0; i < variants.size(); ++i)
    v.name("variants[" + std::to_string(i) + "]", variants[i]);
}

template <class Visitor>
void walk_fields(Visitor& v, const Document& d) {
  v.own_id("id", d.id.str());
  v.text("title", d.title);
  v.date("date", d.date);
  v.text("date_error", d.date_error);
  v.text("summary", d.summary);
  v.text("doc_type", d.doc_type);
  walk_texts(v, "languages", d.languages);
  walk_texts(v, "translations", d.translations);
  for (std::size_t i = 0; i < d.agents.size(); ++i)
    v.reference("agents[" + std::to_string(i) + "].id", agent_id_text(d.agents[i].id));
  walk_texts(v, "places", d.places);
  walk_texts(v, "subjects", d.subjects);
  walk_references(v, "collections", d.collections);
  v.text("source.repository", d.source.repository);
  v.text("source.reference", d.source.reference);
  v.text("classification", d.classification);
  v.text("rights", d.rights);
  walk_references(v, "related", d.related);
}

template <class Visitor>
void walk_fields(Visitor& v, const Collection& c) {
  v.own_id("id", c.id.str());
  v.text("title", c.title);
  v.text("description", c.description);
  v.text("image_caption", c.image_caption);
  if (c.parent) v.reference("parent", c.parent->str());
  walk_references(v, "related", c.related);
  walk_references(v, "documents", c.documents);
}

template <class Visitor>
void walk_fields(Visitor& v, const Person& p) {
  v.own_id("id", p.id.str());
  walk_names(v, p.name, p.variants);
  v.date("born", p.born);
  v.date("died", p.died);
  for (std::size_t i = 0; i < p.positions.size(); ++i) {
    const std::string field = "positions[" + std::to_string(i) + "]";
    v.text(field + ".title", p.positions[i].title);
    if (p.positions[i].organization)
      v.reference(field + ".organization", p.positions[i].organization->str());
    v.date(field + ".date", p.positions[i].date);
  }
  walk_references(v, "affiliations", p.affiliations);
  walk_identifiers(v, p.identifiers);
  v.text("note", p.note);
}

template <class Visitor>
void walk_fields(Visitor& v, const Organization& o) {
  v.own_id("id", o.id.str());
  walk_names(v, o.name, o.variants);
  v.date("existed", o.existed);
  if (o.parent) v.reference("parent", o.parent->str());
  walk_identifiers(v, o.identifiers);
}

}  // namespace archive::detail
