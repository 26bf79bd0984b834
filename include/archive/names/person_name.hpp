// PersonName: a person's name in parts, parsed from free text in Latin, Cyrillic or Persian
// script, in display order ("Mir Jafar Bagirov") or catalog order ("Pahlavi, Mohammad Reza").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/error.hpp"
#include "archive/export.hpp"
#include "archive/names/transliterator.hpp"
#include "archive/text/script.hpp"

namespace archive {

/// A structured person name. Regular value type; parts keep their written spelling.
struct PersonName {
  std::vector<std::string> titles;  ///< honorifics and titles: Shah, Generalissimo, Princess, Mir
  std::vector<std::string> given;   ///< given names, in order; an initial is one letter ("M")
  std::string patronymic;           ///< Russian patronymic (Джафарович), empty if none
  std::vector<std::string> family;  ///< family name words, particles included ("al-Din")
  std::vector<std::string> particles;        ///< particles found (al, ad, ol, von, de, ibn, …)
  text::Script script = text::Script::none;  ///< the script the name was written in

  /// True for a given name written as an initial.
  [[nodiscard]] ARCHIVE_EXPORT static bool is_initial(std::string_view part) noexcept;

  /// Display order: titles, given, patronymic, family ("Mohammad Reza Pahlavi").
  [[nodiscard]] ARCHIVE_EXPORT std::string display() const;
  /// Sort (catalog) order: "Family, Given Patronymic" ("Pahlavi, Mohammad Reza"); titles last
  /// after a comma ("Pahlavi, Mohammad Reza, Shah").
  [[nodiscard]] ARCHIVE_EXPORT std::string sort_form() const;

  friend bool operator==(const PersonName&, const PersonName&) = default;
};

/// Parses a name: splits words (text::Segmenter), recognizes titles and particles in the three
/// scripts, initials ("M.D."), Russian patronymics (-ович, -евич, -ична, -овна, -ogly/оглы),
/// and "Family, Given" order. Errors: invalid_utf8, or parse_error for text without a name.
[[nodiscard]] ARCHIVE_EXPORT Result<PersonName> parse_person_name(std::string_view text);

/// One written form of a name, as authority records keep them.
struct NameVariant {
  std::string form;  ///< as written
  text::Script script = text::Script::none;
  std::optional<Scheme> scheme;  ///< the romanization scheme, for romanized forms
  std::string source;            ///< where it was found ("LCNAF", "seed page", …)
  friend bool operator==(const NameVariant&, const NameVariant&) = default;
};

}  // namespace archive
