// Internal: the Persian name lexicon (src/names/data/persian_names.tsv, compiled in, plus the
// entries added at run time) and the lookup that gives a Persian word its vowelled Latin form.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "archive/error.hpp"

namespace archive::detail {

// The text of src/names/data/persian_names.tsv (generated source file; see src/CMakeLists.txt).
std::string_view builtin_persian_names_tsv() noexcept;

// The lexicon's columns, in the order forms are stored.
enum class LexiconScheme : std::uint8_t { bgn_pcgn = 0, ala_lc = 1, popular = 2 };
inline constexpr std::size_t kLexiconSchemes = 3;

enum class LexiconKind : std::uint8_t {
  given,
  family,
  place,
  title,
  particle,
  suffix,  // never starts a word (-i, -zadeh, -nejad)
  article,  // the Arabic article with its noun (الدین, الله): second part of a compound name
};

struct LexiconEntry {
  std::array<std::string, kLexiconSchemes> forms;  // a leading '+' attaches to the previous part
  LexiconKind kind = LexiconKind::given;
};

// Uppercases the first cased letter of UTF-8 `s` (skipping ʻ ‘ ’ ʼ and the like).
void capitalize_first(std::string& s);

class PersianLexicon {
 public:
  // Adds the entries of a lexicon file (the format of persian_names.tsv). A malformed line or
  // a spelling given twice is an error naming the line.
  Result<void> load(std::string_view tsv);

  // Adds or replaces one entry.
  Result<void> add(std::string_view persian, const LexiconEntry& entry);

  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

  // Writes the lexicon's form of a Persian word into `out`: the entry for the whole word, or
  // the entries that cover it completely, fewest parts first and longest first part first
  // (محمدرضا → Mohammad Reza, حسینی → Hosseini). False, with `out` unspecified, when the word
  // has no such cover. `key` is key_of(word).
  bool romanize(std::string_view key, LexiconScheme scheme, std::string& out) const;

  // The lookup key of a Persian word: text::fold (letters unified, harakat, ZWNJ and tatweel
  // removed, آ → ا) without hamza. Fails only on invalid UTF-8.
  static Result<void> key_of(std::string_view word, std::string& key);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, LexiconEntry, Hash, std::equal_to<>> entries_;
};

}  // namespace archive::detail
