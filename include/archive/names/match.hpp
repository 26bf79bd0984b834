// Cross-script name matching: match keys, a similarity score, and a candidate lookup over
// many names — so Багиров, Bagirov, Baghirov, Bağırov and "M.D. Bagirov" find one another.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/names/transliterator.hpp"

namespace archive {

/// Scores at or above this mean "the same name" (see match()).
inline constexpr double kNameMatchThreshold = 0.75;

/// The match keys of a name, for an index: for each word, its folded Latin forms under every
/// scheme, plus a phonetic consonant-skeleton key that survives vowel-less Persian and the
/// common variations (kh/h/x, y/i/j, dzh/j, gh/g/ğ, doubled letters, ou/u, -ov/-off). Titles
/// are left out. Sorted, no duplicates. Errors: invalid_utf8.
[[nodiscard]] ARCHIVE_EXPORT Result<std::vector<std::string>> name_keys(
    std::string_view name, const Transliterator& transliterator = Transliterator::shared());

/// How alike two names are, in [0, 1], whatever their scripts: 1 for the same name. Word
/// order and titles do not matter ("Pahlavi, Mohammad Reza" ~ "Mohammad Reza Shah Pahlavi");
/// an initial matches a word it begins ("M.D. Bagirov" ~ "Mir Jafar Bagirov"). Names match
/// when the score reaches kNameMatchThreshold. Errors: invalid_utf8.
[[nodiscard]] ARCHIVE_EXPORT Result<double> match(
    std::string_view a, std::string_view b,
    const Transliterator& transliterator = Transliterator::shared());

/// A name found by NameMatcher::find.
struct NameCandidate {
  std::uint64_t id = 0;  ///< the id given to add()
  double score = 0;      ///< match() of the query and that name
  friend bool operator==(const NameCandidate&, const NameCandidate&) = default;
};

/// Finds the best-matching names among many: names are added with an id once; find() looks
/// up candidates through their keys and scores them. Not thread-safe for add(); find() may
/// run concurrently with other find() calls. Move-only.
class ARCHIVE_EXPORT NameMatcher {
 public:
  /// Keeps a pointer to `transliterator`, which must outlive this matcher (shared() does).
  explicit NameMatcher(const Transliterator& transliterator = Transliterator::shared());
  ~NameMatcher();
  NameMatcher(NameMatcher&&) noexcept;
  NameMatcher& operator=(NameMatcher&&) noexcept;

  /// Adds a name under an id (several names may share an id: a person's variants).
  Result<void> add(std::uint64_t id, std::string_view name);
  /// The ids whose names score at least `threshold` against `name`, best first (one entry per
  /// id, its best score), at most `limit`.
  [[nodiscard]] Result<std::vector<NameCandidate>> find(
      std::string_view name, std::size_t limit = 10, double threshold = kNameMatchThreshold) const;
  [[nodiscard]] std::size_t size() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace archive
