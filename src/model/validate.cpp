#include "archive/model/validate.hpp"

#include <set>
#include <unordered_map>
#include <unordered_set>

#include "archive/text/utf8.hpp"
#include "model/record_fields.hpp"

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

  // The field walk (record_fields.hpp): every id, the record's own and its references, must
  // be a well-formed id.
  void own_id(std::string_view field, std::string_view value) { reference(field, value); }
  void reference(std::string_view field, std::string_view value) {
    if (auto r = check_id(value); !r) error(std::string(field), "bad id: " + r.error().describe());
  }
  void required(std::string_view field, std::string_view value) {
    if (value.empty()) error(std::string(field), "is required");
  }
  void text(std::string_view field, std::string_view value) {
    if (auto r = text::validate_utf8(value); !r) error(std::string(field), r.error().describe());
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
  detail::walk_fields(c, d);
  c.required("title", d.title);
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
  detail::walk_fields(c, col);
  c.required("title", col.title);
  if (col.parent && *col.parent == col.id) {
    c.error("parent", "a collection cannot be its own parent");
  }
  return c.take();
}

std::vector<Problem> validate(const Person& p) {
  Checker c(p.id.str());
  detail::walk_fields(c, p);
  c.required("name", p.name.form);
  c.order("born", p.born, "died", p.died);
  for (std::size_t i = 0; i < p.positions.size(); ++i) {
    c.required("positions[" + std::to_string(i) + "].title", p.positions[i].title);
  }
  return c.take();
}

std::vector<Problem> validate(const Organization& o) {
  Checker c(o.id.str());
  detail::walk_fields(c, o);
  c.required("name", o.name.form);
  if (o.parent && *o.parent == o.id) {
    c.error("parent", "an organization cannot be its own parent");
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
