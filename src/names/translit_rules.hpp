// Internal: the ICU transforms behind Transliterator, one per scheme and source language.
// Each is either an ICU system transform (by ID) or a rule set written here (ICU transform rule
// syntax). The tables and their sources are documented in docs/transliteration.md; keep the two
// in step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace archive::detail {

// The transforms. Every one expects lower-case input for one word (Transliterator handles
// capitalization itself) and writes lower-case Latin, except where a scheme's table asks for
// a capital (none do).
enum class TransformId : std::uint8_t {
  russian_bgn_pcgn,      // ICU Russian-Latin/BGN
  russian_ala_lc,        // ALA-LC Russian (2012) with ties, plus the Azerbaijani letters
  russian_iso9,          // ISO 9:1995 tables 1-3, Russian and Azerbaijani letters
  russian_popular,       // the English-language press forms (Khrushchev, Yeltsin)
  azerbaijani_bgn_pcgn,  // ICU Azerbaijani-Latin/BGN, then Russian-Latin/BGN for the rest
  azerbaijani_popular,   // English forms of Azerbaijani Cyrillic (Baghirov, Heydar)
  persian_bgn_pcgn,      // BGN/PCGN 1958 Persian letters, no short vowels
  persian_ala_lc,        // ALA-LC Persian letters, no short vowels
  persian_popular,       // plain-ASCII Persian letters, no short vowels
  arabic_bgn_pcgn,       // BGN/PCGN 1956 Arabic letters, no short vowels
  arabic_ala_lc,         // ALA-LC Arabic letters, no short vowels
  arabic_popular,        // plain-ASCII Arabic letters, no short vowels
  // Applied after a Cyrillic transform only when Cyrillic letters are left in its output
  // (letters of other Cyrillic alphabets): ICU's Cyrillic-Latin (roughly ISO 9), made ASCII
  // for the popular scheme.
  cyrillic_leftovers,        // ICU Cyrillic-Latin
  cyrillic_leftovers_ascii,  // ICU Cyrillic-Latin, then Latin-ASCII
  count,
};

inline constexpr std::size_t kTransformCount = static_cast<std::size_t>(TransformId::count);

// How to build one transform: an ICU system ID, or rules (UTF-8) compiled under `name`.
struct TransformSource {
  std::string_view name;    // for error messages and the documentation
  std::string_view icu_id;  // non-empty: Transliterator::createInstance(icu_id)
  std::string_view rules;   // non-empty: Transliterator::createFromRules(name, rules)
};

[[nodiscard]] const TransformSource& transform_source(TransformId id) noexcept;

}  // namespace archive::detail
