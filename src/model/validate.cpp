#include "archive/model/validate.hpp"

#include <set>
#include <unordered_map>
#include <unordered_set>

#include "archive/text/utf8.hpp"

namespace archive {

namespace {

class Checker {
 public:
  explicit Checker(std::string record) : record_(std::move(record)) {}

  void error(std::string field, std::string message) {
    problems_.push_back(Problem{Severity::error, record_, std::move(field), std::move(message)});
  }
  void warning(std::string field, std::string message) {
    problems_.push_back(Problem{Severity::warning, record_, std::move(field), std::move(message)});
  }

  void id(std::string_view field, std::string_view value) {
    if (auto r = check_id(value); !r) error(std::string(field), "bad id: " + r.error().describe());
  }
  void required(std::string_view field, std::string_view value) {
    if (value.empty()) error(std::string(field), "is required");
  }
  void text(std::string_view field, std::string_view value) {
    if (auto r = text::validate_utf8(value); !r) error(std::string(field), r.error().describe());
  }
  void texts(std::string_view field, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      text(std::string(field) + "[" + std::to_string(i) + "]", values[i]);
    }
  }
  void date(std::string_view field, const FuzzyDate& d) {
    text(std::string(field) + ".original", d.provenance().original);
    text(std::string(field) + ".note", d.provenance().note);
  }
  // `later` must not end before `earlier` begins.
  void order(std::string_view earlier_field, const FuzzyDate& earlier, std::string_view later_field,
             const FuzzyDate& later) {
    const DayBound a = earlier.earliest();
    const DayBound b = later.latest();
    if (a.is_day() && b.is_day() && b.day < a.day) {
      error(std::string(later_field), "ends before " + std::string(earlier_field) + " begins (" +
                                          later.to_edtf() + " < " + earlier.to_edtf() + ")");
    }
  }
  void name(std::string_view field, const NameVariant& n) {
    text(std::string(field) + ".form", n.form);
    text(std::string(field) + ".source", n.source);
  }

  std::vector<Problem> take() { return std::move(problems_); }

