// What an archive holds: documents, collections, people and organizations, modelled on
// Dublin Core, ISAD(G)/EAD (descriptions) and ISAAR(CPF)/EAC-CPF (people and bodies), and on
// the seed collection page. Regular value types; validate() checks them (model/validate.hpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "archive/date/fuzzy_date.hpp"
#include "archive/model/ids.hpp"
#include "archive/names/person_name.hpp"

namespace archive {

/// What an agent did with a document.
enum class AgentRole : std::uint8_t { author, recipient, signatory, mentioned };

/// "author", "recipient", "signatory" or "mentioned" (a string that lives as long as the
/// program).
[[nodiscard]] ARCHIVE_EXPORT const std::string& to_string(AgentRole role) noexcept;
/// The role named by to_string(); invalid_argument otherwise.
[[nodiscard]] ARCHIVE_EXPORT Result<AgentRole> parse_agent_role(std::string_view name);

/// A person or organization and its role in a document.
struct AgentLink {
  AgentId id;
  AgentRole role = AgentRole::mentioned;
  friend bool operator==(const AgentLink&, const AgentLink&) = default;
};

/// Where the original is kept: the repository and its archival reference (fond/opis/delo/list).
struct SourceCitation {
  std::string
      repository;  ///< "State Archive of Political Parties and Public Movements of Azerbaijan"
  std::string reference;  ///< "f. 1, op. 89, d. 90, ll. 4-5"
  friend bool operator==(const SourceCitation&, const SourceCitation&) = default;
};

/// A time a record was created or changed (UTC, seconds).
using Timestamp = std::chrono::sys_seconds;

/// A document: a telegram, decree, letter, resolution, … (ISAD(G) file or item level).
struct Document {
  DocumentId id;
  std::string title;
  /// The date; its provenance keeps the expression as written ("July 6, 1945"). An expression
  /// the parser could not read is kept there with date_error set; the date is then undated.
  FuzzyDate date;
  std::string date_error;  ///< the parser's reason when the written date could not be read
  std::string summary;
  std::string doc_type;                   ///< open vocabulary: telegram, decree, letter, …
  std::vector<std::string> languages;     ///< BCP-47 codes of the original ("ru", "fa", "az")
  std::vector<std::string> translations;  ///< BCP-47 codes of the translations held
  std::vector<AgentLink> agents;
  std::vector<std::string> places;
  std::vector<std::string> subjects;
  std::vector<CollectionId> collections;  ///< the collections it belongs to
  SourceCitation source;
  std::string classification;  ///< the original's marking, e.g. "Top Secret"
  std::string rights;
  std::vector<DocumentId> related;
  std::uint64_t views = 0;  ///< how often it was viewed: ranks "Popular Documents"
  std::optional<Timestamp> created;
  std::optional<Timestamp> modified;
  friend bool operator==(const Document&, const Document&) = default;
};

/// A collection of documents, with its "Also see" relations.
struct Collection {
  CollectionId id;
  std::string title;
  std::string description;
  std::string image_caption;
  std::optional<CollectionId> parent;
  std::vector<CollectionId> related;  ///< "Also see"
  std::vector<DocumentId> documents;  ///< members in the curated order
  friend bool operator==(const Collection&, const Collection&) = default;
};

/// Authority file identifiers of a person or body.
struct AuthorityIds {
  std::string viaf;
  std::string wikidata;  ///< "Q…"
  std::string lcnaf;     ///< Library of Congress Name Authority File ("n…")
  friend bool operator==(const AuthorityIds&, const AuthorityIds&) = default;
};

/// An office held, with its dates.
struct Position {
  std::string title;  ///< "First Secretary of the Communist Party of Azerbaijan"
  std::optional<OrganizationId> organization;
  FuzzyDate date;  ///< e.g. 1933/1953
  friend bool operator==(const Position&, const Position&) = default;
};

/// A person (ISAAR(CPF) / EAC-CPF): a preferred name and variants in every script.
struct Person {
  PersonId id;
  NameVariant name;                   ///< the preferred form
  std::vector<NameVariant> variants;  ///< other forms, any script, scheme and source
  FuzzyDate born;
  FuzzyDate died;
  std::vector<Position> positions;
  std::vector<OrganizationId> affiliations;
  AuthorityIds identifiers;
  std::string note;  ///< a short biographical note
  friend bool operator==(const Person&, const Person&) = default;
};

/// A corporate body: a party, a committee, a ministry.
struct Organization {
  OrganizationId id;
  NameVariant name;
  std::vector<NameVariant> variants;
  FuzzyDate existed;  ///< dates of existence
  std::optional<OrganizationId> parent;
  AuthorityIds identifiers;
  friend bool operator==(const Organization&, const Organization&) = default;
};

/// A batch of records of every kind, as read from a file or written to one.
struct Records {
  std::vector<Document> documents;
  std::vector<Collection> collections;
  std::vector<Person> people;
  std::vector<Organization> organizations;
  [[nodiscard]] std::size_t size() const noexcept {
    return documents.size() + collections.size() + people.size() + organizations.size();
  }
  friend bool operator==(const Records&, const Records&) = default;
};

}  // namespace archive
