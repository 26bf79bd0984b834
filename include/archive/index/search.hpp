// What a search gives back: hits, their count, facet counts; and what it was asked for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "archive/date/fuzzy_date.hpp"
#include "archive/model/ids.hpp"

namespace archive {

/// How many results to return, from where, and whether to count facets.
struct SearchOptions {
  std::size_t limit = 20;        ///< hits returned at most
  std::size_t offset = 0;        ///< hits skipped first (for paging)
  bool facets = false;           ///< count facet values over all matching documents
  std::size_t facet_limit = 10;  ///< values kept per facet, most frequent first
};

/// One matching document.
struct SearchHit {
  DocumentId id;
  double score = 0;   ///< relevance: BM25 over the fields, times the date match when asked
  DayBound earliest;  ///< the document date's strict bounds (unknown when undated)
  DayBound latest;
  std::string title;
  std::uint64_t views = 0;
  friend bool operator==(const SearchHit&, const SearchHit&) = default;
};

/// A facet value and how many matching documents have it.
struct FacetCount {
  std::string value;  ///< a collection id, type, language code, agent id, or decade ("1940s")
  std::string label;  ///< what to show: the collection's title, the agent's name; else value
  std::size_t count = 0;
  friend bool operator==(const FacetCount&, const FacetCount&) = default;
};

/// Facet counts over every matching document, most frequent first (ties by value).
struct Facets {
  std::vector<FacetCount> collections;
  std::vector<FacetCount> doc_types;
  std::vector<FacetCount> languages;
  std::vector<FacetCount> agents;
  std::vector<FacetCount> decades;  ///< of the earliest day; undated documents uncounted
  friend bool operator==(const Facets&, const Facets&) = default;
};

/// The answer to a search.
struct SearchResults {
  std::size_t total = 0;  ///< every matching document, not just the hits returned
  std::vector<SearchHit> hits;
  Facets facets;  ///< empty unless SearchOptions::facets
};

/// What an index holds and what it costs.
struct IndexStats {
  std::size_t documents = 0;       ///< live documents
  std::size_t terms = 0;           ///< distinct folded terms
  std::size_t postings_bytes = 0;  ///< compressed postings with positions
  std::size_t memory_bytes = 0;    ///< all the index's memory, measured by its allocations
  std::uint64_t generation = 0;    ///< the store generation it reflects
};

}  // namespace archive
