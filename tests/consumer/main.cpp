// Builds against the installed headers and library only; exits non-zero on any surprise.
#include <archive/error.hpp>
#include <archive/text.hpp>
#include <archive/version.hpp>
#include <iostream>

int main() {
  if (archive::kVersion != archive::library_version()) {
    std::cerr << "header version " << archive::kVersion << " != library version "
              << archive::library_version() << '\n';
    return 1;
  }
  const auto folded = archive::text::fold("Mir Cəfər Bağırov");
  if (!folded || *folded != "mir cəfər bagirov") {
    std::cerr << "fold gave the wrong answer\n";
    return 1;
  }
  archive::text::Segmenter segmenter;
  const auto tokens = segmenter.segment("M.D. Bagirov, Мир Джафар Багиров");
  if (!tokens || tokens->size() != 6) {
    std::cerr << "segment gave the wrong answer\n";
    return 1;
  }
  const auto bad = archive::text::fold("Bag\xFFirov");
  if (bad || bad.error().offset != 3u) {
    std::cerr << "invalid UTF-8 was not reported at byte 3\n";
    return 1;
  }
  std::cout << "consumer OK: archive " << archive::kVersion << '\n';
  return 0;
}
