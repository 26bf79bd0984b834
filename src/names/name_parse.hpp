// Internal: the word-level result of parsing a person name, which both PersonName (the public
// value) and the matcher (which needs to know which words are initials, particles and titles
// that double as name parts) are built from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "archive/error.hpp"
#include "archive/names/person_name.hpp"
#include "archive/text/script.hpp"
#include "archive/text/segmenter.hpp"

namespace archive::names_detail {

enum class WordRole : std::uint8_t { title, given, patronymic, family };

/// One word of a parsed name, in display order.
struct NameWord {
  std::string text;  ///< as written; hyphenated words stay one word ("al-Din")
  WordRole role = WordRole::given;
  bool initial = false;   ///< one letter written with a period ("M." in "M.D. Bagirov")
  bool particle = false;  ///< a standalone particle that belongs to the next word ("von", "de")
  bool suffix = false;  ///< a patronymic suffix word of its own (оглы, oglu, кызы, qızı)
  bool name_like_title = false;  ///< a title that is also a name part (Mir, Mirza, Seyyed, …)
  text::Script script = text::Script::none;
};

struct ParsedName {
  PersonName name;
  std::vector<NameWord> words;  ///< titles, given, patronymic, family (display order)
};

/// Parses `text` with `segmenter` (one per thread). Errors as parse_person_name.
Result<ParsedName> parse_name(std::string_view text, text::Segmenter& segmenter);

/// The calling thread's segmenter (created on first use).
text::Segmenter& thread_segmenter();

/// A particle written at the start of a hyphenated word ("al" in "al-Din", "ad" in
/// "ad-Dawla"), or written on its own ("von", "de", "ibn"): the folded form, without the
/// hyphen.
bool is_particle(std::string_view folded) noexcept;
/// True for the Arabic article and its assimilated forms (al, el, ol, ul, ad, ed, …), which
/// romanizations join to the next word in many ways (Nur al-Din, Nureddin, Nuruddin).
bool is_arabic_article(std::string_view folded) noexcept;

}  // namespace archive::names_detail
