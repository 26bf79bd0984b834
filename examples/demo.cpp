// The main demo: the text part at work on the names and dates of the seed collection page
// ("Iran-Soviet Relations"). For each string it shows the script, the search fold and the
// word tokens, then shows that different spellings meet in one folded key.
#include <archive/text.hpp>
#include <archive/version.hpp>
#include <iostream>
#include <string>
#include <string_view>

namespace text = archive::text;

int main() {
  std::cout << "archive " << archive::kVersion
            << " — text demo on the Iran-Soviet Relations collection\n\n";

  const std::string_view samples[] = {
      "Мир Джафар Багиров",  // Mir Jafar Bagirov, in Russian
      "Mir Cəfər Bağırov",   // the same, in Azerbaijani Latin
      "M.D. Bagirov",        // as the 1946 telegram names him
      "محمدرضا پهلوی",       // Mohammad Reza Pahlavi, in Persian
      "نورالدين كيانوري",    // Nureddin Kianuri, typed with Arabic yeh and kaf
      "نورالدین کیانوری",    // the same with Persian letters
      "۱۵ شهریور ۱۳۲۵",      // 15 Shahrivar 1325 (Solar Hijri) = 6 September 1946
      "Naser Fakhr Arai",   "CC CPSU Politburo", "Ёлкин",
  };

  text::Segmenter segmenter;  // created once, reused for every string
  for (const std::string_view s : samples) {
    const auto script = text::detect_script(s);
    const auto folded = text::fold(s);
    const auto tokens = segmenter.segment(s);
    if (!script || !folded || !tokens) {
      std::cerr << "error: unexpected failure on \"" << s << "\"\n";
      return 1;
    }
    std::cout << s << "\n  script: " << text::to_string(*script) << "\n  fold:   " << *folded
              << "\n  tokens:";
    for (const text::Token& t : *tokens) {
      std::cout << " [" << t.text << (t.kind == text::TokenKind::initial ? " (initial)" : "")
                << (t.kind == text::TokenKind::number ? " (number)" : "") << "]";
    }
    std::cout << "\n\n";
  }

  // Spellings that the fold alone already unifies; the names part adds transliteration.
  const std::pair<std::string_view, std::string_view> same[] = {
      {"Bağırov", "BAGIROV"},
      {"نورالدين كيانوري", "نورالدین کیانوری"},
      {"Ёлкин", "елкин"},
  };
  std::cout << "Same folded key:\n";
  for (const auto& [a, b] : same) {
    const bool equal = text::fold(a).value() == text::fold(b).value();
    std::cout << "  " << a << "  ==  " << b << "  ->  " << (equal ? "yes" : "NO") << '\n';
    if (!equal) return 1;
  }

  // Bad input gets a clear error that says what and where.
  const auto bad = text::fold("Bag\xC3(irov");
  std::cout << "\nInvalid UTF-8 is refused: " << bad.error().describe() << '\n';
  return 0;
}