 private:
  std::string record_;
  std::vector<Problem> problems_;
};

void append(std::vector<Problem>& to, std::vector<Problem> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::string Problem::describe() const {
  std::string out = severity == Severity::error ? "error: " : "warning: ";
  if (!record.empty()) out += record + ": ";
  if (!field.empty()) out += field + ": ";
  out += message;
  return out;
}

std::vector<Problem> validate(const Document& d) {
  Checker c(d.id.str());
  c.id("id", d.id.str());
  c.required("title", d.title);
  c.text("title", d.title);
  c.text("summary", d.summary);
  c.text("doc_type", d.doc_type);
  c.date("date", d.date);
  c.texts("languages", d.languages);
  c.texts("translations", d.translations);
  c.texts("places", d.places);
  c.texts("subjects", d.subjects);
  c.text("source.repository", d.source.repository);
  c.text("source.reference", d.source.reference);
  c.text("classification", d.classification);
  c.text("rights", d.rights);
  for (std::size_t i = 0; i < d.agents.size(); ++i) {
    c.id("agents[" + std::to_string(i) + "].id", agent_id_text(d.agents[i].id));
  }
  for (std::size_t i = 0; i < d.collections.size(); ++i) {
    c.id("collections[" + std::to_string(i) + "]", d.collections[i].str());
  }
  for (std::size_t i = 0; i < d.related.size(); ++i) {
    c.id("related[" + std::to_string(i) + "]", d.related[i].str());
  }
  if (!d.date_error.empty() && !d.date.is_undated()) {
    c.error("date", "has a parse error but is not undated");
  }
  if (d.created && d.modified && *d.modified < *d.created) {
    c.error("modified", "is before created");
  }
  return c.take();
}

std::vector<Problem> validate(const Collection& col) {
  Checker c(col.id.str());
  c.id("id", col.id.str());
  c.required("title", col.title);
  c.text("title", col.title);
  c.text("description", col.description);
  c.text("image_caption", col.image_caption);
  if (col.parent) {
    c.id("parent", col.parent->str());
    if (*col.parent == col.id) c.error("parent", "a collection cannot be its own parent");
  }
  for (std::size_t i = 0; i < col.related.size(); ++i) {
    c.id("related[" + std::to_string(i) + "]", col.related[i].str());
  }
  for (std::size_t i = 0; i < col.documents.size(); ++i) {
    c.id("documents[" + std::to_string(i) + "]", col.documents[i].str());
  }
  return c.take();
}

std::vector<Problem> validate(const Person& p) {
  Checker c(p.id.str());
  c.id("id", p.id.str());
  c.required("name", p.name.form);
  c.name("name", p.name);
  for (std::size_t i = 0; i < p.variants.size(); ++i) {
    c.name("variants[" + std::to_string(i) + "]", p.variants[i]);
  }
  c.date("born", p.born);
  c.date("died", p.died);
  c.order("born", p.born, "died", p.died);
  for (std::size_t i = 0; i < p.positions.size(); ++i) {
    const std::string field = "positions[" + std::to_string(i) + "]";
    c.required(field + ".title", p.positions[i].title);
    c.text(field + ".title", p.positions[i].title);
    c.date(field + ".date", p.positions[i].date);
    if (p.positions[i].organization)
      c.id(field + ".organization", p.positions[i].organization->str());
  }
  for (std::size_t i = 0; i < p.affiliations.size(); ++i) {
    c.id("affiliations[" + std::to_string(i) + "]", p.affiliations[i].str());
  }
  c.text("note", p.note);
  return c.take();
}

std::vector<Problem> validate(const Organization& o) {
  Checker c(o.id.str());
  c.id("id", o.id.str());
  c.required("name", o.name.form);
  c.name("name", o.name);
  for (std::size_t i = 0; i < o.variants.size(); ++i) {
    c.name("variants[" + std::to_string(i) + "]", o.variants[i]);
  }
  c.date("existed", o.existed);
  if (o.parent) {
    c.id("parent", o.parent->str());
    if (*o.parent == o.id) c.error("parent", "an organization cannot be its own parent");
  }
  return c.take();
}

std::vector<Problem> validate(const Records& records, const ValidationOptions& options) {
  std::vector<Problem> problems;
  std::unordered_set<std::string> documents, collections, people, organizations;
  auto note_id = [&](std::unordered_set<std::string>& seen, const std::string& id,
                     std::string_view kind) {
    if (id.empty()) return;
    if (!seen.insert(id).second) {
      problems.push_back(
          Problem{Severity::error, id, "id", "duplicate " + std::string(kind) + " id"});
    }
  };
  for (const auto& d : records.documents)
    note_id(documents, d.id.str(), "document");
  for (const auto& c : records.collections)
    note_id(collections, c.id.str(), "collection");
  for (const auto& p : records.people)
    note_id(people, p.id.str(), "person");
  for (const auto& o : records.organizations) {
    note_id(organizations, o.id.str(), "organization");
    if (people.count(o.id.str()) != 0) {
      problems.push_back(Problem{Severity::error, o.id.str(), "id",
                                 "a person has the same id (agents refer to either)"});
    }
  }

  const Severity unknown =
      options.unknown_references_are_errors ? Severity::error : Severity::warning;
  auto refer = [&](const std::string& record, std::string field,
                   const std::unordered_set<std::string>& kind, const std::string& id,
                   std::string_view what) {
    if (id.empty() || kind.count(id) != 0) return;
    problems.push_back(Problem{unknown, record, std::move(field),
                               "refers to unknown " + std::string(what) + " '" + id + "'"});
  };

  for (const auto& d : records.documents) {
    append(problems, validate(d));
    for (std::size_t i = 0; i < d.agents.size(); ++i) {
      const std::string field = "agents[" + std::to_string(i) + "].id";
      if (std::holds_alternative<PersonId>(d.agents[i].id)) {
        refer(d.id.str(), field, people, std::get<PersonId>(d.agents[i].id).str(), "person");
      } else {
        refer(d.id.str(), field, organizations, std::get<OrganizationId>(d.agents[i].id).str(),
              "organization");
      }
    }
    for (std::size_t i = 0; i < d.collections.size(); ++i) {
      refer(d.id.str(), "collections[" + std::to_string(i) + "]", collections,
            d.collections[i].str(), "collection");
    }
    for (std::size_t i = 0; i < d.related.size(); ++i) {
      refer(d.id.str(), "related[" + std::to_string(i) + "]", documents, d.related[i].str(),
            "document");
    }
  }
  for (const auto& col : records.collections) {
    append(problems, validate(col));
    if (col.parent) refer(col.id.str(), "parent", collections, col.parent->str(), "collection");
    for (std::size_t i = 0; i < col.related.size(); ++i) {
      refer(col.id.str(), "related[" + std::to_string(i) + "]", collections, col.related[i].str(),
            "collection");
    }
    for (std::size_t i = 0; i < col.documents.size(); ++i) {
      refer(col.id.str(), "documents[" + std::to_string(i) + "]", documents, col.documents[i].str(),
            "document");
    }
  }
  for (const auto& p : records.people) {
    append(problems, validate(p));
    for (std::size_t i = 0; i < p.affiliations.size(); ++i) {
      refer(p.id.str(), "affiliations[" + std::to_string(i) + "]", organizations,
            p.affiliations[i].str(), "organization");
    }
    for (std::size_t i = 0; i < p.positions.size(); ++i) {
      if (p.positions[i].organization) {
        refer(p.id.str(), "positions[" + std::to_string(i) + "].organization", organizations,
              p.positions[i].organization->str(), "organization");
      }
    }
  }
  for (const auto& o : records.organizations) {
    append(problems, validate(o));
    if (o.parent) refer(o.id.str(), "parent", organizations, o.parent->str(), "organization");
  }
  return problems;
}

bool has_errors(const std::vector<Problem>& problems) noexcept {
  for (const Problem& p : problems) {
    if (p.severity == Severity::error) return true;
  }
  return false;
}

}  // namespace archive
