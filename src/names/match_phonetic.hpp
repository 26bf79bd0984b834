// Internal: the phonetic code of a romanized name word, its match keys and the word
// similarity match() is built on. The algorithm is described in match_phonetic.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace archive::names_detail {

/// A word's Latin form for keys and comparison: NFC, then the letters whose diacritic carries
/// a sound rewritten as the digraphs English-language sources use (š → sh, č → ch, ž → zh,
/// ğ → gh, ə → a, ř → rzh, đ → dj, ñ → ny; in an Azerbaijani or Turkish word, recognized by
/// ə, ı, ğ or İ, also c → dzh, ç → ch, x → kh, q → g), then text::fold; only letters are kept,
/// with '-' between the parts of a hyphenated or spaced form ("nur-al-din"). A romanization
/// of Persian is only folded: its dotted and hooked letters are Arabic consonants (ż, ṣ, ş are
/// z and s sounds there), not Slavic or Turkic ones.
std::string latin_form(std::string_view latin, bool from_persian = false);

/// The phonetic codes of a Latin form (one, or two for a word that starts with the Arabic
/// article: "al-din" gives "edin" and "din").
void phonetic_codes(std::string_view form, std::vector<std::string>& out);

/// Appends the code of a Latin word as said without an ending other languages write but
/// Russian does not (Latin -us, -ius → -i; French -ier → -ie, -ault, -aux → -o): Urbanus ~
/// Урбан, Fortier ~ Фортье. Nothing for other words.
void ending_variant_codes(std::string_view form, std::vector<std::string>& out);

/// Appends the consonant-skeleton keys of a phonetic code (several when a letter is
/// ambiguous: j, q, c; a form romanized from Persian also gets its skeleton without v, since
/// و is both v and u/o). Empty when the code has no consonant.
void skeleton_keys(std::string_view code, bool from_persian, std::vector<std::string>& out);

/// The vowel-aware key of a phonetic code: its consonants with '.' where vowels are.
std::string vowel_key(std::string_view code);

/// How alike two phonetic codes are, in [0, 1] (1 for equal codes). `a_persian` says a comes
/// from Persian script, where short vowels are not written (so b's extra vowels cost little).
/// A result at or below `floor` may be given as 0 (the search stops as soon as it cannot
/// beat it).
double code_similarity(std::string_view a, bool a_persian, std::string_view b, bool b_persian,
                       double floor = 0.0);

/// The symbols a word's phonetic code may start with, for matching initials (Yuri starts
/// with i or u: Yu; Dzhafar with J).
std::string first_symbols(std::string_view code);
/// True when an initial whose code starts as `initial_first` can stand for a word whose code
/// starts with one of `word_first` (D. for Dzhafar, K. for Khrushchev, S. for Shah).
bool initial_fits(std::string_view initial_first, std::string_view word_first) noexcept;

}  // namespace archive::names_detail
