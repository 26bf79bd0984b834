// The main demo, on the seed collection page ("Iran-Soviet Relations"): the sample collection
// loaded into an SQLite catalog and printed like the page, searched across scripts; then the
// text part (script, search fold, word tokens; spellings that meet in one
// folded key), then the date part (catalogers' dates in three languages and four calendars,
// normalized to EDTF with their strict bounds, and a date-range test).
#include <algorithm>
#include <archive/catalog.hpp>
#include <archive/date.hpp>
#include <archive/io/jsonl.hpp>
#include <archive/names.hpp>
#include <archive/text.hpp>
#include <archive/version.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace text = archive::text;

int main(int argc, char** argv) {
  std::cout << "archive " << archive::kVersion
            << " — demo on the Iran-Soviet Relations collection\n";

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

  // The sample collection (data/sample_collection.jsonl) loaded into an SQLite catalog, then
  // printed like the seed page: the collection, its popular documents, "Also see".
  const std::filesystem::path sample =
      argc > 1 ? std::filesystem::path(argv[1])
               : std::filesystem::path(ARCHIVE_DATA_DIR) / "sample_collection.jsonl";
  auto imported = archive::read_jsonl_file(sample);
  if (!imported) {
    std::cout << "error: " << imported.error().describe() << '\n';
    return 1;
  }
  for (const archive::ImportIssue& issue : imported->issues) {
    std::cout << "error: " << issue.describe() << '\n';
  }
  if (!imported->issues.empty()) return 1;
  const auto file = std::filesystem::temp_directory_path() / "archive-demo.db";
  for (const char* suffix : {"", ".index", "-wal", "-shm"}) {
    std::filesystem::remove(file.string() + suffix);
  }
  auto catalog = archive::Catalog::open("sqlite:" + file.string());
  if (!catalog) {
    std::cout << "error: " << catalog.error().describe() << '\n';
    return 1;
  }
  if (auto added = catalog->add(imported->records); !added) {
    std::cout << "error: " << added.error().describe() << '\n';
    return 1;
  }
  auto page = catalog->get(archive::key_of(archive::CollectionId("coll-iran-soviet-relations")));
  if (!page) {
    std::cout << "error: " << page.error().describe() << '\n';
    return 1;
  }
  const auto& collection = std::get<archive::Collection>(*page);
  std::cout << "\n================================================================\n"
            << collection.title << "\n\n"
            << collection.description << " (Image: " << collection.image_caption
            << ")\n\nPopular Documents\n";
  auto popular = catalog->search("collection:coll-iran-soviet-relations sort:popularity");
  if (!popular) {
    std::cout << "error: " << popular.error().describe() << '\n';
    return 1;
  }
  for (const archive::SearchHit& hit : popular->hits) {
    const auto d = std::get<archive::Document>(catalog->get(archive::key_of(hit.id)).value());
    std::cout << "\n"
              << d.date.provenance().original << "   [" << d.date.to_edtf() << ", " << d.views
              << " views]\n"
              << d.title << "\n";
  }
  std::cout << "\nAlso see:";
  for (const archive::CollectionId& id : collection.related) {
    if (auto related = catalog->get(archive::key_of(id))) {
      std::cout << "\n  " << std::get<archive::Collection>(*related).title;
    }
  }
  std::cout << "\n\nSearching the catalog in any script:\n";
  for (const char* query : {"Багиров", "person:Kyanuri", "استالین date:1946"}) {
    std::cout << "  " << query << "  ->  " << catalog->count(query).value() << " document(s)\n";
  }
  std::cout << "\n";

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

  // Dates as the collection's catalogers wrote them, in three languages and four calendars.
  std::cout << "\nDates (expression -> EDTF, earliest .. latest, calendar written in):\n";
  const std::string_view expressions[] = {
      "July 6, 1945",            // the decree of the CC CPSU Politburo
      "April 12, 1946",          // the telegram to M.D. Bagirov
      "6 июля 1945 г.",          // the decree's date in Russian
      "۱۵ شهریور ۱۳۲۵",          // Solar Hijri: 6 September 1946
      "24 October 1917 (O.S.)",  // Julian, Old Style
      "Spring 1946",             // the Iran crisis
      "c. 1945",
      "1940s",
      "between 1945 and 1947",
      "n.d.",
      "1946-21",  // EDTF: spring 1946
  };
  const archive::DayRange year_1946{archive::Day::from_civil(1946, 1, 1),
                                    archive::Day::from_civil(1946, 12, 31)};
  for (const std::string_view e : expressions) {
    const auto date = archive::parse_date(e);
    if (!date) {
      std::cout << "  error: " << e << ": " << date.error().describe() << '\n';
      return 1;
    }
    std::cout << "  " << e << "  ->  " << (date->is_undated() ? "(undated)" : date->to_edtf())
              << "  " << date->earliest().to_string() << " .. " << date->latest().to_string()
              << "  [" << archive::to_string(date->provenance().calendar) << "]"
              << (date->certainly_within(year_1946)    ? "  in 1946"
                  : date->possibly_overlaps(year_1946) ? "  maybe 1946"
                                                       : "")
              << '\n';
  }
  const auto impossible = archive::parse_edtf("1945-02-30");
  std::cout << "\nAn impossible date is refused: " << impossible.error().describe() << '\n';

  // Names across scripts: romanization under named schemes, then matching.
  const archive::Transliterator& transliterator = archive::Transliterator::shared();
  std::cout << "\nRomanization (popular | BGN/PCGN | ALA-LC):\n";
  for (const std::string_view name :
       {"Мир Джафар Багиров", "Вячеслав Молотов", "محمدرضا پهلوی", "نورالدین کیانوری"}) {
    std::cout << "  " << name << "  ->";
    for (const archive::Scheme scheme :
         {archive::Scheme::popular, archive::Scheme::bgn_pcgn, archive::Scheme::ala_lc}) {
      const auto latin = transliterator.romanize(name, {scheme});
      if (!latin) {
        std::cout << "\n  error: " << latin.error().describe() << '\n';
        return 1;
      }
      std::cout << (scheme == archive::Scheme::popular ? "  " : " | ") << *latin;
    }
    std::cout << '\n';
  }
  std::cout << "\nMatching (score; match at " << archive::kNameMatchThreshold << "):\n";
  const std::pair<std::string_view, std::string_view> pairs[] = {
      {"M.D. Bagirov", "Мир Джафар Багиров"},
      {"Mir Cəfər Bağırov", "Mir Jafar Baghirov"},
      {"Kyanuri", "نورالدین کیانوری"},
      {"Pahlavi, Mohammad Reza", "Mohammed Reza Shah Pahlavi"},
      {"Bagirov", "Bakirov"},
      {"Ashraf Pahlavi", "Mohammad Reza Pahlavi"},
  };
  for (const auto& [a, b] : pairs) {
    const auto score = archive::match(a, b);
    if (!score) {
      std::cout << "  error: " << score.error().describe() << '\n';
      return 1;
    }
    std::cout << "  " << a << "  ~  " << b << "  " << *score
              << (*score >= archive::kNameMatchThreshold ? "  match" : "  no match") << '\n';
  }
  return 0;
}
