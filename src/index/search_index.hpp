// Internal: the search index a Catalog keeps beside its store. An inverted index of folded
// terms with positions (delta + varint postings), a key index that joins terms across scripts
// (Сталин ~ Stalin ~ استالین) through the names part's match keys, per-document date bounds
// for fuzzy date ranges, facet value lists, and BM25 ranking over weighted fields.
//
// Thread-safety: the writers (put, erase, set_source, move assignment) need the index to
// themselves; the Catalog gives them that with its index lock. The const members (search,
// count, stats, documents_with_agent, save) may run from many threads at once while no writer
// runs: the two caches they build on first use, the agent name matcher and the date interval
// index, are guarded by the index's own mutexes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "archive/error.hpp"
#include "archive/index/search.hpp"
#include "archive/model/record.hpp"
#include "archive/query/query.hpp"
#include "archive/storage/store_state.hpp"

namespace archive::detail {

/// Field weights of the BM25 ranking: an occurrence in the title counts 4 times, in an agent's
/// name 3, in subjects or places 2, in the summary once.
inline constexpr std::uint32_t kTitleWeight = 4;
inline constexpr std::uint32_t kNameWeight = 3;
inline constexpr std::uint32_t kSubjectWeight = 2;
inline constexpr std::uint32_t kPlaceWeight = 2;
inline constexpr std::uint32_t kSummaryWeight = 1;

class SearchIndex {
 public:
  SearchIndex();
  ~SearchIndex();
  SearchIndex(SearchIndex&&) noexcept;
  SearchIndex& operator=(SearchIndex&&) noexcept;

  /// Adds or replaces a record; people and organizations give documents their agents' names
  /// (documents indexed before their agents get them when re-put), collections their labels.
  void put(const Record& record);
  /// Removes a record (nothing when absent).
  void erase(const RecordKey& key);

  /// The ids of documents that name `agent` (to re-index them when the agent changes).
  [[nodiscard]] std::vector<DocumentId> documents_with_agent(std::string_view agent_id) const;

  /// Evaluates a query. Safe to call from many threads at once while no writer runs.
  [[nodiscard]] Result<SearchResults> search(const Query& query,
                                             const SearchOptions& options) const;
  /// The number of documents matching `query`.
  [[nodiscard]] Result<std::size_t> count(const Query& query) const;

  [[nodiscard]] IndexStats stats() const;

  /// The store state and instance this index reflects (kept by save/load).
  void set_source(const StoreState& state, std::string instance_id);
  [[nodiscard]] StoreState source() const;
  [[nodiscard]] std::uint64_t generation() const noexcept;
  [[nodiscard]] const std::string& instance_id() const noexcept;

  /// Writes the index to `path` (a temporary file renamed into place).
  [[nodiscard]] Result<void> save(const std::filesystem::path& path) const;
  /// Reads an index written by save(); corrupt / unsupported when the file is damaged,
  /// truncated, foreign or from a newer format.
  [[nodiscard]] static Result<SearchIndex> load(const std::filesystem::path& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace archive::detail
