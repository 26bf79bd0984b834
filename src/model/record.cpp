// Record, RecordKind and RecordKey: one record of any kind, and check_record().
#include "archive/model/record.hpp"

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "archive/text/utf8.hpp"
#include "detail/enum_names.hpp"

namespace archive {

namespace {

constexpr auto kRecordKinds =
    detail::enum_names<RecordKind>({{RecordKind::document, "document"},
                                    {RecordKind::collection, "collection"},
                                    {RecordKind::person, "person"},
                                    {RecordKind::organization, "organization"}},
                                   "document");
static_assert(kRecordKinds.valid());

}  // namespace

const std::string& to_string(RecordKind kind) noexcept {
  return detail::enum_name<kRecordKinds>(kind);
}

Result<RecordKind> parse_record_kind(std::string_view name) {
  if (auto kind = kRecordKinds.parse(name)) return *kind;
  return make_error(
      ErrorCode::invalid_argument,
      "unknown record kind '" + std::string(name) + "' (expected " + kRecordKinds.expected() + ")");
}

RecordKind kind_of(const Record& record) noexcept {
  return static_cast<RecordKind>(record.index());
}

void add_to(Records& records, Record record) {
  std::visit(
      [&](auto&& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) records.documents.push_back(std::move(r));
        if constexpr (std::is_same_v<T, Collection>) records.collections.push_back(std::move(r));
        if constexpr (std::is_same_v<T, Person>) records.people.push_back(std::move(r));
        if constexpr (std::is_same_v<T, Organization>) {
          records.organizations.push_back(std::move(r));
        }
      },
      std::move(record));
}

RecordKey key_of(const Record& record) {
  return std::visit([](const auto& r) { return key_of(r.id); }, record);
}

namespace {

// Walks every text field of a record, stopping at the first problem.
class RecordChecker {
 public:
  Result<void> check(const Record& record) {
    std::visit([this](const auto& r) { visit(r); }, record);
    if (failed_) return std::move(*failed_);
    return {};
  }

 private:
  void text(std::string_view field, std::string_view value) {
    if (failed_) return;
    if (auto r = text::validate_utf8(value); !r) {
      failed_ = make_error(ErrorCode::invalid_argument,
                           std::string(field) + ": not valid UTF-8 (at byte " +
                               std::to_string(r.error().offset.value_or(0)) + ")");
    }
  }
  void texts(std::string_view field, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      text(std::string(field) + "[" + std::to_string(i) + "]", values[i]);
    }
  }
  template <class Tag>
  void id(const Id<Tag>& value) {
    if (failed_) return;
    if (auto r = check_id(value.str()); !r) {
      failed_ = make_error(ErrorCode::invalid_argument, "id: " + r.error().describe());
    }
  }
  void date(std::string_view field, const FuzzyDate& value) {
    text(std::string(field) + ".original", value.provenance().original);
    text(std::string(field) + ".note", value.provenance().note);
  }
  void name(std::string_view field, const NameVariant& value) {
    text(std::string(field) + ".form", value.form);
    text(std::string(field) + ".source", value.source);
  }
  void names(const std::vector<NameVariant>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      name("variants[" + std::to_string(i) + "]", values[i]);
    }
  }
  void identifiers(const AuthorityIds& ids) {
    text("identifiers.viaf", ids.viaf);
    text("identifiers.wikidata", ids.wikidata);
    text("identifiers.lcnaf", ids.lcnaf);
  }

  void visit(const Document& d) {
    id(d.id);
    text("title", d.title);
    date("date", d.date);
    text("date_error", d.date_error);
    text("summary", d.summary);
    text("doc_type", d.doc_type);
    texts("languages", d.languages);
    texts("translations", d.translations);
    for (std::size_t i = 0; i < d.agents.size(); ++i) {
      text("agents[" + std::to_string(i) + "].id", agent_id_text(d.agents[i].id));
    }
    texts("places", d.places);
    texts("subjects", d.subjects);
    for (std::size_t i = 0; i < d.collections.size(); ++i) {
      text("collections[" + std::to_string(i) + "]", d.collections[i].str());
    }
    text("source.repository", d.source.repository);
    text("source.reference", d.source.reference);
    text("classification", d.classification);
    text("rights", d.rights);
    for (std::size_t i = 0; i < d.related.size(); ++i) {
      text("related[" + std::to_string(i) + "]", d.related[i].str());
    }
  }
  void visit(const Collection& c) {
    id(c.id);
    text("title", c.title);
    text("description", c.description);
    text("image_caption", c.image_caption);
    if (c.parent) text("parent", c.parent->str());
    for (std::size_t i = 0; i < c.related.size(); ++i) {
      text("related[" + std::to_string(i) + "]", c.related[i].str());
    }
    for (std::size_t i = 0; i < c.documents.size(); ++i) {
      text("documents[" + std::to_string(i) + "]", c.documents[i].str());
    }
  }
  void visit(const Person& p) {
    id(p.id);
    name("name", p.name);
    names(p.variants);
    date("born", p.born);
    date("died", p.died);
    for (std::size_t i = 0; i < p.positions.size(); ++i) {
      const auto field = "positions[" + std::to_string(i) + "]";
      text(field + ".title", p.positions[i].title);
      if (p.positions[i].organization) {
        text(field + ".organization", p.positions[i].organization->str());
      }
      date(field + ".date", p.positions[i].date);
    }
    for (std::size_t i = 0; i < p.affiliations.size(); ++i) {
      text("affiliations[" + std::to_string(i) + "]", p.affiliations[i].str());
    }
    identifiers(p.identifiers);
    text("note", p.note);
  }
  void visit(const Organization& o) {
    id(o.id);
    name("name", o.name);
    names(o.variants);
    date("existed", o.existed);
    if (o.parent) text("parent", o.parent->str());
    identifiers(o.identifiers);
  }

  std::optional<Error> failed_;
};

}  // namespace

Result<void> check_record(const Record& record) {
  return RecordChecker{}.check(record);
}

}  // namespace archive
