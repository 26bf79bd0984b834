// Romanization of Russian and Persian names (and any Cyrillic or Arabic-script text) under
// named schemes, over ICU transforms. The schemes, their rules and their sources are
// documented in one place: docs/transliteration.md in archive's source tree.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive {

/// A romanization scheme.
enum class Scheme : std::uint8_t {
  bgn_pcgn,  ///< BGN/PCGN (ICU's Russian-Latin/BGN; BGN/PCGN 1958 for Persian)
  ala_lc,    ///< Library of Congress (ALA-LC) romanization tables
  iso9,      ///< ISO 9:1995 / GOST 7.79 system A (Cyrillic only; one letter per letter)
  popular,   ///< the forms English-language sources print: Khrushchev, Yeltsin, Mosaddegh
};

/// "bgn-pcgn", "ala-lc", "iso9" or "popular" (a string that lives as long as the program).
[[nodiscard]] ARCHIVE_EXPORT const std::string& to_string(Scheme scheme) noexcept;
/// The scheme named by to_string(); invalid_argument otherwise.
[[nodiscard]] ARCHIVE_EXPORT Result<Scheme> parse_scheme(std::string_view name);

/// The language of the text to romanize.
enum class NameLanguage : std::uint8_t {
  automatic,  ///< from the script: Cyrillic → Russian, Arabic script → Persian
  russian,
  persian,
  arabic,  ///< Arabic proper (Arabic-script text that is not Persian)
};

/// How to romanize.
struct RomanizeOptions {
  Scheme scheme = Scheme::popular;
  NameLanguage from = NameLanguage::automatic;
  /// ALA-LC only: write the tie diacritics of the tables (t͡s, i͡a, i͡u) or leave them out (ts,
  /// ia, iu), as many catalogs do.
  bool ala_lc_ties = true;
};

/// Romanizes names. Create one (it compiles every scheme's ICU rules once, a few ms) and reuse
/// it. Thread-safe: romanize() may be called from many threads at once (each thread works on
/// its own copy of the ICU transforms, made on its first call); add_persian_name() must not run
/// concurrently with anything else on the same object. Move-only.
class ARCHIVE_EXPORT Transliterator {
 public:
  /// Builds the transforms and loads the built-in Persian name lexicon. Fails only when ICU
  /// rejects a rule set (an internal error naming the scheme).
  [[nodiscard]] static Result<Transliterator> create();

  /// A process-wide instance, created on first use (thread-safe) and alive until the program
  /// ends. Throws BadResultAccess carrying create()'s error when it cannot be built (ICU lacks
  /// or rejects a transform, or the built-in lexicon is malformed: a broken installation, not
  /// bad input); the next call tries again. Use create() to get that error as a Result.
  [[nodiscard]] static const Transliterator& shared();

  ~Transliterator();
  Transliterator(Transliterator&&) noexcept;
  Transliterator& operator=(Transliterator&&) noexcept;
  Transliterator(const Transliterator&) = delete;
  Transliterator& operator=(const Transliterator&) = delete;

  /// The Latin form of `text`. Latin text is returned as is (NFC); Persian words found in the
  /// lexicon get their vowelled form under the scheme (پهلوی → Pahlavi), other Persian words a
  /// rule-based form without short vowels. Invalid UTF-8 gives invalid_utf8; iso9 asked for
  /// Persian gives unsupported.
  [[nodiscard]] Result<std::string> romanize(std::string_view text,
                                             const RomanizeOptions& options = {}) const;

  /// Adds (or replaces) a Persian lexicon entry: a word in Persian script and its popular
  /// Latin form; the other schemes' forms default to the popular one unless given.
  Result<void> add_persian_name(std::string_view persian, std::string_view popular,
                                std::string_view bgn_pcgn = {}, std::string_view ala_lc = {});

  /// Entries in the Persian lexicon (built-in plus added).
  [[nodiscard]] std::size_t persian_lexicon_size() const noexcept;

 private:
  struct Impl;
  explicit Transliterator(std::unique_ptr<Impl> impl) noexcept;
  std::unique_ptr<Impl> impl_;
};

}  // namespace archive
