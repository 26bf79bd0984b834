// Queries over a catalog's documents: a small tree of value nodes, the query language that
// writes them as text, and a builder that makes the same trees in C++.
//
// The language (fixed syntax):
//   stalin molotov            bare words, all required (AND)
//   "red army"                a phrase: the words next to each other, in order
//   bagirov OR baghirov       either; OR binds tighter than juxtaposition, so
//                             `decree stalin OR molotov` is decree AND (stalin OR molotov)
//   -telegram  -"red army"    exclude documents matching a word, phrase, field or group
//   (a OR b) c                parentheses group
//   title:decree  title:"red army"   words in one field
//   person:bagirov  person:"M.D. Bagirov"   an agent of the document matching that name
//   org:politburo             an organization agent matching that name
//   collection:ID-or-words    a collection the document belongs to
//   type:telegram  lang:fa    document type, language (exact, case-folded)
//   date:1945..1946           dates that possibly overlap the range
//   date:=1945..1946          dates certainly within it
//   date:1945  date:1945..  date:..1946  date:"July 1945".."Spring 1946"
//   date:unknown              undated documents
//   sort:relevance|date|-date|popularity
// A date bound is anything parse_date() reads; quote it when it has spaces. `AND` between
// terms is accepted and means what juxtaposition means. Words are matched after the text
// part's folding and across scripts (Сталин finds Stalin); a word of only punctuation or
// symbols (`%`, `*`) is refused, and one longer than 120 bytes is compared on its first 120
// (docs/search.md). This header only parses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "archive/date/fuzzy_date.hpp"
#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive {

/// Where a term is looked for.
enum class QueryField : std::uint8_t {
  any,           ///< every text field: title, summary, subjects, places, agents' names
  title,         ///< title:
  person,        ///< person: an agent that is a person, by name matching
  organization,  ///< org: an agent that is an organization, by name matching
  collection,    ///< collection: a collection id or words of its title
  doc_type,      ///< type:
  language,      ///< lang:
};

/// The prefix a field is written with ("title", "person", "org", …; "" for any), as a string
/// that lives as long as the program.
[[nodiscard]] ARCHIVE_EXPORT const std::string& to_string(QueryField field) noexcept;

/// Which documents a date filter keeps (see FuzzyDate).
enum class DateMatch : std::uint8_t {
  possibly_overlaps,  ///< `date:A..B` — some reading of the date falls in the range
  certainly_within,   ///< `date:=A..B` — every reading does
};

/// The order of results.
enum class SortOrder : std::uint8_t {
  relevance,        ///< best match first (the default)
  date_ascending,   ///< `sort:date` — the fuzzy date order, undated last
  date_descending,  ///< `sort:-date` — latest first, undated last
  popularity,       ///< `sort:popularity` — most viewed first ("Popular Documents")
};

/// "relevance", "date", "-date" or "popularity" (a string that lives as long as the program).
[[nodiscard]] ARCHIVE_EXPORT const std::string& to_string(SortOrder order) noexcept;

/// One node of a query tree. A regular value.
struct QueryNode {
  enum class Kind : std::uint8_t {
    term,          ///< one word (`text`) in `field`
    phrase,        ///< words next to each other (`text` as written) in `field`
    all_of,        ///< every child (two or more)
    any_of,        ///< at least one child (two or more)
    exclude,       ///< not its one child; an all_of of only excludes means all documents but
    date_range,    ///< `range` with `date_match`; `text` keeps the bounds as written
    date_unknown,  ///< undated documents
  };
  Kind kind = Kind::term;
  QueryField field = QueryField::any;
  std::string text;  ///< term: the word; phrase: the phrase; date_range: "A..B" as written
  std::vector<QueryNode> children;
  DayRange range;  ///< date_range: the days; an absent end is unbounded
  DateMatch date_match = DateMatch::possibly_overlaps;

  friend bool operator==(const QueryNode&, const QueryNode&) = default;
};

/// A whole query: what to match and how to order it.
struct Query {
  QueryNode root;
  SortOrder sort = SortOrder::relevance;

  /// The query in the language above; parse_query() of it gives an equal Query.
  [[nodiscard]] ARCHIVE_EXPORT std::string to_string() const;

  friend bool operator==(const Query&, const Query&) = default;
};

/// Limits that keep a hostile query from exhausting the machine.
inline constexpr std::size_t kMaxQueryBytes = 16 * 1024;
inline constexpr std::size_t kMaxQueryDepth = 64;   ///< nested parentheses and exclusions
inline constexpr std::size_t kMaxQueryTerms = 256;  ///< words, phrases, fields and dates

/// Parses the query language. A malformed query (unbalanced parentheses or quotes, a
/// dangling OR, an unknown field or sort, a date bound parse_date cannot read, an empty
/// query, a word, phrase or title:/person:/org:/collection: value with no letters or digits to
/// search for such as `%` or `"* *"`, invalid UTF-8, a query over the limits) gives a
/// parse_error (invalid_utf8 for bad bytes) whose offset points at the problem. Never throws
/// on bad text.
[[nodiscard]] ARCHIVE_EXPORT Result<Query> parse_query(std::string_view text);

/// The builder: the same nodes the parser makes, for programs. It checks nothing: a word with
/// nothing to search for (`query::word("%")`), which the parser refuses, makes
/// Catalog::search() and count() fail with invalid_argument.
///   Query q{query::all_of({query::word("decree"), query::person("Bagirov"),
///                          query::date_between("1945", "1946").value()}),
///           SortOrder::date_ascending};
namespace query {
[[nodiscard]] ARCHIVE_EXPORT QueryNode word(std::string word, QueryField field = QueryField::any);
[[nodiscard]] ARCHIVE_EXPORT QueryNode phrase(std::string words,
                                              QueryField field = QueryField::any);
[[nodiscard]] ARCHIVE_EXPORT QueryNode person(std::string name);
[[nodiscard]] ARCHIVE_EXPORT QueryNode organization(std::string name);
[[nodiscard]] ARCHIVE_EXPORT QueryNode collection(std::string id_or_words);
[[nodiscard]] ARCHIVE_EXPORT QueryNode doc_type(std::string type);
[[nodiscard]] ARCHIVE_EXPORT QueryNode language(std::string code);
/// Precondition: at least one child (one child is returned as it is).
[[nodiscard]] ARCHIVE_EXPORT QueryNode all_of(std::vector<QueryNode> children);
[[nodiscard]] ARCHIVE_EXPORT QueryNode any_of(std::vector<QueryNode> children);
[[nodiscard]] ARCHIVE_EXPORT QueryNode exclude(QueryNode child);
/// A date filter from two expressions parse_date() reads ("" for an open end): the range
/// runs from the earliest day of `from` to the latest day of `to`.
[[nodiscard]] ARCHIVE_EXPORT Result<QueryNode> date_between(
    std::string_view from, std::string_view to, DateMatch match = DateMatch::possibly_overlaps);
/// A date filter over days (an absent end is unbounded).
[[nodiscard]] ARCHIVE_EXPORT QueryNode date_range(DayRange range,
                                                  DateMatch match = DateMatch::possibly_overlaps);
[[nodiscard]] ARCHIVE_EXPORT QueryNode date_unknown();
}  // namespace query

}  // namespace archive
